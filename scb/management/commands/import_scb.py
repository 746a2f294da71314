"""`manage.py import_scb FILE`: import SCB's helårsekvivalenter 20–64 år (API.md)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from finsam.atkomst import SYSTEM
from finsam.management.commands._gemensamt import kommandofel
from scb.services import scb_importera


class Command(BaseCommand):
    help = (
        "Importerar SCB:s helårsekvivalenter 20–64 år och folkmängd (tabell HE0000T02N2, "
        "JSON-stat2 eller SCB:s CSV) från en fil."
    )

    def add_arguments(self, parser):
        parser.add_argument("fil", help="Filen från SCB (.json eller .csv).")

    def handle(self, *args, **options) -> None:
        sokvag = Path(options["fil"])
        try:
            innehall = sokvag.read_bytes()
        except FileNotFoundError:
            raise CommandError(f"Filen {sokvag} finns inte.") from None
        except OSError as fel:
            raise CommandError(f"Filen {sokvag} kunde inte läsas: {fel.strerror}.") from None
        try:
            resultat = scb_importera(innehall=innehall, filnamn=sokvag.name, user=SYSTEM)
        except ValidationError as fel:
            raise kommandofel(fel) from None
        self.stdout.write("\n".join(resultat.sammanfattning()))
