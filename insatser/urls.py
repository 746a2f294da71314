from django.urls import path

from insatser import views

urlpatterns = [
    path("mina/", views.mina_insatser, name="mina_insatser"),
    path("<int:pk>/berattelse/", views.berattelse, name="insats_berattelse"),
]
