from django.urls import path

from finsam import views

urlpatterns = [
    path("", views.startsida, name="startsida"),
    path("forbund/valj/", views.forbund_valj, name="forbund_valj"),
]
