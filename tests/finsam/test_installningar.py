"""Settings from the environment: production refuses to start without secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.db import connection

from finsam.celery import app as celery_app

ROT = Path(__file__).resolve().parents[2]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    miljo = {k: v for k, v in os.environ.items() if not k.startswith("FINSAM_")}
    miljo.pop("SECRET_KEY", None)
    # Set by the browser tests for Playwright; `check --deploy` rightly warns about it.
    miljo.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    miljo.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROT, env=miljo, capture_output=True, text=True
    )


def test_produktion_vagrar_starta_utan_hemligheter():
    resultat = manage("check", FINSAM_PRODUCTION="1")
    assert resultat.returncode != 0
    assert "FINSAM_PRODUCTION kräver riktiga hemligheter" in resultat.stderr
    assert "SECRET_KEY" in resultat.stderr and "FINSAM_HMAC_KEY" in resultat.stderr


def test_produktion_klarar_check_deploy_med_hemligheter():
    resultat = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        FINSAM_PRODUCTION="1",
        SECRET_KEY="x" * 64 + "-en-lang-och-slumpmassig-hemlighet",
        FINSAM_FIELD_KEY=Fernet.generate_key().decode(),
        FINSAM_HMAC_KEY="hmac-" + "y" * 40,
        ALLOWED_HOSTS="finsam.example.se",
    )
    assert resultat.returncode == 0, resultat.stderr


def test_celery_ar_konfigurerad_for_att_inte_tappa_uppgifter():
    conf = celery_app.conf
    assert conf.task_acks_late is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_serializer == "json"
    assert conf.accept_content == ["json"]


def test_produktion_vagrar_utvecklingsnyckeln_aven_i_rotationslistan():
    dev = "Zmluc2FtLWRldi1maWVsZC1rZXktMzItYnl0ZXMhISE="
    resultat = manage(
        "check",
        FINSAM_PRODUCTION="1",
        SECRET_KEY="x" * 64,
        FINSAM_FIELD_KEY=f"{Fernet.generate_key().decode()},{dev}",
        FINSAM_HMAC_KEY="hmac-" + "y" * 40,
    )
    assert resultat.returncode != 0
    assert "sätt FINSAM_FIELD_KEY." in resultat.stderr


def test_ogiltig_faltnyckel_stoppar_starten():
    resultat = manage("check", FINSAM_FIELD_KEY="inte-en-nyckel")
    assert resultat.returncode != 0
    assert "ogiltig Fernet-nyckel" in resultat.stderr


def test_produktion_kraver_alltid_tvafaktor():
    resultat = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.FINSAM_KRAV_TVAFAKTOR)",
        FINSAM_PRODUCTION="1",
        FINSAM_KRAV_TVAFAKTOR="0",
        SECRET_KEY="x" * 64,
        FINSAM_FIELD_KEY=Fernet.generate_key().decode(),
        FINSAM_HMAC_KEY="hmac-" + "y" * 40,
    )
    assert resultat.stdout.strip().splitlines()[-1] == "True", resultat.stderr


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="JIT finns bara i PostgreSQL")
def test_postgresql_kompilerar_inte_fragorna():
    """JIT-compiling the statistics queries took longer than running them."""
    with connection.cursor() as markor:
        markor.execute("SHOW jit")
        assert markor.fetchone() == ("off",)


def test_jit_av_laggs_till_adressens_egna_options():
    resultat = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])",
        DATABASE_URL="postgres://finsam@db:5432/finsam?options=-c%20statement_timeout%3D5000",
    )
    assert resultat.stdout.strip().splitlines()[-1] == (
        "{'options': '-c statement_timeout=5000 -c jit=off'}"
    ), resultat.stderr
