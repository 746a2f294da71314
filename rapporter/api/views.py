"""`rapporter/` (API.md): generated report versions, their PDF, and publication.

What a caller sees is `Rapport.objects.visible_to`: the förbundschef every
version, the styrelse the published ones, a part key the published masked
ones; anything else answers 404.
"""

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.reverse import reverse

from finsam.api.felform import felsvar
from finsam.api.schema import felsvar_schema
from finsam.api.views import SynligViewSet
from rapporter.api.filters import RapportFilter
from rapporter.api.serializers import (
    RapportBestallningSerializer,
    RapportKvittoSerializer,
    RapportSerializer,
)
from rapporter.models import Rapport
from rapporter.services.versioner import rapport_bestall_for_period, rapport_publicera
from rapporter.views import som_nedladdning


class RapportViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin, SynligViewSet
):
    """Genererade rapporter (delårsrapport, verksamhetsberättelse, helårsekvivalenttabell)
    med status och version.

    Förbundschefen ser varje version, styrelsen de publicerade och en partnyckel de
    publicerade maskerade. POST (förbundschefen) beställer en ny version och svarar 202;
    PATCH `{"publicerad": true}` (förbundschefen) publicerar en färdig version och drar
    tillbaka andra publicerade versioner av samma rapport.
    """

    queryset = Rapport.objects.select_related("forbund")
    serializer_class = RapportSerializer
    filterset_class = RapportFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    @extend_schema(request=RapportBestallningSerializer, responses={202: RapportKvittoSerializer})
    def create(self, request, *args, **kwargs) -> Response:
        """Beställ en version; den skapas i bakgrunden. Svaret pekar på dess status."""
        indata = RapportBestallningSerializer(data=request.data, context={"request": request})
        indata.is_valid(raise_exception=True)
        villkor = indata.validated_data
        rapport = rapport_bestall_for_period(
            forbund=villkor["forbund"],
            typ=villkor["typ"],
            fran=villkor["fran"],
            till=villkor["till"],
            insats=villkor.get("insats"),
            maskera=villkor["maskera"],
            user=request.user,
        )
        kvitto = {
            "id": rapport.pk,
            "status": rapport.status,
            "status_url": reverse("api:rapport-detail", args=[rapport.pk], request=request),
        }
        return Response(kvitto, status=status.HTTP_202_ACCEPTED)

    def perform_update(self, serializer) -> None:
        serializer.instance = rapport_publicera(
            rapport=serializer.instance,
            publicerad=serializer.validated_data.get("publicerad", serializer.instance.publicerad),
            user=self.request.user,
        )

    @extend_schema(
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            409: felsvar_schema(
                "RapportInteKlar",
                ["inte_klar", "kunde_inte_skapas"],
                status=serializers.ChoiceField(choices=Rapport.Status.choices),
                progress=serializers.IntegerField(),
                fel=serializers.CharField(),
            ),
        }
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def pdf(self, request, *args, **kwargs) -> FileResponse | Response:
        """Rapportens PDF när den är klar; 409 med status och förlopp medan den skapas."""
        rapport = self.get_object()
        if rapport.status != Rapport.Status.KLAR or not rapport.fil:
            fel = (
                felsvar(kod="inte_klar", detalj="Rapporten är inte klar.")
                if rapport.pagar
                else felsvar(kod="kunde_inte_skapas", detalj="Rapporten kunde inte skapas.")
            )
            return Response(
                {
                    **fel,
                    "status": rapport.status,
                    "progress": rapport.progress,
                    "fel": rapport.fel,
                },
                status=status.HTTP_409_CONFLICT,
            )
        return som_nedladdning(rapport)
