from django.urls import path

from rapporter import views, views_helarsekvivalenter

urlpatterns = [
    path("", views.rapporter, name="rapporter"),
    path("<int:pk>/fil/", views.rapport_fil, name="rapport_fil"),
    path(
        "helarsekvivalenter/bestall/",
        views_helarsekvivalenter.bestall,
        name="rapport_bestall_helarsekvivalenter",
    ),
    path("<int:pk>/status/", views.status, name="rapport_status"),
    path("<int:pk>/hamta/", views.fil, name="rapport_hamta"),
    path("<int:pk>/publicera/", views.publicera, name="rapport_publicera"),
]
