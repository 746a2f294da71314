"""Serializers of the core resources, and the base every API serializer uses.

Serializers only shape data. Validation beyond types and permission live in
the services, so the web forms and the API answer with the same messages.
"""

from collections.abc import Mapping

from django.db import models
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from finsam.models import Forbund, Part

# Base classes explain themselves in comments, not docstrings: drf-spectacular
# would show a docstring to API readers as the description of every subclass.


class SynligRelation(serializers.PrimaryKeyRelatedField):
    # A related id must be within the caller's reach. An id the caller cannot
    # see is answered exactly like one that does not exist, so another
    # förbund's rows are never revealed.

    def get_queryset(self):
        return super().get_queryset().visible_to(self.context["request"].user)


class KroppSerializer(serializers.Serializer):
    # A request body. DRF would drop a field it does not know or may not
    # write, so a caller who PATCHes `insats` believes it changed; it is
    # named in a 400 instead. Items of a list body are checked one by one.

    def to_internal_value(self, data):
        okanda = {}
        if isinstance(data, Mapping):
            skrivbara = {namn for namn, falt in self.fields.items() if not falt.read_only}
            okanda = {
                namn: ["Fältet kan inte ändras." if namn in self.fields else "Okänt fält."]
                for namn in data
                if namn not in skrivbara
            }
        try:
            varden = super().to_internal_value(data)
        except serializers.ValidationError as fel:
            # Named together with the body's other errors, so one answer says all.
            if okanda and isinstance(fel.detail, dict):
                raise serializers.ValidationError({**fel.detail, **okanda}) from None
            raise
        if okanda:
            raise serializers.ValidationError(okanda)
        return varden


class TjanstSerializer(KroppSerializer, serializers.ModelSerializer):
    # Writes are made by a service. DRF would check uniqueness itself, with
    # its own wording; the service's `full_clean` does it once, with the
    # model's Swedish messages.

    serializer_related_field = SynligRelation
    # DRF maps BigIntegerField (every amount in kronor) to its own field, whose
    # "A valid biginteger is required." has no Swedish translation; the plain
    # integer field parses the same and says "Ett giltigt heltal krävs."
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.BigIntegerField: serializers.IntegerField,
    }

    def get_validators(self) -> list:
        return []

    def build_standard_field(self, field_name, model_field):
        klass, kwargs = super().build_standard_field(field_name, model_field)
        if "validators" in kwargs:
            kwargs["validators"] = [
                v for v in kwargs["validators"] if not isinstance(v, UniqueValidator)
            ]
        return klass, kwargs


class ForbundSerializer(TjanstSerializer):
    """Ett samordningsförbund. `min_cell`: antal under detta maskeras för parter.
    `gallring_ar`: så många år efter avslut tas deltagarnas identitetsuppgifter bort.
    `personnummer_tillatet`: av betyder att samordnare registrerar utan personnummer."""

    class Meta:
        model = Forbund
        fields = [
            "id",
            "namn",
            "organisationsnummer",
            "min_cell",
            "gallring_ar",
            "personnummer_tillatet",
        ]
        # min_cell is a förbund setting that explains the nulls parter see;
        # the settings are changed by PATCH only (ForbundAndraSerializer).
        read_only_fields = ["min_cell", "gallring_ar", "personnummer_tillatet"]


class ForbundAndraSerializer(ForbundSerializer):
    """Förbundschefen ändrar förbundets inställningar: `gallring_ar` (2–10 år),
    `min_cell` (minst 3), `personnummer_tillatet` (av endast när inga personnummer
    är sparade) och `organisationsnummer` (NNNNNN-NNNN med kontrollsiffra)."""

    # Plain types: bounds, formats and their Swedish messages are the model's
    # and the service's, checked once, as on the settings page.
    gallring_ar = serializers.IntegerField(required=False)
    min_cell = serializers.IntegerField(required=False)
    personnummer_tillatet = serializers.BooleanField(required=False)
    organisationsnummer = serializers.CharField(required=False, allow_blank=True)

    class Meta(ForbundSerializer.Meta):
        read_only_fields = ["namn"]


class PartSerializer(TjanstSerializer):
    """En part i förbundet; `kommunkod` (SCB, fyra siffror) endast för kommuner."""

    class Meta:
        model = Part
        fields = ["id", "forbund", "namn", "typ", "kommunkod"]
