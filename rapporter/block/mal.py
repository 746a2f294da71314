"""Mål och måluppfyllelse: each insats's mål against its results, in words and as a chart.

The figures are the statistics engine's (the insats page's and the API's),
masked as the report version says; this module only words them. A share is
compared with its mål as the "Mål (%)" column of the resultat table does:
reached when the share is at least the mål.
"""

from dataclasses import dataclass

from finsam.tabeller import procent, tal
from insatser.models import Insats
from rapporter.block.insatser import individinsatser, insatser_under_perioden, statistik_for
from rapporter.block.underlag import Underlag
from statistik.berakning.objekt import Andel, InsatsStatistik
from statistik.oversikt import STAPELAVSTAND, Diagram, Stapel
from statistik.tabeller import RESULTAT_MED_MAL

# Below ten in the denominator one person moves the share by more than ten
# percentage points: the words say the figure rests on few.
LITET_UNDERLAG = 10


@dataclass(frozen=True)
class Matt:
    """One result of DOMAIN.md §5 with the insats's mål for it."""

    falt: str  # InsatsStatistik's field
    malfalt: str  # Insats's field
    namn: str
    gjorde: str  # what the share did, after "42 %"
    namnare: str  # who the share is of


# How each result is worded; the results and their mål fields are statistik's.
ORDALYDELSE = {
    "stegforflyttning": ("gjorde en stegförflyttning", "inskrivningar med minst två bedömningar"),
    "till_arbete_eller_studier": ("gick till arbete eller studier", "avslutade"),
    "effekt_6_manader": (
        "låg sex månader efter avslut kvar på samma steg eller högre",
        "avslutade med uppföljning efter 6 månader",
    ),
    "effekt_18_manader": (
        "låg arton månader efter avslut kvar på samma steg eller högre",
        "avslutade med uppföljning efter 18 månader",
    ),
}
# Stegförflyttning first: what every insats is measured by during the insats.
MATT = tuple(
    Matt(falt, malfalt, namn, *ORDALYDELSE[falt])
    for namn, falt, malfalt in sorted(RESULTAT_MED_MAL, key=lambda r: r[1] != "stegforflyttning")
)


@dataclass(frozen=True)
class Resultat:
    matt: Matt
    andel: Andel
    mal: int | None
    mening: str
    uppnatt: bool | None  # None: no mål, or nothing to judge it by

    @property
    def stapeltext(self) -> str:
        """The bar's label: the share and its mål, short (the sentence says the rest)."""
        if self.andel.andel is None:
            text = "visas inte" if self.andel.av is None else "inget underlag"
        else:
            text = procent(self.andel.andel)
        return text if self.mal is None else f"{text} (mål {procent(self.mal)})"


@dataclass(frozen=True)
class Maluppfyllelse:
    insats: Insats
    resultat: list[Resultat]
    diagram: Diagram


def resultat(matt: Matt, andel: Andel, mal: int | None, min_cell: int) -> Resultat:
    """The share against its mål, in plain Swedish (the template puts the measure's name first)."""
    if andel.av is None:
        # statistik.maskering hides antal, av and andel together: few in the share,
        # or a hidden count the share would give back.
        mening = (
            "Siffran visas inte: den skulle kunna peka ut enskilda personer "
            f"(antal under {min_cell} redovisas inte)"
        )
        return Resultat(matt, andel, mal, _utan_dom(mening, mal), None)
    if andel.av == 0:
        mening = f"Kan inte beräknas: inga {matt.namnare} under perioden"
        return Resultat(matt, andel, mal, _utan_dom(mening, mal), None)
    mening = (
        f"{procent(andel.andel)} {matt.gjorde} "
        f"({tal(andel.antal)} av {tal(andel.av)} {matt.namnare}"
    )
    if mal is None:
        mening += "). Insatsen har inget mål för detta."
        uppnatt = None
    else:
        uppnatt = andel.andel >= mal
        dom = "målet är uppnått" if uppnatt else "målet är inte uppnått"
        mening += f"; mål {procent(mal)}): {dom}."
    if andel.av < LITET_UNDERLAG:
        mening += (
            " Underlaget är litet: en person ändrar andelen med "
            f"{tal(_en_person(andel.av))} procentenheter eller mer."
        )
    return Resultat(matt, andel, mal, mening, uppnatt)


def _utan_dom(mening: str, mal: int | None) -> str:
    if mal is None:
        return f"{mening}."
    return f"{mening}. Målet {procent(mal)} kan inte bedömas."


def _en_person(av: int) -> int:
    # One person of `av`, in whole percentage points rounded down: "at least".
    return 100 // av


def maluppfyllelse(insats: Insats, statistik: InsatsStatistik, min_cell: int) -> Maluppfyllelse:
    rader = [
        resultat(m, getattr(statistik, m.falt), getattr(insats, m.malfalt), min_cell) for m in MATT
    ]
    return Maluppfyllelse(insats, rader, _diagram(insats, rader))


def _diagram(insats: Insats, rader: list[Resultat]) -> Diagram:
    """Each result as a bar on a scale of 0–100 %, its mål a line across it.

    statistik.oversikt.diagram scales to the largest value; a share read
    against its mål needs the whole scale, or 40 % of 80 looks half full.
    """
    staplar = [
        Stapel(
            etikett=r.matt.namn,
            text=r.stapeltext,
            y=i * STAPELAVSTAND + 4,
            bredd=float(r.andel.andel or 0),
            mal=None if r.mal is None else float(r.mal),
        )
        for i, r in enumerate(rader)
    ]
    beskrivning = "; ".join(f"{r.matt.namn}: {r.stapeltext}" for r in rader)
    return Diagram(
        f"maldiagram-{insats.pk}", f"{insats.namn}: resultat mot mål (%)", beskrivning, staplar
    )


def block(underlag: Underlag) -> dict:
    """The block's context: each individinriktad insats of the report with its results."""
    insatser = individinsatser(insatser_under_perioden(underlag))
    return {
        "underlag": underlag,
        "insatser": [
            maluppfyllelse(i, statistik_for(i, underlag), underlag.min_cell) for i in insatser
        ],
    }
