"""The deltagarenkät's results as tables: sv-SE on the page, numbers as numbers in files.

The figures are enkat.resultat's, the API's and the report's: this module
only writes them (`88 % (117 av 133)`, `82–92 %`).
"""

from django.utils import timezone

from enkat.resultat import Andel, Enkatresultat
from finsam.avrundning import procent
from finsam.tabeller import TOMT, Tabellvy, andel_av, ram, tal


def andel_text(a: Andel) -> str:
    """`88 % (117 av 133)`; a dash where no answer may be shown."""
    return andel_av(a.procent, a.positiva, a.giltiga) if a.giltiga else TOMT


def intervall_text(a: Andel) -> str:
    ki = a.intervall
    return TOMT if ki is None else f"{tal(ki[0])}–{tal(ki[1])}\xa0%"


def _jamforelse(procent_: float | None, kalla: str) -> str:
    if procent_ is None:
        return TOMT
    return f"{tal(procent_, decimaler=1)}\xa0%" + (f" ({kalla})" if kalla else "")


def resultattabeller(r: Enkatresultat, *, fil: bool = False) -> list[Tabellvy]:
    """The indikatorer, the trend over measurements and each question's answers."""
    return [
        _indikatorer_fil(r) if fil else indikatortabell(r),
        _trend(r, fil),
        *(_fordelning(r, f, fil) for f in r.fordelningar),
    ]


def indikatortabell(r: Enkatresultat) -> Tabellvy:
    """The indikatorer on the page (the insats's statistics page shows this one alone)."""
    rader = {
        i.namn: {
            "Andel positiva": andel_text(i.totalt),
            "95 % intervall": intervall_text(i.totalt),
            "Kvinnor": andel_text(i.kvinnor),
            "Män": andel_text(i.man),
            "Ej aktuellt/vet ej": tal(i.ej_aktuellt) if i.totalt.giltiga else TOMT,
            "Jämförelse": _jamforelse(i.jamforelse_procent, i.jamforelse_kalla),
        }
        for i in r.indikatorer
    }
    return Tabellvy(
        id=f"enkat-{r.kod}-indikatorer",
        rubrik=f"{r.namn}: indikatorer",
        data=ram(rader, next(iter(rader.values()), {"Andel positiva": ""}).keys()),
        radrubrik="Indikator",
        forklaring=(
            "Andelen positiva svar av de giltiga (ej aktuellt, vet ej och överhoppade frågor "
            "räknas inte), med 95 % konfidensintervall (Wilson). Kvinnor och män visas var för "
            "sig bara från mätningar där minst tio av varje har svarat. Mätningar med färre än "
            "fem svar på en fråga räknas inte alls, så att ingen liten grupp kan räknas fram."
        ),
    )


def _indikatorer_fil(r: Enkatresultat) -> Tabellvy:
    rader = {}
    for i in r.indikatorer:
        rad = {}
        for namn, a in (("", i.totalt), ("kvinnor ", i.kvinnor), ("män ", i.man)):
            rad |= {
                f"Positiva {namn}".strip(): a.positiva if a.giltiga else None,
                f"Giltiga {namn}".strip(): a.giltiga or None,
                f"Andel {namn}(%)": a.procent,
            }
        ki = i.totalt.intervall
        rad |= {
            "Intervall från (%)": ki[0] if ki else None,
            "Intervall till (%)": ki[1] if ki else None,
            "Ej aktuellt eller vet ej": i.ej_aktuellt if i.totalt.giltiga else None,
            "Jämförelse (%)": i.jamforelse_procent,
            "Extern kod": i.extern_kod,
        }
        rader[i.namn] = rad
    return Tabellvy(
        id=f"enkat-{r.kod}-indikatorer",
        rubrik=f"{r.namn}: indikatorer",
        data=ram(rader, next(iter(rader.values()), {"Positiva": None}).keys()),
        radrubrik="Indikator",
        kort="Indikatorer",
    )


def _trend(r: Enkatresultat, fil: bool) -> Tabellvy:
    rader = {}
    flera_insatser = len({m.insats_id for m in r.matningar}) > 1
    for n, m in enumerate(r.matningar):
        etikett = f"{m.fran.isoformat()} {m.get_tillfalle_display().lower()}"
        if flera_insatser:  # an insats and a delinsats can open the same day
            etikett += f", {m.insats.namn}"
        if etikett in rader:
            etikett += f" ({n + 1})"
        rader[etikett] = {
            i.namn: (
                (i.trend[n].procent if i.trend[n] else None)
                if fil
                else andel_text(i.trend[n])
                if i.trend[n]
                else _utan(m)
            )
            for i in r.indikatorer
        }
    return Tabellvy(
        id=f"enkat-{r.kod}-trend",
        rubrik=f"{r.namn}: per mätning",
        data=ram(rader, [i.namn for i in r.indikatorer]),
        radrubrik="Mätningen öppnade",
        forklaring="Varje indikator per mätning, i den ordning de öppnade.",
        kort="Per mätning",
    )


def _utan(matning) -> str:
    """Why a measurement shows no figure: still open, or too few answered."""
    return "öppen" if matning.till >= timezone.localdate() else "för få svar"


def _fordelning(r: Enkatresultat, f, fil: bool) -> Tabellvy:
    rader = {}
    for _kod, text, antal in f.alternativ:
        etikett = text + (" (räknas inte)" if _kod in f.ej_aktuellt else "")
        andel = procent(antal, f.svarande) if f.svarande else None
        rader[etikett] = (
            {"Antal": antal if f.svarande else None, "Andel (%)": andel}
            if fil
            else {"Antal": tal(antal) if f.svarande else TOMT,
                  "Andel": TOMT if andel is None else f"{tal(andel)}\xa0%"}
        )  # fmt: skip
    return Tabellvy(
        id=f"enkat-{r.kod}-{f.kod}",
        rubrik=f.text,
        data=ram(rader, next(iter(rader.values())).keys()),
        radrubrik="Svar",
        forklaring=f"{tal(f.svarande)} svarade på frågan. Andel av dem som svarade; vid "
        "flera svar kan summan bli mer än 100 %.",
        kort=f.kod,
    )
