from django.urls import path

from statistik import views, views_behov, views_helarsekvivalenter, views_jamstalldhet

urlpatterns = [
    path("", views.oversikt, name="statistik"),
    path("insatser/<int:pk>/", views.insats, name="statistik_insats"),
    path("jamstalldhet/", views_jamstalldhet.forbund, name="statistik_jamstalldhet"),
    path("behov/", views_behov.forbund, name="statistik_behov"),
    path("behov/rackvidd.csv", views_behov.forbund_csv, name="statistik_behov_csv"),
    path("behov/rackvidd.xlsx", views_behov.forbund_excel, name="statistik_behov_excel"),
    path(
        "jamstalldhet/jamstalldhet.csv",
        views_jamstalldhet.forbund_csv,
        name="statistik_jamstalldhet_csv",
    ),
    path(
        "jamstalldhet/jamstalldhet.xlsx",
        views_jamstalldhet.forbund_excel,
        name="statistik_jamstalldhet_excel",
    ),
    path(
        "insatser/<int:pk>/jamstalldhet/",
        views_jamstalldhet.insats,
        name="statistik_insats_jamstalldhet",
    ),
    path(
        "insatser/<int:pk>/jamstalldhet.csv",
        views_jamstalldhet.insats_csv,
        name="statistik_insats_jamstalldhet_csv",
    ),
    path(
        "insatser/<int:pk>/jamstalldhet.xlsx",
        views_jamstalldhet.insats_excel,
        name="statistik_insats_jamstalldhet_excel",
    ),
    path("insatser/<int:pk>/statistik.csv", views.insats_csv, name="statistik_insats_csv"),
    path("insatser/<int:pk>/statistik.xlsx", views.insats_excel, name="statistik_insats_excel"),
    path("helarsekvivalenter/", views_helarsekvivalenter.sida, name="helarsekvivalenter"),
    path(
        "helarsekvivalenter/helarsekvivalenter.csv",
        views_helarsekvivalenter.csv,
        name="helarsekvivalenter_csv",
    ),
    path(
        "helarsekvivalenter/helarsekvivalenter.xlsx",
        views_helarsekvivalenter.excel,
        name="helarsekvivalenter_excel",
    ),
]
