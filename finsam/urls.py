from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Finsam – administration"
admin.site.site_title = "Finsam"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("finsam.api.urls")),
    path("konto/", include("finsam.konto.urls")),
    path("insatser/", include("insatser.urls")),
    path("deltagare/", include("deltagare.urls")),
    path("rapporter/", include("rapporter.urls")),
    path("atkomstlogg/", include("deltagare.logg.urls")),
    path("statistik/", include("statistik.urls")),
    path("hantering/", include("finsam.hantering.urls")),
    path("budget/", include("budget.urls")),
    path("", include("finsam.web_urls")),
]
