"""The förbundschef's access-log review: who sees it, filters, pages, and no identities."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from deltagare.atkomstlogg import Handling, logga
from deltagare.logg import selectors as logg_selectors
from deltagare.models import Atkomstlogg
from deltagare.selectors import deltagare_hamta, deltagare_sok, inskrivningar_sida
from deltagare.services import deltagare_registrera
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Kon, Roll
from finsam.services.organisation import medlemskap_lagg_till
from tests.factories import InsatsFactory, UserFactory, anvandare_med_roll
from tests.integritet.hjalp import (
    LANGE_SEDAN,
    PNR,
    PNR_FORMER,
    REFERENS,
    URSPRUNG,
    VAG,
    i_begaran,
    klockan,
    tabellrader,
)

URL = "/atkomstlogg/"


def _sida(client, **parametrar) -> str:
    svar = client.get(URL, parametrar)
    assert svar.status_code == 200
    return svar.content.decode()


def _deltagare(forbund, referens: str = "R"):
    """A deltagare whose registration row is dropped, so each test logs its own rows.

    Registered long ago: only a row past the retention period may be removed.
    """
    with klockan(LANGE_SEDAN):
        deltagare = deltagare_registrera(
            forbund=forbund, referens=referens, kon=Kon.KVINNA, fodelsear=1990, user=SYSTEM
        )
    Atkomstlogg.objects.filter(deltagare_pseudonym=deltagare.pseudonym).delete()
    return deltagare


def _logga_vid(tidpunkt: datetime.datetime, **falt) -> Atkomstlogg:
    with klockan(tidpunkt):
        logga(**falt)
    return Atkomstlogg.objects.order_by("-pk").first()


def _lokal(ar, manad, dag, timme=12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(ar, manad, dag, timme))


def test_url_och_lank_i_navigeringen(client, chef):
    assert reverse("atkomstlogg") == URL
    client.force_login(chef)
    html = _sida(client)
    # One header entry for the data protection pages, and a tab of its own.
    assert f'href="{URL}" aria-current="page">Dataskydd</a>' in html
    assert f'aria-current="page" href="{URL}">Åtkomstlogg</a>' in html


@pytest.mark.parametrize("vy", ["atkomstlogg_granskningar", "registerutdrag:chef", "gallring"])
def test_dataskyddssidorna_ar_en_post_i_navigeringen(client, chef, vy):
    client.force_login(chef)
    html = client.get(reverse(vy)).content.decode()
    assert f'href="{URL}" aria-current="page">Dataskydd</a>' in html
    assert f'aria-current="page" href="{reverse(vy)}">' in html


@pytest.mark.parametrize("anvandare", ["samordnare", "styrelse", "samordnare_annan_insats"])
def test_andra_roller_i_forbundet_far_404(request, client, db, anvandare):
    # `db` is named here, not only reached through getfixturevalue: pytest-django
    # orders tests by the fixtures they name, and this one ran among the tests
    # without a database, leaving a PostgreSQL session open at teardown.
    client.force_login(request.getfixturevalue(anvandare))
    svar = client.get(URL)
    assert svar.status_code == 404
    assert "Åtkomstlogg" not in svar.content.decode()


def test_utan_inloggning_skickas_till_inloggningen(client, db):
    svar = client.get(URL)
    assert svar.status_code == 302
    assert svar.url.startswith(reverse("login"))


def test_chef_i_annat_forbund_ser_bara_sitt_eget_forbunds_logg(
    client, forbund, insats, identifierad, samordnare, utomstaende
):
    i_begaran(lambda: deltagare_hamta(user=samordnare, pk=identifierad.deltagare_id))
    pseudonym = str(identifierad.deltagare.pseudonym)[:8]
    client.force_login(utomstaende)
    html = _sida(client)
    assert "Samordningsförbundet Sala" in html
    assert pseudonym not in html
    assert "Inga händelser" in html


def test_chef_med_tva_forbund_ser_det_aktiva_forbundets_logg(
    client, forbund, annat_forbund, chef, insats
):
    medlemskap_lagg_till(anvandare=chef, forbund=annat_forbund, roll=Roll.FORBUNDSCHEF, user=SYSTEM)
    har, dar = _deltagare(forbund), _deltagare(annat_forbund)
    logga(user=SYSTEM, handling=Handling.LAS, deltagare=[har, dar])
    client.force_login(chef)
    html = _sida(client)
    assert str(har.pseudonym)[:8] in html
    assert str(dar.pseudonym)[:8] not in html
    client.post(reverse("forbund_valj"), {"forbund": annat_forbund.pk})
    html = _sida(client)
    assert str(dar.pseudonym)[:8] in html
    assert str(har.pseudonym)[:8] not in html


def test_visar_vem_vad_nar_varifran_nyast_forst(client, forbund, insats, chef, samordnare):
    aldre, nyare = _deltagare(forbund, "A"), _deltagare(forbund, "B")
    _logga_vid(
        _lokal(2025, 3, 1, 9),
        user=samordnare,
        handling=Handling.LAS,
        deltagare=aldre,
        insats=insats,
    )
    _logga_vid(_lokal(2025, 3, 2, 14), user=SYSTEM, handling=Handling.AVSLUT, deltagare=nyare)
    client.force_login(chef)
    html = _sida(client)
    kort_aldre, kort_nyare = str(aldre.pseudonym)[:8], str(nyare.pseudonym)[:8]
    assert tabellrader(html) == [
        f"2025-03-02 14:00:00 system Avslut – {kort_nyare} – system",
        f"2025-03-01 09:00:00 samordnare Läsning Samordningsteam {kort_aldre} – system",
    ]
    assert "<caption>Åtkomstlogg, nyast först: händelse 1–2 av 2</caption>" in html
    assert '<th scope="col">Deltagare (pseudonym)</th>' in html


def test_begarans_adress_och_sida_visas(client, chef, samordnare, identifierad):
    i_begaran(lambda: deltagare_hamta(user=samordnare, pk=identifierad.deltagare_id))
    client.force_login(chef)
    rad = tabellrader(_sida(client))[0]
    assert f"{URSPRUNG} {VAG}" in rad
    assert "samordnare Läsning" in rad


def test_ingen_identitet_pa_sidan(client, chef, samordnare, insats, identifierad):
    # Read the person every way a samordnare can, inside requests, so the
    # log has rows of every kind with address and path.
    i_begaran(lambda: deltagare_hamta(user=samordnare, pk=identifierad.deltagare_id))
    i_begaran(lambda: deltagare_sok(user=samordnare, personnummer=PNR))
    i_begaran(lambda: deltagare_sok(user=samordnare, referens=REFERENS[:6]))
    i_begaran(lambda: inskrivningar_sida(user=samordnare, insats=insats))
    assert Atkomstlogg.objects.count() == 6  # registrera, inskrivning + four reads
    client.force_login(chef)
    html = _sida(client)
    assert len(tabellrader(html)) == 6
    assert str(identifierad.deltagare.pseudonym)[:8] in html
    for form in PNR_FORMER:
        assert form not in html
    assert "19811218" not in html  # not even the masked form
    assert "811218" not in html
    assert REFERENS not in html
    assert REFERENS[:6] not in html


def test_filter_pa_anvandare(client, forbund, insats, chef, samordnare, samordnare_annan_insats):
    d = _deltagare(forbund)
    logga(user=samordnare, handling=Handling.LAS, deltagare=d)
    logga(user=samordnare_annan_insats, handling=Handling.SOK, deltagare=d)
    client.force_login(chef)
    html = _sida(client, anvandare=samordnare.pk)
    assert [r.split()[2:4] for r in tabellrader(html)] == [["samordnare", "Läsning"]]
    html = _sida(client, anvandare=samordnare_annan_insats.pk)
    assert [r.split()[2:4] for r in tabellrader(html)] == [["kollega", "Sökning"]]
    # The choice lists the förbund's users, not other förbunds'.
    assert f'<option value="{samordnare_annan_insats.pk}" selected>kollega</option>' in html
    assert "utomstaende" not in html


def test_filter_pa_anvandare_i_annat_forbund_vagras(client, chef, utomstaende, forbund):
    logga(user=SYSTEM, handling=Handling.LAS, deltagare=_deltagare(forbund))
    client.force_login(chef)
    html = _sida(client, anvandare=utomstaende.pk)
    assert 'role="alert"' in html
    assert "Välj ett giltigt alternativ" in html
    assert "<tbody>" not in html


def test_filter_pa_insats(client, forbund, insats, annan_insats, annat_forbund, chef):
    d = _deltagare(forbund)
    logga(user=SYSTEM, handling=Handling.LAS, deltagare=d, insats=insats)
    logga(user=SYSTEM, handling=Handling.BEDOMNING, deltagare=d, insats=annan_insats)
    logga(user=SYSTEM, handling=Handling.REGISTRERA, deltagare=d)
    client.force_login(chef)
    assert [r.split()[3] for r in tabellrader(_sida(client, insats=insats.pk))] == ["Läsning"]
    assert [r.split()[3] for r in tabellrader(_sida(client, insats=annan_insats.pk))] == [
        "Stegbedömning"
    ]
    assert len(tabellrader(_sida(client))) == 3
    # Another förbund's insats is not a choice.
    fremmande = InsatsFactory(forbund=annat_forbund, namn="Främmande")
    html = _sida(client, insats=fremmande.pk)
    assert "Välj ett giltigt alternativ" in html
    assert "Främmande" not in html


def test_filter_pa_datum_tar_med_hela_dagarna(client, forbund, chef):
    d = _deltagare(forbund)
    for tid in (
        _lokal(2025, 2, 28, 23),
        _lokal(2025, 3, 1, 0),  # the first minute of the first day
        _lokal(2025, 3, 31, 23),  # the last hour of the last day
        _lokal(2025, 4, 1, 0),
    ):
        _logga_vid(tid, user=SYSTEM, handling=Handling.LAS, deltagare=d)
    client.force_login(chef)
    html = _sida(client, fran="2025-03-01", till="2025-03-31")
    assert [r.split()[:2] for r in tabellrader(html)] == [
        ["2025-03-31", "23:00:00"],
        ["2025-03-01", "00:00:00"],
    ]
    assert len(tabellrader(_sida(client, fran="2025-03-01"))) == 3
    assert len(tabellrader(_sida(client, till="2025-02-28"))) == 1
    # The form keeps what was asked for.
    assert 'value="2025-03-01"' in html


@pytest.mark.parametrize(
    ("parametrar", "meddelande"),
    [
        (
            {"fran": "2025-04-01", "till": "2025-03-01"},
            "Till och med-datumet kan inte vara före från och med-datumet.",
        ),
        ({"fran": "första mars"}, "Fyll i ett giltigt datum."),
    ],
)
def test_felaktigt_datumfilter_ger_svenskt_fel(client, forbund, chef, parametrar, meddelande):
    logga(user=SYSTEM, handling=Handling.LAS, deltagare=_deltagare(forbund))
    client.force_login(chef)
    html = _sida(client, **parametrar)
    assert meddelande in html
    assert 'aria-invalid="true"' in html
    assert "<tbody>" not in html


def test_sidindelning_behaller_filtret(client, forbund, insats, chef, monkeypatch):
    monkeypatch.setattr(logg_selectors, "PER_SIDA", 2)
    d = _deltagare(forbund)
    for _ in range(5):
        logga(user=SYSTEM, handling=Handling.LAS, deltagare=d, insats=insats)
    logga(user=SYSTEM, handling=Handling.LAS, deltagare=d)  # filtered away below
    client.force_login(chef)
    html = _sida(client, insats=insats.pk)
    assert len(tabellrader(html)) == 2
    assert "händelse 1–2 av 5" in html
    assert f'href="?insats={insats.pk}&amp;sida=2"' in html
    html = _sida(client, insats=insats.pk, sida=3)
    assert len(tabellrader(html)) == 1
    assert "Sida 3 av 3" in html
    assert f'href="?insats={insats.pk}&amp;sida=2">Föregående' in html
    # A page past the end shows the last one.
    assert "händelse 5–5 av 5" in _sida(client, insats=insats.pk, sida=99)


def test_antal_fragor_vaxer_inte_med_antalettabellrader(client, forbund, insats, chef):
    d = _deltagare(forbund)
    anvandare = [anvandare_med_roll(Roll.SAMORDNARE, forbund, insats) for _ in range(3)]
    client.force_login(chef)

    def fragor(antal: int) -> int:
        # Rows are never deleted (a trigger refuses), so the page shows them all.
        for i in range(antal):
            logga(user=anvandare[i % 3], handling=Handling.LAS, deltagare=d, insats=insats)
        with CaptureQueriesContext(connection) as fangade:
            assert len(tabellrader(_sida(client))) == Atkomstlogg.objects.count()
        return len(fangade)

    assert fragor(5) == fragor(30)


def test_sidan_cachas_inte(client, chef):
    client.force_login(chef)
    assert "no-store" in client.get(URL)["Cache-Control"]


def test_anvandare_utan_roll_far_404(client, db):
    client.force_login(UserFactory(username="ny"))
    assert client.get(URL).status_code == 404
