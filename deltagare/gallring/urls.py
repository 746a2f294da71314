from django.urls import path

from deltagare.gallring import views

urlpatterns = [
    path("", views.gallring, name="gallring"),
]
