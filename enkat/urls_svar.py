"""The participant's addresses, under `/e/` (finsam.anonymitet keeps them out of the logs)."""

from django.urls import path

from enkat import views_svar

urlpatterns = [
    path("<str:nyckel>/", views_svar.start, name="enkat_start"),
    path("<str:nyckel>/svara/", views_svar.svara, name="enkat_svara"),
    path("<str:nyckel>/tack/", views_svar.tack, name="enkat_tack"),
]
