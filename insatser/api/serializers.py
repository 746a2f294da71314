"""Insatser over the API: the body of API.md `insatser` POST/PATCH."""

from rest_framework import serializers

from finsam.api.serializers import KroppSerializer, TjanstSerializer
from insatser.models import Insats


class InsatsSerializer(TjanstSerializer):
    """En insats; `delinsatser` är id för dess delinsatser."""

    delinsatser = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Insats
        fields = [
            "id",
            "forbund",
            "namn",
            "inriktning",
            "matmetod",
            "agare",
            "utforare",
            "startdatum",
            "slutdatum",
            "tilldelade_medel",
            "arsplatser",
            "mal_arbete_studier",
            "mal_stegforflyttning",
            "mal_effekt_6",
            "mal_effekt_18",
            "mal_aterbetalning_manader",
            "overordnad",
            "status",
            "malgrupp",
            "syfte",
            "stegskala",
            "delinsatser",
        ]
        # The model has defaults, but the API contract asks the caller to
        # choose; without a stegskala the service picks the förbund's standard.
        extra_kwargs = {
            "inriktning": {"required": True},
            "matmetod": {"required": True},
            "stegskala": {"required": False},
        }


class InsatsAndraSerializer(InsatsSerializer):
    """Ändring av en insats; den kan inte flyttas till ett annat förbund."""

    class Meta(InsatsSerializer.Meta):
        read_only_fields = ["forbund"]


class NyckeltalSerializer(KroppSerializer):
    """Ett nyckeltal för en strukturinsats och period.

    När `raknar_personer` är sant anges `kvinnor`, `man` och `annat`, och
    `varde` är deras summa (ett angivet `varde` används då inte). Annars anges
    `varde`, och de tre är null.
    """

    namn = serializers.CharField(max_length=200)
    fran = serializers.DateField()
    till = serializers.DateField()
    varde = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, default=None
    )
    raknar_personer = serializers.BooleanField(required=False, default=False)
    kvinnor = serializers.IntegerField(min_value=0, required=False, allow_null=True, default=None)
    man = serializers.IntegerField(min_value=0, required=False, allow_null=True, default=None)
    annat = serializers.IntegerField(min_value=0, required=False, allow_null=True, default=None)


class NyckeltalSvarSerializer(serializers.Serializer):
    """Ett nyckeltal för en period. För ett nyckeltal som räknar personer är antal från 1
    till förbundets `min_cell` − 1 null för en partnyckel, och då även `varde`."""

    id = serializers.IntegerField()
    insats = serializers.IntegerField()
    namn = serializers.CharField()
    fran = serializers.DateField()
    till = serializers.DateField()
    # A number in JSON (not DRF's default string), as every figure of the API.
    varde = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True, coerce_to_string=False
    )
    raknar_personer = serializers.BooleanField()
    kvinnor = serializers.IntegerField(allow_null=True)
    man = serializers.IntegerField(allow_null=True)
    annat = serializers.IntegerField(allow_null=True)
