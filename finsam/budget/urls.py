"""`/budget/`: the förbund's budget years, their sammanställning, rader, intäkter and imports."""

app_name = "budget"

urlpatterns: list = [
    # Budget years, sammanställning, rader, intäkter, medlemsbidrag (finsam.budget.views).
    # Imports of utfall (finsam.budget.views.utfallsimport).
]
