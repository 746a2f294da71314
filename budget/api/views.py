"""`budget/` and its `rader/`, `utfall/` and `sammanstallning/` (API.md).

Budget years are aggregates of the förbund, so every member and part key
of it reads them and their sammanställning (`visible_to`; amounts of
money, not persons, so nothing is masked). Rader and utfall are the
förbundschef's (API.md): another caller who sees the budget is refused
with 403, anyone else gets 404. Every write goes through
budget/services/, which checks the role again.
"""

from functools import partial

from django.db.models import Prefetch, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer, extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from budget.api.filters import BudgetFilter
from budget.api.serializers import (
    BudgetarSerializer,
    BudgetradSerializer,
    SammanstallningFragaSerializer,
    SammanstallningSerializer,
    UtfallSerializer,
)
from budget.models import Budgetar, Intakt, Utfall
from budget.sammanstallning import budget_sammanstallning
from budget.services import budgetar_skapa, budgetrad_skapa, utfall_registrera
from finsam.api.behorighet import ArInloggad
from finsam.api.fraga import las_fraga
from finsam.api.views import SynligViewSet
from finsam.atkomst import atkomst
from finsam.kodlistor import Roll

TILL = OpenApiParameter(
    "till",
    OpenApiTypes.DATE,
    description=(
        "Utfall till och med detta datum (ingår), inom budgetåret. Utan värde: i dag, "
        "för ett passerat år 31 december och för ett kommande 1 januari."
    ),
)


class BudgetensForbundschef(BasePermission):
    """The rader and utfall of a budget are its förbund's förbundschef's alone (API.md)."""

    message = "Endast förbundschefen får se och ändra budgetens rader och utfall."

    def has_object_permission(self, request, view, obj: Budgetar) -> bool:
        return atkomst(request.user).har_roll(obj.forbund_id, Roll.FORBUNDSCHEF)


def _ett_eller_flera(namn: str) -> PolymorphicProxySerializer:
    # One utfall or a list of them, as API.md allows: the schema says either.
    return PolymorphicProxySerializer(
        component_name=namn,
        serializers=[UtfallSerializer, UtfallSerializer(many=True)],
        resource_type_field_name=None,
        many=False,
    )


# A part key hears first that it may only read (ArInloggad), then the
# förbundschef rule applies to the budget found.
_FORBUNDSCHEFENS = {
    "permission_classes": [ArInloggad, BudgetensForbundschef],
    "pagination_class": None,
    "filter_backends": [],
}


class BudgetViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, SynligViewSet
):
    """Budgetår i anroparens förbund (`?forbund=`, `?ar=`), i hela kronor.

    Läses av alla roller i förbundet och av dess partnycklar. Förbundschefen
    skapar ett budgetår med `{forbund, ar, eget_kapital_ingaende, intakter:
    [{finansiar, belopp, part?}]}`; ett förbund har en budget per år. Är en
    intäkt fel sparas ingenting, och felet nämner intäktens nummer (`Rad 2: …`).
    """

    queryset = Budgetar.objects.order_by("forbund_id", "-ar")
    serializer_class = BudgetarSerializer
    filterset_class = BudgetFilter

    def get_queryset(self) -> QuerySet[Budgetar]:
        budgetar = super().get_queryset()
        # Only the budget's own answers show its intäkter; the actions read
        # the budget year alone.
        if self.action in ("list", "retrieve", "create"):
            budgetar = budgetar.prefetch_related(
                Prefetch("intakter", queryset=Intakt.objects.order_by("pk"))
            )
        return budgetar

    def perform_create(self, serializer) -> None:
        ny = budgetar_skapa(**serializer.validated_data, user=self.request.user)
        # Read again, so the answer lists the intäkter as a GET would.
        serializer.instance = self.get_queryset().get(pk=ny.pk)

    @extend_schema(methods=["GET"], responses=BudgetradSerializer(many=True))
    @extend_schema(
        methods=["POST"], request=BudgetradSerializer, responses={201: BudgetradSerializer}
    )
    @action(
        detail=True,
        methods=["get", "post"],
        serializer_class=BudgetradSerializer,
        **_FORBUNDSCHEFENS,
    )
    def rader(self, request, *args, **kwargs) -> Response:
        """Budgetens rader i den ordning de lades till; POST lägger till en.

        Endast förbundschefen; andra i förbundet får 403. `kategori` är insatser,
        styrelsen eller administration; namnet är unikt i kategorin. Utan `prognos`
        följer prognosen budgeten.
        """
        budgetar = self.get_object()
        if request.method == "POST":
            indata = self.get_serializer(data=request.data)
            indata.is_valid(raise_exception=True)
            rad = budgetrad_skapa(budgetar=budgetar, **indata.validated_data, user=request.user)
            return Response(self.get_serializer(rad).data, status=status.HTTP_201_CREATED)
        return Response(self.get_serializer(budgetar.rader.order_by("pk"), many=True).data)

    @extend_schema(methods=["GET"], responses=UtfallSerializer(many=True))
    @extend_schema(
        methods=["POST"],
        request=_ett_eller_flera("UtfallEttEllerFlera"),
        responses={201: _ett_eller_flera("UtfallEttEllerFleraSvar")},
        description=(
            "Registrera utfall för hand (endast förbundschefen): ett `{rad, datum, belopp}` "
            "eller en lista av dem. Antingen sparas alla eller inget. Ett fel mot reglerna "
            "nämner utfallets nummer i listan (`Rad 2: …`); ett ogiltigt fältvärde står "
            'under utfallets index från 0 (`{"1": {"datum": […]}}`). Ett enstaka utfall '
            "besvaras med det utfallet, en lista med listan."
        ),
    )
    @action(
        detail=True, methods=["get", "post"], serializer_class=UtfallSerializer, **_FORBUNDSCHEFENS
    )
    def utfall(self, request, *args, **kwargs) -> Response:
        """Budgetens utfall i datumordning, från importer och registrerade för hand.

        Endast förbundschefen; andra i förbundet får 403.
        """
        budgetar = self.get_object()
        if request.method == "POST":
            lista = isinstance(request.data, list)
            indata = self.get_serializer(data=request.data, many=lista)
            indata.is_valid(raise_exception=True)
            poster = indata.validated_data if lista else [indata.validated_data]
            nya = utfall_registrera(budgetar=budgetar, poster=poster, user=request.user)
            return Response(
                self.get_serializer(nya if lista else nya[0], many=lista).data,
                status=status.HTTP_201_CREATED,
            )
        rader = Utfall.objects.filter(rad__budgetar=budgetar).order_by("datum", "pk")
        return Response(self.get_serializer(rader, many=True).data)

    @extend_schema(parameters=[TILL], responses=SammanstallningSerializer)
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def sammanstallning(self, request, *args, **kwargs) -> Response:
        """Budget och utfall (DOMAIN.md §5): per rad, per kategori och totalt, med resultat,
        eget kapital vid årets slut och utblick för de två följande åren.

        Läses av alla roller i förbundet och av dess partnycklar.
        """
        budgetar = self.get_object()
        fraga = las_fraga(
            request, partial(SammanstallningFragaSerializer, context={"ar": budgetar.ar})
        )
        return Response(budget_sammanstallning(budgetar=budgetar, till=fraga["till"]).som_dict())
