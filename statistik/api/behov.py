"""`forbund/{id}/behov/?ar=`: reach against need, the answer and its schema.

The rows are statistik.behov's, the page's and the download's, masked for
part keys by the statistics' rule (`min_cell_for`).
"""

from django.http import Http404
from django.utils import timezone
from rest_framework import serializers

from finsam.atkomst import atkomst
from finsam.kodlistor import Ersattningsform, SCBKon
from finsam.maskering import min_cell_for
from finsam.models import Forbund
from statistik.behov import behov


def pahittade_demosiffror_falt() -> serializers.BooleanField:
    """Whether the helårsekvivalenter are the demo's made-up figures (Helarsekvivalent.pahittad)."""
    return serializers.BooleanField(
        help_text="Sant när helårsekvivalenterna är demodatans påhittade siffror, inte SCB:s."
    )


class BehovFragaSerializer(serializers.Serializer):
    ar = serializers.IntegerField(
        required=False,
        min_value=1990,
        max_value=2100,
        error_messages={
            "invalid": "Ange året med fyra siffror.",
            "min_value": "Ange ett år från 1990.",
            "max_value": "Ange ett år till och med 2100.",
        },
    )


def forbund_behov_las(*, user, forbund: Forbund, ar: int | None = None) -> list[dict]:
    """The förbund's rows for `ar` (this year when not given), for its members and part keys."""
    if forbund.pk not in atkomst(user).forbund:
        raise Http404
    svar = behov(forbund, ar or timezone.localdate().year, min_cell_for(user, forbund))
    tillagg = {"scb_ar": svar.scb_ar, "pahittade_demosiffror": svar.pahittade}
    return [rad.som_dict() | tillagg for rad in svar.rader]


class BehovsradSerializer(serializers.Serializer):
    """En kommun, ersättningsform och kön. `deltagare` är unika personer med en inskrivning
    som började året och försörjning vid start av formen, efter hemkommun (annat kön räknas
    bara i totalt). För en partnyckel är antal från 1 till `min_cell` − 1 null, liksom
    totalt när något kön är dolt, och `per_1000` med dem."""

    kommun = serializers.CharField(help_text="SCB:s kommunkod.")
    namn = serializers.CharField()
    forsorjning = serializers.ChoiceField(choices=Ersattningsform.choices)
    kon = serializers.ChoiceField(choices=SCBKon.choices)
    helarsekvivalenter = serializers.FloatField(allow_null=True, help_text="En decimal.")
    deltagare = serializers.IntegerField(allow_null=True)
    per_1000 = serializers.FloatField(
        allow_null=True, help_text="Deltagare per 1 000 helårsekvivalenter, en decimal."
    )
    scb_ar = serializers.IntegerField(
        allow_null=True,
        help_text="SCB-året helårsekvivalenterna gäller: `ar`, eller det senaste året före "
        "med siffror per kön för alla förbundets kommuner; null när inget finns.",
    )
    pahittade_demosiffror = pahittade_demosiffror_falt()
