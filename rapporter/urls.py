from django.urls import path

from rapporter import views

urlpatterns = [
    path("", views.rapporter, name="rapporter"),
    path("<int:pk>/fil/", views.rapport_fil, name="rapport_fil"),
]
