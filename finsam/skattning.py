"""The 95 % Wilson interval of a share: one method wherever Finsam shows one with its interval.

The jämställdhetsanalys (statistik/jamstalldhet/prov.py) and the
deltagarenkät (enkat/resultat.py) round it each as their pages write shares.
"""

from statsmodels.stats.proportion import proportion_confint

NIVA = 0.05
# A share of fewer people than this shows no interval: it would be as wide
# as the scale and read as a finding.
MINST_FOR_INTERVALL = 5


def wilson(antal: int, av: int) -> tuple[float, float] | None:
    """The interval's ends as shares from 0 to 1; None on fewer than MINST_FOR_INTERVALL."""
    if av < MINST_FOR_INTERVALL:
        return None
    lag, hog = proportion_confint(antal, av, alpha=NIVA, method="wilson")
    return float(lag), float(hog)
