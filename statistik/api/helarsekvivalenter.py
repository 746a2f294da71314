"""`helarsekvivalenter/` (API.md): SCB's helårsekvivalenter per region, år and kön.

The rows are the engine's (statistik.berakning.helarsekvivalenter), so the
API shows the figures of the pages and the PDF. SCB's figures are public
reference data: every member and part key reads them; a `forbund` filter
must name a förbund the caller belongs to.
"""

import re

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from finsam.api.paginering import Sidindelning
from finsam.kodlistor import SCBKon
from finsam.models import Forbund
from scb.models import Helarsekvivalent
from statistik.berakning.helarsekvivalenter import (
    FORMER,
    helarsekvivalenter,
    omraden,
    regioner_med_data,
)

_REGIONKOD = re.compile(r"^(\d{4}|\d{2})$")
KON = SCBKon.values


class ListFalt(serializers.ListField):
    # `?region=1980&region=1981` and `?region=1980,1981` both work (API.md).

    def to_internal_value(self, data):
        delar = [d.strip() for varde in data for d in str(varde).split(",") if d.strip()]
        return super().to_internal_value(delar)


class HelarsekvivalentFragaSerializer(serializers.Serializer):
    region = ListFalt(child=serializers.CharField(), required=False, default=list)
    ar = ListFalt(
        child=serializers.IntegerField(
            min_value=1990,
            max_value=2100,
            error_messages={"invalid": "Ange året med fyra siffror."},
        ),
        required=False,
        default=list,
    )
    kon = ListFalt(
        child=serializers.ChoiceField(
            choices=KON, error_messages={"invalid_choice": "Kön är kvinnor, man eller totalt."}
        ),
        required=False,
        default=list,
    )
    forbund = serializers.IntegerField(
        required=False, error_messages={"invalid": "Ange förbundets id som ett heltal."}
    )

    def validate_region(self, koder: list[str]) -> list[str]:
        fel = [k for k in koder if not _REGIONKOD.match(k)]
        if fel:
            raise serializers.ValidationError(
                f"{fel[0]} är ingen regionkod: en kommun har fyra siffror, ett län två, riket 00."
            )
        return koder

    def validate_forbund(self, pk: int) -> Forbund:
        forbund = Forbund.objects.visible_to(self.context["request"].user).filter(pk=pk).first()
        if forbund is None:
            raise serializers.ValidationError("Förbundet finns inte bland dina förbund.")
        return forbund


HelarsekvivalentRadSerializer = type(
    "HelarsekvivalentRadSerializer",
    (serializers.Serializer,),
    {
        "__doc__": (
            "Helårsekvivalenter 20–64 år för en region, ett år och ett kön, med en decimal.\n\n"
            "`summa` är de sex ersättningsformernas summa och `andel` summan i procent av "
            "folkmängden 20–64 år, med en decimal, räknad på de oavrundade värdena. Ett län, "
            "riket och förbundet (`region` = `forbund`) räknas av kommunernas summor där SCB:s "
            "fil inte har egna rader, aldrig som ett medel av kommunernas andelar."
        ),
        "__module__": __name__,
        "region": serializers.CharField(),
        "namn": serializers.CharField(),
        "ar": serializers.IntegerField(),
        "kon": serializers.ChoiceField(choices=KON),
        # One field per ersättningsform (DOMAIN.md §4); the codes are the keys.
        **{form: serializers.FloatField(allow_null=True) for form in FORMER},
        "summa": serializers.FloatField(allow_null=True),
        "folkmangd": serializers.IntegerField(allow_null=True),
        "andel": serializers.FloatField(allow_null=True),
        "manader": serializers.IntegerField(
            allow_null=True,
            help_text=(
                "För ett år från SCB:s månadsvärden: hur många månader medlet bygger på "
                "(färre än 12: ofullständigt år). null för SCB:s årsvärde."
            ),
        ),
        "pahittad": serializers.BooleanField(
            help_text="Sant när något av värdena är demodatans påhittade siffror, inte SCB:s."
        ),
    },
)


def _parameter(namn: str, beskrivning: str) -> OpenApiParameter:
    return OpenApiParameter(namn, str, description=beskrivning)


class HelarsekvivalentViewSet(viewsets.GenericViewSet):
    """SCB:s helårsekvivalenter 20–64 år per region, år och kön (DOMAIN.md §5)."""

    # The rows are computed, not a queryset; this only tells the schema their model.
    queryset = Helarsekvivalent.objects.none()
    pagination_class = Sidindelning
    serializer_class = HelarsekvivalentRadSerializer

    @extend_schema(
        parameters=[
            _parameter(
                "region",
                "SCB-koder, upprepade eller kommaseparerade: kommun (1980), län (19) eller "
                "riket (00). Ett län eller riket summeras av kommunerna där bara de importerats. "
                "Utan region och förbund: alla regioner som har värden.",
            ),
            _parameter("ar", "År, upprepade eller kommaseparerade. Utan värde: alla år."),
            _parameter("kon", "kvinnor, man eller totalt (standard), eller flera med komma."),
            _parameter(
                "forbund",
                "Förbundets id: dess kommuner och en rad `forbund` summerad över dem.",
            ),
        ]
    )
    def list(self, request: Request) -> Response:
        fraga = HelarsekvivalentFragaSerializer(
            data={
                "region": request.query_params.getlist("region"),
                "ar": request.query_params.getlist("ar"),
                "kon": request.query_params.getlist("kon"),
                **(
                    {"forbund": request.query_params["forbund"]}
                    if request.query_params.get("forbund")
                    else {}
                ),
            },
            context={"request": request},
        )
        fraga.is_valid(raise_exception=True)
        data = fraga.validated_data
        regioner = data["region"]
        if not regioner and "forbund" not in data:
            regioner = regioner_med_data()
        rader = helarsekvivalenter(
            omraden=omraden(regioner=regioner, forbund=data.get("forbund")),
            ar=data["ar"],
            kon=data["kon"] or ["totalt"],
        )
        sida = self.paginate_queryset([r.som_dict() for r in rader])
        return self.get_paginated_response(sida)
