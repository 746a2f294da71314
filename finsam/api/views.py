"""Views of the core resources, and the base every API view uses."""

from django.db import models
from rest_framework import mixins, viewsets

from finsam.api.filters import PartFilter
from finsam.api.serializers import ForbundAndraSerializer, ForbundSerializer, PartSerializer
from finsam.models import Forbund, Part
from finsam.services.organisation import forbund_andra_installningar, forbund_skapa, part_skapa


class SynligViewSet(viewsets.GenericViewSet):
    # Rows come from `visible_to`, so anything outside reach answers 404.
    # Subclasses set `queryset` (with any select_related/prefetch_related) and
    # write through a service in `perform_create`/`perform_update`, keeping
    # the view free of rules. (A comment, not a docstring: drf-spectacular
    # would show a docstring to API readers on every subclass.)

    queryset: models.QuerySet
    # An id in the path is digits, and few enough to fit a 64-bit column;
    # anything else is a path no view answers (404), never a database error.
    lookup_value_regex = r"[0-9]{1,18}"

    def get_queryset(self) -> models.QuerySet:
        return self.queryset.visible_to(self.request.user)


class ForbundViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    SynligViewSet,
):
    """Förbund som anroparen tillhör. Endast administratörer skapar förbund;
    förbundschefen ändrar inställningarna med PATCH, t.ex. `{"gallring_ar": 2–10}`,
    `{"min_cell": 3}`, `{"personnummer_tillatet": false}`, `{"organisationsnummer": ...}`."""

    queryset = Forbund.objects.all()
    serializer_class = ForbundSerializer
    # PATCH only: a PUT would reset every setting left out.
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_serializer_class(self):
        return ForbundAndraSerializer if self.action == "partial_update" else ForbundSerializer

    def perform_create(self, serializer) -> None:
        serializer.instance = forbund_skapa(**serializer.validated_data, user=self.request.user)

    def perform_update(self, serializer) -> None:
        # Through the service even when empty, so an empty PATCH is refused
        # to anyone but the förbundschef too (it then changes nothing).
        serializer.instance = forbund_andra_installningar(
            forbund=serializer.instance, **serializer.validated_data, user=self.request.user
        )


class PartViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, SynligViewSet
):
    """Parter i anroparens förbund (`?forbund=`, `?typ=`). Förbundschefen lägger till parter;
    en kommuns `kommunkod` måste finnas bland SCB-uppgifterna i Finsam."""

    queryset = Part.objects.all()
    serializer_class = PartSerializer
    filterset_class = PartFilter

    def perform_create(self, serializer) -> None:
        serializer.instance = part_skapa(**serializer.validated_data, user=self.request.user)
