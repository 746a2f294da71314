"""The access log as CSV for the dataskyddsombud: the filtered rows, no identities."""

import csv
import datetime
import io
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from deltagare.atkomstlogg import Handling, logga, logga_pseudonymer
from deltagare.selectors import deltagare_hamta
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Roll
from tests.factories import UserFactory, anvandare_med_roll
from tests.integritet.hjalp import PNR_FORMER, REFERENS, URSPRUNG, VAG, i_begaran, klockan

URL = "/atkomstlogg/export.csv"
RUBRIKER = [
    "Tidpunkt",
    "Användare",
    "Handling",
    "Deltagare (pseudonym)",
    "Insats",
    "Från (IP-adress)",
    "Sida eller anrop",
]


def _csv(client, **parametrar) -> list[list[str]]:
    svar = client.get(URL, parametrar)
    assert svar.status_code == 200
    assert svar["Content-Type"] == "text/csv; charset=utf-8"
    assert svar["Content-Disposition"].startswith('attachment; filename="atkomstlogg-')
    return list(csv.reader(io.StringIO(svar.content.decode("utf-8-sig")), delimiter=";"))


def _handelser(rader: list[list[str]]) -> list[list[str]]:
    """The rows under the column headings."""
    return rader[rader.index(RUBRIKER) + 1 :]


def test_url_och_lank_fran_loggsidan(client, chef):
    assert reverse("atkomstlogg_export") == URL
    client.force_login(chef)
    html = client.get("/atkomstlogg/", {"insats": ""}).content.decode()
    assert f'href="{URL}?insats=">Exportera loggen som CSV' in html


def test_exporten_har_varje_kolumn(client, forbund, chef, samordnare, identifierad):
    i_begaran(lambda: deltagare_hamta(user=samordnare, pk=identifierad.deltagare_id))
    client.force_login(chef)
    rader = _csv(client)
    assert rader[0] == ["Åtkomstlogg", forbund.namn]
    assert rader[2] == ["Antal händelser", "3"]
    handelser = _handelser(rader)
    assert len(handelser) == 3
    senaste = handelser[0]
    tid = datetime.datetime.strptime(senaste[0], "%Y-%m-%d %H:%M:%S")
    assert abs(timezone.make_aware(tid) - timezone.now()) < datetime.timedelta(minutes=1)
    assert senaste[1:] == [
        "samordnare",
        "Läsning",
        str(identifierad.deltagare.pseudonym),
        "",
        URSPRUNG,
        VAG,
    ]
    assert [r[2] for r in handelser[1:]] == ["Inskrivning", "Registrering"]
    assert handelser[1][4] == "Samordningsteam"


def test_tidpunkten_ar_svensk_tid(client, forbund, chef):
    sommar = datetime.datetime(2025, 7, 1, 10, 30, tzinfo=datetime.UTC)
    with klockan(sommar):
        logga_pseudonymer(
            user=SYSTEM, handling=Handling.LAS, forbund_id=forbund.pk, pseudonymer=[uuid.uuid4()]
        )
    client.force_login(chef)
    assert _handelser(_csv(client))[0][0] == "2025-07-01 12:30:00"


def test_filtret_galler(client, forbund, insats, chef, identifierad):
    client.force_login(chef)
    assert [r[2] for r in _handelser(_csv(client, insats=insats.pk))] == ["Inskrivning"]
    assert _handelser(_csv(client, fran="2001-01-01", till="2001-01-31")) == []


def test_felaktigt_filter_visar_sidan_med_felet(client, chef):
    client.force_login(chef)
    svar = client.get(URL, {"fran": "första mars"})
    assert svar.status_code == 302
    assert svar.url == "/atkomstlogg/?fran=f%C3%B6rsta+mars"


def test_inga_identiteter_i_filen(client, chef, samordnare, identifierad):
    i_begaran(lambda: deltagare_hamta(user=samordnare, pk=identifierad.deltagare_id))
    client.force_login(chef)
    innehall = client.get(URL).content.decode("utf-8-sig")
    for form in PNR_FORMER:
        assert form not in innehall
    assert REFERENS not in innehall


def test_en_formel_blir_text(client, forbund, chef):
    listig = anvandare_med_roll(Roll.SAMORDNARE, forbund, username="=HYPERLINK(1)")
    logga_pseudonymer(
        user=listig, handling=Handling.LAS, forbund_id=forbund.pk, pseudonymer=[uuid.uuid4()]
    )
    client.force_login(chef)
    assert _handelser(_csv(client))[0][1] == "'=HYPERLINK(1)"


def test_bara_det_egna_forbundets_logg(client, forbund, annat_forbund, utomstaende, identifierad):
    logga(user=SYSTEM, handling=Handling.LAS, deltagare=identifierad.deltagare)
    client.force_login(utomstaende)
    rader = _csv(client)
    assert rader[0] == ["Åtkomstlogg", annat_forbund.namn]
    assert _handelser(rader) == []
    assert str(identifierad.deltagare.pseudonym) not in str(rader)


@pytest.mark.parametrize("anvandare", ["samordnare", "styrelse", "utan_roll"])
def test_andra_roller_far_404(request, client, db, anvandare):
    user = (
        UserFactory(username="ny")
        if anvandare == "utan_roll"
        else request.getfixturevalue(anvandare)
    )
    client.force_login(user)
    assert client.get(URL).status_code == 404


def test_utan_inloggning_skickas_till_inloggningen(client, db):
    svar = client.get(URL)
    assert svar.status_code == 302
    assert svar.url.startswith(reverse("login"))
