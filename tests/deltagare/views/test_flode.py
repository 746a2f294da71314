"""The samordnare's whole flow in the browser's shape: register, assess, end, correct."""

import pytest
from django.urls import reverse

from deltagare.models import Deltagare, Forsorjning, Inskrivning, Stegbedomning
from deltagare.services import inskrivning_avsluta, inskrivning_skapa
from finsam.atkomst import SYSTEM
from finsam.datum import manader_senare
from finsam.kodlistor import Avslutsorsak
from tests.deltagare.views.hjalp import html, med_personnummer, registrera_url, utan_identitet
from tests.factories import InsatsFactory, PartFactory
from tests.personer import PNR, PNR_FORMER, D

pytestmark = pytest.mark.django_db


def _sida(deltagare) -> str:
    return reverse("deltagare:sida", kwargs={"pk": deltagare.pk})


def test_registrera_med_personnummer_visar_numret_pa_deltagarsidan(inloggad, insats, forbund):
    part = PartFactory(forbund=forbund, namn="Försäkringskassan")
    svar = inloggad.post(registrera_url(insats), med_personnummer(remitterande_part=part.pk))
    deltagare = Deltagare.objects.get()
    assert svar.status_code == 302
    assert svar.url == _sida(deltagare)
    for form in PNR_FORMER:
        assert form not in svar.url
    # Kön and födelseår come from the number.
    assert (deltagare.kon, deltagare.fodelsear) == ("kvinna", 1985)
    inskrivning = deltagare.inskrivningar.get()
    assert inskrivning.insats == insats
    assert inskrivning.remitterande_part == part
    assert inskrivning.utrikes_fodd is False
    assert sorted(inskrivning.forsorjning.values_list("kalla", flat=True)) == [
        "ekonomiskt_bistand",
        "sjukpenning",
    ]

    sida = inloggad.get(svar.url)
    text = html(sida)
    assert "Deltagaren är inskriven i Samordningsteam från 2025-03-01." in text
    assert PNR in text
    assert "2025-02-20" in text  # samtycke
    assert "Försäkringskassan" in text
    assert "Sjuk- eller rehabiliteringspenning, Ekonomiskt bistånd (försörjningsstöd)" in text
    assert "Samordningsteam: 2025-03-01 – pågår" in text
    # The title is kept in the browser's history: never the number.
    assert "<title>Deltagare – Finsam</title>" in text


def test_registrera_utan_identitet(inloggad, insats):
    svar = inloggad.post(registrera_url(insats), utan_identitet(utrikes_fodd="okant"))
    deltagare = Deltagare.objects.get()
    assert svar.status_code == 302
    assert (deltagare.referens, deltagare.kon, deltagare.fodelsear) == ("ST-17", "man", 1990)
    assert not deltagare.har_identitet
    assert deltagare.inskrivningar.get().utrikes_fodd is None
    text = html(inloggad.get(svar.url))
    assert "ST-17" in text
    assert "Personnummer" not in text


def test_kand_personnummer_skrivs_in_igen_som_samma_person(inloggad, insats, inskriven, forbund):
    inskrivning_avsluta(
        inskrivning=inskriven, slutdatum=D(2025, 4, 1), avslutsorsak="annan", user=SYSTEM
    )
    svar = inloggad.post(registrera_url(insats), med_personnummer(startdatum="2025-05-01"))
    assert svar.status_code == 302
    assert Deltagare.objects.count() == 1
    assert inskriven.deltagare.inskrivningar.count() == 2


def test_tva_bedomningar_avslut_och_felregistrering(inloggad, insats, inskriven):
    sida = _sida(inskriven.deltagare)
    bedomning = reverse("deltagare:bedomning", kwargs={"pk": inskriven.pk})
    prefix = f"b{inskriven.pk}"

    # Without JavaScript: a normal POST, then back to the page.
    svar = inloggad.post(
        bedomning, {f"{prefix}-datum": "2025-03-01", f"{prefix}-typ": "start", f"{prefix}-steg": 2}
    )
    assert svar.status_code == 302
    assert svar.url == f"{sida}#inskrivning-{inskriven.pk}"
    # With htmx: the timeline comes back to be swapped in, with a status line.
    svar = inloggad.post(
        bedomning,
        {f"{prefix}-datum": "2025-05-15", f"{prefix}-typ": "lopande", f"{prefix}-steg": 4},
        HTTP_HX_REQUEST="true",
    )
    assert svar.status_code == 200
    fragment = html(svar)
    assert "<html" not in fragment
    assert 'hx-swap-oob="innerHTML"' in fragment
    assert "Stegbedömningen är sparad." in fragment
    assert [(b.typ, b.steg.nummer) for b in Stegbedomning.objects.order_by("datum")] == [
        ("start", 2),
        ("lopande", 4),
    ]
    text = html(inloggad.get(sida))
    forsta = text.index("2025-03-01</time> Start: steg 2 Passa tider, basala funktioner")
    andra = text.index("2025-05-15</time> Löpande: steg 4 Arbetsträning eller arbetsprövning")
    assert forsta < andra

    avsluta = reverse("deltagare:avsluta", kwargs={"pk": inskriven.pk})
    version = inloggad.get(avsluta).context["form"].initial["version"]
    svar = inloggad.post(
        avsluta,
        {
            "slutdatum": "2025-09-30",
            "avslutsorsak": "arbete",
            "forsorjning_vid_avslut": ["lon"],
            "sysselsattning_vid_avslut": "forvarvsarbete",
            "version": version,
        },
    )
    assert svar.status_code == 302
    inskriven.refresh_from_db()
    assert (inskriven.slutdatum.isoformat(), inskriven.avslutsorsak) == ("2025-09-30", "arbete")
    assert inskriven.sysselsattning_vid_avslut == "forvarvsarbete"
    assert list(
        inskriven.forsorjning.filter(tidpunkt=Forsorjning.Tidpunkt.AVSLUT).values_list(
            "kalla", flat=True
        )
    ) == ["lon"]
    text = html(inloggad.get(sida))
    assert "Inskrivningen är avslutad." in text
    assert "Samordningsteam: 2025-03-01 – 2025-09-30" in text
    assert "Lön eller eget företag" in text
    # An ended inskrivning has no inline bedömning form and no Avsluta link.
    assert f'action="{bedomning}"' not in text
    assert f'href="{avsluta}"' not in text

    felregistrera = reverse("deltagare:felregistrera", kwargs={"pk": inskriven.pk})
    bekrafta = inloggad.get(felregistrera)
    assert bekrafta.status_code == 200
    assert "räknas inte i någon statistik" in html(bekrafta)
    svar = inloggad.post(felregistrera, {"version": inskriven.version})
    assert svar.status_code == 302
    inskriven.refresh_from_db()
    assert inskriven.avslutsorsak == Avslutsorsak.FELREGISTRERING
    text = html(inloggad.get(sida))
    assert "Felregistrerad" in text
    assert "Inskrivningen är markerad som felregistrerad" in text


def test_felregistrera_aktiv_inskrivning_avslutar_den(inloggad, inskriven):
    url = reverse("deltagare:felregistrera", kwargs={"pk": inskriven.pk})
    assert inloggad.post(url, {"version": inskriven.version}).status_code == 302
    inskriven.refresh_from_db()
    assert inskriven.slutdatum == inskriven.startdatum
    assert inskriven.avslutsorsak == Avslutsorsak.FELREGISTRERING


def test_andra_startuppgifter(inloggad, inskriven, forbund):
    part = PartFactory(forbund=forbund, namn="Arbetsförmedlingen")
    url = reverse("deltagare:startuppgifter", kwargs={"pk": inskriven.pk})
    form = inloggad.get(url).context["form"]
    assert sorted(form.initial["forsorjning_vid_start"]) == ["ekonomiskt_bistand", "sjukpenning"]
    assert form.initial["utrikes_fodd"] == "okant"
    svar = inloggad.post(
        url,
        {
            "startdatum": "2025-02-15",
            "remitterande_part": part.pk,
            "utbildningsniva": "grundskola",
            "tid_i_offentlig_forsorjning": "over_9",
            "forsorjning_vid_start": ["aktivitetsstod"],
            "utrikes_fodd": "ja",
            "version": form.initial["version"],
        },
    )
    assert svar.status_code == 302
    inskriven.refresh_from_db()
    assert inskriven.startdatum.isoformat() == "2025-02-15"
    assert inskriven.remitterande_part == part
    assert (inskriven.utbildningsniva, inskriven.utrikes_fodd) == ("grundskola", True)
    assert list(inskriven.forsorjning.values_list("kalla", flat=True)) == ["aktivitetsstod"]


def test_uppfoljning_som_forfallit_registreras_fran_listan(inloggad, insats, identifierad):
    idag = D.today()
    # Ended 19 months ago: both the 6- and the 18-month follow-up are due.
    slut = manader_senare(idag, -19)
    inskrivning = inskrivning_skapa(
        deltagare=identifierad,
        insats=insats,
        startdatum=manader_senare(idag, -24),
        samtycke_datum=manader_senare(idag, -24),
        user=SYSTEM,
    )
    inskrivning_avsluta(inskrivning=inskrivning, slutdatum=slut, avslutsorsak="arbete", user=SYSTEM)
    url = reverse("deltagare:uppfoljningar", kwargs={"insats_pk": insats.pk})
    text = html(inloggad.get(url))
    sex, arton = manader_senare(slut, 6), manader_senare(slut, 18)
    assert f"Uppföljning 6 månader, förföll {sex:%Y-%m-%d}" in text
    assert f"Uppföljning 18 månader, förföll {arton:%Y-%m-%d}" in text
    assert "19850312-****" in text
    assert PNR not in text
    svar = inloggad.post(
        url,
        {
            "inskrivning": inskrivning.pk,
            "typ": "uppfoljning_6",
            "datum": idag,
            "utfall": "genomford",
            "steg": 5,
            "forsorjning": ["lon", "ekonomiskt_bistand"],
            "sysselsattning": "forvarvsarbete",
        },
    )
    assert svar.status_code == 302
    bedomning = Stegbedomning.objects.get()
    assert (bedomning.typ, bedomning.steg.nummer) == ("uppfoljning_6", 5)
    assert sorted(
        inskrivning.forsorjning.filter(tidpunkt="uppfoljning_6").values_list("kalla", flat=True)
    ) == ["ekonomiskt_bistand", "lon"]
    text = html(inloggad.get(url))
    assert "Uppföljningen är sparad." in text
    assert "Uppföljning 6 månader" not in text
    assert "Uppföljning 18 månader" in text
    # The person could not be reached at 18 months: that closes it too.
    svar = inloggad.post(
        url,
        {
            "inskrivning": inskrivning.pk,
            "typ": "uppfoljning_18",
            "datum": idag,
            "utfall": "kunde_inte_nas",
        },
    )
    assert svar.status_code == 302
    assert "Uppföljning 18 månader" not in html(inloggad.get(url))
    assert Stegbedomning.objects.count() == 1


def test_uppfoljning_med_fel_visas_i_sin_rad(inloggad, insats, identifierad):
    idag = D.today()
    inskrivning = inskrivning_skapa(
        deltagare=identifierad,
        insats=insats,
        startdatum=manader_senare(idag, -24),
        samtycke_datum=manader_senare(idag, -24),
        user=SYSTEM,
    )
    inskrivning_avsluta(
        inskrivning=inskrivning,
        slutdatum=manader_senare(idag, -7),
        avslutsorsak="arbete",
        user=SYSTEM,
    )
    url = reverse("deltagare:uppfoljningar", kwargs={"insats_pk": insats.pk})
    svar = inloggad.post(
        url,
        {
            "inskrivning": inskrivning.pk,
            "typ": "uppfoljning_6",
            "datum": idag,
            "utfall": "genomford",
            "steg": "",
        },
    )
    assert svar.status_code == 400
    [rad] = svar.context["rader"]
    assert rad["form"].errors["steg"] == ["Ange steg för en genomförd uppföljning."]
    assert f'id="id_u{inskrivning.pk}_uppfoljning_6_steg_error"' in html(svar)
    assert not Stegbedomning.objects.exists()


def test_mina_insatser_lankar_till_insatsens_sidor(inloggad, insats, forbund):
    delinsats = InsatsFactory(forbund=forbund, namn="Förrehabilitering", overordnad=insats)
    text = html(inloggad.get(reverse("mina_insatser")))
    assert f'<a href="{reverse("deltagare:lista", kwargs={"insats_pk": insats.pk})}">' in text
    assert f'href="{reverse("deltagare:lista", kwargs={"insats_pk": delinsats.pk})}"' in text
    lista = html(inloggad.get(reverse("deltagare:lista", kwargs={"insats_pk": insats.pk})))
    for namn in ("registrera", "uppfoljningar"):
        assert reverse(f"deltagare:{namn}", kwargs={"insats_pk": insats.pk}) in lista
    assert reverse("insats_anonyma", kwargs={"pk": insats.pk}) in lista
    assert reverse("insats_berattelse", kwargs={"pk": insats.pk}) in lista


def test_inskrivning_i_delinsats_syns_i_overordnad_lista(inloggad, insats, forbund, identifierad):
    delinsats = InsatsFactory(forbund=forbund, namn="Förrehabilitering", overordnad=insats)
    inskrivning_skapa(
        deltagare=identifierad, insats=delinsats, startdatum=D(2025, 3, 1), user=SYSTEM
    )
    text = html(inloggad.get(reverse("deltagare:lista", kwargs={"insats_pk": insats.pk})))
    assert "19850312-****" in text
    assert "Förrehabilitering" in text
    assert Inskrivning.objects.count() == 1
