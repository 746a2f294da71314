"""`insatser/{id}/enkat/` (API.md): the deltagarenkät's results beside the insats resource.

Aggregates only, never an answer. Every caller gets the small-group
protection of enkat.resultat; a part key with its förbund's `min_cell`
if that is larger, as the statistics' masking rule says.
"""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from enkat.api.svar import EnkatresultatSerializer, enkat_som_dict
from enkat.resultat import MINST_PER_KON, resultat
from finsam.api.fraga import (
    PERIODPARAMETRAR,
    PeriodFragaSerializer,
    las_fraga,
    standardperiod,
)
from finsam.api.views import SynligViewSet
from finsam.maskering import min_cell_for
from insatser.models import Insats


class InsatsEnkatViewSet(SynligViewSet):
    queryset = Insats.objects.all()

    @extend_schema(parameters=PERIODPARAMETRAR, responses=EnkatresultatSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def enkat(self, request, *args, **kwargs) -> Response:
        """Deltagarenkät: andel positiva per indikator med intervall, per kön och per mätning.

        En lista, en post per enkät (alla versioner med samma kod). Mätningarna som öppnade
        under perioden räknas hela, när de har stängt. En mätnings svar på en fråga räknas
        inte alls när färre än tio personer svarat (eller förbundets `min_cell` för en
        partnyckel, om den är större), och kvinnor och män visas var för sig bara från
        mätningar med minst tio av varje.
        """
        insats = self.get_object()
        fraga = las_fraga(request, PeriodFragaSerializer)
        fran, till = standardperiod(fraga.get("fran"), fraga.get("till"))
        # What leaves Finsam needs ten answers a piece (issue 19 §5), a part key its
        # förbund's min_cell if larger.
        minst = max(MINST_PER_KON, min_cell_for(request.user, insats.forbund, insats))
        return Response([enkat_som_dict(r) for r in resultat(insats, fran, till, minst)])
