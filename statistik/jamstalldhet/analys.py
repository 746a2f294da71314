"""The jämställdhetsanalys of an insats or a förbund, from the engine's own figures.

No query of its own: every count is one the statistics already hold per kön
(`InsatsStatistik`, `ForbundStatistik`), so the analysis can never disagree
with the tables beside it. A förbund's shares are its top insatser's summed,
as its own key figures are. *Annat* kön is shown, never compared on its own.
"""

from dataclasses import dataclass

from statistik.berakning.objekt import Andel, ForbundStatistik, InsatsStatistik
from statistik.berakning.resultat import avbrott
from statistik.jamstalldhet.prov import Andelsskattning, Konsjamforelse, andelsskattning, jamfor_kon

# The outcomes compared, in the order the page, the PDF and the API give them.
MATT = {
    "till_arbete_eller_studier": "Till arbete eller studier",
    "stegforflyttning": "Stegförflyttning",
    "effekt_6_manader": "Effekt efter 6 månader",
    "effekt_18_manader": "Effekt efter 18 månader",
    "avbrott": "Avbrott",
}


@dataclass(frozen=True)
class Utfall:
    """One outcome, women against men, with the annat kön's share beside."""

    matt: str
    jamforelse: Konsjamforelse
    annat: Andelsskattning

    @property
    def namn(self) -> str:
        return MATT[self.matt]


def insatsens_utfall(statistik: InsatsStatistik) -> tuple[Utfall, ...]:
    return _utfall(_andelar(statistik))


def forbundets_utfall(statistik: ForbundStatistik) -> tuple[Utfall, ...]:
    per_insats = [_andelar(s) for s in statistik.insatser]
    return _utfall({matt: Andel.summa(a[matt] for a in per_insats) for matt in MATT})


def _andelar(statistik: InsatsStatistik) -> dict[str, Andel]:
    return {
        "till_arbete_eller_studier": statistik.till_arbete_eller_studier,
        "stegforflyttning": statistik.stegforflyttning,
        "effekt_6_manader": statistik.effekt_6_manader,
        "effekt_18_manader": statistik.effekt_18_manader,
        "avbrott": avbrott(statistik.avslutsorsak, statistik.deltagare.avslutade),
    }


def _utfall(andelar: dict[str, Andel]) -> tuple[Utfall, ...]:
    return tuple(
        Utfall(
            matt,
            jamfor_kon(_par(andel, "kvinnor"), _par(andel, "man")),
            andelsskattning(*_par(andel, "annat")),
        )
        for matt, andel in andelar.items()
    )


def _par(andel: Andel, kon: str) -> tuple[int, int]:
    """(antal, av) of one kön; none of a kön the share has no row for."""
    rad = (andel.per_kon or {}).get(kon)
    return (rad.antal or 0, rad.av or 0) if rad is not None else (0, 0)
