"""The national benchmark: statistics, pages and their SQL floor in a generated database.

For the largest förbund and a median one: insats and förbund statistics
(the engine the API, dashboard and reports call), the same core figures
by hand-written SQL (checked equal first), the insats page, the
dashboard and the budget sammanställning through Django's test Client
logged in as the förbund's chef, and the samordnare's inskrivningar list
in the API (50 a page, access logging on) where the förbund has the
generated samordnare, with the queries each page makes.
Medians of repeated runs: this machine's speed drifts, so ours and the
SQL are measured in the same minutes, one after the other.

Everything is measured first with the statistics cache off (every answer
computed afresh: the engine against its SQL floor), then the statistics
and the two statistics pages again with the cache on and warm (`ms_cachad`),
as a förbundschef finds them when nothing has changed since the last look.
"""

from __future__ import annotations

import datetime
import statistics
import time
from collections.abc import Callable

from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from budget.models import Budgetar
from demo.nationell.organisation import ar_genererat
from demo.skala.sql import fran_motorn, karnfigurer
from finsam.kodlistor import Roll
from finsam.models import Forbund, Medlemskap
from insatser.models import Insats
from statistik.berakning import forbund_statistik, insats_statistik
from statistik.forvarmning import forvarm_oversikter

KORNINGAR = 7
SIDOR = ("insatssidan", "oversikten", "budget_sammanstallning", "samordnarens_inskrivningar")


def median_ms(funktion: Callable[[], object], korningar: int = KORNINGAR) -> float:
    funktion()  # warm caches and connections
    tider = []
    for _ in range(korningar):
        start = time.perf_counter()
        funktion()
        tider.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(tider), 1)


def period(idag: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Last calendar year: a full year of every figure, as the årsrapport asks."""
    return datetime.date(idag.year - 1, 1, 1), datetime.date(idag.year - 1, 12, 31)


def valda_forbund() -> dict[str, Forbund]:
    """The largest förbund and the median one, by deltagare."""
    alla = sorted(
        (f for f in Forbund.objects.annotate(n=Count("deltagare")) if ar_genererat(f)),
        key=lambda f: f.n,
    )
    if not alla:
        raise LookupError("Databasen har inga genererade förbund: kör generera_testdata först.")
    return {"storsta": alla[-1], "median": alla[len(alla) // 2]}


def _storsta_insats(forbund: Forbund) -> Insats:
    return (
        Insats.objects.filter(forbund=forbund, overordnad__isnull=True)
        .annotate(n=Count("inskrivningar"))
        .order_by("-n", "pk")
        .first()
    )


def _sida(client: Client, adress: str) -> tuple[float, int]:
    """The page's median time and the queries one request makes (it must answer 200)."""

    def hamta():
        svar = client.get(adress)
        if svar.status_code != 200:
            raise RuntimeError(f"{adress} svarade {svar.status_code}.")

    ms = median_ms(hamta)
    with CaptureQueriesContext(connection) as fragor:
        hamta()
    return ms, len(fragor.captured_queries)


def _jamfor(ms_var: float, ms_sql: float, lika: bool) -> dict:
    return {
        "ms": ms_var,
        "sql_ms": ms_sql,
        "kvot": round(ms_var / ms_sql, 1) if ms_sql else None,
        "lika_som_sql": lika,
    }


def mat_forbund(namn: str, forbund: Forbund, idag: datetime.date) -> dict:
    with override_settings(FINSAM_STATISTIK_CACHE=False):
        resultat = _mat_forbund(forbund, idag)
    with override_settings(FINSAM_STATISTIK_CACHE=True):
        _mat_cachat(forbund, idag, resultat)
    return {namn: resultat}


def _mat_cachat(forbund: Forbund, idag: datetime.date, resultat: dict) -> None:
    """The statistics and their pages again, from a warm cache (median_ms calls once first)."""
    fran, till = period(idag)
    insats = _storsta_insats(forbund)
    resultat["insats_statistik"]["ms_cachad"] = median_ms(
        lambda: insats_statistik(insats=insats, fran=fran, till=till)
    )
    resultat["forbund_statistik"]["ms_cachad"] = median_ms(
        lambda: forbund_statistik(forbund=forbund, fran=fran, till=till)
    )
    client = _chefens_klient(forbund)
    for sida, adress in _statistiksidor(insats, fran, till):
        resultat[sida]["ms_cachad"], resultat[sida]["fragor_cachad"] = _sida(client, adress)


def mat_forvarmning(forbund: dict[str, Forbund], idag: datetime.date) -> dict:
    """Beat's warming of every förbund's default dashboard (statistik.forvarmning) once,
    into an empty cache of its own, then the chosen förbund's default dashboard as
    its chef sees it afterwards."""
    egen_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "forvarmning-matning",
        }
    }
    with override_settings(FINSAM_STATISTIK_CACHE=True, CACHES=egen_cache):
        borjan = time.perf_counter()
        antal = len(forvarm_oversikter(idag))
        sekunder = round(time.perf_counter() - borjan, 1)
        oversikten = {}
        for namn, f in forbund.items():
            ms, fragor = _sida(_chefens_klient(f), reverse("statistik"))
            oversikten[namn] = {"ms": ms, "fragor": fragor}
    return {"forbund": antal, "sekunder": sekunder, "oversikten": oversikten}


def _chefens_klient(forbund: Forbund) -> Client:
    client = Client()
    client.force_login(Medlemskap.objects.get(forbund=forbund, roll=Roll.FORBUNDSCHEF).user)
    return client


def _statistiksidor(insats: Insats, fran, till) -> tuple[tuple[str, str], ...]:
    return (
        ("insatssidan", f"{reverse('statistik_insats', args=[insats.pk])}?fran={fran}&till={till}"),
        ("oversikten", f"{reverse('statistik')}?period=egen&fran={fran}&till={till}"),
    )


def _mat_forbund(forbund: Forbund, idag: datetime.date) -> dict:
    fran, till = period(idag)
    insats = _storsta_insats(forbund)
    resultat: dict = {
        "forbund": forbund.namn,
        "deltagare": forbund.n,
        "inskrivningar": forbund.insatser.aggregate(n=Count("inskrivningar"))["n"],
        "insats": insats.namn,
        "insats_inskrivningar": insats.n,
    }

    def var_insats():
        return insats_statistik(insats=insats, fran=fran, till=till)

    def sql_insats():
        return karnfigurer(fran=fran, till=till, insats_id=insats.pk)

    lika = sql_insats()["insatser"].get(insats.pk) == fran_motorn(var_insats())
    resultat["insats_statistik"] = _jamfor(median_ms(var_insats), median_ms(sql_insats), lika)

    def var_forbund():
        return forbund_statistik(forbund=forbund, fran=fran, till=till)

    def sql_forbund():
        return karnfigurer(fran=fran, till=till, forbund_id=forbund.pk)

    var, sql = var_forbund(), sql_forbund()
    d = var.deltagare
    lika = all(
        sql["insatser"].get(s.insats, None) == fran_motorn(s) for s in var.insatser
        if s.deltagare.aktiva.totalt or s.deltagare.nya.totalt or s.deltagare.avslutade.totalt
    ) and sql["unika"] == {
        n: {k: getattr(v, k) for k in ("kvinnor", "man", "annat")}
        for n, v in (("aktiva", d.aktiva), ("nya", d.nya), ("avslutade", d.avslutade))
    }  # fmt: skip
    resultat["forbund_statistik"] = _jamfor(median_ms(var_forbund), median_ms(sql_forbund), lika)

    client = _chefens_klient(forbund)
    budgetar = Budgetar.objects.get(forbund=forbund, ar=idag.year)
    for sida, adress in (
        *_statistiksidor(insats, fran, till),
        ("budget_sammanstallning",
         f"{reverse('budget:sammanstallning', args=[budgetar.pk])}?till={idag}"),
    ):  # fmt: skip
        ms, fragor = _sida(client, adress)
        resultat[sida] = {"ms": ms, "fragor": fragor}
    samordnare = Medlemskap.objects.filter(forbund=forbund, roll=Roll.SAMORDNARE).first()
    if samordnare is not None:
        # The samordnare's list writes an access-log row per deltagare shown:
        # those rows stay, as every read's do.
        client = Client()
        client.force_login(samordnare.user)
        ms, fragor = _sida(client, "/api/v1/inskrivningar/?page_size=50")
        resultat["samordnarens_inskrivningar"] = {"ms": ms, "fragor": fragor}
    return resultat


def tabell(skala: str, resultat: dict) -> str:
    """A readable table of one scale's figures."""
    rader = [f"Skala {skala}:"]
    for namn, r in resultat.items():
        rader.append(
            f"  {namn}: {r['forbund']} ({r['deltagare']} deltagare, {r['inskrivningar']} "
            f"inskrivningar; insats {r['insats']} med {r['insats_inskrivningar']})"
        )
        for nyckel in ("insats_statistik", "forbund_statistik"):
            m = r[nyckel]
            lika = "lika" if m["lika_som_sql"] else "OLIKA"
            rader.append(
                f"    {nyckel:<27}{m['ms']:>9.1f} ms   SQL {m['sql_ms']:>8.1f} ms   "
                f"kvot {m['kvot']:>6}   ({lika}){_cachad(m)}"
            )
        for nyckel in SIDOR:
            if nyckel not in r:
                continue
            m = r[nyckel]
            rader.append(
                f"    {nyckel:<27}{m['ms']:>9.1f} ms   {m['fragor']:>3} frågor{_cachad(m)}"
            )
    return "\n".join(rader)


def _cachad(matt: dict) -> str:
    if "ms_cachad" not in matt:
        return ""
    fragor = f", {matt['fragor_cachad']} frågor" if "fragor_cachad" in matt else ""
    return f"   cachad {matt['ms_cachad']:.1f} ms{fragor}"
