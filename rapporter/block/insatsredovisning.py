"""The bilaga Insatsredovisning (seed 004's shape): per insats its facts, figures and berättelse.

The §5 tables are statistik.tabeller's, read from the same result objects as
the insats's statistics page and the API, masked as the report version says;
struktur insatser show their nyckeltal instead. The samordnare's berättelse
is the one written for exactly the report's period.
"""

from dataclasses import dataclass, replace

from django.utils.formats import date_format
from django.utils.safestring import SafeString

from finsam.kodlistor import KON_KOLUMNER, Inriktning
from finsam.tabeller import Tabellvy, procent, tal
from insatser.models import Insats, Insatsberattelse, Nyckeltal
from insatser.selectors import nyckeltal_varden
from rapporter.block.insatser import insatser_under_perioden, statistik_for
from rapporter.block.mal import MATT
from rapporter.block.underlag import Underlag
from rapporter.markering import som_html
from statistik.oversikt import Diagram, diagram
from statistik.tabeller import KONSRUBRIKER, insats_tabeller, varde_text


@dataclass(frozen=True)
class Nyckeltalsrad:
    namn: str
    period: str
    varde: str


@dataclass(frozen=True)
class Redovisning:
    insats: Insats
    fakta: list[tuple[str, str]]
    mal: list[str]
    tabeller: list[Tabellvy]  # none for a struktur insats
    konsdiagram: Diagram | None
    nyckeltal: list[Nyckeltalsrad]
    berattelse: SafeString | None  # None: the samordnare has written none for the period
    under_overordnad: bool = False  # a delinsats after its överordnad: two tables only


def _datum(d) -> str:
    return date_format(d, "j F Y")


def fakta(insats: Insats) -> list[tuple[str, str]]:
    """What the insats is, as seed 002 and 004 list it first; unset facts are left out."""
    tid = (
        f"{_datum(insats.startdatum)} – {_datum(insats.slutdatum)}"
        if insats.slutdatum
        else f"från {_datum(insats.startdatum)}, pågående"
    )
    rader = [
        ("Inriktning", insats.get_inriktning_display()),
        ("Delinsats av", insats.overordnad.namn if insats.overordnad else ""),
        # Their own pages follow; the figures here include theirs.
        ("Delinsatser", ", ".join(d.namn for d in insats.delinsatser.order_by("namn", "pk"))),
        ("Ägare", insats.agare.namn if insats.agare else ""),
        ("Utförare", insats.utforare.namn if insats.utforare else ""),
        ("Insatsens tid", tid),
        ("Årsplatser", "" if insats.arsplatser is None else tal(insats.arsplatser)),
        (
            "Tilldelade medel",
            "" if insats.tilldelade_medel is None else f"{tal(insats.tilldelade_medel)} kr",
        ),
    ]
    return [(namn, varde) for namn, varde in rader if varde]


def malen(insats: Insats) -> list[str]:
    """The insats's mål in percent, named as in Mål och måluppfyllelse."""
    return [
        f"{m.namn}: minst {procent(getattr(insats, m.malfalt))}"
        for m in MATT
        if getattr(insats, m.malfalt) is not None
    ]


def nyckeltal(insats: Insats, underlag: Underlag) -> list[Nyckeltalsrad]:
    """The nyckeltal whose own period overlaps the report's, each with its period,
    read as the page and the API read them; people counts masked as the version says."""
    varden = nyckeltal_varden(
        Nyckeltal.objects.filter(insats=insats),
        min_cell=underlag.min_cell,
        fran=underlag.fran,
        till=underlag.till,
    )
    return [Nyckeltalsrad(n.namn, n.period, varde_text(n)) for n in varden]


def berattelse(insats: Insats, underlag: Underlag) -> SafeString | None:
    text = (
        Insatsberattelse.objects.filter(insats=insats, fran=underlag.fran, till=underlag.till)
        .values_list("text", flat=True)
        .first()
    )
    # Under the bilaga's h4 "Samordnarens berättelse".
    return None if text is None else som_html(text, under=4)


# A delinsats under its överordnad in the same bilaga shows these tables only:
# its people are counted in the överordnad's every table already, and a full
# set for each delinsats doubled the demo's bilaga (and its build time).
DELINSATSENS_TABELLER = ("deltagare", "resultat")


def redovisning(
    insats: Insats, underlag: Underlag, *, under_overordnad: bool = False
) -> Redovisning:
    tabeller, konsdiagram = [], None
    if insats.inriktning == Inriktning.INDIVID:
        statistik = statistik_for(insats, underlag)
        # One report holds every insats's tables: their anchors name the insats.
        tabeller = [
            replace(t, id=f"{insats.pk}-{t.id}")
            for t in insats_tabeller(statistik, insats)
            if not under_overordnad or t.id in DELINSATSENS_TABELLER
        ]
        k = statistik.deltagare.aktiva_inklusive_anonyma
        konsdiagram = diagram(
            f"kondiagram-{insats.pk}",
            f"{insats.namn}: aktiva inklusive anonyma per kön",
            [(KONSRUBRIKER[n], getattr(k, n), tal(getattr(k, n)), None) for n in KON_KOLUMNER[:3]],
        )
    return Redovisning(
        insats=insats,
        under_overordnad=under_overordnad,
        fakta=fakta(insats),
        mal=malen(insats),
        tabeller=tabeller,
        konsdiagram=konsdiagram,
        nyckeltal=nyckeltal(insats, underlag) if insats.inriktning == Inriktning.STRUKTUR else [],
        berattelse=berattelse(insats, underlag),
    )


def block(underlag: Underlag) -> dict:
    """The block's context: the report's insats, or every insats that ran in the period."""
    insatser = insatser_under_perioden(underlag)
    ids = {i.pk for i in insatser}
    return {
        "underlag": underlag,
        "insatser": [
            redovisning(i, underlag, under_overordnad=i.overordnad_id in ids) for i in insatser
        ],
    }
