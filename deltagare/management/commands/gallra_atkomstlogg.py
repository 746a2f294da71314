"""`python manage.py gallra_atkomstlogg`: what the yearly task does, by hand."""

from django.conf import settings
from django.core.management.base import BaseCommand

from deltagare.logg.gallring import atkomstlogg_gallra


class Command(BaseCommand):
    help = (
        "Tar bort åtkomstloggens rader som är äldre än lagringstiden "
        "(FINSAM_ATKOMSTLOGG_AR år). Kan köras flera gånger."
    )

    def handle(self, *args, **options):
        antal = atkomstlogg_gallra()
        self.stdout.write(
            f"Gallrade rader i åtkomstloggen: {antal} "
            f"(äldre än {settings.FINSAM_ATKOMSTLOGG_AR} år)."
        )
