"""`last_forbered`: the accounts of `make load`, one samordnare and one förbundschef per user."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from rest_framework.test import APIClient

from deltagare.models import Deltagare


@pytest.fixture
def konton(demo, db, tmp_path) -> dict:
    fil = tmp_path / "konton.json"
    call_command("last_forbered", "--antal", "2", "--ut", str(fil), stdout=StringIO())
    return json.loads(fil.read_text())


def test_en_nyckel_per_anvandare_med_rollens_atkomst(konton):
    samordnare, chefer = konton["anvandare"]["samordnare"], konton["anvandare"]["chef"]
    assert [k["username"] for k in samordnare] == ["last-samordnare-0", "last-samordnare-1"]
    assert len({k["nyckel"] for k in samordnare + chefer}) == 4
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {samordnare[0]['nyckel']}")
    # The samordnare works in every insats the scenario registers in.
    egna = {i["id"] for i in api.get("/api/v1/insatser/?page_size=100").json()["results"]}
    assert {i["id"] for i in konton["insatser"]} <= egna
    assert all(i["steg"] > 0 for i in konton["insatser"])
    assert konton["fore"]["deltagare"] == Deltagare.objects.count()


@override_settings(FINSAM_PRODUCTION=True)
def test_vagrar_i_produktion(db, tmp_path):
    with pytest.raises(CommandError, match="får inte köras i produktion"):
        call_command("last_forbered", "--ut", str(tmp_path / "k.json"))

