"""API keys on the pages: the chef's part keys, everyone's own personal keys.

A key is shown once; a revoked or expired key is refused by the API.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from finsam.atkomst import SYSTEM
from finsam.models import ApiNyckel
from finsam.services.api_nycklar import api_nyckel_skapa
from tests.factories import PartFactory
from tests.hjalp.api import med_nyckel

NYCKEL = re.compile(r'id="ny-nyckel">(fs[pu]_[^<]+)</p>')


@pytest.fixture
def part(forbund):
    return PartFactory(forbund=forbund, namn="Försäkringskassan")


def nyckel_i(svar) -> str | None:
    traff = NYCKEL.search(svar.content.decode())
    return traff.group(1) if traff else None


def skapa_partnyckel(client, part, **falt) -> tuple[ApiNyckel, str]:
    svar = client.post(
        reverse("hantering:partnyckel_ny"),
        {"part": part.pk, "namn": "Ekonomisystemet", "giltig_till": "", **falt},
    )
    assert svar.status_code == 302, svar.content.decode()
    svar = client.get(svar["Location"])
    return ApiNyckel.objects.get(), nyckel_i(svar)


def test_partnyckel_visas_en_gang_och_fungerar(client, chef, part, forbund):
    client.force_login(chef)
    nyckel, klartext = skapa_partnyckel(client, part)
    assert (nyckel.typ, nyckel.part, nyckel.namn) == ("part", part, "Ekonomisystemet")
    assert klartext.startswith(nyckel.prefix)
    # The second visit shows it no more; only the hash is stored.
    svar = client.get(reverse("hantering:nyckel_skapad", args=[nyckel.pk]))
    assert nyckel_i(svar) is None
    assert "kan inte visas igen" in svar.content.decode()
    assert klartext not in client.get(reverse("hantering:nycklar")).content.decode()
    assert med_nyckel(klartext).get("/api/v1/parter/").status_code == 200
    nyckel.refresh_from_db()
    assert nyckel.senast_anvand is not None
    sida = client.get(reverse("hantering:nycklar")).content.decode()
    assert "Ekonomisystemet" in sida and "aldrig" not in sida


def test_aterkallad_nyckel_nekas(client, chef, part):
    client.force_login(chef)
    nyckel, klartext = skapa_partnyckel(client, part)
    svar = client.post(reverse("hantering:nyckel_aterkalla", args=[nyckel.pk]))
    assert svar.status_code == 302
    nyckel.refresh_from_db()
    assert nyckel.aterkallad is not None
    svar = med_nyckel(klartext).get("/api/v1/parter/")
    assert svar.status_code == 401
    assert "återkallad" in str(svar.json())


def test_giltighetstiden_galler(client, chef, part):
    client.force_login(chef)
    imorgon = timezone.localdate() + datetime.timedelta(days=1)
    nyckel, klartext = skapa_partnyckel(client, part, giltig_till=imorgon.isoformat())
    # Valid through the chosen day.
    assert timezone.localtime(nyckel.giltig_till).date() == imorgon
    assert med_nyckel(klartext).get("/api/v1/parter/").status_code == 200
    ApiNyckel.objects.filter(pk=nyckel.pk).update(
        giltig_till=timezone.now() - datetime.timedelta(seconds=1)
    )
    svar = med_nyckel(klartext).get("/api/v1/parter/")
    assert svar.status_code == 401
    assert "gått ut" in str(svar.json())
    assert "Har gått ut" in client.get(reverse("hantering:nycklar")).content.decode()


def test_giltig_till_i_det_forflutna_nekas(client, chef, part):
    client.force_login(chef)
    igar = timezone.localdate() - datetime.timedelta(days=1)
    svar = client.post(
        reverse("hantering:partnyckel_ny"),
        {"part": part.pk, "namn": "X", "giltig_till": igar.isoformat()},
    )
    assert svar.status_code == 400
    assert "Giltighetstiden måste ligga i framtiden." in svar.content.decode()
    assert not ApiNyckel.objects.exists()


def test_andra_roller_nar_inte_partnycklarna(
    client, forbund, part, samordnare, styrelse, utomstaende
):
    nyckel, _ = api_nyckel_skapa(part=part, namn="FK-nyckeln", user=SYSTEM)
    sidor = [
        reverse("hantering:nycklar"),
        reverse("hantering:partnyckel_ny"),
        reverse("hantering:nyckel_skapad", args=[nyckel.pk]),
    ]
    aterkalla = reverse("hantering:nyckel_aterkalla", args=[nyckel.pk])
    for user in (samordnare, styrelse):
        client.force_login(user)
        for url in sidor:
            assert client.get(url).status_code == 404
        assert client.post(aterkalla).status_code == 404
        assert client.post(sidor[1], {"part": part.pk, "namn": "X"}).status_code == 404
    client.force_login(utomstaende)
    assert "FK-nyckeln" not in client.get(sidor[0]).content.decode()
    assert client.get(sidor[2]).status_code == 404
    assert client.post(aterkalla).status_code == 404
    # Another förbund's part cannot be chosen.
    svar = client.post(sidor[1], {"part": part.pk, "namn": "X"})
    assert svar.status_code == 400
    assert ApiNyckel.objects.count() == 1
    nyckel.refresh_from_db()
    assert nyckel.aterkallad is None


# Personal keys, on Mitt konto: every user their own.


def test_personlig_nyckel_pa_mitt_konto(client, samordnare):
    client.force_login(samordnare)
    assert reverse("nycklar") in client.get(reverse("mitt_konto")).content.decode()
    svar = client.post(reverse("nyckel_ny"), {"namn": "Mitt skript", "giltig_till": ""})
    assert svar.status_code == 302
    klartext = nyckel_i(client.get(svar["Location"]))
    nyckel = ApiNyckel.objects.get()
    assert (nyckel.typ, nyckel.user, nyckel.giltig_till) == ("personlig", samordnare, None)
    assert nyckel_i(client.get(svar["Location"])) is None
    assert med_nyckel(klartext).get("/api/v1/parter/").status_code == 200
    svar = client.post(reverse("nyckel_aterkalla", args=[nyckel.pk]))
    assert svar.status_code == 302
    assert med_nyckel(klartext).get("/api/v1/parter/").status_code == 401


def test_ingen_nar_nagon_annans_personliga_nyckel(client, chef, samordnare):
    nyckel, _ = api_nyckel_skapa(anvandare=samordnare, namn="Samordnarens", user=SYSTEM)
    # Not even the förbundschef.
    client.force_login(chef)
    assert "Samordnarens" not in client.get(reverse("nycklar")).content.decode()
    assert "Samordnarens" not in client.get(reverse("hantering:nycklar")).content.decode()
    assert client.get(reverse("nyckel_skapad", args=[nyckel.pk])).status_code == 404
    assert client.post(reverse("nyckel_aterkalla", args=[nyckel.pk])).status_code == 404
    assert client.post(reverse("hantering:nyckel_aterkalla", args=[nyckel.pk])).status_code == 404
    nyckel.refresh_from_db()
    assert nyckel.aterkallad is None


def test_chefens_egna_nycklar_syns_pa_nyckelsidan(client, chef):
    api_nyckel_skapa(anvandare=chef, namn="Chefens rapportskript", user=SYSTEM)
    client.force_login(chef)
    assert "Chefens rapportskript" in client.get(reverse("hantering:nycklar")).content.decode()


def test_nyckelsidan_har_fast_antal_fragor(client, chef, forbund):
    client.force_login(chef)

    def antal_fragor() -> int:
        with CaptureQueriesContext(connection) as fragor:
            assert client.get(reverse("hantering:nycklar")).status_code == 200
        return len(fragor)

    api_nyckel_skapa(part=PartFactory(forbund=forbund), user=SYSTEM)
    api_nyckel_skapa(anvandare=chef, user=SYSTEM)
    en = antal_fragor()
    for _ in range(3):
        api_nyckel_skapa(part=PartFactory(forbund=forbund), user=SYSTEM)
        api_nyckel_skapa(anvandare=chef, user=SYSTEM)
    assert antal_fragor() == en
