"""Generated reports over the API (API.md `rapporter/`): status, version and publication."""

from rest_framework import serializers
from rest_framework.reverse import reverse

from finsam.api.serializers import KroppSerializer, SynligRelation
from finsam.models import Forbund
from insatser.models import Insats
from rapporter.models import Rapport
from rapporter.models.rapport import SKRIVNA_TYPER


class RapportSerializer(KroppSerializer, serializers.ModelSerializer):
    """En genererad version av en rapport. `pdf_url` ger filen när `status` är `klar`;
    förbundschefen publicerar eller drar tillbaka den med PATCH `{"publicerad": true|false}`."""

    pdf_url = serializers.SerializerMethodField()

    class Meta:
        model = Rapport
        fields = [
            "id",
            "forbund",
            "typ",
            "fran",
            "till",
            "diarienummer",
            "version",
            "status",
            "progress",
            "fel",
            "publicerad",
            "maskerad",
            "storlek",
            "sha256",
            "skapad",
            "pdf_url",
        ]
        read_only_fields = [f for f in fields if f != "publicerad"]

    def get_pdf_url(self, rapport: Rapport) -> str:
        return reverse("api:rapport-pdf", args=[rapport.pk], request=self.context.get("request"))


class RapportBestallningSerializer(KroppSerializer):
    """Beställ en ny version av förbundets delårsrapport eller verksamhetsberättelse för en
    period. Finns rapporten inte än skapas den från förbundets förra rapports avsnitt och
    texter. `maskera` (standard sant) döljer små tal som för parter; falskt ger en version
    endast för förbundschefen och styrelsen. `insats` endast för en verksamhetsberättelse
    om en enda insats."""

    forbund = SynligRelation(queryset=Forbund.objects.all())
    typ = serializers.ChoiceField(choices=[(t.value, t.label) for t in SKRIVNA_TYPER])
    fran = serializers.DateField()
    till = serializers.DateField()
    maskera = serializers.BooleanField(default=True)
    insats = SynligRelation(queryset=Insats.objects.all(), required=False, allow_null=True)


class RapportKvittoSerializer(serializers.Serializer):
    """Den beställda versionen: följ `status_url` tills `status` är `klar` eller `fel`."""

    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Rapport.Status.choices)
    status_url = serializers.URLField()
