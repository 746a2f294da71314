from django.contrib.auth import views as auth_views
from django.urls import path

from finsam.konto import views

urlpatterns = [
    path("", views.mitt_konto, name="mitt_konto"),
    path("logga-in/", views.Inloggning.as_view(), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("tvafaktor/", views.tvafaktor_verifiera, name="tvafaktor_verifiera"),
    path("tvafaktor/aktivera/", views.tvafaktor_aktivera, name="tvafaktor_aktivera"),
    path("tvafaktor/stang-av/", views.tvafaktor_avaktivera, name="tvafaktor_avaktivera"),
]
