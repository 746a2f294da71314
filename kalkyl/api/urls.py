"""`insatser/{id}/kalkyl/`, included by finsam/api/urls.py."""

from rest_framework.routers import SimpleRouter

from kalkyl.api.views import InsatsKalkylViewSet

router = SimpleRouter()
router.register("insatser", InsatsKalkylViewSet, basename="insats")

urlpatterns = router.urls
