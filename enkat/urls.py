from django.urls import path

from enkat import views, views_papper

urlpatterns = [
    path("", views.enkater, name="enkater"),
    path("exempel/", views.exempel, name="enkat_exempel"),
    path("<int:pk>/", views.enkat, name="enkat"),
    path("<int:pk>/xlsform.xlsx", views.enkat_xlsform, name="enkat_xlsform"),
    path("<int:pk>/enkat.csv", views.enkat_csv, name="enkat_csv"),
    path("<int:pk>/ta-bort/", views.enkat_radera, name="enkat_radera"),
    path("insatser/<int:pk>/", views.insats, name="enkat_insats"),
    path("insatser/<int:pk>/enkat.csv", views.insats_csv, name="enkat_insats_csv"),
    path("insatser/<int:pk>/enkat.xlsx", views.insats_excel, name="enkat_insats_excel"),
    path("matningar/<int:pk>/", views.matning, name="enkat_matning"),
    path("matningar/<int:pk>/ta-bort/", views.matning_radera, name="enkat_matning_radera"),
    path("matningar/<int:pk>/affisch.pdf", views_papper.affisch, name="enkat_affisch"),
    path("matningar/<int:pk>/papper.pdf", views_papper.papper, name="enkat_papper"),
    path("matningar/<int:pk>/papperssvar/", views_papper.papperssvar, name="enkat_papperssvar"),
    path(
        "matningar/<int:pk>/papperssvar/angra/",
        views_papper.papperssvar_angra,
        name="enkat_papperssvar_angra",
    ),
]
