"""After a locust run of `make load`: its figures, and every row it created accounted for.

`kontroll.py NAMN KONTON STATS_CSV RAKNING...` prints the run's requests/s,
p50/p95 and errors from locust's CSV, then compares the database with the
tallies of this and the earlier runs (tests/last/locustfile.py): each id
the scenario was given exists, and the rows added since `last_forbered`
are exactly those tallied, so no request created a row it did not report,
nor reported one it did not keep. Reports are waited for (the sweeper
queues again a job whose message was lost) and must end klar, or fel with
a Swedish reason in a fault run; none may stay köad or pågår, and no
report may have two versions with one number. Exits 1 on any discrepancy.
"""

import csv
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings")

import django  # noqa: E402

django.setup()

from django.db.models import Count  # noqa: E402

from deltagare.models import Deltagare, Inskrivning, Stegbedomning  # noqa: E402
from demo.management.commands.last_forbered import radantal  # noqa: E402
from finsam.jobb import KOFEL, Jobbstatus  # noqa: E402
from rapporter.models import Rapport  # noqa: E402

MODELLER = {
    "deltagare": Deltagare,
    "inskrivningar": Inskrivning,
    "bedomningar": Stegbedomning,
    "rapporter": Rapport,
}
# How long unfinished reports are waited for: a lost job is queued again
# after FINSAM_JOBB_INAKTUELL_EFTER seconds by the sweeper, which runs each minute.
VANTA_S = 240


def siffror(namn: str, stats: Path) -> list[str]:
    with stats.open() as fil:
        rad = next(r for r in csv.DictReader(fil) if r["Name"] == "Aggregated")
    fel = int(rad["Failure Count"])
    print(
        f"{namn}: {rad['Request Count']} förfrågningar, {float(rad['Requests/s']):.1f}/s, "
        f"p50 {rad['50%']} ms, p95 {rad['95%']} ms, fel {fel}"
    )
    # An exception in the scenario itself (an answer it could not read) is an error too.
    with stats.with_name(f"{namn}_exceptions.csv").open() as fil:
        undantag = sum(int(r["Count"]) for r in csv.DictReader(fil))
    return (
        [f"{fel} förfrågningar misslyckades, {undantag} undantag (se locust-{namn}.logg)"]
        if (fel or undantag)
        else []
    )


def rapporter_klara(ids: list[int]) -> None:
    slut = time.monotonic() + VANTA_S
    pagaende = [Jobbstatus.KOAD, Jobbstatus.PAGAR]
    while Rapport.objects.filter(pk__in=ids, status__in=pagaende).exists():
        if time.monotonic() > slut:
            return
        time.sleep(5)


def rapportfel(namn: str, ids: list[int]) -> list[str]:
    rapporter_klara(ids)
    fel = []
    per_status = dict(
        Rapport.objects.filter(pk__in=ids).values_list("status").annotate(n=Count("pk"))
    )
    orsaker = dict(
        Rapport.objects.filter(pk__in=ids, status=Jobbstatus.FEL)
        .values_list("fel")
        .annotate(n=Count("pk"))
    )
    print(f"  rapporter: {per_status or 'inga'}" + (f"; fel: {orsaker}" if orsaker else ""))
    for status in (Jobbstatus.KOAD, Jobbstatus.PAGAR):
        if per_status.get(status):
            fel.append(f"{per_status[status]} rapporter står kvar som {status.label.lower()}")
    # Fel only in a fault run and with a Swedish reason; with Redis away, the
    # reason an order meets is that the queue did not answer.
    tillatna = {"last": set(), "redis": {KOFEL}}.get(namn, set(orsaker) - {""})
    if set(orsaker) - tillatna:
        fel.append(f"rapporter slutade med fel som inte hör till körningen: {orsaker}")
    dubbla = (
        Rapport.objects.filter(dokument__isnull=False)
        .values("dokument", "version")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    if dubbla.exists():
        fel.append(f"rapporter med två versioner med samma nummer: {list(dubbla)}")
    return fel


def redovisning(namn: str, konton: dict, rakningar: list[dict]) -> list[str]:
    fel = []
    rapporter = [rad[0] for rad in rakningar[-1]["rapporter"]]
    fel += rapportfel(namn, rapporter)
    nu = radantal()
    for nyckel, modell in MODELLER.items():
        alla = [rad[0] if nyckel == "rapporter" else rad for r in rakningar for rad in r[nyckel]]
        saknas = len(alla) - modell.objects.filter(pk__in=alla).count()
        tillkomna = nu[nyckel] - konton["fore"][nyckel]
        print(
            f"  {nyckel}: skapade i körningen {len(rakningar[-1][nyckel])}, "
            f"i alla körningar {len(alla)}, tillkomna i databasen {tillkomna}"
        )
        if saknas or tillkomna != len(alla):
            fel.append(f"{nyckel}: {saknas} saknas, {tillkomna - len(alla)} oredovisade")
    if rakningar[-1]["rena_503"]:
        print(f"  rena 503-svar medan databasen var borta: {rakningar[-1]['rena_503']}")
    return fel


def main() -> int:
    namn, konton, stats, *rakningar = sys.argv[1:]
    fel = siffror(namn, Path(stats))
    fel += redovisning(
        namn,
        json.loads(Path(konton).read_text()),
        [json.loads(Path(r).read_text()) for r in rakningar],
    )
    for rad in fel:
        print(f"  FEL: {rad}")
    print(f"  {namn}: {'redovisat, inga fel' if not fel else 'FEL'}")
    return 1 if fel else 0


if __name__ == "__main__":
    sys.exit(main())
