"""`/api/v1/`: the resources of API.md and the OpenAPI document."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

import finsam.api.schema  # noqa: F401  (registers the API key scheme before any schema is built)
from budget.api.views import BudgetViewSet
from deltagare.api.views import DeltagareViewSet, InskrivningViewSet
from finsam.api.views import ForbundViewSet, PartViewSet
from insatser.api.views import InsatsViewSet
from statistik.api.helarsekvivalenter import HelarsekvivalentViewSet

app_name = "api"

router = SimpleRouter()
router.register("forbund", ForbundViewSet, basename="forbund")
router.register("parter", PartViewSet, basename="part")
router.register("insatser", InsatsViewSet, basename="insats")
router.register("deltagare", DeltagareViewSet, basename="deltagare")
router.register("inskrivningar", InskrivningViewSet, basename="inskrivning")
router.register("helarsekvivalenter", HelarsekvivalentViewSet, basename="helarsekvivalent")
router.register("budget", BudgetViewSet, basename="budget")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
]
