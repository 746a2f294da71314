"""`manage.py idp_lagg_till`: trust an identity provider.

SAML: from its federation's signed metadata. OIDC: by its issuer, whose
discovery document must name that same issuer. Run again with the same
entityID or issuer to renew its metadata (a federation re-signs and rotates
keys) or change its settings; an IdP an administrator turned off stays off.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from elegitimation.metadata import hamta, kontrollera_signatur, utgivare_spara
from elegitimation.models import Identifierartyp, Identitetsutgivare, Protokoll
from elegitimation.oidc.klient import OidcFel, upptackt
from finsam.management.commands._gemensamt import kommandofel
from finsam.tillit import NIVA_FOR_URI


class Command(BaseCommand):
    help = "Lägg till eller förnya en identitetsutgivare (SAML IdP) ur signerad metadata."

    def add_arguments(self, parser):
        kalla = parser.add_mutually_exclusive_group(required=True)
        kalla.add_argument("--metadata-url", help="Federationens eller IdP:ns metadataadress.")
        kalla.add_argument("--metadata-fil", help="Metadata som fil.")
        kalla.add_argument("--oidc-issuer", help="OIDC: utfärdarens adress (issuer).")
        parser.add_argument("--client-id", help="OIDC: Finsams klient-id hos utfärdaren.")
        parser.add_argument(
            "--certifikat", help="Federationens signeringscertifikat (PEM), från federationen."
        )
        parser.add_argument(
            "--osignerad",
            action="store_true",
            help="Godta osignerad metadata ur en fil (bara för test och egna IdP:er).",
        )
        parser.add_argument("--entity-id", help="SAML: IdP:ns entityID.")
        parser.add_argument("--namn", required=True, help="Text på inloggningsknappen.")
        parser.add_argument("--attribut", required=True, help="Attributet med identifieraren.")
        parser.add_argument("--identifierare", required=True, choices=Identifierartyp.values)
        parser.add_argument(
            "--tillitsniva",
            action="append",
            required=True,
            help="En tillitsnivå (URI) IdP:n får intyga; upprepa för flera.",
        )

    def handle(self, *args, **o):
        okanda = [uri for uri in o["tillitsniva"] if uri not in NIVA_FOR_URI]
        if okanda:
            raise CommandError(f"Okänd tillitsnivå: {', '.join(okanda)}.")
        if o["oidc_issuer"]:
            return self._oidc(o)
        if not o["entity_id"]:
            raise CommandError("Ange IdP:ns entityID med --entity-id.")
        if o["metadata_url"] and o["osignerad"]:
            raise CommandError("Metadata från en adress måste vara signerad: ange --certifikat.")
        if not o["certifikat"] and not o["osignerad"]:
            raise CommandError("Ange federationens certifikat med --certifikat.")
        try:
            if o["metadata_url"]:
                xml = hamta(o["metadata_url"])
            else:
                with open(o["metadata_fil"], encoding="utf-8") as fil:
                    xml = fil.read()
            if o["certifikat"]:
                kontrollera_signatur(xml, o["certifikat"])
            utgivare = utgivare_spara(
                xml=xml,
                entity_id=o["entity_id"],
                metadata_url=o["metadata_url"] or "",
                namn=o["namn"],
                attribut=o["attribut"],
                identifierartyp=o["identifierare"],
                tillitsnivaer=o["tillitsniva"],
            )
        except ValidationError as fel:
            raise kommandofel(fel) from None
        except OSError as fel:
            raise CommandError(f"Metadata kunde inte läsas: {fel.strerror or fel}.") from None
        self.stdout.write(f"{utgivare.namn} ({utgivare.entity_id}) är betrodd.")

    def _oidc(self, o) -> None:
        if not o["client_id"]:
            raise CommandError("Ange Finsams klient-id hos utfärdaren med --client-id.")
        issuer = o["oidc_issuer"]
        try:
            upptackt(Identitetsutgivare(entity_id=issuer), cachad=False)
        except OidcFel as fel:
            raise CommandError(f"Utfärdaren kunde inte godtas: {fel}.") from None
        utgivare, _ = Identitetsutgivare.objects.update_or_create(
            entity_id=issuer,
            defaults={
                "protokoll": Protokoll.OIDC,
                "namn": o["namn"],
                "client_id": o["client_id"],
                "attribut": o["attribut"],
                "identifierartyp": o["identifierare"],
                "tillitsnivaer": o["tillitsniva"],
            },
        )
        self.stdout.write(f"{utgivare.namn} ({utgivare.entity_id}) är betrodd.")
