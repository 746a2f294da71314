"""`python manage.py rotera_personnummer`: re-encrypt field-key tokens under the newest key.

One command for everything `FINSAM_FIELD_KEY` encrypts, the personnummer
and the TOTP seeds, so a rotation cannot forget the seeds and lock every
user with two-factor out when the old key is dropped. It keeps its first
name (README, runbooks); it lives here, on the floor that sees both.
"""

from django.core.management.base import BaseCommand, CommandError

from deltagare.services.rotering import personnummer_kryptera_om
from finsam.kryptering import BATCH, Dekrypteringsfel, Rotationsresultat
from finsam.tvafaktor import tvafaktor_kryptera_om


def _rad(vad: str, resultat: Rotationsresultat) -> str:
    return (
        f"{vad}: omkrypterade {resultat.omkrypterade}, "
        f"redan med den nyaste nyckeln {resultat.redan_aktuella}."
    )


class Command(BaseCommand):
    help = (
        "Krypterar om alla lagrade personnummer och TOTP-hemligheter med den nyaste "
        "nyckeln (den första i FINSAM_FIELD_KEY). Kör efter att en ny nyckel lagts först; "
        "därefter kan de gamla nycklarna tas bort. Kan köras flera gånger."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=BATCH, help="Antal rader per transaktion.")

    def handle(self, *args, batch: int, **options):
        if batch < 1:
            raise CommandError("--batch måste vara minst 1.")
        try:
            personnummer = personnummer_kryptera_om(batch=batch)
            hemligheter = tvafaktor_kryptera_om(batch=batch)
        except Dekrypteringsfel as fel:
            raise CommandError(str(fel)) from None
        self.stdout.write(_rad("Personnummer", personnummer))
        self.stdout.write(_rad("TOTP-hemligheter", hemligheter))
