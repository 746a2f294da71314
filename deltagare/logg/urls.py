from django.urls import path

from deltagare.logg import views

urlpatterns = [
    path("", views.atkomstlogg, name="atkomstlogg"),
]
