"""Login, lockout (django-axes) and logout through the real forms."""

from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.urls import reverse

from tests.finsam.konto.hjalp import logga_in

pytestmark = pytest.mark.django_db


def test_inloggningssidan_ar_svensk_och_tillganglig(client):
    svar = client.get(reverse("login"))
    html = svar.content.decode()
    assert svar.status_code == 200
    assert '<html lang="sv">' in html
    assert '<a class="visually-hidden-focusable hoppa-lank" href="#huvudinnehall">' in html
    assert "Hoppa till huvudinnehållet" in html
    assert '<main id="huvudinnehall"' in html
    assert "<h1" in html and "Logga in</h1>" in html
    assert '<label class="form-label" for="id_username">Användarnamn</label>' in html
    assert '<label class="form-label" for="id_password">Lösenord</label>' in html
    assert 'autocomplete="username"' in html
    assert 'autocomplete="current-password"' in html
    # Anonymous visitors get no navigation to pages they cannot open.
    assert "Logga ut" not in html


def test_anonym_skickas_till_inloggningen(client):
    svar = client.get(reverse("oversikt"))
    assert svar.status_code == 302
    assert svar.url == f"{reverse('login')}?next=/oversikt/"


def test_fel_losenord_ges_som_svensk_alert(client, chef):
    svar = logga_in(client, "chef", "fel-losenord")
    html = svar.content.decode()
    assert svar.status_code == 200
    assert 'role="alert"' in html
    assert "Inloggningen misslyckades" in html
    assert "Fel användarnamn eller lösenord." in html
    assert "_auth_user_id" not in client.session


def test_tomma_falt_ger_svenska_fel_kopplade_till_falten(client, db):
    html = logga_in(client, "", "").content.decode()
    assert "Fyll i ditt användarnamn." in html
    assert "Fyll i ditt lösenord." in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_username_error"' in html
    assert 'id="id_username_error"' in html


@pytest.mark.parametrize(
    ("anvandare", "sida", "syns"),
    [
        ("chef", "statistik", "Samordningsförbundet Västerås"),
        ("samordnare", "mina_insatser", "Samordningsteam"),
        ("styrelse", "rapporter", "Inga rapporter är publicerade än."),
    ],
)
def test_varje_roll_landar_pa_sin_sida(request, client, anvandare, sida, syns):
    request.getfixturevalue(anvandare)
    svar = logga_in(client, anvandare, follow=True)
    assert svar.redirect_chain == [
        (reverse("startsida"), 302),
        (reverse(sida), 302),
    ]
    assert svar.status_code == 200
    assert syns in svar.content.decode()


def test_next_foljs_efter_inloggning(client, chef):
    svar = client.post(
        f"{reverse('login')}?next=/konto/",
        {"username": "chef", "password": "ett-langt-testlosenord", "next": "/konto/"},
    )
    assert svar.url == "/konto/"


def test_next_till_annan_webbplats_foljs_inte(client, chef):
    svar = client.post(
        reverse("login"),
        {
            "username": "chef",
            "password": "ett-langt-testlosenord",
            "next": "https://angripare.example/",
        },
    )
    assert svar.url == reverse("startsida")


def test_fem_felaktiga_forsok_sparrar_och_axes_reset_haver_sparren(client, chef):
    for _ in range(4):
        assert logga_in(client, "chef", "fel-losenord").status_code == 200
    # The fifth failure reaches the limit (AXES_FAILURE_LIMIT = 5).
    assert logga_in(client, "chef", "fel-losenord").status_code == 429

    svar = logga_in(client, "chef")  # the right password
    html = svar.content.decode()
    assert svar.status_code == 429
    assert "Inloggningen är tillfälligt spärrad" in html
    assert "Vänta 30 minuter" in html
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("startsida")).status_code == 302

    call_command("axes_reset")
    svar = logga_in(client, "chef")
    assert svar.status_code == 302
    assert svar.url == reverse("startsida")
    assert client.session["_auth_user_id"] == str(chef.pk)


def test_sparren_galler_anvandarnamnet_oavsett_adress(client, chef, styrelse):
    # Guessing from many addresses must not get around the limit.
    for adress in ("203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4", "203.0.113.5"):
        logga_in(client, "chef", "fel-losenord", REMOTE_ADDR=adress)
    assert logga_in(client, "chef", REMOTE_ADDR="198.51.100.4").status_code == 429
    # Other users are not affected.
    assert logga_in(client, "styrelse", REMOTE_ADDR="203.0.113.1").status_code == 302


def test_utloggning_med_post(client, chef):
    client.force_login(chef)
    svar = client.post(reverse("logout"))
    assert svar.status_code == 302
    assert svar.url == reverse("login")
    assert client.get(reverse("oversikt")).status_code == 302


def test_utloggning_med_get_avvisas(client, chef):
    client.force_login(chef)
    assert client.get(reverse("logout")).status_code == 405
    assert client.get(reverse("oversikt")).status_code == 200


def test_navigeringen_har_utloggning_som_formular(client, chef):
    client.force_login(chef)
    html = client.get(reverse("oversikt")).content.decode()
    assert f'<form method="post" action="{reverse("logout")}">' in html
    assert '<nav class="collapse navbar-collapse" id="huvudmeny" aria-label="Huvudmeny">' in html
    assert "<header" in html and "<footer" in html


def test_ett_personnummer_som_anvandarnamn_sparas_inte_i_klartext(client, chef):
    """Someone types a personnummer into the username field: the lockout tables keep
    a keyed hash only, still count the attempts, and `las_upp` lifts the lockout."""
    pnr = "19850312-1234"
    for _ in range(5):
        logga_in(client, pnr, "fel-losenord")
    assert logga_in(client, pnr, "fel-losenord").status_code == 429
    for modell in (AccessAttempt, AccessFailureLog, AccessLog):
        for rad in modell.objects.values():
            text = " ".join(str(v) for v in rad.values())
            assert "198503121234" not in text.replace("-", "") and "850312" not in text
    assert AccessAttempt.objects.get().username.startswith("hmac:")
    ut = StringIO()
    call_command("las_upp", pnr, stdout=ut)
    assert "1 spärrade försök borttagna." in ut.getvalue()
    assert logga_in(client, pnr, "fel-losenord").status_code == 200
