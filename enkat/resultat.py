"""What the participants say, per insats and period, with small groups protected on the server.

A period holds the measurements (`Matning`) of the insats and its
delinsatser that opened in it, each whole, once closed: a measurement still
open moves with every answer, and two readings a minute apart would show
one person's. The protection works on the smallest piece any figure is made
of, one measurement's answers to one question, and counts people, not
answers (a flerval question has several per person):

- a question's piece counts only where at least MINST_SVAR people gave a
  valid answer (not ej aktuellt or vet inte); a part key, or a file,
  asks for more. An indikator's piece counts only where every one of its
  questions' pieces does, so the answer tables and the indikatorer are
  sums of the same pieces;
- women and men count apart only where, on every one of the questions,
  each are at least MINST_PER_KON and the rest (annat, vill inte svara)
  none or at least the least above.

A figure is then a sum of pieces that may each be shown: no difference of
two periods, no total minus a kön and no table against another gives a
hidden piece back. The page says how many measurements were left out.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from enkat.models import (
    Enkat,
    Frageform,
    Indikator,
    Matning,
    Svar,
    SvarandeKon,
    Svarsrad,
    Varde,
)
from finsam.avrundning import hel_procent, procent
from finsam.maskering import OMASKERAT
from finsam.skattning import wilson
from insatser.models import Insats

MINST_SVAR = 5
MINST_PER_KON = 10
KON_APART = (SvarandeKon.KVINNA, SvarandeKon.MAN)


@dataclass(frozen=True)
class Andel:
    """`positiva` of `giltiga` answers, as an integer percent with its Wilson interval."""

    positiva: int
    giltiga: int

    @property
    def procent(self) -> int | None:
        return procent(self.positiva, self.giltiga)

    @property
    def intervall(self) -> tuple[int, int] | None:
        """The 95 % Wilson interval in whole percent; None on fewer than five answers."""
        ki = wilson(self.positiva, self.giltiga)
        return None if ki is None else (hel_procent(ki[0]), hel_procent(ki[1]))

    def __add__(self, other: "Andel") -> "Andel":
        return Andel(self.positiva + other.positiva, self.giltiga + other.giltiga)


INGEN = Andel(0, 0)


@dataclass
class Indikatorresultat:
    kod: str
    namn: str
    extern_kod: str
    jamforelse_procent: float | None
    jamforelse_kalla: str
    totalt: Andel = INGEN
    kvinnor: Andel = INGEN
    man: Andel = INGEN
    ej_aktuellt: int = 0
    # Per measurement in the period, in order: None where it is left out.
    trend: list[Andel | None] = field(default_factory=list)


@dataclass
class Fordelning:
    """The answers to one question: each option's count, from the pieces that may be shown."""

    kod: str
    text: str
    alternativ: list[tuple[str, str, int]]  # (kod, text, antal); ej aktuellt flagged by värde
    ej_aktuellt: set[str]
    svarande: int = 0


@dataclass
class Enkatresultat:
    """One questionnaire (all its versions, by kod) for an insats and period."""

    kod: str
    namn: str
    matningar: list[Matning]
    svar: int  # answers in the measurements that count
    utelamnade: int  # closed measurements with fewer answers than the threshold
    oppna: int  # measurements still open: they count once closed
    indikatorer: list[Indikatorresultat]
    fordelningar: list[Fordelning]
    konsuppdelning: bool  # whether any piece let women and men count apart


def resultat(
    insats: Insats, fran: datetime.date, till: datetime.date, min_cell: int = OMASKERAT
) -> list[Enkatresultat]:
    """Every questionnaire answered about the insats (with its delinsatser) in the period."""
    minst = max(MINST_SVAR, min_cell)
    matningar = _matningar(insats, fran, till)
    rader = _rader(matningar)
    per_kod: dict[str, list[Matning]] = defaultdict(list)
    for m in matningar:
        per_kod[m.enkat.kod].append(m)
    idag = timezone.localdate()
    return [_enkat(ms, rader, minst, idag) for ms in per_kod.values()]


def _matningar(insats: Insats, fran: datetime.date, till: datetime.date) -> list[Matning]:
    """The measurements of the insats and its delinsatser that opened in the period."""
    return list(
        Matning.objects.filter(
            insats__in=Insats.objects.med_delinsatser(insats.pk), fran__range=(fran, till)
        )
        .select_related("enkat", "insats")
        .order_by("fran", "pk")
    )


def fritexter(insats: Insats, fran: datetime.date, till: datetime.date) -> dict[str, list[str]]:
    """Question text → the free text answers, for the staff's page only (never a file, the
    API or a report): from the closed measurements where the förbund has free text on and
    at least MINST_PER_KON answered, in no order that follows the answers' arrival (an
    open one would show each new text as it came)."""
    idag = timezone.localdate()
    matningar = [
        m for m in _matningar(insats, fran, till)
        if m.till < idag and m.enkat.fritext and m.svar.count() >= MINST_PER_KON
    ]  # fmt: skip
    ut: dict[str, list[str]] = defaultdict(list)
    for fraga, text in (
        Svarsrad.objects.filter(svar__matning__in=matningar, alternativ__isnull=True)
        .order_by("id")  # random keys: a random order
        .values_list("fraga__text", "fritext")
    ):
        ut[fraga].append(text)
    return dict(ut)


def _rader(matningar: list[Matning]) -> dict[int, list[tuple]]:
    """measurement → its answer rows (svar, kön, fråga, alternativ id, kod, värde)."""
    per_matning: dict[int, list[tuple]] = defaultdict(list)
    for m, *rad in (
        Svarsrad.objects.filter(svar__matning__in=matningar, alternativ__isnull=False)
        .values_list(
            "svar__matning",
            "svar",
            "svar__kon",
            "fraga__kod",
            "alternativ",
            "alternativ__kod",
            "alternativ__varde",
        )  # fmt: skip
        .order_by()
    ):
        per_matning[m].append(tuple(rad))
    return per_matning


def _enkat(
    matningar: list[Matning], rader: dict[int, list[tuple]], minst: int, idag: datetime.date
) -> Enkatresultat:
    senaste: Enkat = max((m.enkat for m in matningar), key=lambda e: e.version)
    svar = dict(
        Svar.objects.filter(matning__in=matningar)
        .values_list("matning")
        .annotate(n=Count("id"))
        .order_by()
    )
    stangda = [m for m in matningar if m.till < idag]
    bitar = _fragebitar(matningar, rader, minst, {m.pk for m in stangda})
    indikatorer = _indikatorer(senaste, matningar, rader, bitar)
    return Enkatresultat(
        kod=senaste.kod,
        namn=senaste.namn,
        matningar=matningar,
        svar=sum(svar.get(m.pk, 0) for m in stangda if svar.get(m.pk, 0) >= minst),
        utelamnade=sum(1 for m in stangda if 0 < svar.get(m.pk, 0) < minst),
        oppna=len(matningar) - len(stangda),
        indikatorer=indikatorer,
        fordelningar=_fordelningar(senaste, matningar, rader, bitar),
        konsuppdelning=any(i.kvinnor.giltiga for i in indikatorer),
    )


@dataclass(frozen=True)
class Fragebit:
    """One measurement's answers to one question: whether it counts, apart by kön too."""

    raknas: bool
    konsdelas: bool


def _fragebitar(matningar, rader, minst: int, stangda: set[int]) -> dict[tuple, Fragebit]:
    """(measurement, question kod) → its piece's rule, from the people who answered."""
    personer: dict[tuple, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for m in matningar:
        for svar, kon, fraga, _alt, _kod, varde in rader[m.pk]:
            if varde != Varde.EJ_AKTUELLT:
                personer[(m.pk, fraga)][kon if kon in KON_APART else "ovriga"].add(svar)
    bitar = {}
    for (matning, fraga), per_kon in personer.items():
        alla = sum(len(p) for p in per_kon.values())
        ovriga = len(per_kon["ovriga"])
        raknas = matning in stangda and alla >= minst
        bitar[(matning, fraga)] = Fragebit(
            raknas=raknas,
            konsdelas=raknas
            and min(len(per_kon[k]) for k in KON_APART) >= max(MINST_PER_KON, minst)
            and (ovriga == 0 or ovriga >= minst),
        )
    return bitar


INGEN_BIT = Fragebit(raknas=False, konsdelas=False)


def _indikatorer(
    senaste: Enkat, matningar, rader, bitar: dict[tuple, Fragebit]
) -> list[Indikatorresultat]:
    """Each indikator of the latest version, summed over the measurements whose own
    version has one with the same kod."""
    positiva: dict[tuple[int, str], set[int]] = defaultdict(set)  # (enkät, kod) → options
    fragor: dict[tuple[int, str], set[str]] = defaultdict(set)
    for enkat, kod, alternativ, fraga in Indikator.positiva.through.objects.filter(
        indikator__enkat__in={m.enkat_id for m in matningar}
    ).values_list("indikator__enkat", "indikator__kod", "svarsalternativ",
                  "svarsalternativ__fraga__kod"):  # fmt: skip
        positiva[(enkat, kod)].add(alternativ)
        fragor[(enkat, kod)].add(fraga)
    ut = []
    for i in senaste.indikatorer.all():
        res = Indikatorresultat(
            i.kod, i.namn, i.extern_kod,
            None if i.jamforelse_procent is None else float(i.jamforelse_procent),
            i.jamforelse_kalla,
        )  # fmt: skip
        for m in matningar:
            egna = fragor.get((m.enkat_id, i.kod), set())
            fragebitar = [bitar.get((m.pk, f), INGEN_BIT) for f in egna]
            if not egna or not all(b.raknas for b in fragebitar):
                res.trend.append(None)
                continue
            bit = _bit(rader[m.pk], egna, positiva.get((m.enkat_id, i.kod), set()))
            res.trend.append(bit["totalt"])
            res.totalt += bit["totalt"]
            res.ej_aktuellt += bit["ej_aktuellt"]
            if all(b.konsdelas for b in fragebitar):
                res.kvinnor += bit["kvinna"]
                res.man += bit["man"]
        ut.append(res)
    return ut


def _bit(rader: list[tuple], fragor: set[str], positiva: set[int]) -> dict:
    """One measurement's answers to one indikator: total, per kön, and ej aktuellt."""
    bit: dict = {"totalt": INGEN, "kvinna": INGEN, "man": INGEN, "ej_aktuellt": 0}
    for _svar, kon, fraga, alternativ, _kod, varde in rader:
        if fraga not in fragor:
            continue
        if varde == Varde.EJ_AKTUELLT:
            bit["ej_aktuellt"] += 1
            continue
        andel = Andel(int(alternativ in positiva), 1)
        bit["totalt"] += andel
        if kon in KON_APART:
            bit[kon] += andel
    return bit


def _fordelningar(senaste: Enkat, matningar, rader, bitar) -> list[Fordelning]:
    """Each choice question of the latest version, over the pieces that count."""
    ut = []
    for fraga in senaste.fragor.exclude(typ=Frageform.FRITEXT).prefetch_related("alternativ"):
        alternativ = list(fraga.alternativ.all())
        antal: Counter = Counter()
        svarande = 0
        for m in matningar:
            if bitar.get((m.pk, fraga.kod), INGEN_BIT).raknas:
                egna = [r for r in rader[m.pk] if r[2] == fraga.kod]
                svarande += len({r[0] for r in egna})
                antal.update(r[4] for r in egna)
        ut.append(
            Fordelning(
                kod=fraga.kod,
                text=fraga.text,
                alternativ=[(a.kod, a.text, antal[a.kod]) for a in alternativ],
                ej_aktuellt={a.kod for a in alternativ if a.varde == Varde.EJ_AKTUELLT},
                svarande=svarande,
            )
        )
    return ut
