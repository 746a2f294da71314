"""`manage.py las_upp ANVÄNDARNAMN`: lift the lockout of a username before its 30 minutes."""

from axes.utils import reset
from django.core.management.base import BaseCommand

from finsam.konto.sparr import sparrnamn


class Command(BaseCommand):
    help = "Häver spärren efter för många felaktiga inloggningar för ett användarnamn."

    def add_arguments(self, parser):
        parser.add_argument("anvandarnamn", nargs="+")

    def handle(self, *args, **options) -> None:
        antal = sum(reset(username=sparrnamn(namn)) for namn in options["anvandarnamn"])
        self.stdout.write(f"{antal} spärrade försök borttagna.")
