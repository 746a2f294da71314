"""`insatser/`: read by every role and part key, written by the förbundschef."""

from django.db.models import Prefetch
from rest_framework import mixins

from finsam.api.views import SynligViewSet
from insatser.api.filters import InsatsFilter
from insatser.api.serializers import InsatsAndraSerializer, InsatsSerializer
from insatser.models import Insats
from insatser.services import insats_skapa, insats_uppdatera


class InsatsViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    SynligViewSet,
):
    """Insatser i anroparens förbund. Förbundschefen skapar och ändrar (PATCH) insatser.

    `overordnad` anger den insats som en delinsats hör till; utan `stegskala`
    får insatsen förbundets standardstegskala.
    """

    # One query for all delinsatser ids of a page, whatever its length.
    queryset = Insats.objects.prefetch_related(
        Prefetch("delinsatser", queryset=Insats.objects.only("id", "overordnad_id").order_by("id"))
    )
    filterset_class = InsatsFilter
    # PATCH only: a PUT would reset every field left out to its default.
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_serializer_class(self):
        return InsatsAndraSerializer if self.action == "partial_update" else InsatsSerializer

    def perform_create(self, serializer) -> None:
        serializer.instance = insats_skapa(**serializer.validated_data, user=self.request.user)

    def perform_update(self, serializer) -> None:
        serializer.instance = insats_uppdatera(
            insats=serializer.instance, **serializer.validated_data, user=self.request.user
        )
