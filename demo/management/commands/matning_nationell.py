"""`manage.py matning_nationell --skala 1`: the national benchmark in a generated database."""

import datetime
import json
import logging
import os
import platform
import signal
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.skala.matning import KORNINGAR, mat_forbund, mat_forvarmning, tabell, valda_forbund

DELAR = ("statistik", "pdf", "api", "scb")
EJ_GJORT = [
    "parade körningar av motorn och SQL, upprepade för att mäta bruset",
]


class Command(BaseCommand):
    help = (
        "Mäter statistik, sidor, budgetsammanställning, delårsrapportens PDF, API-genomströmning "
        "och SCB-import för största och median-förbundet i en databas från generera_testdata, "
        "och skriver resultatet till en JSON-fil."
    )

    def add_arguments(self, parser):
        parser.add_argument("--skala", default="1", help="Etikett för skalan, t.ex. 1 eller 0.1.")
        parser.add_argument("--ut", default="bench/results.json")
        parser.add_argument(
            "--delar",
            default=",".join(DELAR),
            help=f"Vad som mäts, kommaseparerat ({', '.join(DELAR)}); övriga står kvar i filen.",
        )

    def handle(self, *args, **options) -> None:
        if settings.FINSAM_PRODUCTION:
            raise CommandError("matning_nationell får inte köras i produktion (FINSAM_PRODUCTION).")
        delar = [d for d in options["delar"].split(",") if d]
        if okanda := set(delar) - set(DELAR):
            raise CommandError(f"Okända delar: {', '.join(sorted(okanda))}.")
        try:
            forbund = valda_forbund()
        except LookupError as fel:
            raise CommandError(str(fel)) from None
        # A SIGTERM (a timeout, `kill`) ends us through SystemExit, so the
        # finally blocks still stop gunicorn and drop the scratch database.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        # WeasyPrint logs every page it lays out at INFO: hundreds of lines.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
        idag = datetime.date.today()
        ut = Path(options["ut"])
        tidigare = json.loads(ut.read_text()) if ut.exists() else {}
        skalor = tidigare.get("skalor", {})
        # A part not measured this time keeps its earlier figures.
        skala = skalor.get(options["skala"], {})
        resultat = skala.get("resultat", {})
        if "statistik" in delar:
            for namn, f in forbund.items():
                resultat[namn] = resultat.get(namn, {}) | mat_forbund(namn, f, idag)[namn]
            self.stdout.write(tabell(options["skala"], resultat))
            skala["forvarmning"] = m = mat_forvarmning(forbund, idag)
            self.stdout.write(
                f"  Förvärmning: {m['forbund']} förbund på {m['sekunder']} s; sedan översikten "
                + ", ".join(f"{n} {o['ms']} ms ({o['fragor']} frågor)"
                            for n, o in m["oversikten"].items())
            )  # fmt: skip
        if "pdf" in delar:
            from demo.skala.pdf import mat_delarsrapport

            for namn, f in forbund.items():
                m = mat_delarsrapport(f, idag)
                resultat.setdefault(namn, {})["delarsrapport"] = m
                self.stdout.write(
                    f"  {namn}: delårsrapport {m['sekunder']} s, {m['sidor']} sidor "
                    f"({m['sekunder_per_sida']} s/sida, {m['kb']} kB)"
                )
        skala["resultat"] = resultat
        if "api" in delar:
            from demo.skala.api import mat_api

            skala["api"] = mat_api(forbund["storsta"], idag)
            self.stdout.write(api_tabell(skala["api"]))
        if "scb" in delar:
            from demo.skala.scb import mat_scb_import

            skala["scb_import"] = m = mat_scb_import()
            self.stdout.write(
                f"  SCB-import ({m['celler']} celler, {m['kb']} kB): {m['sekunder_ny']} s ny, "
                f"{m['sekunder_oforandrad']} s oförändrad"
            )
        nu = {
            "tidpunkt": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "belastning": [round(x, 2) for x in os.getloadavg()],
        }
        skala |= nu
        # When and under what load each part was last measured: parts may
        # come from different runs.
        skala["delar"] = skala.get("delar", {}) | dict.fromkeys(delar, nu)
        skalor[options["skala"]] = skala
        maskin = f"{platform.node()}, {os.cpu_count()} CPU, Python {platform.python_version()}"
        ut.parent.mkdir(parents=True, exist_ok=True)
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


def api_tabell(api: dict) -> str:
    rader = [f"  API, gunicorn ({api['arbetare']} arbetare, {api['anslutningar']} anslutningar):"]
    for namn, m in api.items():
        if isinstance(m, dict):
            fel = f"   {m['fel']} fel, {m['timeout']} timeout" if m["fel"] or m["timeout"] else ""
            rader.append(
                f"    {namn:<27}{m['req_s']:>8.1f} req/s   p50 {m['p50_ms']:>7.1f} ms   "
                f"p99 {m['p99_ms']:>7.1f} ms{fel}"
            )
    return "\n".join(rader)
