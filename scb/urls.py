"""The SCB upload page, under /statistik/scb/ where the helårsekvivalent pages are."""

from django.urls import path

from scb import views

urlpatterns = [
    path("import/", views.scb_import, name="statistik_scb_import"),
]
