"""Search by personnummer (POST only, never in a URL) or by referens."""

import pytest
from django.urls import reverse

from deltagare.models import Atkomstlogg
from tests.deltagare.views.hjalp import html
from tests.personer import MASKERAT, PNR, PNR_FORMER

pytestmark = pytest.mark.django_db


def _sok_url(insats) -> str:
    return reverse("deltagare:sok", kwargs={"insats_pk": insats.pk})


@pytest.mark.parametrize("form", ["198503122387", "8503122387", "850312-2387", PNR])
def test_sok_pa_personnummer_hittar_deltagaren(inloggad, insats, inskriven, form):
    svar = inloggad.post(_sok_url(insats), {"personnummer": form, "referens": ""})
    assert svar.status_code == 200
    assert [d.pk for d in svar.context["traffar"]] == [inskriven.deltagare_id]
    text = html(svar)
    assert f'href="{reverse("deltagare:sida", kwargs={"pk": inskriven.deltagare_id})}"' in text
    assert MASKERAT in text
    assert "1 deltagare hittades." in text
    # The search is logged as such, once.
    assert list(
        Atkomstlogg.objects.filter(user__isnull=False).values_list(
            "handling", "deltagare_pseudonym"
        )
    ) == [("sok", inskriven.deltagare.pseudonym)]


def test_sokformularet_skickas_med_post(inloggad, insats):
    text = html(inloggad.get(reverse("deltagare:lista", kwargs={"insats_pk": insats.pk})))
    assert f'<form method="post" action="{_sok_url(insats)}"' in text


def test_sok_med_get_gar_inte(inloggad, insats, inskriven):
    svar = inloggad.get(_sok_url(insats), {"personnummer": PNR})
    assert svar.status_code == 405
    assert not Atkomstlogg.objects.filter(user__isnull=False).exists()
    # The list ignores a number put in its address: it never searches from a URL.
    lista = reverse("deltagare:lista", kwargs={"insats_pk": insats.pk})
    svar = inloggad.get(lista, {"personnummer": PNR})
    assert svar.status_code == 200
    assert "traffar" not in svar.context


def test_numret_hamnar_aldrig_i_en_adress(inloggad, insats, inskriven):
    svar = inloggad.post(_sok_url(insats), {"personnummer": PNR, "referens": ""}, follow=True)
    assert svar.redirect_chain == []
    assert svar.request["PATH_INFO"] == _sok_url(insats)
    assert "QUERY_STRING" not in svar.request or not svar.request["QUERY_STRING"]
    for lank in svar.context["traffar"]:
        url = reverse("deltagare:sida", kwargs={"pk": lank.pk})
        for form in PNR_FORMER:
            assert form not in url
    assert not Atkomstlogg.objects.filter(vag__contains="2387").exists()


def test_numret_doljs_i_felrapporter(inloggad, insats):
    svar = inloggad.post(_sok_url(insats), {"personnummer": PNR, "referens": ""})
    # Django's error reports show this parameter as stars.
    assert svar.wsgi_request.sensitive_post_parameters == ("personnummer",)
    svar = inloggad.post(
        reverse("deltagare:registrera", kwargs={"insats_pk": insats.pk}), {"personnummer": PNR}
    )
    assert svar.wsgi_request.sensitive_post_parameters == ("personnummer",)


def test_felaktigt_personnummer_ger_faltfel(inloggad, insats, inskriven):
    svar = inloggad.post(_sok_url(insats), {"personnummer": "19850312-2388", "referens": ""})
    assert svar.status_code == 400
    assert svar.context["sokform"].errors["personnummer"] == ["Kontrollsiffran stämmer inte."]
    assert 'id="id_personnummer_error"' in html(svar)
    assert svar.context["traffar"] is None


def test_tom_sokning(inloggad, insats):
    svar = inloggad.post(_sok_url(insats), {"personnummer": "", "referens": "  "})
    assert svar.status_code == 400
    assert "Ange ett personnummer eller en referens att söka efter." in html(svar)


def test_sok_pa_referens(inloggad, insats, referensinskriven):
    svar = inloggad.post(_sok_url(insats), {"personnummer": "", "referens": "st-0"})
    assert [d.referens for d in svar.context["traffar"]] == ["ST-001"]
    assert "ST-001" in html(svar)


def test_sok_hittar_inte_andra_insatsers_deltagare(
    client, annan_insats, inskriven, samordnare_annan_insats
):
    client.force_login(samordnare_annan_insats)
    svar = client.post(_sok_url(annan_insats), {"personnummer": PNR, "referens": ""})
    assert svar.status_code == 200
    assert svar.context["traffar"] == []
    assert "Ingen av dina deltagare matchar sökningen." in html(svar)
    assert not Atkomstlogg.objects.filter(user__isnull=False).exists()
