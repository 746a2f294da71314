"""A database built by 786f2e8 migrates with every row and figure kept (issue 11).

786f2e8 is the last commit before the apps moved (budget and SCB got apps
of their own, their tables stayed). This builds a demo database with that
commit's code, snapshots it, migrates it with today's code and snapshots it
again: every table keeps its rows, the content types and permissions keep
their ids, and the API answers the förbundschef with the same JSON.

It runs on the database DATABASE_URL names the engine of: SQLite by default,
PostgreSQL in a scratch database `finsam_migrering` beside the named one.
`make migreringskontroll` runs it; it needs git and the repository's history.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import environ
import psycopg
import pytest
from django.conf import settings

pytestmark = pytest.mark.migrering

BAS = "786f2e8"
ROT = Path(settings.BASE_DIR)
HAR = Path(__file__).parent


def _manage(kod: Path, env: dict, *args: str, stdin: Path | None = None) -> None:
    with open(stdin) if stdin else open(os.devnull) as indata:
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=kod, env=env, stdin=indata, check=True, capture_output=True, text=True,
        )


def _ogonblick(kod: Path, env: dict, ut: Path) -> dict:
    _manage(kod, env | {"OGONBLICK_UT": str(ut)}, "shell", stdin=HAR / "ogonblick.py")
    return json.loads(ut.read_text(encoding="utf-8"))


def _tom_databas(tmp_path: Path) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{tmp_path / 'migrering.sqlite3'}"
    db = environ.Env.db_url_config(url)
    anslut = dict(host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], dbname="postgres")
    with psycopg.connect(**anslut, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS finsam_migrering WITH (FORCE)")
        conn.execute("CREATE DATABASE finsam_migrering")
    return url.rsplit("/", 1)[0] + "/finsam_migrering"


@pytest.fixture(scope="module")
def fore_och_efter(tmp_path_factory):
    if shutil.which("git") is None or subprocess.run(  # noqa: S603
        ["git", "cat-file", "-e", BAS], cwd=ROT, capture_output=True  # noqa: S607
    ).returncode:
        pytest.skip(f"git eller {BAS} saknas")
    tmp = tmp_path_factory.mktemp("migrering")
    gammal = tmp / "kod"
    gammal.mkdir()
    arkiv = subprocess.run(  # noqa: S603
        ["git", "archive", BAS], cwd=ROT, capture_output=True, check=True  # noqa: S607
    ).stdout
    subprocess.run(["tar", "-x", "-C", gammal], input=arkiv, check=True)  # noqa: S603, S607
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env |= {"DATABASE_URL": _tom_databas(tmp), "MEDIA_ROOT": str(tmp / "media")}
    _manage(gammal, env, "migrate", "--noinput")
    _manage(gammal, env, "seed_demo")
    _manage(gammal, env, "shell", stdin=HAR / "fyll_jobb.py")
    fore = _ogonblick(gammal, env, tmp / "fore.json")
    _manage(ROT, env, "migrate", "--noinput")
    efter = _ogonblick(ROT, env, tmp / "efter.json")
    return fore, efter


def test_varje_tabell_behaller_sina_rader(fore_och_efter):
    fore, efter = fore_och_efter
    assert fore["radantal"]["deltagare_inskrivning"] > 300  # the demo was loaded
    assert fore["radantal"]["finsam_utfallsimport"] == fore["radantal"]["rapporter_rapport"] == 1
    nya_migreringar = efter["radantal"].pop("django_migrations") - fore["radantal"].pop(
        "django_migrations"
    )
    assert nya_migreringar > 0
    # Content types and permissions grow with later features' models (checked
    # by id below); every other table keeps its rows, and new tables are empty.
    vaxer = {"django_content_type", "auth_permission"}
    assert {t: efter["radantal"][t] for t in fore["radantal"] if t not in vaxer} == {
        t: n for t, n in fore["radantal"].items() if t not in vaxer
    }
    nya = {t: n for t, n in efter["radantal"].items() if t not in fore["radantal"]}
    # But one: deltagare 0012 turns each follow-up bedömning into a follow-up
    # (counted exactly in test_uppfoljningar_fran_bedomningar.py).
    assert nya.pop("deltagare_uppfoljning") > 0
    # And statistik 0004 gives every förbund its first data version on
    # PostgreSQL (SQLite keeps no versions).
    pa_postgresql = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    forbund = fore["radantal"]["finsam_forbund"] if pa_postgresql else 0
    assert nya.pop("statistik_dataversion") == forbund
    assert nya == dict.fromkeys(nya, 0)


def test_innehallstyper_och_behorigheter_behaller_sina_id(fore_och_efter):
    fore, efter = fore_och_efter
    # A later feature's models add content types and permissions after these.
    assert efter["content_types"][: len(fore["content_types"])] == fore["content_types"]
    assert efter["permissions"][: len(fore["permissions"])] == fore["permissions"]


def test_databasens_triggrar_finns_kvar(fore_och_efter):
    fore, efter = fore_och_efter
    # SQLite names them with _upd/_ins, PostgreSQL as they are.
    assert any(t.startswith("insats_behaller_stegskala") for t in fore["triggrar"])
    # Every one kept; the only new ones protect the access log (issue 13 §10)
    # and, on PostgreSQL, keep the statistics cache's data version (statistik 0004).
    assert [t for t in fore["triggrar"] if t not in efter["triggrar"]] == []
    nya = [t for t in efter["triggrar"] if t not in fore["triggrar"]]
    assert nya and all(t.startswith(("atkomstlogg_skydd", "statistik_dataversion")) for t in nya)


def test_jobbens_rader_behaller_sina_varden(fore_och_efter):
    fore, efter = fore_och_efter
    for tabell, rader in fore["jobb"].items():
        for rad_fore, rad_efter in zip(rader, efter["jobb"][tabell], strict=True):
            assert rad_fore.keys() <= rad_efter.keys(), tabell
            assert {k: rad_efter[k] for k in rad_fore} == rad_fore


def test_statistik_och_budget_ar_desamma(fore_och_efter):
    fore, efter = fore_och_efter
    assert len(fore["api"]) == 69
    assert all(svar["status"] == 200 for svar in fore["api"].values())
    for adress, svar in fore["api"].items():
        assert _behallet(svar, efter["api"][adress]), adress


def _behallet(fore, efter) -> bool:
    """Every value of before is still there, the same; later features may add keys."""
    if isinstance(fore, dict):
        return isinstance(efter, dict) and all(
            k in efter and _behallet(v, efter[k]) for k, v in fore.items()
        )
    if isinstance(fore, list):
        return (
            isinstance(efter, list)
            and len(fore) == len(efter)
            and all(_behallet(a, b) for a, b in zip(fore, efter, strict=True))
        )
    return fore == efter
