from django.urls import path

from hantering.views import (
    anvandare,
    insatser,
    installningar,
    nycklar,
    organisation,
    oversikt,
    parter,
)

app_name = "hantering"

urlpatterns = [
    path("", insatser.insatser, name="insatser"),
    path("insatser/ny/", insatser.insats_ny, name="insats_ny"),
    path("insatser/<int:pk>/", insatser.insats_andra, name="insats_andra"),
    path("insatser/<int:pk>/avsluta/", insatser.insats_avsluta_vy, name="insats_avsluta"),
    path("insatser/<int:pk>/nyckeltal/", insatser.nyckeltal, name="nyckeltal"),
    path(
        "insatser/<int:pk>/nyckeltal/<int:nyckeltal_pk>/",
        insatser.nyckeltal,
        name="nyckeltal_andra",
    ),
    path("stegskalor/", insatser.stegskalor, name="stegskalor"),
    path("stegskalor/ny/", insatser.stegskala_ny, name="stegskala_ny"),
    path("organisation/", organisation.organisation, name="organisation"),
    path("organisation/<int:pk>/", organisation.organisation, name="uppdrag_andra"),
    path(
        "organisation/<int:pk>/ta-bort/",
        organisation.uppdrag_ta_bort_vy,
        name="uppdrag_ta_bort",
    ),
    path("parter/", parter.parter, name="parter"),
    path("parter/<int:pk>/", parter.parter, name="part_andra"),
    path("parter/<int:pk>/ta-bort/", parter.part_ta_bort_vy, name="part_ta_bort"),
    path("installningar/", installningar.installningar, name="installningar"),
    path("api-nycklar/", nycklar.nycklar, name="nycklar"),
    path("api-nycklar/ny/", nycklar.partnyckel_ny, name="partnyckel_ny"),
    path("api-nycklar/<int:pk>/", nycklar.nyckel_skapad, name="nyckel_skapad"),
    path("api-nycklar/<int:pk>/aterkalla/", nycklar.nyckel_aterkalla, name="nyckel_aterkalla"),
    path("anvandare/", anvandare.anvandare, name="anvandare"),
    path("anvandare/ny/", anvandare.anvandare_ny, name="anvandare_ny"),
    path("anvandare/<int:pk>/skapad/", anvandare.anvandare_skapad, name="anvandare_skapad"),
    path("anvandare/<int:pk>/roll/", anvandare.roll_lagg_till, name="roll_lagg_till"),
    path("roller/<int:pk>/ta-bort/", anvandare.roll_ta_bort, name="roll_ta_bort"),
]

# The förbundschef's overview stands at /oversikt/, outside /hantering/:
# finsam/urls.py includes it at the root, unnamespaced.
rotsidor = [path("oversikt/", oversikt.oversikt, name="oversikt")]
