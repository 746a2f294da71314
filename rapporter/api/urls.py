"""The rapporter resource of `/api/v1/` (API.md); finsam/api/urls.py includes it."""

from rest_framework.routers import SimpleRouter

from rapporter.api.views import RapportViewSet

router = SimpleRouter()
router.register("rapporter", RapportViewSet, basename="rapport")

urlpatterns = router.urls
