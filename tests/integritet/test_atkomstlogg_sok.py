"""The förbundschef's search of the access log by personnummer or referens (issue 13 §10).

The text becomes pseudonyms and is neither shown nor kept; the search is
logged; an unknown person is answered exactly as a known one without events.
"""

import re

import pytest
from django.urls import reverse

from deltagare.atkomstlogg import Handling, logga
from deltagare.models import Atkomstlogg, Deltagare
from deltagare.selectors import deltagare_hamta
from deltagare.services import deltagare_registrera
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Kon
from tests.integritet.hjalp import (
    LANGE_SEDAN,
    PNR,
    PNR_FORMER,
    REFERENS,
    URSPRUNG,
    D,
    i_begaran,
    klockan,
    loggens_sista_id,
    loggrader_efter,
    tabellrader,
)

URL = "/atkomstlogg/"
# A valid number nobody in the tests has, and one whose check digit is wrong.
OKANT_PNR = "19900101-1239"
TYST_PNR = "19850505-2343"
OGILTIGT = "19900101-1230"


def _sok(client, person: str, url: str = URL) -> str:
    svar = client.post(url, {"person": person})
    assert svar.status_code == 200
    return svar.content.decode()


def _utan_csrf(html: str) -> str:
    """The page without its CSRF tokens (the form's and htmx's), which differ each time."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", html)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "CSRF", html)


@pytest.fixture
def tyst(forbund):
    """A known person (personnummer and referens) whose log rows are all gone."""
    with klockan(LANGE_SEDAN):
        deltagare = deltagare_registrera(
            forbund=forbund,
            personnummer=TYST_PNR,
            samtycke_datum=D(2001, 1, 1),
            referens="TYST-1",
            user=SYSTEM,
        )
    Atkomstlogg.objects.filter(deltagare_pseudonym=deltagare.pseudonym).delete()
    return deltagare


@pytest.fixture
def lasningar(forbund, identifierad, samordnare):
    """The identified person read by the samordnare, and another person read too."""
    i_begaran(lambda: deltagare_hamta(user=samordnare, pk=identifierad.deltagare_id))
    annan = deltagare_registrera(
        forbund=forbund, referens="ANNAN", kon=Kon.MAN, fodelsear=1970, user=SYSTEM
    )
    logga(user=SYSTEM, handling=Handling.LAS, deltagare=annan)
    return annan


@pytest.mark.parametrize("person", [*PNR_FORMER, REFERENS, f"  {REFERENS} "])
def test_sok_visar_bara_personens_handelser(client, chef, identifierad, lasningar, person):
    client.force_login(chef)
    html = _sok(client, person)
    kort = str(identifierad.deltagare.pseudonym)[:8]
    rader = tabellrader(html)
    # Registration, enrolment and the samordnare's read; not the other person's.
    assert len(rader) == 3
    assert all(kort in rad for rad in rader)
    assert str(lasningar.pseudonym)[:8] not in html
    assert "Händelser för den sökta personen" in html


def test_texten_syns_inte_i_svaret(client, chef, identifierad, lasningar):
    client.force_login(chef)
    for person in (*PNR_FORMER, REFERENS, OKANT_PNR, OGILTIGT):
        html = _sok(client, person)
        for form in (*PNR_FORMER, REFERENS, OKANT_PNR, OGILTIGT, "811218", "19811218"):
            assert form not in html
        assert 'name="person" class="form-control" autocomplete="off"' in html
        assert 'name="person" value' not in html


def test_sokningen_gors_med_post_och_hamnar_inte_i_adressen(client, chef, identifierad):
    client.force_login(chef)
    html = client.get(URL).content.decode()
    sokformular = html.split('id="rubrik-sok"', 1)[1].split("</form>", 1)[0]
    assert '<form method="post" action=""' in sokformular
    # A GET parameter searches nothing and logs nothing.
    fore = loggens_sista_id()
    html = client.get(URL, {"person": PNR}).content.decode()
    assert "Händelser för den sökta personen" not in html
    assert loggrader_efter(fore) == []


def test_sokningen_loggas_med_personens_pseudonym(client, forbund, chef, identifierad):
    client.force_login(chef)
    fore = loggens_sista_id()
    client.post(URL, {"person": PNR}, REMOTE_ADDR=URSPRUNG)
    [rad] = loggrader_efter(fore)
    assert rad.handling == Handling.LOGGSOK == "loggsok"
    assert rad.get_handling_display() == "Sökning i åtkomstloggen"
    assert (rad.user, rad.anvandarnamn, rad.forbund_id) == (chef, "chef", forbund.pk)
    assert rad.deltagare_pseudonym == identifierad.deltagare.pseudonym
    assert (rad.ursprung, rad.vag, rad.insats) == (URSPRUNG, URL, None)


def test_en_referens_for_flera_personer_loggas_per_person(client, chef, forbund):
    personer = [
        deltagare_registrera(
            forbund=forbund, referens="DUBBEL", kon=Kon.KVINNA, fodelsear=1990, user=SYSTEM
        )
        for _ in range(2)
    ]
    client.force_login(chef)
    fore = loggens_sista_id()
    html = _sok(client, "DUBBEL")
    assert len(tabellrader(html)) == 2  # each one's registration
    assert {r.deltagare_pseudonym for r in loggrader_efter(fore)} == {p.pseudonym for p in personer}


@pytest.mark.parametrize("person", [OKANT_PNR, OGILTIGT, "OKAND-REF", "x" * 50])
def test_okand_person_loggas_med_en_ny_pseudonym(client, chef, identifierad, person):
    client.force_login(chef)
    pseudonymer = set()
    for _ in range(2):
        fore = loggens_sista_id()
        _sok(client, person)
        [rad] = loggrader_efter(fore)
        assert rad.handling == Handling.LOGGSOK
        pseudonymer.add(rad.deltagare_pseudonym)
    # A fresh one each time, and nobody's.
    assert len(pseudonymer) == 2
    assert not Deltagare.objects.filter(pseudonym__in=pseudonymer).exists()


def test_okand_och_kand_utan_handelser_far_samma_svar(client, chef, identifierad, tyst):
    client.force_login(chef)
    svar = {
        person: _utan_csrf(_sok(client, person))
        for person in (TYST_PNR, "TYST-1", OKANT_PNR, OGILTIGT, "OKAND-REF")
    }
    # Again, now that the first searches are in the log: they are not shown.
    svar["igen"] = _utan_csrf(_sok(client, TYST_PNR))
    assert len(set(svar.values())) == 1
    assert "<strong>Inga händelser</strong> matchar sökningen." in svar["igen"]
    # The known person was found (three searches logged under the pseudonym).
    loggsok = Atkomstlogg.objects.filter(handling=Handling.LOGGSOK)
    assert loggsok.filter(deltagare_pseudonym=tyst.pseudonym).count() == 3
    assert loggsok.count() == 6


def test_en_person_i_ett_annat_forbund_hittas_inte(client, utomstaende, identifierad):
    client.force_login(utomstaende)
    fore = loggens_sista_id()
    html = _sok(client, PNR)
    assert "Inga händelser" in html
    [rad] = loggrader_efter(fore)
    assert rad.deltagare_pseudonym != identifierad.deltagare.pseudonym
    assert rad.forbund_id == utomstaende.medlemskap.get().forbund_id


def test_filtret_i_adressen_galler_sokningen(client, chef, insats, identifierad):
    client.force_login(chef)
    html = _sok(client, PNR, url=f"{URL}?insats={insats.pk}")
    # Only the enrolment names the insats.
    assert [r.split()[3] for r in tabellrader(html)] == ["Inskrivning"]


def test_tom_sokning_ger_fel_och_loggas_inte(client, chef, identifierad):
    client.force_login(chef)
    fore = loggens_sista_id()
    html = _sok(client, "   ")
    assert "Sökningen behöver rättas" in html
    assert "Det här fältet är obligatoriskt." in html
    assert loggrader_efter(fore) == []


def test_for_lang_text_visas_inte_i_felet(client, chef):
    client.force_login(chef)
    html = _sok(client, "HEMLIG" * 10)
    assert "50 tecken" in html
    assert "HEMLIG" not in html


@pytest.mark.parametrize("anvandare", ["samordnare", "styrelse", "utan_roll"])
def test_andra_roller_far_404_och_inget_loggas(request, client, db, identifierad, anvandare):
    if anvandare == "utan_roll":
        from tests.factories import UserFactory

        user = UserFactory(username="ny")
    else:
        user = request.getfixturevalue(anvandare)
    client.force_login(user)
    fore = loggens_sista_id()
    assert client.post(URL, {"person": PNR}).status_code == 404
    assert loggrader_efter(fore) == []


def test_utan_inloggning_skickas_till_inloggningen(client, identifierad):
    fore = loggens_sista_id()
    svar = client.post(URL, {"person": PNR})
    assert svar.status_code == 302
    assert svar.url.startswith(reverse("login"))
    assert loggrader_efter(fore) == []
