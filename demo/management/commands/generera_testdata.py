"""`manage.py generera_testdata`: synthetic national-scale data (never in production)."""

from django.core.management.base import BaseCommand, CommandError

from demo.nationell import Storlek, Vagrar, generera
from demo.nationell.skrivning import stada


class Command(BaseCommand):
    help = (
        "Fyller en tom databas med syntetiska data i nationell skala "
        "(förbund, insatser, deltagare, budget, SCB). Aldrig i produktion."
    )

    def add_arguments(self, parser):
        standard = Storlek()
        for namn in ("forbund", "insatser", "deltagare", "inskrivningar", "bedomningar"):
            parser.add_argument(f"--{namn}", type=int, default=getattr(standard, namn))

    def handle(self, *args, **options) -> None:
        storlek = Storlek(
            **{
                n: options[n]
                for n in ("forbund", "insatser", "deltagare", "inskrivningar", "bedomningar")
            }
        )
        try:
            resultat = generera(storlek, skriv=self.stdout.write)
        except Vagrar as fel:
            raise CommandError(str(fel)) from None
        if not resultat:
            self.stdout.write("Genererade testdata finns redan; inget nytt skrevs.")
            return
        stada()
        self.stdout.write(
            "Klart: " + ", ".join(f"{namn} {antal}" for namn, antal in resultat.items()) + "."
        )
