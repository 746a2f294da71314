"""The participant's addresses, under `/e/` (finsam.anonymitet keeps them out of the logs)."""

from django.urls import path

from enkat import views_svar

urlpatterns = [
    path("<slug:nyckel>/", views_svar.start, name="enkat_start"),
    path("<slug:nyckel>/svara/", views_svar.svara, name="enkat_svara"),
    path("<slug:nyckel>/tack/", views_svar.tack, name="enkat_tack"),
]
