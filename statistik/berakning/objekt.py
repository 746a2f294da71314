"""The plain result objects of the statistics engine.

Every count of a person lives in a `Kontal` (split by kön) or an `Andel`
(antal of av), never in a bare field: masking small counts for part keys
(API.md, `min_cell`) can then be one function that walks the object and
replaces those two types, and dashboard, API, CSV and PDF all read the same
objects. `som_dict()` gives API.md's statistics object in plain JSON types.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from finsam.avrundning import procent
from finsam.kodlistor import KON_KOLUMNER


@dataclass(frozen=True)
class Kontal:
    """A count split by kön, with the column keys of every table (DOMAIN.md §4)."""

    kvinnor: int | None = 0
    man: int | None = 0
    annat: int | None = 0
    totalt: int | None = 0

    @classmethod
    def av(cls, kvinnor: int = 0, man: int = 0, annat: int = 0) -> "Kontal":
        return cls(kvinnor, man, annat, kvinnor + man + annat)

    def __add__(self, other: "Kontal") -> "Kontal":
        return Kontal.av(*(getattr(self, k) + getattr(other, k) for k in KON_KOLUMNER[:3]))

    def som_dict(self) -> dict[str, int | None]:
        return {k: getattr(self, k) for k in KON_KOLUMNER}


# A table of §5: every code of its list, in list order, each split by kön.
Tabell = dict[str, Kontal]


def tabell_som_dict(tabell: Tabell) -> dict[str, dict[str, int | None]]:
    return {kod: kontal.som_dict() for kod, kontal in tabell.items()}


@dataclass(frozen=True)
class Andel:
    """`antal` of `av` in integer percent; the denominator is always shown beside it."""

    antal: int | None
    av: int | None
    andel: int | None
    # The same share for each kön (DOMAIN.md §4); None on a share that has no
    # split (a kön's own share). Left out of ==, so a total compares as before.
    per_kon: "dict[str, Andel] | None" = field(default=None, compare=False)

    @classmethod
    def berakna(cls, antal: int, av: int) -> "Andel":
        return cls(antal, av, procent(antal, av))

    @classmethod
    def per_kon_av(cls, antal: Kontal, av: Kontal) -> "Andel":
        """The share in total with its split by kön, from two counts split by kön."""
        kon = {k: cls.berakna(getattr(antal, k), getattr(av, k)) for k in KON_KOLUMNER[:3]}
        return cls(antal.totalt, av.totalt, procent(antal.totalt, av.totalt), kon)

    @classmethod
    def summa(cls, andelar: "Iterable[Andel]") -> "Andel":
        """The share of the summed antal and av, with its split by kön (all of them split)."""
        antal, av = Kontal(), Kontal()
        for andel in andelar:
            kon = andel.per_kon or {}
            antal += Kontal.av(*(kon[k].antal for k in KON_KOLUMNER[:3]))
            av += Kontal.av(*(kon[k].av for k in KON_KOLUMNER[:3]))
        return cls.per_kon_av(antal, av)

    def som_dict(self) -> dict:
        svar: dict = {"antal": self.antal, "av": self.av, "andel": self.andel}
        if self.per_kon is not None:
            svar["per_kon"] = {k: a.som_dict() for k, a in self.per_kon.items()}
        return svar


@dataclass(frozen=True)
class Effekt(Andel):
    """Effekt 6 or 18 månader: the share, and beside it the follow-ups that could not
    reach the person (`ej_nadda`), who are in neither antal nor av."""

    ej_nadda: int | None = 0

    @classmethod
    def av_kontal(cls, antal: Kontal, av: Kontal, ej_nadda: Kontal) -> "Effekt":
        andel = Andel.per_kon_av(antal, av)
        kon = {
            k: cls(a.antal, a.av, a.andel, ej_nadda=getattr(ej_nadda, k))
            for k, a in (andel.per_kon or {}).items()
        }
        return cls(andel.antal, andel.av, andel.andel, kon, ej_nadda=ej_nadda.totalt)

    def som_dict(self) -> dict:
        svar = super().som_dict()
        svar["ej_nadda"] = self.ej_nadda
        # Keep ej_nadda beside antal and av, before the split by kön.
        if "per_kon" in svar:
            svar["per_kon"] = svar.pop("per_kon")
        return svar


@dataclass(frozen=True)
class Deltagarblock:
    """Aktiva, nya and avslutade (inskrivningar per insats, unique persons per förbund).

    `aktiva` never includes the anonyma (DOMAIN.md §5); the dashboard's
    "aktiva inklusive anonyma" is its own figure.
    """

    aktiva: Kontal
    nya: Kontal
    avslutade: Kontal
    anonyma: Kontal

    @property
    def aktiva_inklusive_anonyma(self) -> Kontal:
        return self.aktiva + self.anonyma

    def som_dict(self) -> dict:
        return {
            "aktiva": self.aktiva.som_dict(),
            "nya": self.nya.som_dict(),
            "avslutade": self.avslutade.som_dict(),
            "anonyma": self.anonyma.som_dict(),
            "aktiva_inklusive_anonyma": self.aktiva_inklusive_anonyma.som_dict(),
        }


@dataclass(frozen=True)
class TidIInsats:
    """Time from start to slut of the avslutade, in months of 30.4375 days."""

    median_manader: Decimal | None
    grupper: Tabell

    def som_dict(self) -> dict:
        median = None if self.median_manader is None else float(self.median_manader)
        return {"median_manader": median, "grupper": tabell_som_dict(self.grupper)}


@dataclass(frozen=True)
class Belaggning:
    """Active deltagare-days ÷ (årsplatser × days in the period); None without årsplatser."""

    andel: int | None

    def som_dict(self) -> dict:
        return {"andel": self.andel}


@dataclass(frozen=True)
class InsatsStatistik:
    """Every figure of DOMAIN.md §5 for one insats (its delinsatser included)."""

    insats: int
    namn: str
    fran: datetime.date
    till: datetime.date
    urval: str
    deltagare: Deltagarblock
    aldersgrupp: Tabell
    utbildningsniva: Tabell
    tid_i_offentlig_forsorjning: Tabell
    forsorjning_vid_start: Tabell
    forsorjning_vid_avslut: Tabell
    # The avslutade of the period with a genomförd follow-up, at that follow-up.
    forsorjning_vid_uppfoljning_6: Tabell
    forsorjning_vid_uppfoljning_18: Tabell
    avslutsorsak: Tabell
    till_arbete_eller_studier: Andel
    stegforflyttning: Andel
    effekt_6_manader: Effekt
    effekt_18_manader: Effekt
    tid_i_insats: TidIInsats
    belaggning: Belaggning

    @property
    def avslutsorsak_andel(self) -> dict[str, int | None]:
        """Each avslutsorsak's share of the avslutade (total column), in integer percent.

        Read from the counts already made, so a masked count (None) gives a
        masked share and nothing hidden can be got back from it.
        """
        avslutade = self.deltagare.avslutade.totalt
        return {kod: procent(k.totalt, avslutade) for kod, k in self.avslutsorsak.items()}

    def som_dict(self) -> dict:
        """API.md's statistics object (`insatser/{id}/statistik/`)."""
        return {
            "insats": self.insats,
            "fran": self.fran.isoformat(),
            "till": self.till.isoformat(),
            "urval": self.urval,
            "deltagare": self.deltagare.som_dict(),
            "aldersgrupp": tabell_som_dict(self.aldersgrupp),
            "utbildningsniva": tabell_som_dict(self.utbildningsniva),
            "tid_i_offentlig_forsorjning": tabell_som_dict(self.tid_i_offentlig_forsorjning),
            "forsorjning_vid_start": tabell_som_dict(self.forsorjning_vid_start),
            "forsorjning_vid_avslut": tabell_som_dict(self.forsorjning_vid_avslut),
            "forsorjning_vid_uppfoljning_6": tabell_som_dict(self.forsorjning_vid_uppfoljning_6),
            "forsorjning_vid_uppfoljning_18": tabell_som_dict(self.forsorjning_vid_uppfoljning_18),
            "avslutsorsak": tabell_som_dict(self.avslutsorsak),
            "avslutsorsak_andel": self.avslutsorsak_andel,
            "till_arbete_eller_studier": self.till_arbete_eller_studier.som_dict(),
            "stegforflyttning": self.stegforflyttning.som_dict(),
            "effekt_6_manader": self.effekt_6_manader.som_dict(),
            "effekt_18_manader": self.effekt_18_manader.som_dict(),
            "tid_i_insats": self.tid_i_insats.som_dict(),
            "belaggning": self.belaggning.som_dict(),
        }


@dataclass(frozen=True)
class Nyckeltal:
    """The förbund's deltagare block in unique persons and its two result shares:
    what the dashboard compares with other periods (`forbund_nyckeltal`)."""

    forbund: int
    fran: datetime.date
    till: datetime.date
    deltagare: Deltagarblock
    # Over the inskrivningar of every insats (`Andel.summa`): a result belongs to
    # an inskrivning, so a person who ends two insatser counts in both, as in
    # each insats's own share.
    till_arbete_eller_studier: Andel
    stegforflyttning: Andel


@dataclass(frozen=True)
class ForbundStatistik(Nyckeltal):
    """The förbund's key figures, and each insats's own statistics."""

    insatser: tuple[InsatsStatistik, ...] = ()

    def som_dict(self) -> dict:
        """API.md's `forbund/{id}/statistik/` object, with the förbund's two result shares."""
        return {
            "forbund": self.forbund,
            "fran": self.fran.isoformat(),
            "till": self.till.isoformat(),
            "deltagare": self.deltagare.som_dict(),
            "till_arbete_eller_studier": self.till_arbete_eller_studier.som_dict(),
            "stegforflyttning": self.stegforflyttning.som_dict(),
            "insatser": [
                {"insats": s.insats, "namn": s.namn, **s.som_dict()} for s in self.insatser
            ],
        }
