"""`manage.py skapa_forbund "NAMN"`: create a förbund and print its id (API.md)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from finsam.atkomst import SYSTEM
from finsam.management.commands._gemensamt import kommandofel
from finsam.services.organisation import forbund_skapa


class Command(BaseCommand):
    help = "Skapar ett samordningsförbund (med stegskalan Processtrappan) och skriver ut dess id."

    def add_arguments(self, parser):
        parser.add_argument("namn", help="Förbundets namn.")
        parser.add_argument("--organisationsnummer", default="", help="T.ex. 222000-2048.")

    def handle(self, *args, **options) -> None:
        try:
            forbund = forbund_skapa(
                namn=options["namn"],
                organisationsnummer=options["organisationsnummer"],
                user=SYSTEM,
            )
        except ValidationError as fel:
            raise kommandofel(fel) from None
        # Only the id, so a set-up script can capture it.
        self.stdout.write(str(forbund.pk))
