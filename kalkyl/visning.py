"""The kalkyl as its page shows it: sv-SE tables of the calculation's objects.

The numbers are kalkyl.berakning's, the API's; this module writes them
(`600 000 kr`, `43 mån`) and names what they rest on.
"""

from collections import Counter

from finsam.avrundning import hela_kronor
from finsam.kodlistor import Forsorjningskalla
from finsam.tabeller import TOMT, Tabellvy, ram, tal
from kalkyl.berakning import Kalkyl
from kalkyl.models import Aktor
from kalkyl.underlag import Underlag

AKTORSNAMN = dict(Aktor.choices)
TIDPUNKTSNAMN = {
    "uppfoljning_18": "uppföljningen efter 18 månader",
    "uppfoljning_6": "uppföljningen efter 6 månader",
    "avslut": "avslutet",
}


def kronor(belopp: int | None) -> str:
    return TOMT if belopp is None else f"{tal(belopp)}\xa0kr"


def manader(antal: int | None) -> str:
    return TOMT if antal is None else f"{tal(antal)}\xa0mån"


def aterbetalning_mot_mal(manad: int | None, mal: int | None) -> str:
    """Återbetalningstid with the insats's goal where it has one: `43 mån, mål 40 mån`."""
    text = manader(manad)
    return text if mal is None else f"{text}, mål {manader(mal)}"


def aktorstabell(k: Kalkyl) -> Tabellvy:
    rader = {
        AKTORSNAMN[r.aktor]: {
            "Andel av kostnaden": kronor(r.kostnad),
            "Minskade utgifter per år": kronor(r.forandring_per_ar),
            "Återbetalningstid": manader(r.aterbetalningstid_manader),
        }
        for r in k.per_aktor
    }
    return Tabellvy(
        id="kalkyl-aktorer",
        rubrik="Per aktör",
        data=ram(rader, ["Andel av kostnaden", "Minskade utgifter per år", "Återbetalningstid"]),
        radrubrik="Aktör",
        forklaring="Aktörens andel av kostnaden, dess minskade utgifter per år (den del som "
        "tillskrivs insatsen) och tiden tills de har betalat tillbaka andelen.",
    )


def kanslighetstabell(k: Kalkyl) -> Tabellvy:
    """Återbetalningstid and netto after five years per varaktighet (rows) and share (columns)."""
    rader: dict[str, dict[str, str]] = {}
    for r in k.kanslighet:
        rad = rader.setdefault(f"{r.varaktighet_ar} år", {})
        rad[f"{r.tillskrivning_procent}\xa0%"] = (
            f"{manader(r.aterbetalningstid_manader)} · {kronor(r.netto_5_ar)}"
        )
    return Tabellvy(
        id="kalkyl-kanslighet",
        rubrik="Känslighet",
        data=ram(rader, next(iter(rader.values())).keys()),
        radrubrik="Effekten varar",
        forklaring="Återbetalningstid · netto efter fem år, för varje antagen varaktighet "
        "(rader) och andel som tillskrivs insatsen (kolumner).",
    )


def underlagstext(u: Underlag) -> list[str]:
    """What the figures rest on, in sentences."""
    rader = [
        f"{u.avslutade} deltagare avslutade insatsen under perioden (avlidna och "
        "felregistrerade räknas inte).",
    ]
    if u.utan_forsorjning:
        rader.append(
            f"{u.utan_forsorjning} av dem saknar känd försörjning vid start eller efter och "
            "ingår inte i förändringen."
        )
    if u.tidpunkter:
        delar = [f"{antal} på {TIDPUNKTSNAMN[t]}" for t, antal in sorted(u.tidpunkter.items())]
        rader.append(f"Försörjningen efter bygger på {', '.join(delar)}.")
    if u.uppfoljningar_utan_forsorjning:
        rader.append(
            f"{u.uppfoljningar_utan_forsorjning} genomförda uppföljningar saknar försörjning; "
            "för dem används försörjningen från mätningen före."
        )
    andelar = ", ".join(
        f"{AKTORSNAMN[a].lower()} {tal(float(andel) * 100, decimaler=1)}\xa0%"
        for a, andel in u.andelar.items()
    )
    kalla = "förbundets intäkter åren" if u.andelar_fran_intakter else "lagens fördelning"
    rader.append(f"Kostnaden fördelas efter {kalla}: {andelar}.")
    return rader


def nedladdningstabeller(k: Kalkyl) -> list[Tabellvy]:
    """The same figures for CSV and Excel: numbers as numbers, kronor and months."""
    huvud = {
        "Kalkyl": {
            "Kostnad (kr)": k.kostnad,
            "Återbetalningstid (mån)": k.aterbetalningstid_manader,
            "Netto efter ett år (kr)": k.netto_1_ar,
            "Netto efter fem år (kr)": k.netto_5_ar,
            "Produktionsvärde per år (kr)": k.produktionsvarde_per_ar,
            "Inkomstökning per år (kr)": k.inkomstforandring_individ_per_ar,
            "Nya i arbete": k.nya_i_arbete,
            "Kan inte beräknas än": k.skal,
        }
    }
    aktorer = {
        AKTORSNAMN[r.aktor]: {
            "Andel av kostnaden (kr)": r.kostnad,
            "Minskade utgifter per år (kr)": r.forandring_per_ar,
            "Återbetalningstid (mån)": r.aterbetalningstid_manader,
        }
        for r in k.per_aktor
    }
    kanslighet = {
        f"{r.varaktighet_ar} år, {r.tillskrivning_procent} %": {
            "Återbetalningstid (mån)": r.aterbetalningstid_manader,
            "Netto efter fem år (kr)": r.netto_5_ar,
        }
        for r in k.kanslighet
    }
    tabeller = [
        Tabellvy("kalkyl", "Kalkyl", ram(huvud, next(iter(huvud.values())).keys()), kort="Kalkyl"),
        Tabellvy(
            "kalkyl-aktorer",
            "Per aktör",
            ram(aktorer, next(iter(aktorer.values())).keys()),
            radrubrik="Aktör",
            kort="Per aktör",
        ),
    ]
    if kanslighet:
        tabeller.append(
            Tabellvy(
                "kalkyl-kanslighet",
                "Känslighet",
                ram(kanslighet, ["Återbetalningstid (mån)", "Netto efter fem år (kr)"]),
                radrubrik="Varaktighet, tillskriven andel",
                kort="Känslighet",
            )
        )
    return tabeller


def forsorjningstabell(k: Kalkyl) -> Tabellvy | None:
    """What the change is made of: how many had each källa at start and after, what a
    year of it costs whom, and the fall in spending on it. None without people to count."""
    u = k.underlag
    if not u.personer:
        return None
    fore = Counter(kalla for p in u.personer for kalla in p.start)
    efter = Counter(kalla for p in u.personer for kalla in p.efter)
    rader = {}
    for kalla, namn in Forsorjningskalla.choices:
        if fore[kalla] or efter[kalla]:
            kostnad, aktor = u.kostnader.get(kalla, (0, ""))
            forandring = k.forandring_per_kalla.get(kalla)
            rader[namn] = {
                "Vid start": fore[kalla],
                "Efter": efter[kalla],
                "Kostnad per person och år": kronor(kostnad),
                "Betalas av": AKTORSNAMN.get(aktor, TOMT),
                "Minskade utgifter per år": kronor(
                    None if forandring is None else hela_kronor(forandring)
                ),
            }
    return Tabellvy(
        id="kalkyl-forsorjning",
        rubrik="Deltagarnas försörjning före och efter",
        data=ram(rader, next(iter(rader.values())).keys()),
        radrubrik="Försörjning",
        forklaring="Antal deltagare med försörjningen vid start och vid den senast kända "
        "mätningen efter (en person kan ha flera), vad ett år av den kostar enligt "
        "antagandena och hur mycket utgifterna för den minskat per år, innan andelen som "
        "tillskrivs insatsen. En person med flera källor räknas med varje källas kostnad "
        "delad med antalet källor. Summan per aktör, gånger den tillskrivna andelen, är "
        "aktörens minskade utgifter.",
    )


def kostnadstabell(u: Underlag) -> Tabellvy | None:
    """The insats's cost per budget rad; None when nothing is booked."""
    if not u.kostnad_per_rad:
        return None
    rader = {rad: {"Utfall": kronor(belopp)} for rad, belopp in u.kostnad_per_rad.items()}
    return Tabellvy(
        id="kalkyl-kostnad",
        rubrik="Kostnaden per budgetrad",
        data=ram(rader | {"Totalt": {"Utfall": kronor(u.kostnad)}}, ["Utfall"]),
        radrubrik="Budgetrad och år",
        forklaring="Utfallet under perioden på budgetraderna för insatsen och dess delinsatser.",
    )
