"""`/budget/`: the förbund's budget years, their sammanställning, rader, intäkter and imports."""

from django.urls import path

from budget.views import budgetar, intakter, rader, utfallsimport

app_name = "budget"

urlpatterns: list = [
    # Budget years, sammanställning, rader, intäkter, medlemsbidrag (budget.views).
    path("", budgetar.budgetar, name="budgetar"),
    path("ny/", budgetar.budgetar_ny, name="budgetar_ny"),
    path("<int:pk>/", budgetar.sammanstallning, name="sammanstallning"),
    path("<int:pk>/csv/", budgetar.sammanstallning_csv, name="sammanstallning_csv"),
    path("<int:pk>/excel/", budgetar.sammanstallning_excel, name="sammanstallning_excel"),
    path("<int:pk>/andra/", budgetar.budgetar_andra, name="budgetar_andra"),
    path("<int:pk>/intakter/", intakter.intakter, name="intakter"),
    path("<int:pk>/medlemsbidrag/", intakter.medlemsbidrag, name="medlemsbidrag"),
    path("<int:pk>/rader/", rader.rader, name="rader"),
    path("<int:pk>/rader/ny/", rader.rad_ny, name="rad_ny"),
    path("<int:pk>/rader/<int:rad_pk>/", rader.rad_andra, name="rad_andra"),
    path("<int:pk>/rader/<int:rad_pk>/ta-bort/", rader.rad_ta_bort, name="rad_ta_bort"),
    # Imports of utfall (budget.views.utfallsimport).
    path("<int:budgetar_pk>/import/", utfallsimport.ny, name="utfallsimport_ny"),
    path("<int:budgetar_pk>/import/<int:pk>/", utfallsimport.granska, name="utfallsimport_granska"),
    path(
        "<int:budgetar_pk>/import/<int:pk>/koppla/",
        utfallsimport.koppla,
        name="utfallsimport_koppla",
    ),
    path(
        "<int:budgetar_pk>/import/<int:pk>/importera/",
        utfallsimport.starta,
        name="utfallsimport_starta",
    ),
    path(
        "<int:budgetar_pk>/import/<int:pk>/status/",
        utfallsimport.status,
        name="utfallsimport_status",
    ),
]
