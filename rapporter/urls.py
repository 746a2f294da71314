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
    path("<int:pk>/status/", views_helarsekvivalenter.status, name="rapport_status"),
    path("<int:pk>/hamta/", views_helarsekvivalenter.fil, name="rapport_hamta"),
    path("<int:pk>/publicera/", views_helarsekvivalenter.publicera, name="rapport_publicera"),
]
