"""`insatser/{id}/enkat/`, included by finsam/api/urls.py."""

from rest_framework.routers import SimpleRouter

from enkat.api.views import InsatsEnkatViewSet

router = SimpleRouter()
router.register("insatser", InsatsEnkatViewSet, basename="insats")

urlpatterns = router.urls
