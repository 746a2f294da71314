"""Women against men on one outcome: intervals against published worked examples, and
hand-computed cases (a zero cell, a tiny group, an insats of women only)."""

import pytest

from statistik.jamstalldhet.prov import andelsskattning, jamfor_kon

# Newcombe (1998), "Two-sided confidence intervals for the single proportion",
# Stat Med 17:857, table I, method 3 (Wilson score, no continuity correction).
WILSON = [
    ((81, 263), (25.53, 36.62)),
    ((15, 148), (6.24, 16.05)),
    ((0, 20), (0.0, 16.11)),
    ((1, 29), (0.61, 17.18)),
]

# Newcombe (1998), "Interval estimation for the difference between independent
# proportions: comparison of eleven methods", Stat Med 17:873, table II,
# method 10 (score, no continuity correction): examples (a), (b), (d)–(h).
NEWCOMBE = [
    ((56, 70), (48, 80), (5.24, 33.39)),
    ((9, 10), (3, 10), (17.05, 80.90)),
    ((5, 56), (0, 29), (-3.81, 19.26)),
    ((0, 10), (0, 20), (-16.11, 27.75)),
    ((0, 10), (0, 10), (-27.75, 27.75)),
    ((10, 10), (0, 20), (67.91, 100.0)),
    ((10, 10), (0, 10), (60.75, 100.0)),
]


# The tables give a share to four decimals (16.05 %); Finsam shows percent to one,
# so each bound must be the table's within that rounding.
INOM_AVRUNDNINGEN = 0.05 + 1e-9


@pytest.mark.parametrize(("andel", "intervall"), WILSON)
def test_wilson_som_newcombe(andel, intervall):
    skattning = andelsskattning(*andel)
    assert (skattning.ki_lag, skattning.ki_hog) == pytest.approx(intervall, abs=INOM_AVRUNDNINGEN)


@pytest.mark.parametrize(("kvinnor", "man", "intervall"), NEWCOMBE)
def test_skillnadens_intervall_som_newcombe(kvinnor, man, intervall):
    skillnad = jamfor_kon(kvinnor, man).skillnad
    assert (skillnad.ki_lag, skillnad.ki_hog) == pytest.approx(intervall, abs=INOM_AVRUNDNINGEN)


def test_andelen_avrundas_uppat_vid_halva():
    # 1 of 8 is 12.5 %; 1 of 16 is 6.25 %, half up 6.3 (Python's round gives 6.2).
    assert andelsskattning(1, 8).andel == 12.5
    assert andelsskattning(1, 16).andel == 6.3


def test_fa_personer_ger_inget_intervall():
    """A share of fewer than five people shows no interval: it would read as a finding."""
    assert andelsskattning(2, 4) == andelsskattning(2, 4).__class__(2, 4, 50.0, None, None)
    assert andelsskattning(0, 0).andel is None


def test_fishers_exakta_test_for_hand():
    """3 of 3 women and 0 of 3 men: the table and its mirror are the only ones as
    extreme, each with probability 1 / C(6, 3) = 1/20, so p = 0.1: not significant."""
    jamforelse = jamfor_kon((3, 3), (0, 3))
    assert jamforelse.p_varde == 0.1
    assert jamforelse.sakerstalld is False
    assert jamforelse.skillnad.procentenheter == 100.0
    assert jamforelse.utlatande.startswith("Skillnaden är inte säkerställd – underlaget")


def test_en_stor_skillnad_i_ett_stort_underlag_ar_sakerstalld():
    # 60 of 100 women and 30 of 100 men: 30 procentenheter, p far below 0.001.
    jamforelse = jamfor_kon((60, 100), (30, 100))
    assert jamforelse.sakerstalld is True and jamforelse.p_varde < 0.001
    assert jamforelse.fler_behovs is None
    assert jamforelse.utlatande == "Skillnaden är statistiskt säkerställd (p < 0,001)."


def test_noll_i_en_cell():
    """0 of 12 women and 4 of 10 men to arbete: −40 procentenheter. Fisher's p sums the
    tables with 4 successes among 22 as likely or less than the one seen:
    P(k women) = C(12, k) C(10, 4 − k) / C(22, 4) = 210, 1 440, 2 970, 2 200, 495 of 7 315
    for k = 0…4; those ≤ 210 are k = 0 alone, so p = 210 / 7 315 = 0.0287."""
    jamforelse = jamfor_kon((0, 12), (4, 10))
    assert jamforelse.skillnad.procentenheter == -40.0
    assert jamforelse.p_varde == 0.029
    assert jamforelse.sakerstalld is True
    assert jamforelse.kvinnor.ki_lag == 0.0


def test_bara_kvinnor_gar_inte_att_jamfora():
    jamforelse = jamfor_kon((7, 20), (0, 0))
    assert jamforelse.kvinnor.andel == 35.0
    assert jamforelse.skillnad.procentenheter is None and jamforelse.p_varde is None
    assert jamforelse.sakerstalld is None
    assert jamforelse.utlatande == "Går inte att jämföra: underlaget har inga män."


def test_hur_manga_fler_som_behovs():
    """34 % of 29 women against 27 % of 30 men: noise at this size. Cohen's h for
    10/29 and 8/30 is 2 asin √0.3448 − 2 asin √0.2667 = 0.1700; with
    (1.960 + 0.842)² = 7.849 and r = 30/29, women 7.849 (1 + 29/30) / 0.1700² = 534.4
    and men r times that, 552.8: 1 088 people, 1 029 more than the 59 today (the
    verdict says "omkring 1 000": an estimate, to two figures)."""
    jamforelse = jamfor_kon((10, 29), (8, 30))
    assert jamforelse.sakerstalld is False
    assert jamforelse.fler_behovs == 1029
    assert jamforelse.utlatande.endswith("behövs omkring 1\u00a0000 deltagare till.")


def test_lika_andelar_har_ingen_skillnad_att_soka():
    jamforelse = jamfor_kon((5, 10), (10, 20))
    assert jamforelse.skillnad.procentenheter == 0.0
    assert jamforelse.p_varde == 1.0 and jamforelse.fler_behovs is None
