from django.urls import path

from finsam import views
from finsam.halsa import halsa

urlpatterns = [
    path("", views.startsida, name="startsida"),
    path("forbund/valj/", views.forbund_valj, name="forbund_valj"),
    # Database, cache and broker for monitoring; open to all, ok or fel only (finsam/halsa.py).
    path("halsa/", halsa, name="halsa"),
]
