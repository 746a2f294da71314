"""Generated reports over the API (API.md `rapporter/`): status, version and publication."""

from rest_framework import serializers
from rest_framework.reverse import reverse

from rapporter.models import Rapport


class RapportSerializer(serializers.ModelSerializer):
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
