"""Write a snapshot of a Finsam database as JSON: run inside `manage.py shell`.

It reads, never writes: the row count of every table, the content types and
permissions by id, the database's triggers, the rows of the job tables, and
the API's statistics, budget sammanställning and helårsekvivalenter for
every förbund, insats and budgetår, as the förbund's förbundschef sees
them. It uses only what every version since 786f2e8 has (the ORM, the user
model and the API's addresses), so the same file snapshots a database
before and after a migration.

    OGONBLICK_UT=fil.json python manage.py shell < tests/migrering/ogonblick.py
"""

import json
import os

from django.contrib.auth import get_user_model
from django.db import connection
from rest_framework.test import APIClient

PERIODER = [("2025-01-01", "2025-12-31"), ("2026-01-01", "2026-08-31")]
URVAL = ["aktiva", "nya", "avslutade"]


def radantal():
    with connection.cursor() as cursor:
        tabeller = sorted(connection.introspection.table_names(cursor))
        antal = {}
        for tabell in tabeller:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(tabell)}")  # noqa: S608
            antal[tabell] = cursor.fetchone()[0]
    return antal


def rader(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [list(rad) for rad in cursor.fetchall()]


def tabellrader(tabell):
    """Every row of a job table as a dict, to show a migration keeps their values."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {tabell} ORDER BY id")  # noqa: S608
        namn = [k[0] for k in cursor.description]
        return [dict(zip(namn, [str(v) for v in rad], strict=True)) for rad in cursor.fetchall()]


def triggrar():
    """The database's own triggers (deltagare's stegskala rule), by name."""
    if connection.vendor == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    else:
        sql = "SELECT DISTINCT trigger_name FROM information_schema.triggers ORDER BY 1"
    return [rad[0] for rad in rader(sql)]


def hamta(klient, adress):
    svar = klient.get(adress)
    return {"status": svar.status_code, "data": svar.json()}


def api_svar():
    klient = APIClient()
    svar = {}
    for chef in get_user_model().objects.filter(medlemskap__roll="forbundschef").distinct():
        klient.force_authenticate(chef)
        for forbund in hamta(klient, "/api/v1/forbund/")["data"]["results"]:
            fid = forbund["id"]
            for fran, till in PERIODER:
                adress = f"/api/v1/forbund/{fid}/statistik/?fran={fran}&till={till}"
                svar[adress] = hamta(klient, adress)
            insatser = hamta(klient, f"/api/v1/insatser/?forbund={fid}&page_size=1000")
            for insats in insatser["data"]["results"]:
                for fran, till in PERIODER:
                    for urval in URVAL:
                        adress = (
                            f"/api/v1/insatser/{insats['id']}/statistik/"
                            f"?fran={fran}&till={till}&urval={urval}"
                        )
                        svar[adress] = hamta(klient, adress)
            for budget in hamta(klient, f"/api/v1/budget/?forbund={fid}")["data"]["results"]:
                for adress in (
                    f"/api/v1/budget/{budget['id']}/",
                    f"/api/v1/budget/{budget['id']}/sammanstallning/?till={budget['ar']}-08-31",
                    f"/api/v1/budget/{budget['id']}/rader/",
                ):
                    svar[adress] = hamta(klient, adress)
        adress = "/api/v1/helarsekvivalenter/?page_size=1000"
        svar[adress] = hamta(klient, adress)
    return svar


ogonblick = {
    "radantal": radantal(),
    "content_types": rader("SELECT id, model FROM django_content_type ORDER BY id"),
    "permissions": rader(
        "SELECT id, codename, content_type_id FROM auth_permission ORDER BY id"
    ),
    "triggrar": triggrar(),
    "jobb": {t: tabellrader(t) for t in ("rapporter_rapport", "finsam_utfallsimport")},
    "api": api_svar(),
}
with open(os.environ["OGONBLICK_UT"], "w", encoding="utf-8") as ut:
    json.dump(ogonblick, ut, ensure_ascii=False, indent=1, sort_keys=True)
