from django.urls import path

from kalkyl import views

urlpatterns = [
    path("antaganden/", views.antaganden, name="kalkyl_antaganden"),
    path("metod/", views.metod, name="kalkyl_metod"),
    path("insatser/<int:pk>/", views.insats, name="kalkyl_insats"),
    path("insatser/<int:pk>/kalkyl.csv", views.insats_csv, name="kalkyl_insats_csv"),
    path("insatser/<int:pk>/kalkyl.xlsx", views.insats_excel, name="kalkyl_insats_excel"),
]
