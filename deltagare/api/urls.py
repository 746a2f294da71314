"""Deltagare, inskrivningar and an insats's anonyma in `/api/v1/` (API.md).

finsam/api/urls.py includes these; `insatser/{id}/anonyma/` stands beside the
insats resource of insatser/api/urls.py.
"""

from rest_framework.routers import SimpleRouter

from deltagare.api.views import DeltagareViewSet, InsatsAnonymaViewSet, InskrivningViewSet

router = SimpleRouter()
router.register("deltagare", DeltagareViewSet, basename="deltagare")
router.register("inskrivningar", InskrivningViewSet, basename="inskrivning")
router.register("insatser", InsatsAnonymaViewSet, basename="insats")

urlpatterns = router.urls
