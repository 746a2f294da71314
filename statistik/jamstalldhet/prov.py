"""Women against men on one outcome: a real difference, or noise? (jämställdhetsanalys)

Each share with its 95 % Wilson interval; the difference kvinnor − män in
procentenheter with Newcombe's hybrid score interval (method 10 of Newcombe
1998, Stat Med 17:873); Fisher's exact two-sided p-value; and roughly how
many more people it would take to tell a difference of this size (80 %
power at the 5 % level, Cohen's formula on arcsine-transformed shares).
statsmodels and scipy do the statistics; this module chooses the methods,
rounds and words the verdict.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from scipy.stats import fisher_exact, norm
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_effectsize

from finsam.avrundning import procent_en_decimal, tre_decimaler
from finsam.skattning import NIVA, wilson
from finsam.tabeller import tal

STYRKA = 0.80


@dataclass(frozen=True)
class Andelsskattning:
    """`antal` of `av`, in percent with its 95 % Wilson interval (None where undefined,
    and everything None where the counts are hidden from the caller)."""

    antal: int | None
    av: int | None
    andel: float | None
    ki_lag: float | None
    ki_hog: float | None


@dataclass(frozen=True)
class Skillnad:
    """Kvinnor − män in procentenheter, with Newcombe's 95 % interval."""

    procentenheter: float | None
    ki_lag: float | None
    ki_hog: float | None


INGEN_SKILLNAD = Skillnad(None, None, None)
DOLD_ANDEL = Andelsskattning(None, None, None, None, None)


@dataclass(frozen=True)
class Konsjamforelse:
    kvinnor: Andelsskattning
    man: Andelsskattning
    skillnad: Skillnad
    p_varde: float | None
    sakerstalld: bool | None
    # Roughly how many more people, women and men together in today's
    # proportion, it would take to tell a difference of this size; None
    # where it is already told, or there is none to tell.
    fler_behovs: int | None
    # Hidden from the caller: a count below the förbund's min_cell, which the
    # shares, the difference or the p-value would give back.
    dold: bool = False

    @property
    def utlatande(self) -> str:
        """The verdict in plain Swedish, as the styrelse reads it."""
        if self.dold:
            return "Visas inte: för få personer för att redovisas."
        if self.sakerstalld is None:
            saknas = "kvinnor" if not self.kvinnor.av else "män"
            return f"Går inte att jämföra: underlaget har inga {saknas}."
        if self.sakerstalld:
            p = p_text(self.p_varde)
            return f"Skillnaden är statistiskt säkerställd (p {p if p[0] == '<' else '= ' + p})."
        text = "Skillnaden är inte säkerställd – underlaget är för litet för att säga något."
        if self.fler_behovs:
            text += (
                f" För att kunna säga något om en skillnad av den här storleken behövs "
                f"omkring {tal(_ungefar(self.fler_behovs))} deltagare till."
            )
        return text


def _ungefar(antal: int) -> int:
    """Two significant figures: it is an estimate (164 220 → 160 000, 1 029 → 1 000)."""
    if antal < 100:
        return antal
    steg = 10 ** (len(str(antal)) - 2)
    return int(Decimal(antal / steg).quantize(Decimal(1), ROUND_HALF_UP)) * steg


def p_text(p: float) -> str:
    """A p-value as the page, the PDF and the verdict write it: `0,012`, `< 0,001`."""
    return "< 0,001" if p < 0.001 else tal(p, decimaler=3)


DOLD = Konsjamforelse(DOLD_ANDEL, DOLD_ANDEL, INGEN_SKILLNAD, None, None, None, dold=True)


def andelsskattning(antal: int, av: int) -> Andelsskattning:
    """`antal` of `av` as a share with its Wilson interval (none on fewer than five)."""
    if not av:
        return Andelsskattning(antal, av, None, None, None)
    andel = procent_en_decimal(Fraction(antal, av))
    intervall = wilson(antal, av)
    if intervall is None:
        return Andelsskattning(antal, av, andel, None, None)
    lag, hog = intervall
    return Andelsskattning(antal, av, andel, procent_en_decimal(lag), procent_en_decimal(hog))


def jamfor_kon(kvinnor: tuple[int, int], man: tuple[int, int]) -> Konsjamforelse:
    """Compare the share of women, (antal, av), with the share of men."""
    k, m = andelsskattning(*kvinnor), andelsskattning(*man)
    if not k.av or not m.av:
        return Konsjamforelse(k, m, INGEN_SKILLNAD, None, None, None)
    lag, hog = confint_proportions_2indep(
        k.antal, k.av, m.antal, m.av, method="newcomb", compare="diff", alpha=NIVA
    )
    _, p = fisher_exact([[k.antal, k.av - k.antal], [m.antal, m.av - m.antal]])
    skillnad = Skillnad(
        procent_en_decimal(Fraction(k.antal, k.av) - Fraction(m.antal, m.av)),
        procent_en_decimal(lag),
        procent_en_decimal(hog),
    )
    sakerstalld = bool(p < NIVA)
    fler = None if sakerstalld else _fler_behovs(k, m)
    return Konsjamforelse(k, m, skillnad, tre_decimaler(p), sakerstalld, fler)


def _fler_behovs(k: Andelsskattning, m: Andelsskattning) -> int | None:
    """How many more people than today's women and men it would take, in the same
    proportion between them, to tell the observed difference with 80 % power.

    Cohen's formula for two shares: women needed n = (z₁₋α/₂ + z_styrka)² (1 + 1/r) / h²,
    men r·n, with h the arcsine distance of the shares (statsmodels'
    `proportion_effectsize`) and r = men / women today. In closed form rather
    than by statsmodels' root finder, which gives up when a huge difference
    needs fewer than two people.
    """
    h = abs(proportion_effectsize(k.antal / k.av, m.antal / m.av))
    if h == 0:
        return None
    r = m.av / k.av
    z = norm.ppf(1 - NIVA / 2) + norm.ppf(STYRKA)
    kvinnor = z**2 * (1 + 1 / r) / h**2
    return max(0, math.ceil(kvinnor * (1 + r)) - (k.av + m.av))
