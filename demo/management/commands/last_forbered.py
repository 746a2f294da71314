"""`manage.py last_forbered --ut FIL`: users and keys for `make load` (never in production).

One samordnare and one förbundschef per simulated user, each with a
personal API key, so throttling per key or per user sees one user's pace
and not fifty users' together. Writes what the locust scenario needs as
JSON: the keys, the usernames, the demo förbund and the insatser the
samordnare work in, and the rows already there, so the check afterwards
knows which rows the run created.
"""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from deltagare.models import Deltagare, Inskrivning, Stegbedomning
from demo.organisation import FORBUND_NAMN
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Inriktning, Insatsstatus, Roll
from finsam.models import Forbund
from finsam.services.api_nycklar import api_nyckel_skapa
from finsam.services.organisation import medlemskap_lagg_till
from insatser.models import Insats
from rapporter.models import Rapport


def radantal() -> dict[str, int]:
    """The rows the load scenario creates, counted: the same keys as its tally."""
    return {
        "deltagare": Deltagare.objects.count(),
        "inskrivningar": Inskrivning.objects.count(),
        "bedomningar": Stegbedomning.objects.count(),
        "rapporter": Rapport.objects.count(),
    }


class Command(BaseCommand):
    help = (
        "Skapar användare och API-nycklar för lasttestet (make load) och skriver dem till en fil."
    )

    def add_arguments(self, parser):
        parser.add_argument("--antal", type=int, default=50, help="Användare per roll.")
        parser.add_argument("--ut", required=True, help="JSON-filen som lasttestet läser.")

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        if settings.FINSAM_PRODUCTION:
            raise CommandError("last_forbered får inte köras i produktion (FINSAM_PRODUCTION).")
        forbund = Forbund.objects.filter(namn=FORBUND_NAMN).first()
        if forbund is None:
            raise CommandError("Kör seed_demo först: demoförbundet saknas.")
        # Only individinriktade insatser take inskrivningar.
        insatser = list(
            Insats.objects.filter(
                forbund=forbund,
                status=Insatsstatus.PAGAENDE,
                inriktning=Inriktning.INDIVID,
                stegskala__isnull=False,
            ).order_by("pk")
        )
        # One hash for every user: hashing fifty times would only cost minutes.
        losenord = make_password(settings.FINSAM_DEMO_PASSWORD)
        user_model = get_user_model()
        anvandare: dict[str, list[dict]] = {"samordnare": [], "chef": []}
        for roll, namn in ((Roll.SAMORDNARE, "samordnare"), (Roll.FORBUNDSCHEF, "chef")):
            for i in range(options["antal"]):
                user, ny = user_model.objects.get_or_create(
                    username=f"last-{namn}-{i}", defaults={"password": losenord}
                )
                if ny:
                    medlemskap_lagg_till(
                        anvandare=user,
                        forbund=forbund,
                        roll=roll,
                        insatser=insatser if roll == Roll.SAMORDNARE else [],
                        user=SYSTEM,
                    )
                _, nyckel = api_nyckel_skapa(
                    part=None, anvandare=user, namn="lasttest", giltig_till=None, user=SYSTEM
                )
                anvandare[namn].append({"username": user.username, "nyckel": nyckel})
        Path(options["ut"]).write_text(
            json.dumps(
                {
                    "forbund": forbund.pk,
                    "insatser": [{"id": i.pk, "steg": i.stegskala.steg.count()} for i in insatser],
                    "parter": list(forbund.parter.values_list("pk", flat=True)),
                    "losenord": settings.FINSAM_DEMO_PASSWORD,
                    "anvandare": anvandare,
                    "fore": radantal(),
                },
                indent=2,
            )
        )
        self.stdout.write(
            f"{options['antal']} samordnare och {options['antal']} förbundschefer med API-nycklar; "
            f"{len(insatser)} insatser."
        )
