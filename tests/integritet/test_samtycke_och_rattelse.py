"""Consent per inskrivning, withdrawn samtycke, rättelse and no oracle (issue 13 §2, §4, §5, §8)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from deltagare.kryptering import uppslagshash
from deltagare.models import Atkomstlogg, Deltagare, Inskrivning, Rattelse
from deltagare.selectors import deltagare_sok, personnummer_visa
from deltagare.services import (
    deltagare_registrera_i_insats,
    identitet_ratta,
    samtycke_aterkalla,
)
from finsam.atkomst import glom_atkomst
from finsam.kodlistor import Roll
from tests.factories import anvandare_med_roll
from tests.integritet.hjalp import PNR, REFERENS, D, i_begaran
from tests.personer import PNR as PNR_KVINNA

pytestmark = pytest.mark.django_db

KLARTEXT = "198112189876"


@pytest.fixture
def kollega(forbund, annan_insats):
    return anvandare_med_roll(Roll.SAMORDNARE, forbund, annan_insats, username="kollega")


@pytest.fixture
def i_bada(identifierad, annan_insats, kollega):
    """The same person enrolled by a colleague in another insats, with their own consent."""
    return deltagare_registrera_i_insats(
        insats=annan_insats,
        startdatum=D(2025, 4, 1),
        personnummer=PNR,
        samtycke_datum=D(2025, 3, 25),
        user=kollega,
    )


def _sok(user) -> list:
    return i_begaran(lambda: deltagare_sok(user=user, personnummer=PNR))[0]


# --- §2 and §8: consent per inskrivning, and no oracle ------------------------------------


def test_kand_person_kopplas_utan_att_rora_den_andra_insatsens_samtycke(identifierad, i_bada):
    assert i_bada.deltagare_id == identifierad.deltagare_id
    identifierad.refresh_from_db()
    assert (identifierad.samtycke_datum, i_bada.samtycke_datum) == (D(2025, 2, 20), D(2025, 3, 25))


def test_registreringssidan_ar_densamma_for_kand_och_ny_person(
    client, forbund, insats, annan_insats, samordnare, kollega
):
    """The colleague registers two numbers: one the förbund knows from `insats`, one new."""
    deltagare_registrera_i_insats(
        insats=insats,
        startdatum=D(2025, 3, 1),
        personnummer=PNR,
        samtycke_datum=D(2025, 2, 20),
        user=samordnare,
    )
    client.force_login(kollega)
    url = reverse("deltagare:registrera", kwargs={"insats_pk": annan_insats.pk})
    sidor = {}
    for pnr in (PNR, PNR_KVINNA):
        svar = client.post(
            url,
            {
                "identitet": "personnummer",
                "personnummer": pnr,
                "samtycke_datum": "2025-04-01",
                "startdatum": "2025-04-02",
                "utbildningsniva": "gymnasium",
                "tid_i_offentlig_forsorjning": "1_3",
                "forsorjning_vid_start": ["sjukpenning"],
                "utrikes_fodd": "nej",
            },
            follow=True,
        )
        assert svar.status_code == 200, svar.context["form"].errors
        sidor[pnr] = svar.content.decode()
    for sida in sidor.values():
        assert "Deltagaren är inskriven i ALL-IN från 2025-04-02." in sida
        assert "Lämnat 2025-04-01" in sida
        # Nothing of the other insats: not its name, start or consent.
        assert "Samordningsteam" not in sida
        assert "2025-02-20" not in sida and "2025-03-01" not in sida
    assert "19811218-9876" in sidor[PNR]


# --- §5 withdrawn samtycke ------------------------------------------------------------------


def test_aterkallat_i_en_insats_doljer_numret_bara_dar(identifierad, i_bada, samordnare, kollega):
    samtycke_aterkalla(
        inskrivning=identifierad, datum=D(2025, 5, 1), referens="ÅTER-1", user=samordnare
    )
    deltagare = Deltagare.objects.get()
    assert personnummer_visa(deltagare, samordnare) == ""
    assert _sok(samordnare) == []
    # The colleague's consent stands: they still see and find the person.
    assert personnummer_visa(deltagare, kollega) == KLARTEXT
    assert _sok(kollega) == [deltagare]
    assert deltagare.personnummer_hash == uppslagshash(PNR)
    assert deltagare.referens == "ÅTER-1"


def test_sista_aterkallelsen_tar_bort_identiteten_men_inte_statistiken(
    identifierad, i_bada, samordnare, kollega
):
    fore = list(Inskrivning.objects.values())
    samtycke_aterkalla(
        inskrivning=identifierad, datum=D(2025, 5, 1), referens="ÅTER-1", user=samordnare
    )
    samtycke_aterkalla(inskrivning=i_bada, datum=D(2025, 5, 2), referens="ÅTER-2", user=kollega)
    deltagare = Deltagare.objects.get()
    assert (deltagare.personnummer_hash, deltagare.personnummer_krypterat) == (None, "")
    assert (deltagare.kon, deltagare.fodelsear, deltagare.referens) == ("man", 1981, "ÅTER-2")
    efter = {i["id"]: i for i in Inskrivning.objects.values()}
    for rad in fore:
        # Only the consent fields and the version moved.
        andrade = {k for k in rad if rad[k] != efter[rad["id"]][k]}
        assert andrade <= {"samtycke_aterkallat", "version", "andrad"}
    assert _sok(kollega) == [] and _sok(samordnare) == []
    assert Atkomstlogg.objects.filter(handling="samtycke_aterkallat").count() == 2


@pytest.mark.parametrize(
    ("datum", "referens", "falt", "meddelande"),
    [
        (D(2025, 2, 1), "R", "datum", "Samtycket kan inte återkallas före det lämnades"),
        (D(2099, 1, 1), "R", "datum", "Datumet kan inte vara i framtiden."),
        (D(2025, 5, 1), "  ", "referens", "Ange en referens"),
    ],
)
def test_aterkallelse_med_fel_vagras_utan_andring(
    identifierad, samordnare, datum, referens, falt, meddelande
):
    with pytest.raises(ValidationError) as fel:
        samtycke_aterkalla(
            inskrivning=identifierad, datum=datum, referens=referens, user=samordnare
        )
    assert meddelande in fel.value.message_dict[falt][0]
    identifierad.refresh_from_db()
    assert identifierad.samtycke_aterkallat is None
    assert Deltagare.objects.get().referens == REFERENS


def test_aterkallelse_gors_en_gang_och_bara_av_insatsens_samordnare(
    identifierad, samordnare, kollega
):
    with pytest.raises(PermissionDenied):
        samtycke_aterkalla(
            inskrivning=identifierad, datum=D(2025, 5, 1), referens="X", user=kollega
        )
    samtycke_aterkalla(inskrivning=identifierad, datum=D(2025, 5, 1), referens="X", user=samordnare)
    with pytest.raises(ValidationError) as fel:
        samtycke_aterkalla(
            inskrivning=identifierad, datum=D(2025, 6, 1), referens="X", user=samordnare
        )
    assert fel.value.message_dict == {"datum": ["Inskrivningen har inget samtycke att återkalla."]}


def test_aterkallelse_pa_sidan(client, identifierad, samordnare):
    client.force_login(samordnare)
    url = reverse("deltagare:samtycke_aterkalla", kwargs={"pk": identifierad.pk})
    assert "Återkalla samtycket" in client.get(url).content.decode()
    svar = client.post(
        url, {"version": identifierad.version, "datum": "2025-05-01", "referens": "ÅTER-9"}
    )
    assert svar.status_code == 302
    sida = client.get(svar.url).content.decode()
    assert "Samtycket är återkallat." in sida
    assert "Lämnat 2025-02-20, återkallat 2025-05-01" in sida
    for form in ("19811218-9876", "19811218-****"):
        assert form not in sida
    assert "ÅTER-9" in sida


# --- §4 rättelse ----------------------------------------------------------------------------


def test_rattelse_av_personnummer_sparar_skal_men_inga_nummer(identifierad, samordnare):
    with pytest.raises(ValidationError) as fel:
        identitet_ratta(
            deltagare=identifierad.deltagare, personnummer=PNR, skal="x", user=samordnare
        )
    assert fel.value.message_dict == {
        "personnummer": ["Det är samma personnummer som det registrerade."]
    }
    rattelse = identitet_ratta(
        deltagare=identifierad.deltagare,
        personnummer=PNR_KVINNA,
        skal="Två siffror omkastade",
        user=samordnare,
    )
    deltagare = Deltagare.objects.get()
    assert deltagare.personnummer_hash == uppslagshash("198503122387")
    assert (deltagare.kon, deltagare.fodelsear) == ("kvinna", 1985)
    assert (rattelse.falt, rattelse.skal, rattelse.av) == (
        "personnummer",
        "Två siffror omkastade",
        samordnare,
    )
    rad = " ".join(str(v) for v in Rattelse.objects.values().get().values())
    logg = " ".join(str(v) for r in Atkomstlogg.objects.values() for v in r.values())
    for text in (rad, logg):
        for nummer in ("8112189876", "811218-9876", "8503122387", "850312-2387"):
            assert nummer not in text
    assert Atkomstlogg.objects.filter(handling="rattelse").count() == 1


def test_rattelse_kraver_skal_och_andring(identifierad, samordnare):
    with pytest.raises(ValidationError) as fel:
        identitet_ratta(deltagare=identifierad.deltagare, referens="NY", skal=" ", user=samordnare)
    assert fel.value.message_dict == {"skal": ["Ange skälet till rättelsen."]}
    with pytest.raises(ValidationError) as fel:
        identitet_ratta(
            deltagare=identifierad.deltagare, referens=REFERENS, skal="x", user=samordnare
        )
    assert fel.value.messages == ["Inga uppgifter ändrades."]
    assert not Rattelse.objects.exists()


def test_rattelse_utan_identitet_och_av_fel_roll(
    forbund, insats, samordnare, kollega, chef, styrelse
):
    inskrivning = deltagare_registrera_i_insats(
        insats=insats,
        startdatum=D(2025, 3, 1),
        referens="R-1",
        kon="man",
        fodelsear=1990,
        user=samordnare,
    )
    deltagare = inskrivning.deltagare
    for fel_roll in (kollega, chef, styrelse):
        glom_atkomst(fel_roll)
        with pytest.raises(PermissionDenied):
            identitet_ratta(deltagare=deltagare, fodelsear=1991, skal="x", user=fel_roll)
    identitet_ratta(
        deltagare=deltagare, kon="kvinna", fodelsear=1991, skal="Fel kön angivet", user=samordnare
    )
    deltagare.refresh_from_db()
    assert (deltagare.kon, deltagare.fodelsear) == ("kvinna", 1991)
    assert Rattelse.objects.get().falt == "kön, födelseår"


def test_rattelse_till_ett_annat_kant_nummer_vagras(identifierad, forbund, samordnare):
    deltagare_registrera_i_insats(
        insats=identifierad.insats,
        startdatum=D(2025, 3, 1),
        personnummer=PNR_KVINNA,
        samtycke_datum=D(2025, 2, 1),
        user=samordnare,
    )
    with pytest.raises(ValidationError) as fel:
        identitet_ratta(
            deltagare=identifierad.deltagare,
            personnummer=PNR_KVINNA,
            skal="x",
            user=samordnare,
        )
    assert "Numret kan inte sparas" in fel.value.message_dict["personnummer"][0]


def test_efter_aterkallat_samtycke_kan_numret_inte_rattas(identifierad, i_bada, samordnare):
    samtycke_aterkalla(inskrivning=identifierad, datum=D(2025, 5, 1), referens="R", user=samordnare)
    with pytest.raises(ValidationError) as fel:
        identitet_ratta(
            deltagare=identifierad.deltagare,
            personnummer=PNR_KVINNA,
            skal="x",
            user=samordnare,
        )
    assert "samtycke" in fel.value.message_dict["personnummer"][0]


def test_rattelse_pa_sidan(client, identifierad, samordnare):
    client.force_login(samordnare)
    url = reverse("deltagare:rattelse", kwargs={"pk": identifierad.deltagare_id})
    assert (
        client.post(url, {"personnummer": "", "referens": REFERENS, "skal": ""}).status_code == 400
    )
    svar = client.post(
        url, {"personnummer": "", "referens": "NY-REF", "skal": "Deltagaren bad om det"}
    )
    assert svar.status_code == 302
    sida = client.get(svar.url).content.decode()
    assert "Rättelsen är sparad." in sida
    assert "referens (Deltagaren bad om det)" in sida
    assert "NY-REF" in sida
