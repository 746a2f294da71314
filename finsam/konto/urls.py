from django.contrib.auth import views as auth_views
from django.urls import path

from finsam.konto import nycklar, views

urlpatterns = [
    path("", views.mitt_konto, name="mitt_konto"),
    path("logga-in/", views.Inloggning.as_view(), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("tvafaktor/", views.tvafaktor_verifiera, name="tvafaktor_verifiera"),
    path("tvafaktor/aktivera/", views.tvafaktor_aktivera, name="tvafaktor_aktivera"),
    path("tvafaktor/stang-av/", views.tvafaktor_avaktivera, name="tvafaktor_avaktivera"),
    path("api-nycklar/", nycklar.nycklar, name="nycklar"),
    path("api-nycklar/ny/", nycklar.nyckel_ny, name="nyckel_ny"),
    path("api-nycklar/<int:pk>/", nycklar.nyckel_skapad, name="nyckel_skapad"),
    path("api-nycklar/<int:pk>/aterkalla/", nycklar.nyckel_aterkalla, name="nyckel_aterkalla"),
]
