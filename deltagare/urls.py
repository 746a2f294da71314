"""The samordnare's deltagare pages, under /deltagare/ (DOMAIN.md §6: samordnare only)."""

from django.urls import path

from deltagare.views import (
    anonyma,
    deltagare,
    inskrivning,
    korrigering,
    lista,
    rattelse,
    registrering,
    uppfoljning,
)

app_name = "deltagare"

urlpatterns = [
    path("insats/<int:insats_pk>/", lista.lista, name="lista"),
    path("insats/<int:insats_pk>/sok/", lista.sok, name="sok"),
    path("insats/<int:insats_pk>/registrera/", registrering.registrera, name="registrera"),
    path("insats/<int:insats_pk>/uppfoljningar/", uppfoljning.uppfoljningar, name="uppfoljningar"),
    path("<int:pk>/", deltagare.sida, name="sida"),
    path("<int:pk>/rattelse/", rattelse.rattelse, name="rattelse"),
    path("inskrivning/<int:pk>/bedomning/", deltagare.bedomning, name="bedomning"),
    path(
        "inskrivning/<int:pk>/startuppgifter/",
        inskrivning.startuppgifter,
        name="startuppgifter",
    ),
    path("inskrivning/<int:pk>/avsluta/", inskrivning.avsluta, name="avsluta"),
    path("inskrivning/<int:pk>/felregistrera/", inskrivning.felregistrera, name="felregistrera"),
    path("bedomning/<int:pk>/andra/", korrigering.bedomning_andra, name="bedomning_andra"),
    path("bedomning/<int:pk>/ta-bort/", korrigering.bedomning_ta_bort, name="bedomning_ta_bort"),
    path("inskrivning/<int:pk>/avslut/ratta/", korrigering.avslut_ratta, name="avslut_ratta"),
    path("inskrivning/<int:pk>/ateroppna/", korrigering.ateroppna, name="ateroppna"),
    path(
        "inskrivning/<int:pk>/felregistrering/angra/",
        korrigering.felregistrering_angra,
        name="felregistrering_angra",
    ),
    path(
        "inskrivning/<int:pk>/samtycke/",
        inskrivning.samtycke_aterkalla_vy,
        name="samtycke_aterkalla",
    ),
]

# Pages of an insats that read or write deltagare data, under /insatser/ with
# the insats's other pages: finsam/urls.py includes them there, unnamespaced.
insatssidor = [path("<int:pk>/anonyma/", anonyma.anonyma, name="insats_anonyma")]
