"""Bad input and conflicts in the write services, beyond tests/deltagare/test_services.py.

Each refusal names the field in Swedish, keeps the number out of the
message, and leaves every table as it was.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from deltagare.models import (
    Atkomstlogg,
    Deltagare,
    Forsorjning,
    Inskrivning,
    Stegbedomning,
    VantandeRegistrering,
)
from deltagare.services import (
    deltagare_registrera_i_insats,
    inskrivning_avsluta,
    inskrivning_felregistrera,
    inskrivning_skapa,
    inskrivning_uppdatera,
    stegbedomning_lagg_till,
)
from finsam.atkomst import SYSTEM, glom_atkomst
from finsam.kodlistor import Kon, Roll
from finsam.services.organisation import medlemskap_lagg_till
from finsam.services.validering import Konflikt
from insatser.models import Insatsberattelse, Steg, Stegskala
from insatser.services import insatsberattelse_spara
from tests.factories import InsatsFactory
from tests.integritet.hjalp import PNR, D


def _tabeller() -> dict[str, int]:
    return {
        modell.__name__: modell.objects.count()
        for modell in (
            Deltagare,
            Inskrivning,
            Forsorjning,
            Stegbedomning,
            Atkomstlogg,
            Insatsberattelse,
        )
    }


def _vagras(funktion, falt: str | None = None, meddelande: str = "") -> ValidationError:
    """Call; it must raise ValidationError (on `falt`) and leave every table as it was."""
    fore = _tabeller()
    with pytest.raises(ValidationError) as fel:
        funktion()
    if falt is not None:
        assert fel.value.message_dict[falt][0].startswith(meddelande), fel.value.message_dict
    for form in ("9876", "198112189876"):
        assert form not in str(fel.value)
    assert _tabeller() == fore
    return fel.value


def _registrera(insats, user, **argument):
    return deltagare_registrera_i_insats(
        insats=insats,
        startdatum=argument.pop("startdatum", D(2025, 3, 1)),
        user=user,
        **argument,
    )


@pytest.fixture
def samordnare_for_bada(forbund, annan_insats, samordnare):
    """The samordnare of `insats`, now also of `annan_insats`."""
    medlemskap_lagg_till(
        anvandare=samordnare,
        forbund=forbund,
        roll=Roll.SAMORDNARE,
        insatser=[annan_insats],
        user=SYSTEM,
    )
    return samordnare


# --- registration in an insats (the registration page) -----------------------------


def test_registrering_utan_samtycke_vagras(insats, samordnare):
    _vagras(
        lambda: _registrera(insats, samordnare, personnummer=PNR),
        "samtycke_datum",
        "Ange datum för samtycke",
    )


def test_registrering_med_felaktigt_nummer_vagras(insats, samordnare):
    _vagras(
        lambda: _registrera(
            insats, samordnare, personnummer="811218-9875", samtycke_datum=D(2025, 1, 1)
        ),
        "personnummer",
        "Kontrollsiffran stämmer inte.",
    )


def test_forbund_utan_personnummer_vagrar_registrering_i_insats(forbund, insats, samordnare):
    forbund.personnummer_tillatet = False
    forbund.save()
    _vagras(
        lambda: _registrera(insats, samordnare, personnummer=PNR, samtycke_datum=D(2025, 1, 1)),
        "personnummer",
        "Förbundet registrerar inte personnummer",
    )
    # Without identity it still works.
    _registrera(insats, samordnare, referens="R-1", kon=Kon.KVINNA, fodelsear=1990)
    assert Deltagare.objects.get().personnummer_hash is None


def test_redan_aktiv_i_samma_insats_vagras_i_alla_skrivsatt(insats, samordnare, identifierad):
    for text in (PNR, "198112189876", "19811218-9876"):
        _vagras(
            lambda text=text: _registrera(
                insats, samordnare, personnummer=text, samtycke_datum=D(2025, 6, 1)
            ),
            "personnummer",
            "Personen är redan aktiv i insatsen.",
        )
    identifierad.refresh_from_db()
    assert identifierad.samtycke_datum == D(2025, 2, 20)
    assert not VantandeRegistrering.objects.exists()


def test_kant_nummer_i_annan_insats_ateranvander_samma_deltagare(
    insats, annan_insats, samordnare_for_bada, identifierad
):
    andra = _registrera(
        annan_insats,
        samordnare_for_bada,
        personnummer="19811218-9876",
        samtycke_datum=D(2025, 4, 1),
        startdatum=D(2025, 4, 2),
    )
    assert andra.deltagare_id == identifierad.deltagare_id
    assert Deltagare.objects.count() == 1
    assert sorted(Inskrivning.objects.values_list("insats__namn", flat=True)) == [
        "ALL-IN",
        "Samordningsteam",
    ]
    # Each inskrivning keeps its own consent; the first one is left as it was.
    assert andra.samtycke_datum == D(2025, 4, 1)
    identifierad.refresh_from_db()
    assert identifierad.samtycke_datum == D(2025, 2, 20)
    inskrivning_avsluta(
        inskrivning=andra, slutdatum=D(2025, 5, 1), avslutsorsak="annan", user=SYSTEM
    )
    tredje = _registrera(
        annan_insats,
        samordnare_for_bada,
        personnummer=PNR,
        samtycke_datum=D(2024, 1, 1),
        startdatum=D(2025, 6, 1),
    )
    andra.refresh_from_db()
    assert (tredje.samtycke_datum, andra.samtycke_datum) == (D(2024, 1, 1), D(2025, 4, 1))


def test_aterinskrivning_i_samma_insats_efter_avslut(insats, samordnare, identifierad):
    inskrivning_avsluta(
        inskrivning=identifierad, slutdatum=D(2025, 4, 1), avslutsorsak="ohalsa", user=samordnare
    )
    ny = _registrera(
        insats,
        samordnare,
        personnummer=PNR,
        samtycke_datum=D(2025, 9, 1),
        startdatum=D(2025, 9, 1),
    )
    assert ny.deltagare_id == identifierad.deltagare_id
    assert Inskrivning.objects.filter(deltagare=ny.deltagare).count() == 2


def test_kand_person_far_inte_skrivas_in_av_fel_samordnare(
    insats, samordnare_annan_insats, identifierad
):
    fore = _tabeller()
    with pytest.raises(PermissionDenied):
        _registrera(insats, samordnare_annan_insats, personnummer=PNR, samtycke_datum=D(2025, 6, 1))
    assert _tabeller() == fore


# --- dates before start ----------------------------------------------------------------


def test_inskrivning_fore_insatsens_start_vagras(insats, samordnare):
    # The insats (factory) starts 2021-01-01.
    _vagras(
        lambda: _registrera(
            insats,
            samordnare,
            referens="R",
            kon=Kon.MAN,
            fodelsear=1990,
            startdatum=D(2020, 12, 31),
        ),
        "startdatum",
        "Startdatum kan inte vara före insatsens start (2021-01-01).",
    )


def test_inskrivning_efter_insatsens_slut_vagras(forbund, samordnare, en_deltagare):
    avslutad = InsatsFactory(forbund=forbund, slutdatum=D(2024, 12, 31))
    _vagras(
        lambda: inskrivning_skapa(
            deltagare=en_deltagare, insats=avslutad, startdatum=D(2025, 1, 1), user=SYSTEM
        ),
        "startdatum",
        "Startdatum kan inte vara efter insatsens slut (2024-12-31).",
    )
    inskrivning_skapa(
        deltagare=en_deltagare, insats=avslutad, startdatum=D(2024, 12, 31), user=SYSTEM
    )


def test_nytt_startdatum_fore_insatsens_start_vagras(inskrivning):
    _vagras(
        lambda: inskrivning_uppdatera(
            inskrivning=inskrivning, version=1, startdatum=D(2020, 6, 1), user=SYSTEM
        ),
        "startdatum",
        "Startdatum kan inte vara före insatsens start",
    )
    inskrivning.refresh_from_db()
    assert (inskrivning.startdatum, inskrivning.version) == (D(2025, 3, 1), 1)


def test_nytt_startdatum_efter_en_bedomning_vagras(inskrivning):
    stegbedomning_lagg_till(
        inskrivning=inskrivning, datum=D(2025, 3, 10), typ="start", steg_nummer=2, user=SYSTEM
    )
    _vagras(
        lambda: inskrivning_uppdatera(
            inskrivning=inskrivning, version=1, startdatum=D(2025, 3, 11), user=SYSTEM
        ),
        "startdatum",
        "Det finns bedömningar daterade före det nya startdatumet.",
    )
    # The same day as the bedömning is fine.
    inskrivning_uppdatera(
        inskrivning=inskrivning, version=1, startdatum=D(2025, 3, 10), user=SYSTEM
    )


def test_uppfoljning_fore_start_vagras(inskrivning):
    _vagras(
        lambda: stegbedomning_lagg_till(
            inskrivning=inskrivning,
            datum=D(2025, 2, 1),
            typ="uppfoljning_6",
            steg_nummer=4,
            user=SYSTEM,
        ),
        "datum",
        "Bedömningen kan inte vara daterad före inskrivningens startdatum.",
    )


# --- the insats's own ladder ----------------------------------------------------------


def test_steg_utanfor_insatsens_egen_stegskala_vagras(forbund, en_deltagare):
    kort = Stegskala.objects.create(forbund=forbund, namn="Tre steg")
    Steg.objects.bulk_create(Steg(stegskala=kort, nummer=n, namn=f"Steg {n}") for n in (1, 2, 3))
    insats = InsatsFactory(forbund=forbund, stegskala=kort)
    inskrivning = inskrivning_skapa(
        deltagare=en_deltagare, insats=insats, startdatum=D(2025, 3, 1), user=SYSTEM
    )
    # Step 5 exists in the förbund's Processtrappan, but not on this insats's ladder.
    _vagras(
        lambda: stegbedomning_lagg_till(
            inskrivning=inskrivning, datum=D(2025, 3, 2), typ="start", steg_nummer=5, user=SYSTEM
        ),
        "steg",
        "Steget finns inte i insatsens stegskala.",
    )
    bedomning = stegbedomning_lagg_till(
        inskrivning=inskrivning, datum=D(2025, 3, 2), typ="start", steg_nummer=3, user=SYSTEM
    )
    assert bedomning.steg.stegskala == kort


# --- conflicts (version) --------------------------------------------------------------


def test_inaktuell_version_ger_konflikt_och_andrar_inget(inskrivning, samordnare):
    inskrivning_uppdatera(
        inskrivning=inskrivning,
        version=1,
        utbildningsniva="gymnasium",
        forsorjning_vid_start=["lon"],
        user=samordnare,
    )
    fore = _tabeller()
    # A second samordnare opened the form at version 1 and saves now.
    with pytest.raises(Konflikt) as fel:
        inskrivning_uppdatera(
            inskrivning=inskrivning,
            version=1,
            utbildningsniva="grundskola",
            tid_i_offentlig_forsorjning="over_9",
            forsorjning_vid_start=["sjukpenning"],
            user=samordnare,
        )
    assert str(fel.value).startswith("Någon annan har sparat uppgifterna")
    assert _tabeller() == fore
    sparad = Inskrivning.objects.get(pk=inskrivning.pk)
    assert (sparad.version, sparad.utbildningsniva, sparad.tid_i_offentlig_forsorjning) == (
        2,
        "gymnasium",
        "okand",
    )
    assert list(sparad.forsorjning.values_list("kalla", flat=True)) == ["lon"]
    # At the current version the same change goes through.
    inskrivning_uppdatera(
        inskrivning=inskrivning, version=2, utbildningsniva="grundskola", user=samordnare
    )
    assert Inskrivning.objects.get(pk=inskrivning.pk).version == 3


def test_avslut_med_inaktuell_version_ger_konflikt(inskrivning):
    inskrivning_uppdatera(inskrivning=inskrivning, version=1, utrikes_fodd=True, user=SYSTEM)
    fore = _tabeller()
    with pytest.raises(Konflikt):
        inskrivning_avsluta(
            inskrivning=inskrivning,
            slutdatum=D(2025, 6, 1),
            avslutsorsak="arbete",
            forsorjning_vid_avslut=["lon"],
            version=1,
            user=SYSTEM,
        )
    assert _tabeller() == fore
    assert Inskrivning.objects.get(pk=inskrivning.pk).slutdatum is None


def test_berattelse_med_inaktuell_version_ger_konflikt(insats, samordnare):
    period = {"insats": insats, "fran": D(2025, 1, 1), "till": D(2025, 8, 31), "user": samordnare}
    forsta = insatsberattelse_spara(**period, text=" Första texten. ", version=None)
    assert (forsta.text, forsta.version, forsta.andrad_av) == ("Första texten.", 1, samordnare)
    insatsberattelse_spara(**period, text="Andra texten.", version=1)
    for inaktuell in (1, None):  # an old form, and a form opened before the text existed
        with pytest.raises(Konflikt):
            insatsberattelse_spara(**period, text="Min text.", version=inaktuell)
    sparad = Insatsberattelse.objects.get()
    assert (sparad.text, sparad.version) == ("Andra texten.", 2)


def test_berattelse_med_period_baklanges_vagras(insats, samordnare):
    _vagras(
        lambda: insatsberattelse_spara(
            insats=insats,
            fran=D(2025, 8, 31),
            till=D(2025, 1, 1),
            text="x",
            version=None,
            user=samordnare,
        ),
        "__all__",
        "Periodens slut kan inte vara före dess början.",
    )


@pytest.mark.parametrize(
    "anvandare", ["chef", "samordnare_annan_insats", "styrelse", "utomstaende"]
)
def test_berattelse_bara_for_insatsens_samordnare(request, insats, anvandare):
    with pytest.raises(PermissionDenied):
        insatsberattelse_spara(
            insats=insats,
            fran=D(2025, 1, 1),
            till=D(2025, 8, 31),
            text="x",
            version=None,
            user=request.getfixturevalue(anvandare),
        )
    assert not Insatsberattelse.objects.exists()


# --- felregistrering --------------------------------------------------------------------


def test_felregistrering_av_aktiv_inskrivning_avslutar_pa_startdagen(inskrivning, samordnare):
    resultat = inskrivning_felregistrera(inskrivning=inskrivning, version=1, user=samordnare)
    assert (resultat.slutdatum, resultat.avslutsorsak, resultat.version) == (
        D(2025, 3, 1),
        "felregistrering",
        2,
    )
    assert not Inskrivning.objects.ej_felregistrerade().exists()


def test_felregistrering_av_avslutad_behaller_datumen(inskrivning, samordnare):
    inskrivning_avsluta(
        inskrivning=inskrivning,
        slutdatum=D(2025, 9, 1),
        avslutsorsak="arbete",
        sysselsattning="forvarvsarbete",
        user=samordnare,
    )
    resultat = inskrivning_felregistrera(inskrivning=inskrivning, user=samordnare)
    assert (resultat.slutdatum, resultat.avslutsorsak, resultat.sysselsattning_vid_avslut) == (
        D(2025, 9, 1),
        "felregistrering",
        "",
    )


def test_felregistrering_tva_ganger_vagras(inskrivning, samordnare):
    inskrivning_felregistrera(inskrivning=inskrivning, user=samordnare)
    fel = _vagras(lambda: inskrivning_felregistrera(inskrivning=inskrivning, user=samordnare))
    assert fel.messages == ["Inskrivningen är redan markerad som felregistrerad."]
    assert Inskrivning.objects.get(pk=inskrivning.pk).version == 2


def test_felregistrering_med_inaktuell_version_ger_konflikt(inskrivning, samordnare):
    inskrivning_uppdatera(inskrivning=inskrivning, version=1, utrikes_fodd=False, user=samordnare)
    with pytest.raises(Konflikt):
        inskrivning_felregistrera(inskrivning=inskrivning, version=1, user=samordnare)
    assert Inskrivning.objects.get(pk=inskrivning.pk).avslutsorsak == ""


@pytest.mark.parametrize("anvandare", ["chef", "samordnare_annan_insats", "utomstaende"])
def test_felregistrering_och_andring_bara_for_insatsens_samordnare(request, inskrivning, anvandare):
    user = request.getfixturevalue(anvandare)
    glom_atkomst(user)
    fore = _tabeller()
    with pytest.raises(PermissionDenied):
        inskrivning_felregistrera(inskrivning=inskrivning, user=user)
    with pytest.raises(PermissionDenied):
        inskrivning_uppdatera(inskrivning=inskrivning, version=1, utrikes_fodd=True, user=user)
    assert _tabeller() == fore
    assert Inskrivning.objects.get(pk=inskrivning.pk).version == 1


def test_okant_falt_vid_andring_vagras(inskrivning):
    fel = _vagras(
        lambda: inskrivning_uppdatera(
            inskrivning=inskrivning, version=1, avslutsorsak="arbete", user=SYSTEM
        )
    )
    assert fel.messages == ["Okända fält: avslutsorsak."]
