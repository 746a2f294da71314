"""`manage.py skapa_api_nyckel --user USERNAME | --part PART_ID`: a Bearer key.

The key is printed on the last line and never again: only its hash is kept.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from finsam.atkomst import SYSTEM
from finsam.management.commands._gemensamt import heltal, kommandofel
from finsam.models import Part
from finsam.services.api_nycklar import api_nyckel_skapa


class Command(BaseCommand):
    help = "Skapar en personlig API-nyckel eller en partnyckel och skriver ut den (sista raden)."

    def add_arguments(self, parser):
        parser.add_argument("--user", help="Användarnamn: en personlig nyckel med hens roller.")
        parser.add_argument("--part", help="Partens id: en läsnyckel för partens förbund.")
        parser.add_argument("--namn", default="", help="Vad nyckeln används till.")
        parser.add_argument(
            "--giltig-dagar", help="Antal dagar nyckeln gäller (annars tills den återkallas)."
        )

    def handle(self, *args, **options) -> None:
        if bool(options["user"]) == bool(options["part"]):
            raise CommandError("Ange antingen --user eller --part (men inte båda).")
        giltig_till = None
        if options["giltig_dagar"] is not None:
            dagar = heltal(options["giltig_dagar"], "--giltig-dagar")
            if dagar < 1:
                raise CommandError("--giltig-dagar måste vara minst 1.")
            giltig_till = timezone.now() + timedelta(days=dagar)

        part = anvandare = None
        if options["part"]:
            part = (
                Part.objects.select_related("forbund")
                .filter(pk=heltal(options["part"], "Partens id"))
                .first()
            )
            if part is None:
                raise CommandError(f"Det finns ingen part med id {options['part']}.")
            agare = f"parten {part.namn} i {part.forbund.namn}"
        else:
            anvandare = get_user_model().objects.filter(username=options["user"]).first()
            if anvandare is None:
                raise CommandError(f"Det finns ingen användare ”{options['user']}”.")
            agare = f"användaren {anvandare.username}"
        try:
            nyckel, klartext = api_nyckel_skapa(
                part=part,
                anvandare=anvandare,
                namn=options["namn"],
                giltig_till=giltig_till,
                user=SYSTEM,
            )
        except ValidationError as fel:
            raise kommandofel(fel) from None

        giltighet = (
            f"gäller till {timezone.localtime(giltig_till):%Y-%m-%d %H:%M}"
            if giltig_till
            else "gäller tills den återkallas"
        )
        self.stdout.write(f"{nyckel.get_typ_display()} för {agare} ({giltighet}).")
        self.stdout.write("Nyckeln visas bara nu; spara den på ett säkert ställe:")
        self.stdout.write(klartext)
