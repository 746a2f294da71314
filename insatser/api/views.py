"""`insatser/`: read by every role and part key, written by the förbundschef."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from finsam.api.fraga import PeriodFragaSerializer, las_fraga
from finsam.api.views import SynligViewSet
from insatser.api.filters import InsatsFilter
from insatser.api.serializers import (
    InsatsAndraSerializer,
    InsatsSerializer,
    NyckeltalSerializer,
    NyckeltalSvarSerializer,
)
from insatser.models import Insats
from insatser.selectors import insatsens_nyckeltal
from insatser.services import insats_skapa, insats_uppdatera, nyckeltal_spara


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

    @extend_schema(
        methods=["GET"],
        parameters=[PeriodFragaSerializer],
        responses=NyckeltalSvarSerializer(many=True),
    )
    @extend_schema(
        methods=["POST"], request=NyckeltalSerializer, responses={201: NyckeltalSvarSerializer}
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None, filter_backends=[])
    def nyckeltal(self, request, *args, **kwargs) -> Response:
        """En strukturinsats nyckeltal per period; POST (förbundschef) lägger till ett.

        `?fran=&till=` ger de nyckeltal vars period överlappar den perioden.
        För ett nyckeltal som räknar personer är antal från 1 till förbundets
        `min_cell` − 1 null för en partnyckel, och då även `varde`.
        """
        # Aggregates: every member and part key who sees the insats reads them
        # (the selector masks them as `min_cell_for` says); the service lets
        # the förbundschef alone write.
        insats = self.get_object()
        if request.method == "POST":
            indata = NyckeltalSerializer(data=request.data)
            indata.is_valid(raise_exception=True)
            nytt = nyckeltal_spara(insats=insats, **indata.validated_data, user=request.user)
            (varde,) = [
                n for n in insatsens_nyckeltal(user=request.user, insats=insats) if n.id == nytt.pk
            ]
            return Response(NyckeltalSvarSerializer(varde).data, status=status.HTTP_201_CREATED)
        fraga = las_fraga(request, PeriodFragaSerializer)
        varden = insatsens_nyckeltal(user=request.user, insats=insats, **fraga)
        return Response(NyckeltalSvarSerializer(varden, many=True).data)
