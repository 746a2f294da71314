"""`python manage.py rotera_personnummer`: re-encrypt personnummer under the newest key."""

from django.core.management.base import BaseCommand, CommandError

from deltagare.services.rotering import personnummer_kryptera_om
from finsam.kryptering import BATCH, Dekrypteringsfel


class Command(BaseCommand):
    help = (
        "Krypterar om alla lagrade personnummer med den nyaste nyckeln (den första i "
        "FINSAM_FIELD_KEY). Kör efter att en ny nyckel lagts först; därefter kan de gamla "
        "nycklarna tas bort. Kan köras flera gånger."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", type=int, default=BATCH, help="Antal deltagare per transaktion."
        )

    def handle(self, *args, batch: int, **options):
        if batch < 1:
            raise CommandError("--batch måste vara minst 1.")
        try:
            resultat = personnummer_kryptera_om(batch=batch)
        except Dekrypteringsfel as fel:
            raise CommandError(str(fel)) from None
        self.stdout.write(
            f"Omkrypterade: {resultat.omkrypterade}. "
            f"Redan med den nyaste nyckeln: {resultat.redan_aktuella}."
        )
