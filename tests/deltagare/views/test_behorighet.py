"""Every samordnare page: only the samordnare of the insats reaches it, everyone else gets 404.

The three users of STYLE.md and then some: the samordnare of the insats, a
samordnare of another insats, the förbundschef and styrelse of the same
förbund (who see aggregates only, DOMAIN.md §2), and a user of another förbund.
"""

import pytest
from django.urls import reverse

from deltagare.models import AnonymaDeltagare, Inskrivning
from deltagare.services import inskrivning_avsluta, inskrivning_skapa
from finsam.atkomst import SYSTEM
from insatser.models import Insatsberattelse
from tests.deltagare.views.hjalp import rader
from tests.factories import InsatsFactory
from tests.personer import PNR, D

pytestmark = pytest.mark.django_db

FEL_ANVANDARE = ("samordnare_annan_insats", "chef", "styrelse", "utomstaende")

# (url name, what its pk is) for every page a samordnare opens.
SIDOR = (
    ("deltagare:lista", "insats"),
    ("deltagare:registrera", "insats"),
    ("deltagare:uppfoljningar", "insats"),
    ("insats_anonyma", "insats"),
    ("insats_berattelse", "insats"),
    ("deltagare:sida", "deltagare"),
    ("deltagare:startuppgifter", "inskrivning"),
    ("deltagare:avsluta", "inskrivning"),
    ("deltagare:felregistrera", "inskrivning"),
    ("deltagare:avslut_ratta", "inskrivning"),
    ("deltagare:ateroppna", "inskrivning"),
    ("deltagare:felregistrering_angra", "inskrivning"),
)
# Every form each page sends, filled in so that the right user's POST would write.
POSTER = (
    ("deltagare:sok", "insats", {"personnummer": PNR, "referens": ""}),
    (
        "deltagare:registrera",
        "insats",
        {
            "identitet": "referens",
            "referens": "X-1",
            "kon": "man",
            "fodelsear": "1990",
            "startdatum": "2025-03-01",
            "utbildningsniva": "okand",
            "tid_i_offentlig_forsorjning": "okand",
            "utrikes_fodd": "okant",
        },
    ),
    (
        "deltagare:uppfoljningar",
        "insats",
        {
            "inskrivning": "{inskrivning}",
            "typ": "uppfoljning_6",
            "datum": "2025-10-01",
            "utfall": "genomford",
            "steg": 3,
        },
    ),
    ("insats_anonyma", "insats", {"ar": 2025, "kvinnor": 1, "man": 2, "annat": 0}),
    (
        "insats_berattelse",
        "insats",
        {"fran": "2025-01-01", "till": "2025-08-31", "text": "Text", "version": ""},
    ),
    (
        "deltagare:bedomning",
        "inskrivning",
        {
            "b{inskrivning}-datum": "2025-03-05",
            "b{inskrivning}-typ": "start",
            "b{inskrivning}-steg": 2,
        },
    ),
    (
        "deltagare:startuppgifter",
        "inskrivning",
        {
            "startdatum": "2025-03-02",
            "utbildningsniva": "okand",
            "tid_i_offentlig_forsorjning": "okand",
            "utrikes_fodd": "okant",
            "version": 1,
        },
    ),
    (
        "deltagare:avsluta",
        "inskrivning",
        {"slutdatum": "2025-09-30", "avslutsorsak": "arbete", "version": 1},
    ),
    ("deltagare:felregistrera", "inskrivning", {"version": 1}),
)


def _url(namn: str, vad: str, insats, inskriven) -> str:
    pk = {"insats": insats.pk, "deltagare": inskriven.deltagare_id, "inskrivning": inskriven.pk}
    nyckel = "insats_pk" if namn.startswith("deltagare:") and vad == "insats" else "pk"
    return reverse(namn, kwargs={nyckel: pk[vad]})


def _fyll(data: dict, inskriven) -> dict:
    return {
        k.format(inskrivning=inskriven.pk): str(v).format(inskrivning=inskriven.pk)
        for k, v in data.items()
    }


def _allt() -> tuple:
    """Everything the forms can write; versions catch changes that add no row."""
    return (
        rader(),
        list(Inskrivning.objects.values_list("version", flat=True)),
        AnonymaDeltagare.objects.count(),
        Insatsberattelse.objects.count(),
    )


@pytest.mark.parametrize(("namn", "vad"), SIDOR)
def test_samordnaren_nar_sidan_utan_cache(client, samordnare, insats, inskriven, namn, vad):
    client.force_login(samordnare)
    svar = client.get(_url(namn, vad, insats, inskriven))
    assert svar.status_code == 200
    # Personal data must not stay in a browser's or proxy's cache.
    assert "no-store" in svar["Cache-Control"]


@pytest.mark.parametrize("anvandare", FEL_ANVANDARE)
@pytest.mark.parametrize(("namn", "vad"), SIDOR)
def test_andra_far_404(request, client, insats, inskriven, anvandare, namn, vad):
    client.force_login(request.getfixturevalue(anvandare))
    svar = client.get(_url(namn, vad, insats, inskriven))
    assert svar.status_code == 404
    assert PNR not in svar.content.decode()


@pytest.mark.parametrize("anvandare", FEL_ANVANDARE)
@pytest.mark.parametrize(("namn", "vad", "data"), POSTER)
def test_andra_kan_inte_skicka_formularen(
    request, client, insats, inskriven, anvandare, namn, vad, data
):
    client.force_login(request.getfixturevalue(anvandare))
    fore = _allt()
    svar = client.post(_url(namn, vad, insats, inskriven), _fyll(data, inskriven))
    assert svar.status_code == 404
    assert _allt() == fore


@pytest.mark.parametrize(("namn", "vad", "data"), POSTER)
def test_samordnarens_formular_skriver(client, samordnare, insats, inskriven, namn, vad, data):
    """The same POSTs do write for the right user: the 404s above are not a broken form."""
    if namn == "deltagare:uppfoljningar":
        inskrivning_avsluta(
            inskrivning=inskriven, slutdatum=D(2025, 3, 31), avslutsorsak="arbete", user=SYSTEM
        )
    client.force_login(samordnare)
    fore = _allt()
    svar = client.post(_url(namn, vad, insats, inskriven), _fyll(data, inskriven))
    if namn == "deltagare:sok":
        assert svar.status_code == 200
        assert len(svar.context["traffar"]) == 1
    else:
        assert svar.status_code == 302, svar.content.decode()[-3000:]
        assert _allt() != fore


@pytest.mark.parametrize(("namn", "vad"), SIDOR)
def test_utloggad_skickas_till_inloggningen(client, insats, inskriven, namn, vad):
    svar = client.get(_url(namn, vad, insats, inskriven))
    assert svar.status_code == 302
    assert svar.url.startswith(reverse("login"))


def test_samordnare_av_overordnad_insats_nar_delinsatsens_deltagare(
    client, samordnare, forbund, insats, identifierad
):
    delinsats = InsatsFactory(forbund=forbund, namn="Förrehabilitering", overordnad=insats)
    inskrivning = inskrivning_skapa(
        deltagare=identifierad, insats=delinsats, startdatum=D(2025, 3, 1), user=SYSTEM
    )
    client.force_login(samordnare)
    assert client.get(reverse("deltagare:sida", kwargs={"pk": identifierad.pk})).status_code == 200
    url = reverse("deltagare:lista", kwargs={"insats_pk": delinsats.pk})
    assert client.get(url).status_code == 200
    url = reverse("deltagare:avsluta", kwargs={"pk": inskrivning.pk})
    assert client.get(url).status_code == 200
