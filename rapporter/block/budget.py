"""Budget och utfall t.o.m. the period's end: the sammanställning's tables and the chef's comment.

The tables are the budget page's (budget.tabeller), in tkr: the budget per
rad with utfall, förbrukning, prognos and utblick, then resultat and eget
kapital by budget, prognos and the utblick years.
"""

from budget.models import Budgetar
from budget.sammanstallning import budget_sammanstallning
from budget.tabeller import budgettabell, nyckeltal, resultattabell
from rapporter.block.underlag import Underlag
from rapporter.markering import som_html


def block(underlag: Underlag) -> dict:
    ar = underlag.till.year
    budgetar = Budgetar.objects.filter(forbund=underlag.forbund, ar=ar).first()
    if budgetar is None:
        return {"ar": ar, "budget": None}
    s = budget_sammanstallning(budgetar=budgetar, till=underlag.till)
    return {
        "ar": ar,
        "budget": s,
        "nyckeltal": nyckeltal(s),
        "budgettabell": budgettabell(s),
        "resultattabell": resultattabell(s),
        "kommentar": som_html(s.kommentar),
    }
