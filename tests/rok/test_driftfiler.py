"""The deployment files agree with each other and with what `make rok` tests.

No Docker engine runs here, so docker-compose.yml and the Dockerfile are
read rather than run: their web, worker and beat commands must be the ones
tests/rok/rok.sh starts natively, and .env.example must name every setting
(README, Konfiguration; every variable settings.py reads is in that table).
"""

import json
import re
from pathlib import Path

import yaml
from django.conf import settings

ROT = Path(settings.BASE_DIR)
COMPOSE = yaml.safe_load((ROT / "docker-compose.yml").read_text(encoding="utf-8"))
TJANSTER = COMPOSE["services"]
DOCKERFILE = (ROT / "Dockerfile").read_text(encoding="utf-8")
LASER_MILJON = ("finsam/settings.py", "drift/gunicorn.conf.py")


def _utan_schemafil(kommando: str) -> str:
    # Beat's schedule lives on a volume in compose and in a temporary directory in make rok.
    return re.sub(r"--schedule \S+", "--schedule SCHEMA", kommando)


def _rok_kommandon() -> str:
    """rok.sh as one line of words, `"$BIN/gunicorn"` read as `gunicorn`."""
    text = (ROT / "tests/rok/rok.sh").read_text(encoding="utf-8").replace("\\\n", " ")
    return _utan_schemafil(" ".join(re.sub(r'"\$BIN/(\w+)"', r"\1", text).split()))


def _dockerfile_json(instruktion: str) -> list[str]:
    rader = DOCKERFILE.replace("\\\n", " ")
    return json.loads(re.search(rf"^{instruktion}.*?(\[.*\])$", rader, re.MULTILINE).group(1))


def test_compose_startar_det_make_rok_provar():
    rok = _rok_kommandon()
    for tjanst in ("web", "worker", "beat"):
        assert _utan_schemafil(TJANSTER[tjanst]["command"]) in rok, tjanst


def test_avbilden_startar_och_provar_webben_som_compose():
    assert " ".join(_dockerfile_json("CMD")) == TJANSTER["web"]["command"]
    assert _dockerfile_json("HEALTHCHECK") == TJANSTER["web"]["healthcheck"]["test"][1:]


def test_beats_schema_ligger_pa_en_volym():
    schema = re.search(r"--schedule (\S+)", TJANSTER["beat"]["command"]).group(1)
    monterade = [v.split(":")[1] for v in TJANSTER["beat"]["volumes"]]
    assert any(schema.startswith(katalog + "/") for katalog in monterade)


def test_redis_sparar_till_disk():
    assert "--appendonly yes" in TJANSTER["redis"]["command"]


def test_varje_tjanst_har_en_halsokontroll():
    engangs = {"migrate", "demo"}
    for namn, tjanst in TJANSTER.items():
        assert tjanst["healthcheck"].get("disable", False) == (namn in engangs), namn


def _konfigurationstabellen() -> set[str]:
    readme = (ROT / "README.md").read_text(encoding="utf-8")
    avsnitt = readme.split("\n## Konfiguration\n")[1].split("\n## ")[0]
    return set(re.findall(r"^\| `([A-Z0-9_]+)`", avsnitt, re.MULTILINE))


def test_varje_installning_star_i_readme():
    """What settings.py reads through django-environ, and drift/gunicorn.conf.py from os.environ."""
    kallkod = "".join((ROT / fil).read_text(encoding="utf-8") for fil in LASER_MILJON)
    lasta = set(re.findall(r'(?:env(?:\.\w+)?|environ\.get)\(\s*"([A-Z0-9_]+)"', kallkod))
    assert len(lasta) > 25
    assert lasta - _konfigurationstabellen() == set()


def test_env_exempel_namner_varje_installning():
    exempel = (ROT / ".env.example").read_text(encoding="utf-8")
    namngivna = set(re.findall(r"^(?:# )?([A-Z0-9_]+)=", exempel, re.MULTILINE))
    assert _konfigurationstabellen() - namngivna == set()
    # Placeholders only: nothing there works as a secret.
    for namn in ("SECRET_KEY", "FINSAM_FIELD_KEY", "FINSAM_HMAC_KEY", "POSTGRES_PASSWORD"):
        assert re.search(rf"^{namn}=BYT-MIG$", exempel, re.MULTILINE), namn
