"""The budget resources of `/api/v1/` (API.md); finsam/api/urls.py includes them."""

from rest_framework.routers import SimpleRouter

from budget.api.views import BudgetViewSet

router = SimpleRouter()
router.register("budget", BudgetViewSet, basename="budget")

urlpatterns = router.urls
