"""The registerutdrag pages, under /registerutdrag/."""

from django.urls import path

from registerutdrag import views

app_name = "registerutdrag"

urlpatterns = [
    path("", views.chef, name="chef"),
    path("<int:pk>/besvara/", views.besvara, name="besvara"),
    path("mina/", views.mina, name="mina"),
    path("deltagare/<int:pk>/", views.registrera_for_deltagare, name="registrera"),
    path("<int:pk>/", views.begaran, name="begaran"),
    path("<int:pk>/del/", views.lagg_till_del, name="del"),
    path("<int:pk>/lamna/", views.lamna, name="lamna"),
    path("<int:pk>/utdrag.pdf", views.pdf, name="pdf"),
    path("<int:pk>/utdrag.json", views.json_fil, name="json"),
]
