"""`insatser/{id}/kalkyl/` (API.md): a viewset of its own beside the insats resource.

The row comes from `get_object` (`visible_to`: outside reach is 404); part
keys and other samordnare see it as the statistics' masking rule says.
"""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from finsam.api.fraga import (
    PERIODPARAMETRAR,
    PeriodFragaSerializer,
    las_fraga,
    standardperiod,
)
from finsam.api.views import SynligViewSet
from finsam.maskering import min_cell_for
from insatser.models import Insats
from kalkyl.api.svar import KalkylSerializer, kalkyl_som_dict
from kalkyl.berakning import kalkyl


class InsatsKalkylViewSet(SynligViewSet):
    queryset = Insats.objects.all()

    @extend_schema(parameters=PERIODPARAMETRAR, responses=KalkylSerializer)
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def kalkyl(self, request, *args, **kwargs) -> Response:
        """Samhällsekonomisk kalkyl: vad insatsen betalar tillbaka, till vem och hur snart.

        Bygger på förbundets kalkylantaganden och på de avslutade deltagarnas försörjning
        vid start och efter. För en partnyckel visas bara kostnaden när färre än förbundets
        `min_cell` har avslutat.
        """
        insats = self.get_object()
        fraga = las_fraga(request, PeriodFragaSerializer)
        fran, till = standardperiod(fraga.get("fran"), fraga.get("till"))
        min_cell = min_cell_for(request.user, insats.forbund, insats)
        return Response(kalkyl_som_dict(kalkyl(insats, fran, till, min_cell)))
