"""The generated förbund's deltagare, inskrivningar, försörjning, bedömningar and follow-ups.

Drawn with the demo's distributions (`demo.deltagarplan`: kön, ålder,
utbildning, försörjning, avslutsorsak, steg moves) over the ten years up
to today, and written in bulk (`Tabell`). The counts asked for are met
exactly: a förbund's bedömningar are shared out over its inskrivningar,
and what one cannot take (a felregistrering) passes to the next.

Personnummer: a deltagare whose every inskrivning ended more than the
förbund's gallring period ago would have lost its identity to gallring,
so it is written as gallrad (no personnummer, no referens). Of the others,
the demo's share has a personnummer (encrypted and hashed as the services
do: about 10 µs each, seconds for the whole country) and the rest a referens.
"""

from __future__ import annotations

import datetime
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from deltagare.kryptering import uppslagshash
from deltagare.models import Deltagare, Forsorjning, Inskrivning, Stegbedomning, Uppfoljning
from deltagare.personnummer import kontrollsiffra
from demo.deltagarplan import (
    _AVSLUT_ALLMAN,
    _FORSORJNING,
    _FORSORJNING_EFTER,
    _SYSSELSATTNING,
    _TID,
    _UTBILDNING,
    _VID_UPPFOLJNING,
    ANDEL_FELREGISTRERING,
    ANDEL_MED_PERSONNUMMER,
    MANAD,
    _vikta,
)
from demo.nationell.organisation import GenereratForbund, GenereratInsats
from demo.nationell.skrivning import Tabell
from finsam.datum import ar_senare
from finsam.kodlistor import Avslutsorsak as A
from finsam.kodlistor import Bedomningstyp as B
from finsam.kodlistor import Forsorjningskalla as F
from finsam.kodlistor import Kon, Sysselsattning
from finsam.kryptering import kryptera

DAG = datetime.timedelta(days=1)
_KON = {Kon.KVINNA: 60, Kon.MAN: 38, Kon.ANNAT: 2}
_ALDER = {(19, 29): 27, (30, 44): 37, (45, 59): 28, (60, 64): 8}
_STARTSTEG = {1: 10, 2: 28, 3: 34, 4: 20, 5: 8}
_REMITTENT = {"fk": 30, "af": 25, "region": 15, "kommun": 30}
_STEGANDRING = {-1: 15, 0: 45, 1: 40}


@dataclass
class Tabeller:
    deltagare: Tabell
    inskrivningar: Tabell
    forsorjning: Tabell
    bedomningar: Tabell
    uppfoljningar: Tabell

    @classmethod
    def oppna(cls) -> Tabeller:
        deltagare = Tabell(
            Deltagare,
            (
                "forbund_id",
                "pseudonym",
                "personnummer_krypterat",
                "personnummer_hash",
                "referens",
                "kon",
                "fodelsear",
                "skapad",
                "gallrad",
            ),
        )
        inskrivningar = Tabell(
            Inskrivning,
            (
                "deltagare_id",
                "insats_id",
                "startdatum",
                "remitterande_part_id",
                "utbildningsniva",
                "tid_i_offentlig_forsorjning",
                "utrikes_fodd",
                "samtycke_datum",
                "slutdatum",
                "avslutsorsak",
                "sysselsattning_vid_avslut",
                "version",
                "skapad",
                "andrad",
            ),
            fore=(deltagare,),
        )
        fore = (inskrivningar,)
        return cls(
            deltagare,
            inskrivningar,
            Tabell(Forsorjning, ("inskrivning_id", "tidpunkt", "kalla"), fore=fore),
            Tabell(Stegbedomning, ("inskrivning_id", "datum", "typ", "steg_id", "skapad"),
                   fore=fore),
            Tabell(Uppfoljning, ("inskrivning_id", "typ", "datum", "utfall", "sysselsattning",
                                 "skapad"), fore=fore),
        )  # fmt: skip

    def alla(self) -> tuple[Tabell, ...]:
        return (
            self.deltagare,
            self.inskrivningar,
            self.forsorjning,
            self.bedomningar,
            self.uppfoljningar,
        )

    def toem(self) -> None:
        for tabell in self.alla():
            tabell.toem()


def _tid(datum: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(datum, datetime.time(9), tzinfo=datetime.UTC)


@dataclass
class Plan:
    """One inskrivning before it is written."""

    insats: GenereratInsats
    start: datetime.date
    slut: datetime.date | None
    orsak: str
    slutgrans: datetime.date  # the last day a bedömning may have


class Generator:
    """Writes one förbund's deltagare at a time from one seeded Random."""

    def __init__(self, rng: random.Random, idag: datetime.date, tabeller: Tabeller) -> None:
        self.rng = rng
        self.idag = idag
        self.t = tabeller
        self.skuld = 0  # bedömningar one inskrivning could not take, for the next
        # Set per förbund: bedömningar per inskrivning (and the remainder), and
        # the years the förbund keeps an identity after the last avslut.
        self.kvot = self.rest = 0
        self.gallring_ar = 0

    def forbund(
        self,
        g: GenereratForbund,
        deltagare: int,
        inskrivningar: int,
        bedomningar: int,
        framsteg: Callable[[], None],
    ) -> None:
        rng = self.rng
        antal = [1] * deltagare
        for _ in range(inskrivningar - deltagare):
            antal[rng.randrange(deltagare)] += 1
        # Insatser with more places and longer lives take more people.
        vikter = [
            (i.insats.arsplatser or 1)
            * ((i.insats.slutdatum or self.idag) - i.insats.startdatum).days
            for i in g.insatser
        ]
        kommuner = [p for nyckel, p in g.parter.items() if nyckel.startswith("kommun:")]
        self.kvot, self.rest = divmod(bedomningar, inskrivningar)
        self.gallring_ar = g.forbund.gallring_ar
        anvanda: set[str] = set()
        for i, k in enumerate(antal):
            planer = self._planer(g, k, vikter)
            self._deltagare_skriv(g, planer, kommuner, anvanda)
            if i % 5000 == 4999:
                framsteg()
        framsteg()

    def _planer(self, g: GenereratForbund, k: int, vikter: list[int]) -> list[Plan]:
        rng = self.rng
        valda = rng.choices(g.insatser, weights=vikter, k=k)
        planer = sorted((self._plan(insats) for insats in valda), key=lambda p: p.start)
        # One active inskrivning per insats at a time: an earlier one in the
        # same insats ends the day before the next one starts.
        for i, senare in enumerate(planer):
            for tidigare in planer[:i]:
                if tidigare.insats is not senare.insats:
                    continue
                if tidigare.slut is None or tidigare.slut >= senare.start:
                    if senare.start <= tidigare.start:
                        senare.start = tidigare.start + DAG
                        if senare.slut is not None and senare.slut < senare.start:
                            senare.slut = senare.slutgrans = senare.start
                    tidigare.slut = senare.start - DAG
                    tidigare.slutgrans = tidigare.slut
                    tidigare.orsak = tidigare.orsak or _vikta(rng, _AVSLUT_ALLMAN)
        return planer

    def _plan(self, gi: GenereratInsats) -> Plan:
        rng = self.rng
        insats = gi.insats
        sista = min(insats.slutdatum or self.idag, self.idag)
        start = insats.startdatum + DAG * rng.randint(
            0, max(0, (sista - insats.startdatum).days - 30)
        )
        if rng.random() < ANDEL_FELREGISTRERING:
            slut = min(start + DAG * rng.randint(0, 10), sista)
            return Plan(gi, start, slut, A.FELREGISTRERING, slut)
        slut = start + DAG * round(rng.uniform(3, 20) * MANAD)
        if slut < sista:
            return Plan(gi, start, slut, _vikta(rng, _AVSLUT_ALLMAN), slut)
        if insats.slutdatum is not None:
            # The insats closed: everyone still in it was ended with it.
            return Plan(gi, start, sista, _vikta(rng, _AVSLUT_ALLMAN), sista)
        return Plan(gi, start, None, "", self.idag)

    def _deltagare_skriv(self, g, planer: list[Plan], kommuner, anvanda: set[str]) -> None:
        rng = self.rng
        forsta = planer[0].start
        kon = _vikta(rng, _KON)
        lagst, hogst = _vikta(rng, _ALDER)
        fodd = forsta - DAG * (round(rng.randint(lagst, hogst) * 365.25) + rng.randint(0, 364))
        sista_slut = max((p.slut or self.idag) for p in planer)
        krypterat, hash_, referens, gallrad, samtycke = "", None, "", None, False
        # Gallring's own rule (deltagare/services/gallring.py): the last
        # slutdatum plus the förbund's years, on or before the run date.
        gallras = ar_senare(sista_slut, self.gallring_ar)
        if all(p.slut for p in planer) and gallras <= self.idag:
            gallrad = _tid(gallras)
        elif kon != Kon.ANNAT and rng.random() < ANDEL_MED_PERSONNUMMER:
            nummer = self._personnummer(fodd, kon, anvanda)
            krypterat, hash_, samtycke = kryptera(nummer), uppslagshash(nummer), True
        else:
            referens = f"T{g.forbund.pk}-{self.t.deltagare.nasta_id}"
        deltagare_id = self.t.deltagare.lagg_till(
            g.forbund.pk,
            uuid.UUID(int=rng.getrandbits(128), version=4),
            krypterat,
            hash_,
            referens,
            kon,
            fodd.year,
            _tid(forsta),
            gallrad,
        )
        utrikes = _vikta(rng, {True: 22, False: 70, None: 8})
        for plan in planer:
            self._inskrivning_skriv(
                g, deltagare_id, plan, bool(utrikes), utrikes, kommuner, samtycke
            )

    def _personnummer(self, fodd: datetime.date, kon: str, anvanda: set[str]) -> str:
        while True:
            lop = self.rng.randint(0, 99) * 10 + self.rng.choice(
                (1, 3, 5, 7, 9) if kon == Kon.MAN else (0, 2, 4, 6, 8)
            )
            nio = f"{fodd:%y%m%d}{lop:03d}"
            nummer = f"{fodd.year}{nio[2:]}{kontrollsiffra(nio)}"
            if nummer not in anvanda:
                anvanda.add(nummer)
                return nummer

    def _inskrivning_skriv(
        self, g, deltagare_id, plan: Plan, utrikes_tabell: bool, utrikes, kommuner, samtycke: bool
    ) -> None:
        rng = self.rng
        remittent = _vikta(rng, _REMITTENT)
        part = rng.choice(kommuner) if remittent == "kommun" else g.parter[remittent]
        ar_fel = plan.orsak == A.FELREGISTRERING
        sysselsattning = (
            ""
            if plan.slut is None or ar_fel
            else _SYSSELSATTNING.get(plan.orsak, Sysselsattning.OVRIGT)
        )
        skapad = _tid(plan.start)
        inskrivning_id = self.t.inskrivningar.lagg_till(
            deltagare_id,
            plan.insats.insats.pk,
            plan.start,
            part.pk,
            _vikta(rng, _UTBILDNING[utrikes_tabell]),
            _vikta(rng, _TID[utrikes_tabell]),
            utrikes,
            plan.start - DAG * rng.randint(0, 7) if samtycke else None,
            plan.slut,
            plan.orsak,
            sysselsattning,
            1,
            skapad,
            _tid(plan.slut or plan.start),
        )
        start_kallor = self._forsorjning(utrikes_tabell)
        for kalla in start_kallor:
            self.t.forsorjning.lagg_till(inskrivning_id, Forsorjning.Tidpunkt.START, kalla)
        if plan.slut is not None and not ar_fel:
            efter = _FORSORJNING_EFTER.get(
                plan.orsak, (F.AKTIVITETSSTOD,) if plan.orsak == A.ARBETSSOKANDE else start_kallor
            )
            for kalla in efter:
                self.t.forsorjning.lagg_till(inskrivning_id, Forsorjning.Tidpunkt.AVSLUT, kalla)
        kvot = self.kvot + self.skuld
        if self.rest:
            kvot += 1
            self.rest -= 1
        self.skuld = kvot - self._bedomningar(inskrivning_id, plan, 0 if ar_fel else kvot)

    def _forsorjning(self, utrikes: bool) -> tuple[str, ...]:
        forsta = _vikta(self.rng, _FORSORJNING[utrikes])
        if forsta in (F.INGEN, F.OKAND) or self.rng.random() < 0.65:
            return (forsta,)
        andra = forsta
        while andra in (forsta, F.INGEN, F.OKAND):
            andra = _vikta(self.rng, _FORSORJNING[utrikes])
        return (forsta, andra)

    def _steg(self, steg: int) -> int:
        return min(6, max(1, steg + _vikta(self.rng, _STEGANDRING)))

    def _bedomningar(self, inskrivning_id: int, plan: Plan, kvot: int) -> int:
        """Write up to `kvot` bedömningar; returns how many were written."""
        if kvot < 1:
            return 0
        rng = self.rng
        steg_id = plan.insats.steg
        start_datum = min(plan.start + DAG * rng.randint(0, 14), plan.slutgrans)
        uppfoljningar = []
        if plan.slut is not None:
            for typ, dagar in ((B.UPPFOLJNING_6, 183), (B.UPPFOLJNING_18, 548)):
                datum = plan.slut + DAG * (dagar + rng.randint(0, 20))
                if datum <= self.idag and plan.orsak != A.AVLIDEN:
                    uppfoljningar.append((typ, datum))
        avslut = 1 if plan.slut is not None and kvot >= 2 else 0
        uppfoljningar = uppfoljningar[: max(0, kvot - 1 - avslut)]
        lopande = kvot - 1 - avslut - len(uppfoljningar)
        spann = (plan.slutgrans - start_datum).days
        if lopande and spann < 2:
            lopande = 0
        datum_lopande = (
            sorted(start_datum + DAG * rng.randint(1, spann - 1) for _ in range(lopande))
            if lopande
            else []
        )
        skapad = _tid(plan.start)
        steg = _vikta(rng, _STARTSTEG)
        b = self.t.bedomningar
        b.lagg_till(inskrivning_id, start_datum, B.START, steg_id[steg], skapad)
        for datum in datum_lopande:
            steg = self._steg(steg)
            b.lagg_till(inskrivning_id, datum, B.LOPANDE, steg_id[steg], skapad)
        if avslut:
            steg = self._avslutssteg(plan.orsak, steg)
            b.lagg_till(inskrivning_id, plan.slut, B.AVSLUT, steg_id[steg], skapad)
        for typ, datum in uppfoljningar:
            steg_da = self._steg(steg)
            b.lagg_till(inskrivning_id, datum, typ, steg_id[steg_da], skapad)
            grupp = 6 if steg_da == 6 else 4 if steg_da >= 4 else 1
            sysselsattning, kallor = _vikta(rng, _VID_UPPFOLJNING[grupp])
            self.t.uppfoljningar.lagg_till(
                inskrivning_id, typ, datum, "genomford", sysselsattning, _tid(datum)
            )
            for kalla in kallor:
                self.t.forsorjning.lagg_till(inskrivning_id, typ, kalla)
        return 1 + len(datum_lopande) + avslut + len(uppfoljningar)

    def _avslutssteg(self, orsak: str, steg: int) -> int:
        if orsak in (A.ARBETE, A.STUDIER):
            return 6
        if orsak == A.ARBETE_MED_STOD:
            return max(steg, 5)
        if orsak == A.ARBETSSOKANDE:
            return max(steg, 4)
        if orsak == A.OHALSA:
            return max(1, steg - 1)
        return self._steg(steg)
