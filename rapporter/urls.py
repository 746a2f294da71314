from django.urls import include, path

from rapporter import views, views_avsnitt, views_dokument, views_helarsekvivalenter

# The förbundschef's written reports (delårsrapport, verksamhetsberättelse).
rapportdokument = [
    path("", views_dokument.lista, name="lista"),
    path("ny/<slug:typ>/", views_dokument.ny, name="ny"),
    path("<int:pk>/", views_dokument.visa, name="visa"),
    path("<int:pk>/installningar/", views_dokument.installningar, name="installningar"),
    path("<int:pk>/generera/", views_dokument.generera, name="generera"),
    path("<int:pk>/paminn/<int:insats_pk>/", views_dokument.paminn, name="paminn"),
    path("<int:pk>/avsnitt/ny/", views_dokument.lagg_till, name="avsnitt_ny"),
    path("<int:pk>/avsnitt/<int:avsnitt_pk>/", views_avsnitt.andra, name="avsnitt"),
    path(
        "<int:pk>/avsnitt/<int:avsnitt_pk>/flytta/",
        views_avsnitt.flytta,
        name="avsnitt_flytta",
    ),
    path(
        "<int:pk>/avsnitt/<int:avsnitt_pk>/ta-bort/",
        views_avsnitt.ta_bort,
        name="avsnitt_ta_bort",
    ),
]

urlpatterns = [
    path("", views.rapporter, name="rapporter"),
    path("<int:pk>/fil/", views.rapport_fil, name="rapport_fil"),
    path(
        "helarsekvivalenter/bestall/",
        views_helarsekvivalenter.bestall,
        name="rapport_bestall_helarsekvivalenter",
    ),
    path("<int:pk>/status/", views.status, name="rapport_status"),
    path("<int:pk>/hamta/", views.fil, name="rapport_hamta"),
    path("<int:pk>/publicera/", views.publicera, name="rapport_publicera"),
    path("skriv/", include((rapportdokument, "rapportdokument"))),
]
