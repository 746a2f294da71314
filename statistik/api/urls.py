"""The statistics of `/api/v1/` (API.md): per insats, per förbund, and SCB's helårsekvivalenter.

finsam/api/urls.py includes these; `insatser/{id}/statistik/` and
`forbund/{id}/statistik/` stand beside the insats and förbund resources.
"""

from rest_framework.routers import SimpleRouter

from statistik.api.helarsekvivalenter import HelarsekvivalentViewSet
from statistik.api.views import ForbundStatistikViewSet, InsatsStatistikViewSet

router = SimpleRouter()
router.register("insatser", InsatsStatistikViewSet, basename="insats")
router.register("forbund", ForbundStatistikViewSet, basename="forbund")
router.register("helarsekvivalenter", HelarsekvivalentViewSet, basename="helarsekvivalent")

urlpatterns = router.urls
