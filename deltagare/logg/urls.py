from django.urls import path

from deltagare.logg import views

urlpatterns = [
    path("", views.atkomstlogg, name="atkomstlogg"),
    path("export.csv", views.atkomstlogg_export, name="atkomstlogg_export"),
    path("granskning/", views.granskningar, name="atkomstlogg_granskningar"),
    path(
        "granskning/<int:ar>/<int:manad>/",
        views.granskning,
        name="atkomstlogg_granskning",
    ),
]
