"""Insatser over the API: the body of API.md `insatser` POST/PATCH."""

from rest_framework import serializers

from finsam.api.serializers import TjanstSerializer
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
