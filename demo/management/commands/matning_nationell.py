"""`manage.py matning_nationell --skala 1`: the national benchmark in a generated database."""

import datetime
import json
import os
import platform
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.skala.matning import KORNINGAR, mat_forbund, tabell, valda_forbund

EJ_GJORT = [
    "delårsrapportens PDF",
    "SCB-import",
    "API-genomströmning med gunicorn och wrk/ab",
]


class Command(BaseCommand):
    help = (
        "Mäter statistik, sidor och budgetsammanställning för största och median-förbundet "
        "i en databas från generera_testdata, och skriver resultatet till en JSON-fil."
    )

    def add_arguments(self, parser):
        parser.add_argument("--skala", default="1", help="Etikett för skalan, t.ex. 1 eller 0.1.")
        parser.add_argument("--ut", default="bench/results.json")

    def handle(self, *args, **options) -> None:
        if settings.FINSAM_PRODUCTION:
            raise CommandError("matning_nationell får inte köras i produktion (FINSAM_PRODUCTION).")
        try:
            forbund = valda_forbund()
        except LookupError as fel:
            raise CommandError(str(fel)) from None
        idag = datetime.date.today()
        resultat = {}
        for namn, f in forbund.items():
            resultat |= mat_forbund(namn, f, idag)
        self.stdout.write(tabell(options["skala"], resultat))
        ut = Path(options["ut"])
        ut.parent.mkdir(parents=True, exist_ok=True)
        tidigare = json.loads(ut.read_text()) if ut.exists() else {}
        skalor = tidigare.get("skalor", {})
        skalor[options["skala"]] = {
            "tidpunkt": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "belastning": [round(x, 2) for x in os.getloadavg()],
            "resultat": resultat,
        }
        maskin = f"{platform.node()}, {os.cpu_count()} CPU, Python {platform.python_version()}"
        ut.write_text(json.dumps(
            {
                "maskin": maskin,
                "korningar": KORNINGAR,
                "ej_gjort": EJ_GJORT,
                "skalor": skalor,
            },
            indent=2,
            ensure_ascii=False,
        ) + "\n")  # fmt: skip
        self.stdout.write(f"Skrev {ut}. Ännu inte mätt: {', '.join(EJ_GJORT)}.")
