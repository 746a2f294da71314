"""The insats resource of `/api/v1/` (API.md); finsam/api/urls.py includes it."""

from rest_framework.routers import SimpleRouter

from insatser.api.views import InsatsViewSet

router = SimpleRouter()
router.register("insatser", InsatsViewSet, basename="insats")

urlpatterns = router.urls
