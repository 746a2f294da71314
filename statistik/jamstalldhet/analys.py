"""The jämställdhetsanalys of an insats or a förbund, from the engine's own figures.

No query of its own: every count is one the statistics already hold per kön
(`InsatsStatistik`, `ForbundStatistik`), so the analysis can never disagree
with the tables beside it. A förbund's shares are its top insatser's summed,
as its own key figures are. *Annat* kön is shown, never compared on its own.
Masking for part keys is the statistics' own rule (statistik.maskering),
applied to each outcome's share by kön.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from finsam.maskering import OMASKERAT
from finsam.models import Forbund
from insatser.models import Insats
from statistik.berakning import forbund_statistik, insats_statistik, median_tid_per_kon
from statistik.berakning.objekt import Andel, ForbundStatistik, InsatsStatistik
from statistik.berakning.resultat import avbrott
from statistik.jamstalldhet.prov import (
    DOLD,
    DOLD_ANDEL,
    Andelsskattning,
    Konsjamforelse,
    andelsskattning,
    jamfor_kon,
)
from statistik.jamstalldhet.representation import Representationer, representation
from statistik.maskering import maskera_andel

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


@dataclass(frozen=True)
class Jamstalldhetsanalys:
    """What the page, the PDF section and the API show for one insats or förbund."""

    fran: datetime.date
    till: datetime.date
    utfall: tuple[Utfall, ...]
    representationer: Representationer
    # Median tid i insats in months per kön (kvinna, man, annat), shown beside the
    # table; empty for masked figures (a median of one person is that person's).
    median_tid: dict[str, Decimal | None]


def insatsens_analys(
    insats: Insats, fran: datetime.date, till: datetime.date, min_cell: int = OMASKERAT
) -> Jamstalldhetsanalys:
    """The insats's (urval aktiva, delinsatser included), from its statistics."""
    statistik = insats_statistik(insats=insats, fran=fran, till=till)
    vid_start = [statistik.forsorjning_vid_start]
    return Jamstalldhetsanalys(
        fran,
        till,
        insatsens_utfall(statistik, min_cell),
        representation(insats.forbund, vid_start, till.year, min_cell),
        median_tid_per_kon(fran=fran, till=till, insats=insats) if min_cell == OMASKERAT else {},
    )


def forbundets_analys(
    forbund: Forbund, fran: datetime.date, till: datetime.date, min_cell: int = OMASKERAT
) -> Jamstalldhetsanalys:
    """The förbund's, from its statistics: its top insatser summed."""
    statistik = forbund_statistik(forbund=forbund, fran=fran, till=till)
    vid_start = [s.forsorjning_vid_start for s in statistik.insatser]
    return Jamstalldhetsanalys(
        fran,
        till,
        forbundets_utfall(statistik, min_cell),
        representation(forbund, vid_start, till.year, min_cell),
        median_tid_per_kon(fran=fran, till=till, forbund=forbund) if min_cell == OMASKERAT else {},
    )


def insatsens_utfall(statistik: InsatsStatistik, min_cell: int = OMASKERAT) -> tuple[Utfall, ...]:
    """The insats's outcomes; with `min_cell` (a part key's), a row whose share by kön
    the statistics would hide is hidden whole."""
    andelar = _andelar(statistik)
    return _utfall(andelar, {m: _dold(a, min_cell) for m, a in andelar.items()})


def forbundets_utfall(statistik: ForbundStatistik, min_cell: int = OMASKERAT) -> tuple[Utfall, ...]:
    """The förbund's outcomes, its top insatser's summed. A row is hidden where any
    insats's share is, as the förbund's shares in the statistics are: the sum less
    the insatser shown would give the hidden one back."""
    per_insats = [_andelar(s) for s in statistik.insatser]
    andelar = {matt: Andel.summa(a[matt] for a in per_insats) for matt in MATT}
    dolda = {
        matt: any(_dold(a[matt], min_cell) for a in per_insats) or _dold(andel, min_cell)
        for matt, andel in andelar.items()
    }
    return _utfall(andelar, dolda)


def _andelar(statistik: InsatsStatistik) -> dict[str, Andel]:
    return {
        "till_arbete_eller_studier": statistik.till_arbete_eller_studier,
        "stegforflyttning": statistik.stegforflyttning,
        "effekt_6_manader": statistik.effekt_6_manader,
        "effekt_18_manader": statistik.effekt_18_manader,
        "avbrott": avbrott(statistik.avslutsorsak, statistik.deltagare.avslutade),
    }


def _utfall(andelar: dict[str, Andel], dolda: dict[str, bool]) -> tuple[Utfall, ...]:
    return tuple(
        Utfall(matt, DOLD, DOLD_ANDEL)
        if dolda[matt]
        else Utfall(
            matt,
            jamfor_kon(_par(andel, "kvinnor"), _par(andel, "man")),
            andelsskattning(*_par(andel, "annat")),
        )
        for matt, andel in andelar.items()
    )


def _dold(andel: Andel, min_cell: int) -> bool:
    """Whether the statistics hide this share by kön from the caller (statistik.maskering)."""
    if min_cell <= OMASKERAT:
        return False
    maskerad = maskera_andel(andel, min_cell)
    return maskerad.antal is None or any(a.antal is None for a in (maskerad.per_kon or {}).values())


def _par(andel: Andel, kon: str) -> tuple[int, int]:
    """(antal, av) of one kön; none of a kön the share has no row for."""
    rad = (andel.per_kon or {}).get(kon)
    return (rad.antal or 0, rad.av or 0) if rad is not None else (0, 0)
