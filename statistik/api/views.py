"""`insatser/{id}/statistik/` and `forbund/{id}/statistik/` (API.md), and the
analyses beside them (`…/jamstalldhet/`, `forbund/{id}/behov/`).

Viewsets of their own, registered beside the insats and förbund resources
by statistik/api/urls.py. The row comes from `get_object` (`visible_to`:
outside reach is 404, before the query is read).
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from finsam.api.fraga import PeriodFragaSerializer, las_fraga
from finsam.api.views import SynligViewSet
from finsam.models import Forbund
from insatser.models import Insats
from statistik.api.behov import BehovFragaSerializer, BehovsradSerializer, forbund_behov_las
from statistik.api.jamstalldhet import (
    JamstalldhetSerializer,
    forbund_jamstalldhet_las,
    insats_jamstalldhet_las,
)
from statistik.api.selectors import forbund_statistik_las, insats_statistik_las
from statistik.api.serializers import (
    ForbundStatistikSerializer,
    InsatsFragaSerializer,
    InsatsStatistikSerializer,
)
from statistik.berakning.period import URVAL

PERIOD = [
    OpenApiParameter(
        "fran",
        OpenApiTypes.DATE,
        description="Periodens första dag (ingår). Utan värde: 1 januari det år `till` ligger i.",
    ),
    OpenApiParameter(
        "till",
        OpenApiTypes.DATE,
        description="Periodens sista dag (ingår). Utan värde: i dag.",
    ),
]
URVAL_PARAMETER = OpenApiParameter(
    "urval",
    str,
    enum=list(URVAL),
    default="aktiva",
    description=(
        "Vilka inskrivningar ålder, utbildningsnivå, tid i offentlig försörjning och "
        "försörjning vid start avser: aktiva under perioden, nya (start i perioden) "
        "eller avslutade (slut i perioden)."
    ),
)


class InsatsStatistikViewSet(SynligViewSet):
    # `insatser/{id}/statistik/`.

    queryset = Insats.objects.all()

    @extend_schema(parameters=[*PERIOD, URVAL_PARAMETER], responses=InsatsStatistikSerializer)
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def statistik(self, request, *args, **kwargs) -> Response:
        """Insatsens statistik (DOMAIN.md §5) för en period, delinsatserna inräknade.

        För en partnyckel är antal från 1 till förbundets `min_cell` − 1 null,
        liksom varje andel och summa som bygger på dem.
        """
        insats = self.get_object()
        fraga = las_fraga(request, InsatsFragaSerializer)
        return Response(insats_statistik_las(user=request.user, insats=insats, **fraga))

    @extend_schema(parameters=PERIOD, responses=JamstalldhetSerializer)
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def jamstalldhet(self, request, *args, **kwargs) -> Response:
        """Insatsens jämställdhetsanalys för en period (aktiva), delinsatserna inräknade.

        För varje mått kvinnors och mäns andel med 95 % intervall, skillnaden med
        intervall, p-värde och om skillnaden är säkerställd; och kvinnors andel av
        deltagarna mot deras andel av helårsekvivalenterna per ersättningsform.
        """
        insats = self.get_object()
        fraga = las_fraga(request, PeriodFragaSerializer)
        return Response(insats_jamstalldhet_las(user=request.user, insats=insats, **fraga))


class ForbundStatistikViewSet(SynligViewSet):
    # `forbund/{id}/statistik/`.

    queryset = Forbund.objects.all()

    @extend_schema(parameters=PERIOD, responses=ForbundStatistikSerializer)
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def statistik(self, request, *args, **kwargs) -> Response:
        """Förbundets statistik för en period: deltagare som unika personer och varje insats.

        För en partnyckel är antal från 1 till förbundets `min_cell` − 1 null,
        liksom varje andel och summa som bygger på dem.
        """
        forbund = self.get_object()
        fraga = las_fraga(request, PeriodFragaSerializer)
        return Response(forbund_statistik_las(user=request.user, forbund=forbund, **fraga))

    @extend_schema(parameters=PERIOD, responses=JamstalldhetSerializer)
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def jamstalldhet(self, request, *args, **kwargs) -> Response:
        """Förbundets jämställdhetsanalys för en period: huvudinsatsernas andelar summerade.

        Som insatsens; en rad är dold för en partnyckel också när den är dold i
        någon av insatserna.
        """
        forbund = self.get_object()
        fraga = las_fraga(request, PeriodFragaSerializer)
        return Response(forbund_jamstalldhet_las(user=request.user, forbund=forbund, **fraga))

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "ar", int, description="Året inskrivningarna började. Utan värde: i år."
            )
        ],
        responses=BehovsradSerializer(many=True),
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def behov(self, request, *args, **kwargs) -> Response:
        """Räckvidd mot behov: deltagare per 1 000 helårsekvivalenter per kommun,
        ersättningsform och kön ett år.

        Saknar SCB siffror för året används det senaste året före, som `scb_ar` anger.
        """
        forbund = self.get_object()
        fraga = las_fraga(request, BehovFragaSerializer)
        return Response(forbund_behov_las(user=request.user, forbund=forbund, **fraga))
