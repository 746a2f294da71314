"""`manage.py skapa_anvandare USERNAME --forbund ID --roll ROLL`: a user and a role.

Creates the user if missing, otherwise only adds the role, so running it
again adds roles (API.md). The role rules are `medlemskap_lagg_till`'s.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from finsam.atkomst import SYSTEM
from finsam.kodlistor import Roll
from finsam.management.commands._gemensamt import hamta_forbund, heltal, kommandofel
from finsam.services.organisation import medlemskap_lagg_till, samordnare_insatser


class Command(BaseCommand):
    help = "Skapar en användare (om den saknas) och ger den en roll i ett förbund."

    def add_arguments(self, parser):
        parser.add_argument("username", help="Användarnamn.")
        # Checked in handle(), not by argparse, so a missing one is refused in Swedish.
        parser.add_argument("--forbund", help="Förbundets id.")
        parser.add_argument("--roll", help="forbundschef, samordnare eller styrelse.")
        parser.add_argument(
            "--insats",
            nargs="+",
            action="extend",
            default=[],
            metavar="ID",
            help="Samordnarens insatser (id); kan upprepas.",
        )
        parser.add_argument(
            "--password", help="Lösenord. Utelämnas det för en ny användare skapas ett slumpat."
        )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        roll = options["roll"]
        if not options["forbund"] or not roll:
            raise CommandError("Ange både --forbund ID och --roll.")
        if roll not in Roll.values:
            raise CommandError(
                f"Okänd roll ”{roll}”. Välj {', '.join(Roll.values[:-1])} eller {Roll.values[-1]}."
            )
        forbund = hamta_forbund(options["forbund"])
        try:
            insatser = samordnare_insatser(
                forbund=forbund, ids=[heltal(i, "Insatsens id") for i in options["insats"]]
            )
        except ValidationError as fel:
            raise kommandofel(fel) from None

        user_model = get_user_model()
        anvandare = user_model.objects.filter(username=options["username"]).first()
        ny = anvandare is None
        if ny:
            anvandare = user_model(username=options["username"])
        losenord = options["password"]
        slumpat = ny and not losenord
        if slumpat:
            losenord = secrets.token_urlsafe(18)  # 144 random bits
        try:
            if losenord:
                validate_password(losenord, anvandare)
                anvandare.set_password(losenord)
            if ny:
                anvandare.full_clean()
            anvandare.save()
            medlemskap_lagg_till(
                anvandare=anvandare, forbund=forbund, roll=roll, insatser=insatser, user=SYSTEM
            )
        except ValidationError as fel:
            raise kommandofel(fel) from None

        vad = "skapad" if ny else "finns redan"
        self.stdout.write(
            f"Användaren {anvandare.username} {vad}; roll {Roll(roll).label.lower()} "
            f"i {forbund.namn}."
        )
        if insatser:
            self.stdout.write("Insatser: " + ", ".join(i.namn for i in insatser) + ".")
        if losenord and not ny:
            self.stdout.write("Lösenordet är bytt.")
        if slumpat:
            self.stdout.write(f"Lösenord (visas bara nu): {losenord}")
