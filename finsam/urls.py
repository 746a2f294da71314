from django.contrib import admin
from django.urls import include, path

import deltagare.urls
import hantering.urls

admin.site.site_header = "Finsam – administration"
admin.site.site_title = "Finsam"
# A database away answers 503 (finsam/driftfel.py); any other error the 500 page.
handler500 = "finsam.driftfel.serverfel"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("finsam.api.urls")),
    path("konto/", include("finsam.konto.urls")),
    # Login with e-legitimation: SAML endpoints, and the förbundschef's invitations.
    path("saml/", include("elegitimation.saml.urls")),
    path("oidc/", include("elegitimation.oidc.urls")),
    path("inbjudningar/", include("elegitimation.urls")),
    path("insatser/", include("insatser.urls")),
    path("insatser/", include(deltagare.urls.insatssidor)),
    path("deltagare/", include("deltagare.urls")),
    path("rapporter/", include("rapporter.urls")),
    path("atkomstlogg/", include("deltagare.logg.urls")),
    path("registerutdrag/", include("registerutdrag.urls")),
    path("gallring/", include("deltagare.gallring.urls")),
    path("statistik/scb/", include("scb.urls")),
    path("statistik/", include("statistik.urls")),
    path("kalkyl/", include("kalkyl.urls")),
    path("enkater/", include("enkat.urls")),
    # The participants' pages, anonymous (finsam.anonymitet).
    path("e/", include("enkat.urls_svar")),
    path("hantering/", include("hantering.urls")),
    path("budget/", include("budget.urls")),
    path("", include(hantering.urls.rotsidor)),
    path("", include("finsam.web_urls")),
]

handler400 = "finsam.felsidor.felaktig_begaran"
handler403 = "finsam.felsidor.ej_behorig"
handler404 = "finsam.felsidor.sida_saknas"
handler500 = "finsam.felsidor.serverfel"
