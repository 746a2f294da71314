"""`manage.py seed_demo`: load the demo förbund (idempotent; never in production)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from budget.models import Budgetar
from deltagare.models import Deltagare, Inskrivning, Stegbedomning
from demo.seed import seed_demo
from finsam.management.commands._gemensamt import kommandofel
from finsam.models import Forbund


class Command(BaseCommand):
    help = "Läser in demoförbundet med parter, insatser, deltagare, budget och SCB-data."

    def handle(self, *args, **options) -> None:
        if settings.FINSAM_PRODUCTION:
            # Demo users have a known password: they must never reach production.
            raise CommandError("seed_demo får inte köras i produktion (FINSAM_PRODUCTION).")
        try:
            resultat = seed_demo()
        except ValidationError as fel:
            raise kommandofel(fel) from None

        forbund = Forbund.objects.get(pk=resultat.forbund_id)
        inskrivningar = Inskrivning.objects.filter(insats__forbund=forbund)
        rader = [
            f"Demoförbund: {forbund.namn} (id {forbund.pk}).",
            f"Parter: {forbund.parter.count()}, insatser: {forbund.insatser.count()}.",
            f"Deltagare: {Deltagare.objects.filter(forbund=forbund).count()}, "
            f"inskrivningar: {inskrivningar.count()} "
            f"(varav avslutade {inskrivningar.filter(slutdatum__isnull=False).count()}), "
            f"stegbedömningar: "
            f"{Stegbedomning.objects.filter(inskrivning__insats__forbund=forbund).count()}.",
            "Budgetår: "
            + ", ".join(str(b.ar) for b in Budgetar.objects.filter(forbund=forbund).order_by("ar"))
            + ".",
            f"Rapporter: {forbund.rapportdokument.count()} med skrivna texter.",
            f"Användare: {', '.join(resultat.anvandare)} "
            "(lösenord enligt FINSAM_DEMO_PASSWORD när de skapades).",
        ]
        nytt = (
            resultat.scb_rader
            or resultat.deltagare_skapade
            or resultat.budgetar_skapade
            or resultat.rapporter_skapade
        )
        rader.append("Demodata inlästa." if nytt else "Demodata fanns redan; inget nytt lästes in.")
        self.stdout.write("\n".join(rader))
