"""The förbundschef's invitations, under /inbjudningar/."""

from django.urls import path

from elegitimation import views

app_name = "elegitimation"

urlpatterns = [
    path("", views.inbjudningar, name="inbjudningar"),
    path("ny/", views.inbjudan_ny, name="inbjudan_ny"),
    path("<int:pk>/aterkalla/", views.inbjudan_aterkalla_vy, name="inbjudan_aterkalla"),
]
