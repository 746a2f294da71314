"""Answering on a phone: one question a screen, skip anything, and nothing that identifies anyone.

Issue 19's proof: no request to the answering pages stores an address, a
user, browser data or a time finer than the day, in the database, a cookie,
a session, the logs or gunicorn's access log.
"""

import datetime
import logging
import re
import runpy
from types import SimpleNamespace

import pytest
from django.db import connection, models
from django.urls import reverse
from django.utils import timezone
from gunicorn.config import Config

from enkat.models import Matning, Svar, Svarsrad
from enkat.services import svar_spara
from tests.enkat.bygg import D, exempelenkat, matning

pytestmark = pytest.mark.django_db

ADRESS = "198.51.100.77"
WEBBLASARE = "Testwebblasare/9.9 (Finsam-prov)"
KLIENT = {"REMOTE_ADDR": ADRESS, "HTTP_USER_AGENT": WEBBLASARE, "HTTP_X_FORWARDED_FOR": ADRESS}


@pytest.fixture
def oppen(forbund, insats):
    idag = timezone.localdate()
    return matning(insats, exempelenkat(forbund), fran=idag - datetime.timedelta(days=1),
                   till=idag + datetime.timedelta(days=1))  # fmt: skip


def _tillstand(svar) -> str:
    return re.search(r'name="tillstand" value="([^"]+)"', svar.content.decode()).group(1)


def _rubrik(svar) -> str:
    return re.search(r'<legend class="h4">(.*?)</legend>', svar.content.decode()).group(1)


def _steg(client, url, skarm, **data):
    return client.post(url, {"tillstand": _tillstand(skarm), **data}, **KLIENT)


def _hela_vagen(client, matning: Matning) -> list:
    """Every screen of one participant's way through the example questionnaire."""
    url = reverse("enkat_svara", args=[matning.nyckel])
    svar = [client.get(reverse("enkat_start", args=[matning.nyckel]), **KLIENT)]
    svar.append(client.get(url, **KLIENT))
    assert _rubrik(svar[-1]) == "Hur har du blivit bemött i insatsen?"
    svar.append(_steg(client, url, svar[-1], svar="mycket_bra", knapp="nasta"))
    svar.append(_steg(client, url, svar[-1], svar="helt", knapp="hoppa"))  # vill inte svara
    svar.append(_steg(client, url, svar[-1], svar="lite", knapp="nasta"))
    assert _rubrik(svar[-1]).startswith("Vad har hjälpt dig mest?")
    svar.append(_steg(client, url, svar[-1], svar=["myndigheter", "kurs"], knapp="nasta"))
    # Help with authorities chosen: its follow-up question is shown ...
    assert _rubrik(svar[-1]) == "Har det blivit lättare att ha kontakt med myndigheterna?"
    svar.append(_steg(client, url, svar[-1], knapp="tillbaka"))
    text = svar[-1].content.decode()
    assert 'value="myndigheter" checked' in text and 'value="kurs" checked' in text
    # ... and not once it is taken back.
    svar.append(_steg(client, url, svar[-1], svar="kurs", knapp="nasta"))
    assert _rubrik(svar[-1]) == "Skulle du rekommendera insatsen till någon i din situation?"
    svar.append(_steg(client, url, svar[-1], svar="ja", knapp="nasta"))
    assert _rubrik(svar[-1]) == "Är du …"
    svar.append(_steg(client, url, svar[-1], svar="kvinna", knapp="nasta"))
    assert "Skicka svaren" in svar[-1].content.decode()
    svar.append(_steg(client, url, svar[-1], svar="25_34", knapp="nasta"))
    assert svar[-1].status_code == 302
    svar.append(client.get(svar[-1]["Location"], **KLIENT))
    assert "Tack för dina svar!" in svar[-1].content.decode()
    return svar


def test_en_fraga_i_taget_och_bara_svaren_sparas(client, oppen):
    _hela_vagen(client, oppen)
    post = Svar.objects.get()
    assert (post.datum, post.kon, post.aldersband, post.kalla) == (
        timezone.localdate(), "kvinna", "25_34", "webb",
    )  # fmt: skip
    assert sorted(post.rader.values_list("fraga__kod", "alternativ__kod")) == [
        ("bemotande", "mycket_bra"), ("hjalp", "kurs"), ("narmare", "lite"),
        ("rekommendera", "ja"),
    ]  # fmt: skip


def test_ingenting_som_kan_peka_ut_nagon(client, oppen, samordnare, caplog):
    caplog.set_level(logging.DEBUG)
    svar = _hela_vagen(client, oppen)
    # The icon every phone asks for answers with the site's 404 page, which must not set
    # a cookie either.
    svar.append(client.get("/favicon.ico", **KLIENT))
    # No cookie, so no session and no CSRF token to remember the browser by.
    assert [s.cookies for s in svar if s.cookies] == []
    # A logged-in member of staff answering leaves no trace of who either, and their
    # session is neither read nor renewed (a kiosk tablet must not keep it alive).
    client.force_login(samordnare)
    inloggad = _hela_vagen(client, oppen)
    assert [s.cookies for s in inloggad if s.cookies] == []
    assert all(not s.wsgi_request.user.is_authenticated for s in inloggad)
    assert Svar.objects.count() == 2
    # No address, browser or user in any table (the whole database is read).
    with connection.cursor() as markor:
        for tabell in connection.introspection.table_names():
            markor.execute(f'SELECT * FROM "{tabell}"')  # noqa: S608  # nosec B608
            for rad in markor.fetchall():
                text = " ".join(map(str, rad))
                assert ADRESS not in text and WEBBLASARE not in text, tabell
    # Nothing finer than the day, nothing pointing at a person.
    for modell in (Svar, Svarsrad):
        for falt in modell._meta.get_fields():
            assert not isinstance(falt, models.DateTimeField | models.TimeField), falt
            assert (
                getattr(falt, "related_model", None) is None
                or falt.related_model._meta.app_label == "enkat"
            ), falt
    # Nor in any log line.
    assert not [
        r for r in caplog.records if ADRESS in r.getMessage() or WEBBLASARE in r.getMessage()
    ]


def test_gunicorns_atkomstlogg_utelamnar_den_som_svarar():
    logg = runpy.run_path("drift/gunicorn.conf.py")["logger_class"](Config())
    svar = SimpleNamespace(status="302 Found", response_length=0, sent=0, headers=[])
    fraga = SimpleNamespace(headers=[("USER-AGENT", WEBBLASARE), ("X-FORWARDED-FOR", ADRESS)])

    def rad(vag: str) -> str:
        miljo = {"REMOTE_ADDR": ADRESS, "PATH_INFO": vag, "RAW_URI": vag, "REQUEST_METHOD": "POST",
                 "QUERY_STRING": "", "SERVER_PROTOCOL": "HTTP/1.1",
                 "HTTP_USER_AGENT": WEBBLASARE}  # fmt: skip
        atomer = logg.atoms(svar, fraga, miljo, datetime.timedelta(seconds=0.1))
        return logg.cfg.access_log_format % atomer

    enkatrad = rad("/e/nyckel/svara/")
    assert ADRESS not in enkatrad and WEBBLASARE not in enkatrad
    assert not re.search(r"\d{2}:\d{2}:\d{2}", enkatrad)  # not the time either
    assert "/e/nyckel/svara/" in enkatrad
    # The survey's script and style: a line for enkat.js would name the day's participant.
    assert ADRESS not in rad("/static/finsam/enkat.js")
    # Other pages keep the address, which the login lockout and incidents need.
    assert ADRESS in rad("/statistik/")


def test_stangd_matning_tar_inte_emot_svar(client, forbund, insats):
    stangd = matning(insats, exempelenkat(forbund), fran=D(2025, 1, 1), till=D(2025, 1, 31))
    svar = client.get(reverse("enkat_svara", args=[stangd.nyckel]))
    assert svar.status_code == 410
    assert "Det går inte längre att svara" in svar.content.decode()
    assert client.get("/e/finns-inte/").status_code == 404


def test_andrat_tillstand_borjar_om(client, oppen):
    url = reverse("enkat_svara", args=[oppen.nyckel])
    svar = client.post(url, {"tillstand": "förfalskat", "svar": "ja", "knapp": "nasta"})
    # A forged state is no state: the first question again, nothing stored.
    assert _rubrik(svar).startswith("Har du kunnat påverka") or _rubrik(svar).startswith(
        "Hur har du blivit bemött"
    )
    assert not Svar.objects.exists()


def test_kiosklaget_borjar_om_efter_varje_svar(client, oppen):
    start = client.get(reverse("enkat_start", args=[oppen.nyckel]), {"kiosk": "1"})
    assert "?sprak=&amp;kiosk=1" in start.content.decode()
    url = reverse("enkat_svara", args=[oppen.nyckel])
    skarm = client.get(url, {"kiosk": "1"})
    while "Skicka svaren" not in skarm.content.decode():
        skarm = _steg(client, url, skarm, knapp="hoppa")
    svar = _steg(client, url, skarm, knapp="hoppa")
    assert svar["Location"] == reverse("enkat_tack", args=[oppen.nyckel]) + "?sprak=&kiosk=1"
    tack = client.get(svar["Location"]).content.decode()
    borja_om = reverse("enkat_start", args=[oppen.nyckel]) + "?kiosk=1"
    assert f'<meta http-equiv="refresh" content="10;url={borja_om}">' in tack
    assert 'data-kiosk="1"' in tack  # the shared tablet is not marked as having answered
    # Everything skipped is still an answer: the day, and nothing else.
    post = Svar.objects.get()
    assert (post.kon, post.aldersband, post.rader.count()) == (
        "vill_inte_svara",
        "vill_inte_svara",
        0,
    )


def test_pa_engelska(client, oppen):
    start = client.get(reverse("enkat_start", args=[oppen.nyckel]), {"sprak": "en"})
    text = start.content.decode()
    assert '<html lang="en">' in text and "What do you think of Samordningsteam?" in text
    url = reverse("enkat_svara", args=[oppen.nyckel])
    skarm = client.get(url, {"sprak": "en"})
    assert _rubrik(skarm) == "How have you been treated?"
    assert "Prefer not to answer" in skarm.content.decode()
    while "Are you …" not in skarm.content.decode():
        skarm = _steg(client, url, skarm, knapp="hoppa")
    assert "A woman" in skarm.content.decode()


def test_ett_andrat_val_tar_bort_svaret_pa_fragan_det_visade(client, oppen):
    url = reverse("enkat_svara", args=[oppen.nyckel])
    skarm = client.get(url)
    while not _rubrik(skarm).startswith("Vad har hjälpt dig mest?"):
        skarm = _steg(client, url, skarm, knapp="hoppa")
    skarm = _steg(client, url, skarm, svar="myndigheter", knapp="nasta")
    skarm = _steg(client, url, skarm, svar="ja", knapp="nasta")  # the follow-up, answered
    skarm = _steg(client, url, skarm, knapp="tillbaka")
    skarm = _steg(client, url, skarm, knapp="tillbaka")
    skarm = _steg(client, url, skarm, svar="kurs", knapp="nasta")  # no authorities after all
    while "Skicka svaren" not in skarm.content.decode():
        skarm = _steg(client, url, skarm, knapp="hoppa")
    assert _steg(client, url, skarm, knapp="hoppa").status_code == 302
    assert list(Svar.objects.get().rader.values_list("fraga__kod", flat=True)) == ["hjalp"]


def test_styrtecken_och_felaktiga_lankar(client, oppen):
    svar_spara(matning=oppen, svar={}, kon="man", aldersband="55_", kalla="webb",
               idag=oppen.fran)  # fmt: skip
    oppen.enkat.fritext = True
    oppen.enkat.save()
    post = svar_spara(matning=oppen, svar={"mer": "Bra\x00 personal"}, kon="man",
                      aldersband="55_", kalla="webb", idag=oppen.fran)  # fmt: skip
    assert post.rader.get().fritext == "Bra personal"
    assert client.get("/e/%00/").status_code == 404


def test_skickat_tva_ganger_sparas_en_gang(client, oppen):
    url = reverse("enkat_svara", args=[oppen.nyckel])
    skarm = client.get(url)
    while "Skicka svaren" not in skarm.content.decode():
        skarm = _steg(client, url, skarm, knapp="hoppa")
    forsta = _steg(client, url, skarm, knapp="hoppa")
    andra = _steg(client, url, skarm, knapp="hoppa")  # a double tap, or back and resend
    assert forsta["Location"] == andra["Location"]
    assert Svar.objects.count() == 1
