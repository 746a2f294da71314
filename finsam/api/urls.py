"""`/api/v1/`: the OpenAPI document, the core resources, and every app's resources.

Composition: each app registers its own resources in its `api/urls.py`
(an action on another app's resource, such as `insatser/{id}/statistik/`,
is a viewset of its own at that address), and this module includes them.
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

import finsam.api.schema  # noqa: F401  (registers the API key scheme before any schema is built)
from finsam.api.views import ForbundViewSet, PartViewSet

app_name = "api"

router = SimpleRouter()
router.register("forbund", ForbundViewSet, basename="forbund")
router.register("parter", PartViewSet, basename="part")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start script as a file of its own
    # (docs/?script=), so the page needs no inline script under the CSP.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    *router.urls,
    path("", include("insatser.api.urls")),
    path("", include("deltagare.api.urls")),
    path("", include("budget.api.urls")),
    path("", include("statistik.api.urls")),
    path("", include("kalkyl.api.urls")),
    path("", include("enkat.api.urls")),
    path("", include("rapporter.api.urls")),
]
