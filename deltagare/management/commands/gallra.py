"""`python manage.py gallra`: the gallring job now, the same code as the daily schedule."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from deltagare.services.gallring import gallra
from finsam.models import Forbund


def _datum(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"Ogiltigt datum: {text}. Skriv ÅÅÅÅ-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Gallrar: tar bort identitetsuppgifter (personnummer, referens, samtycke) för "
        "deltagare vars senaste avslut ligger förbundets gallringstid bakåt, och som inte är "
        "aktiva i någon insats. Kön, födelseår och inskrivningar finns kvar. Sista raden "
        "anger hur många deltagare som gallrades."
    )

    def add_arguments(self, parser):
        parser.add_argument("--forbund", type=int, help="Endast förbundet med detta id.")
        parser.add_argument(
            "--per",
            type=_datum,
            help="Räkna gallringstiden fram till detta datum (ÅÅÅÅ-MM-DD) i stället för i dag.",
        )

    def handle(self, *args, forbund: int | None, per: datetime.date | None, **options):
        alla = Forbund.objects.order_by("pk")
        if forbund is not None:
            alla = alla.filter(pk=forbund)
            if not alla.exists():
                raise CommandError(f"Det finns inget förbund med id {forbund}.")
        totalt = 0
        for f in alla:
            korning = gallra(forbund=f, per=per)
            totalt += korning.antal
            self.stdout.write(
                f"{f.namn} (per {korning.per}, {korning.gallring_ar} år): {korning.antal}"
            )
        self.stdout.write(f"Gallrade {totalt} deltagare.")
