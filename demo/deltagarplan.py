"""A plan of the demo's deltagare: plain data drawn from a seeded Random.

Kept apart from the writes so the plan can be checked (and is the same on
every machine) without a database. The spreads follow what förbund report
(seeds 002 and 004): mostly kvinnor, long times on public support, about
30 % of the avslutade to arbete or studier.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from deltagare.personnummer import kontrollsiffra
from demo import organisation as org
from demo.scb import folkmangd_20_64
from finsam.kodlistor import Avslutsorsak as A
from finsam.kodlistor import Bedomningstyp as B
from finsam.kodlistor import Forsorjningskalla as F
from finsam.kodlistor import Kon, Sysselsattning

D = datetime.date
DAG = datetime.timedelta(days=1)
PERIOD_START = D(2025, 1, 1)
PERIOD_SLUT = D(2026, 10, 31)
ANTAL_DELTAGARE = 300
MANAD = 30.4375  # days (DOMAIN.md §5)


@dataclass
class Bedomning:
    datum: datetime.date
    typ: str
    steg: int


@dataclass
class UppfoljningPlan:
    """A follow-up after avslut: genomförd with steg, försörjning and sysselsättning,
    or kunde inte nås (date only)."""

    typ: str
    datum: datetime.date
    utfall: str
    steg: int | None = None
    forsorjning: tuple[str, ...] = ()
    sysselsattning: str = ""


@dataclass
class InskrivningPlan:
    insats: str
    startdatum: datetime.date
    remitterande_part: str | None
    utbildningsniva: str
    tid_i_offentlig_forsorjning: str
    utrikes_fodd: bool | None
    forsorjning_vid_start: tuple[str, ...]
    hemkommun: str
    bedomningar: list[Bedomning] = field(default_factory=list)
    slutdatum: datetime.date | None = None
    avslutsorsak: str = ""
    sysselsattning: str = ""
    forsorjning_vid_avslut: tuple[str, ...] = ()
    uppfoljningar: list[UppfoljningPlan] = field(default_factory=list)


@dataclass
class DeltagarPlan:
    kon: str
    fodelsear: int
    personnummer: str | None
    samtycke_datum: datetime.date | None
    referens: str
    inskrivningar: list[InskrivningPlan]


@dataclass(frozen=True)
class Profil:
    """How an insats's inskrivningar typically look."""

    startsteg: dict[int, int]
    manader: tuple[float, float]
    avslut: dict[str, int]


_AVSLUT_ALLMAN = {
    A.ARBETE: 19,
    A.ARBETE_MED_STOD: 8,
    A.STUDIER: 11,
    A.ARBETSSOKANDE: 14,
    A.FORTSATT_REHABILITERING: 13,
    A.OHALSA: 13,
    A.FLYTTAT: 5,
    A.EGEN_BEGARAN: 9,
    A.ANNAN: 7,
    A.AVLIDEN: 1,
}
_AVSLUT_DELMOMENT = {
    A.FORTSATT_REHABILITERING: 45,
    A.ARBETSSOKANDE: 13,
    A.STUDIER: 12,
    A.ARBETE: 12,
    A.EGEN_BEGARAN: 7,
    A.OHALSA: 7,
    A.FLYTTAT: 4,
}
PROFILER = {
    org.SAMORDNINGSTEAM: Profil({1: 5, 2: 25, 3: 35, 4: 25, 5: 10}, (5, 20), _AVSLUT_ALLMAN),
    org.FORREHABILITERING: Profil(
        {1: 25, 2: 45, 3: 25, 4: 5},
        (2, 5),
        {
            A.FORTSATT_REHABILITERING: 55,
            A.OHALSA: 15,
            A.ARBETSSOKANDE: 8,
            A.EGEN_BEGARAN: 8,
            A.ARBETE: 4,
            A.STUDIER: 4,
            A.ANNAN: 5,
            A.FLYTTAT: 1,
        },
    ),
    org.ARBETSLIVSINRIKTAD: Profil(
        {2: 10, 3: 40, 4: 40, 5: 10},
        (5, 15),
        {
            A.ARBETE: 20,
            A.ARBETE_MED_STOD: 12,
            A.STUDIER: 8,
            A.ARBETSSOKANDE: 15,
            A.FORTSATT_REHABILITERING: 12,
            A.OHALSA: 18,
            A.EGEN_BEGARAN: 8,
            A.ANNAN: 5,
            A.FLYTTAT: 2,
        },
    ),
    org.EN_VAG_IN: Profil({1: 5, 2: 30, 3: 40, 4: 20, 5: 5}, (6, 20), _AVSLUT_ALLMAN),
    org.HALSOSKOLA: Profil({2: 30, 3: 50, 4: 20}, (2.8, 2.8), _AVSLUT_DELMOMENT),
    org.DU_OCH_DITT_LIV: Profil({2: 25, 3: 50, 4: 25}, (4, 10), _AVSLUT_DELMOMENT),
    org.VAGEN_VIDARE: Profil(
        {3: 30, 4: 50, 5: 20},
        (5.5, 5.5),
        {
            A.ARBETE: 22,
            A.ARBETE_MED_STOD: 12,
            A.STUDIER: 12,
            A.ARBETSSOKANDE: 25,
            A.FORTSATT_REHABILITERING: 10,
            A.OHALSA: 7,
            A.EGEN_BEGARAN: 6,
            A.FLYTTAT: 6,
        },
    ),
}

# Who a deltagare came through, per route: kön, age group, remitterande part.
_VAGAR = {
    "samordningsteam": 37,
    "arbetsrehab": 30,
    "all_in": 33,
}
_KON = {
    "samordningsteam": {Kon.KVINNA: 55, Kon.MAN: 43, Kon.ANNAT: 2},
    "arbetsrehab": {Kon.KVINNA: 65, Kon.MAN: 33, Kon.ANNAT: 2},
    "all_in": {Kon.KVINNA: 70, Kon.MAN: 29, Kon.ANNAT: 1},
}
_ALDER = {  # (lägsta, högsta ålder): vikt
    "samordningsteam": {(19, 29): 30, (30, 44): 35, (45, 59): 27, (60, 64): 8},
    "arbetsrehab": {(19, 29): 18, (30, 44): 34, (45, 59): 38, (60, 64): 10},
    "all_in": {(19, 29): 28, (30, 44): 45, (45, 59): 23, (60, 64): 4},
}
_REMITTENT = {
    "samordningsteam": {
        org.FORSAKRINGSKASSAN: 30,
        org.ARBETSFORMEDLINGEN: 25,
        org.REGION: 15,
        "kommun": 30,
    },
    "arbetsrehab": {
        org.FORSAKRINGSKASSAN: 35,
        org.ARBETSFORMEDLINGEN: 15,
        org.REGION: 30,
        "kommun": 20,
    },
    "all_in": {org.ARBETSFORMEDLINGEN: 55, "kommun": 45},
}
_REFERENSPREFIX = {"samordningsteam": "ST", "arbetsrehab": "AR", "all_in": "AI"}
_UTBILDNING = {
    False: {
        "ej_grundskola": 7,
        "grundskola": 27,
        "gymnasium": 40,
        "eftergymnasial_kort": 10,
        "eftergymnasial_lang": 8,
        "okand": 8,
    },
    True: {
        "ej_grundskola": 25,
        "grundskola": 25,
        "gymnasium": 20,
        "eftergymnasial_kort": 8,
        "eftergymnasial_lang": 12,
        "okand": 10,
    },
}
_TID = {
    False: {"ingen": 3, "under_1": 14, "1_3": 28, "3_9": 33, "over_9": 16, "okand": 6},
    True: {"ingen": 2, "under_1": 20, "1_3": 38, "3_9": 25, "over_9": 8, "okand": 7},
}
_FORSORJNING = {
    False: {
        F.EKONOMISKT_BISTAND: 26,
        F.SJUKPENNING: 22,
        F.AKTIVITETSSTOD: 16,
        F.SJUKERSATTNING: 5,
        F.AKTIVITETSERSATTNING: 9,
        F.ARBETSLOSHETSERSATTNING: 8,
        F.ETABLERINGSERSATTNING: 1,
        F.LON: 2,
        F.STUDIEMEDEL: 1,
        F.ANNAN: 3,
        F.INGEN: 5,
        F.OKAND: 2,
    },
    True: {
        F.EKONOMISKT_BISTAND: 35,
        F.ETABLERINGSERSATTNING: 25,
        F.AKTIVITETSSTOD: 25,
        F.SJUKPENNING: 4,
        F.ARBETSLOSHETSERSATTNING: 4,
        F.INGEN: 4,
        F.OKAND: 3,
    },
}
_ENSAM_KALLA = (F.INGEN, F.OKAND)
_SYSSELSATTNING = {
    A.ARBETE: Sysselsattning.FORVARVSARBETE,
    A.ARBETE_MED_STOD: Sysselsattning.FORVARVSARBETE,
    A.STUDIER: Sysselsattning.STUDIER,
    A.ARBETSSOKANDE: Sysselsattning.ARBETSSOKANDE,
}
_FORSORJNING_EFTER = {
    A.ARBETE: (F.LON,),
    A.ARBETE_MED_STOD: (F.SUBVENTIONERAD_ANSTALLNING,),
    A.STUDIER: (F.STUDIEMEDEL,),
    A.AVLIDEN: (),
}
ANDEL_FELREGISTRERING = 0.025
ANDEL_MED_PERSONNUMMER = 0.6


def _vikta(rng: random.Random, vikter: dict):
    return rng.choices(list(vikter), weights=list(vikter.values()))[0]


def _dagar(dagar: int) -> datetime.timedelta:
    return dagar * DAG


class Planerare:
    """Draws the demo's deltagare, one route at a time, from one Random."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.anvanda_nummer: set[str] = set()
        self.lopnummer = 0
        self.kommunvikter = {namn: folkmangd_20_64(kod, 2020) for namn, kod in org.KOMMUNER.items()}

    def planera(self, antal: int = ANTAL_DELTAGARE) -> list[DeltagarPlan]:
        return [self._deltagare(_vikta(self.rng, _VAGAR)) for _ in range(antal)]

    def _deltagare(self, vag: str) -> DeltagarPlan:
        rng = self.rng
        start = PERIOD_START + _dagar(rng.randint(0, (PERIOD_SLUT - PERIOD_START).days - 21))
        kon = _vikta(rng, _KON[vag])
        lagst, hogst = _vikta(rng, _ALDER[vag])
        fodd = start - _dagar(round(rng.randint(lagst, hogst) * 365.25) + rng.randint(0, 364))
        utrikes = True if vag == "all_in" else _vikta(rng, {True: 22, False: 70, None: 8})
        kommun = _vikta(rng, self.kommunvikter)
        remittent = _vikta(rng, _REMITTENT[vag])
        startdata = {
            "remitterande_part": kommun if remittent == "kommun" else remittent,
            "utbildningsniva": _vikta(rng, _UTBILDNING[vag == "all_in"]),
            "tid_i_offentlig_forsorjning": _vikta(rng, _TID[vag == "all_in"]),
            "utrikes_fodd": utrikes,
            "forsorjning_vid_start": self._forsorjning(vag == "all_in"),
            # Where the person lives: the kommun drawn by folkmängd above.
            "hemkommun": org.KOMMUNER[kommun],
        }
        inskrivningar = getattr(self, f"_vag_{vag}")(start, startdata)

        self.lopnummer += 1
        personnummer = samtycke = None
        referens = ""
        if kon != Kon.ANNAT and rng.random() < ANDEL_MED_PERSONNUMMER:
            personnummer = self._personnummer(fodd, kon)
            samtycke = start - _dagar(rng.randint(0, 7))
        else:
            referens = f"{_REFERENSPREFIX[vag]}-{start:%y}-{self.lopnummer:03d}"
        return DeltagarPlan(
            kon=kon,
            fodelsear=fodd.year,
            personnummer=personnummer,
            samtycke_datum=samtycke,
            referens=referens,
            inskrivningar=inskrivningar,
        )

    def _forsorjning(self, utrikes: bool) -> tuple[str, ...]:
        forsta = _vikta(self.rng, _FORSORJNING[utrikes])
        if forsta in _ENSAM_KALLA or self.rng.random() < 0.65:
            return (forsta,)
        andra = forsta
        while andra == forsta or andra in _ENSAM_KALLA:
            andra = _vikta(self.rng, _FORSORJNING[utrikes])
        return (forsta, andra)

    def _personnummer(self, fodd: datetime.date, kon: str) -> str:
        """A made-up number with a valid check digit and the serial's kön."""
        while True:
            lop = self.rng.randint(0, 99) * 10 + self.rng.choice(
                (1, 3, 5, 7, 9) if kon == Kon.MAN else (0, 2, 4, 6, 8)
            )
            nio = f"{fodd:%y%m%d}{lop:03d}"
            nummer = f"{fodd.year}{nio[2:]}{kontrollsiffra(nio)}"
            if nummer not in self.anvanda_nummer:
                self.anvanda_nummer.add(nummer)
                return nummer

    # --- routes ---------------------------------------------------------------

    def _vag_samordningsteam(self, start, startdata) -> list[InskrivningPlan]:
        return [self._inskrivning(org.SAMORDNINGSTEAM, start, startdata)]

    def _vag_arbetsrehab(self, start, startdata) -> list[InskrivningPlan]:
        if self.rng.random() < 0.45:
            return [self._inskrivning(org.ARBETSLIVSINRIKTAD, start, startdata)]
        forrehab = self._inskrivning(org.FORREHABILITERING, start, startdata)
        plan = [forrehab]
        if forrehab.avslutsorsak == A.FORTSATT_REHABILITERING and self.rng.random() < 0.7:
            fortsattning = forrehab.slutdatum + _dagar(self.rng.randint(0, 30))
            if fortsattning <= PERIOD_SLUT - _dagar(14):
                plan.append(self._inskrivning(org.ARBETSLIVSINRIKTAD, fortsattning, startdata))
        return plan

    def _vag_all_in(self, start, startdata) -> list[InskrivningPlan]:
        # En väg in runs the whole time in ALL-IN; the other three are
        # taken as needed inside it.
        en_vag_in = self._inskrivning(org.EN_VAG_IN, start, startdata)
        plan = [en_vag_in]
        sista = min(en_vag_in.slutdatum or PERIOD_SLUT, PERIOD_SLUT) - _dagar(14)
        for insats, andel, (fran, till) in (
            (org.HALSOSKOLA, 0.4, (0, 30)),
            (org.DU_OCH_DITT_LIV, 0.35, (14, 60)),
            (org.VAGEN_VIDARE, 0.30, (60, 150)),
        ):
            if self.rng.random() < andel:
                delstart = start + _dagar(self.rng.randint(fran, till))
                if delstart <= sista and en_vag_in.avslutsorsak != A.FELREGISTRERING:
                    plan.append(
                        self._inskrivning(
                            insats,
                            delstart,
                            dict(startdata, remitterande_part=None),
                            senast=en_vag_in.slutdatum,
                        )
                    )
        return plan

    # --- one inskrivning ----------------------------------------------------------

    def _inskrivning(self, insats, start, startdata, senast=None) -> InskrivningPlan:
        rng = self.rng
        profil = PROFILER[insats]
        plan = InskrivningPlan(insats=insats, startdatum=start, **startdata)
        if rng.random() < ANDEL_FELREGISTRERING:
            plan.slutdatum = start + _dagar(rng.randint(0, 10))
            plan.avslutsorsak = A.FELREGISTRERING
            return plan
        slut = start + _dagar(round(rng.uniform(*profil.manader) * MANAD) + rng.randint(-10, 10))
        if senast is not None:
            slut = min(slut, senast)
        if slut <= PERIOD_SLUT:
            plan.slutdatum = max(slut, start + _dagar(14))
            plan.avslutsorsak = _vikta(rng, profil.avslut)
            plan.sysselsattning = _SYSSELSATTNING.get(plan.avslutsorsak, Sysselsattning.OVRIGT)
            plan.forsorjning_vid_avslut = _FORSORJNING_EFTER.get(
                plan.avslutsorsak,
                (F.AKTIVITETSSTOD,)
                if plan.avslutsorsak == A.ARBETSSOKANDE
                else plan.forsorjning_vid_start,
            )
        plan.bedomningar = self._bedomningar(profil, plan)
        return plan

    def _steg_andras(self, steg: int) -> int:
        return min(6, max(1, steg + _vikta(self.rng, {-1: 15, 0: 45, 1: 40})))

    def _bedomningar(self, profil: Profil, plan: InskrivningPlan) -> list[Bedomning]:
        rng = self.rng
        sista = plan.slutdatum or PERIOD_SLUT
        steg = _vikta(rng, profil.startsteg)
        bedomningar = []
        if rng.random() < 0.9:
            datum = min(plan.startdatum + _dagar(rng.randint(0, 14)), sista)
            bedomningar.append(Bedomning(datum, B.START, steg))
            datum += _dagar(rng.randint(75, 110))
            while datum < sista - _dagar(10):
                steg = self._steg_andras(steg)
                bedomningar.append(Bedomning(datum, B.LOPANDE, steg))
                datum += _dagar(rng.randint(75, 110))
        if plan.slutdatum is None or rng.random() >= 0.85:
            return bedomningar
        steg = self._avslutssteg(plan.avslutsorsak, steg)
        bedomningar.append(Bedomning(plan.slutdatum, B.AVSLUT, steg))
        for typ, dagar in ((B.UPPFOLJNING_6, 183), (B.UPPFOLJNING_18, 548)):
            datum = plan.slutdatum + _dagar(dagar + rng.randint(0, 20))
            if datum > PERIOD_SLUT:
                continue
            utfall = rng.random()
            # Drawn before the check below, so the generator's sequence (and the
            # rest of the plan) does not depend on it.
            steg_da = self._steg_andras(steg) if utfall < 0.6 else None
            if plan.avslutsorsak == A.AVLIDEN:
                continue
            if steg_da is not None:
                plan.uppfoljningar.append(_genomford(typ, datum, steg_da, plan.startdatum))
            elif utfall < 0.75:
                # Some people cannot be reached: the follow-up is closed as such.
                plan.uppfoljningar.append(UppfoljningPlan(typ, datum, "kunde_inte_nas"))
        return bedomningar

    def _avslutssteg(self, orsak: str, steg: int) -> int:
        if orsak in (A.ARBETE, A.STUDIER):
            return 6
        if orsak == A.ARBETE_MED_STOD:
            return max(steg, 5)
        if orsak == A.ARBETSSOKANDE:
            return max(steg, 4)
        if orsak == A.OHALSA:
            return max(1, steg - 1)
        return self._steg_andras(steg)


# Where people are at a follow-up, by their steg then: (sysselsättning, försörjning) weights.
_VID_UPPFOLJNING = {
    6: {("forvarvsarbete", ("lon",)): 70, ("studier", ("studiemedel",)): 20,
        ("forvarvsarbete", ("subventionerad_anstallning",)): 10},
    4: {("arbetssokande", ("arbetsloshetsersattning",)): 45,
        ("arbetssokande", ("aktivitetsstod",)): 35, ("ovrigt", ("ekonomiskt_bistand",)): 20},
    1: {("ovrigt", ("sjukpenning",)): 35, ("ovrigt", ("sjukersattning",)): 25,
        ("ovrigt", ("ekonomiskt_bistand",)): 25,
        ("ovrigt", ("sjukpenning", "ekonomiskt_bistand")): 15},
}  # fmt: skip


def _genomford(typ: str, datum: datetime.date, steg: int, start: datetime.date) -> UppfoljningPlan:
    # A generator of its own, seeded by the follow-up: the main one's sequence,
    # and so every other planned figure, stays as it was.
    egen = random.Random(f"{start.isoformat()}-{typ}-{steg}")
    grupp = 6 if steg == 6 else 4 if steg >= 4 else 1
    sysselsattning, forsorjning = _vikta(egen, _VID_UPPFOLJNING[grupp])
    return UppfoljningPlan(typ, datum, "genomford", steg, forsorjning, sysselsattning)


def planera(rng: random.Random, antal: int = ANTAL_DELTAGARE) -> list[DeltagarPlan]:
    return Planerare(rng).planera(antal)
