"""The steps of a registerutdrag as services: frist, finding the person, order, logging."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from deltagare.models import Atkomstlogg
from registerutdrag.models import Registerutdragsbegaran
from registerutdrag.services import (
    begaran_besvara,
    begaran_lamna,
    begaran_registrera,
    begaran_registrera_for_deltagare,
    del_lagg_till,
    frist_for,
    utdrag_skapa,
)
from tests.personer import PNR, PNR_MAN, D

pytestmark = pytest.mark.django_db

Handling = Atkomstlogg.Handling
Status = Registerutdragsbegaran.Status


@pytest.mark.parametrize(
    ("mottagen", "frist"),
    [
        (D(2026, 1, 31), D(2026, 2, 28)),
        (D(2028, 1, 31), D(2028, 2, 29)),
        (D(2026, 3, 31), D(2026, 4, 30)),
        (D(2026, 12, 15), D(2027, 1, 15)),
    ],
)
def test_frist_en_kalendermanad(mottagen, frist):
    assert frist_for(mottagen) == frist


def test_chefen_hittar_personen_utan_att_numret_sparas(i_tva_insatser, forbund, chef):
    begaran = begaran_registrera(
        forbund=forbund, mottagen=D(2026, 1, 31), personnummer=PNR, user=chef
    )
    assert begaran.deltagare == i_tva_insatser
    assert begaran.frist == D(2026, 2, 28)
    assert begaran.status == Status.REGISTRERAD
    sparat = str(Registerutdragsbegaran.objects.filter(pk=begaran.pk).values().get())
    assert "2387" not in sparat


def test_okand_person_ger_en_begaran_utan_person(forbund, chef):
    begaran = begaran_registrera(
        forbund=forbund, mottagen=D(2026, 1, 31), personnummer=PNR_MAN, user=chef
    )
    assert begaran.deltagare is None
    assert begaran.status == Status.REGISTRERAD


def test_person_utan_identitet_hittas_pa_referens(utan_identitet, forbund, chef, samordnare):
    begaran = begaran_registrera(
        forbund=forbund, mottagen=D(2026, 1, 5), referens="VST-17", user=chef
    )
    assert begaran.deltagare == utan_identitet
    # Only the exact referens names a person.
    delvis = begaran_registrera(
        forbund=forbund, mottagen=D(2026, 1, 5), referens="VST-1", user=chef
    )
    assert delvis.deltagare is None
    del_lagg_till(begaran=begaran, user=samordnare)
    innehall = utdrag_skapa(begaran=begaran, user=samordnare)
    assert innehall["identitet"]["referens"] == "VST-17"
    assert innehall["identitet"]["personnummer"] == ""


def test_bara_chefen_registrerar_pa_personnummer(forbund, samordnare, styrelse):
    for user in (samordnare, styrelse):
        with pytest.raises(PermissionDenied):
            begaran_registrera(forbund=forbund, mottagen=D(2026, 1, 5), personnummer=PNR, user=user)


def test_felaktigt_nummer_avvisas(forbund, chef):
    with pytest.raises(ValidationError) as fel:
        begaran_registrera(forbund=forbund, mottagen=D(2026, 1, 5), personnummer="123", user=chef)
    assert "personnummer" in fel.value.message_dict


def test_samordnaren_i_a_kan_inte_skapa_innan_b_bidragit(
    i_tva_insatser, samordnare, samordnare_annan_insats
):
    begaran = begaran_registrera_for_deltagare(
        deltagare=i_tva_insatser, mottagen=D(2026, 11, 20), user=samordnare
    )
    del_lagg_till(begaran=begaran, user=samordnare)
    begaran.refresh_from_db()
    assert begaran.status == Status.UNDER_ARBETE
    with pytest.raises(ValidationError):
        utdrag_skapa(begaran=begaran, user=samordnare)
    with pytest.raises(ValidationError):
        begaran_lamna(begaran=begaran, user=samordnare)
    with pytest.raises(ValidationError):
        del_lagg_till(begaran=begaran, user=samordnare)  # already added
    del_lagg_till(begaran=begaran, user=samordnare_annan_insats)
    innehall = utdrag_skapa(begaran=begaran, user=samordnare)
    assert [i["insats"] for i in innehall["inskrivningar"]] == ["ALL-IN", "Samordningsteam"]
    begaran_lamna(begaran=begaran, user=samordnare_annan_insats)
    begaran.refresh_from_db()
    assert (begaran.status, begaran.avslutad) == (Status.LAMNAD, timezone.localdate())


def test_utomstaende_samordnare_far_inte_bidra(i_tva_insatser, samordnare, tredje_samordnare):
    begaran = begaran_registrera_for_deltagare(
        deltagare=i_tva_insatser, mottagen=D(2026, 11, 20), user=samordnare
    )
    for steg in (del_lagg_till, utdrag_skapa, begaran_lamna):
        with pytest.raises(PermissionDenied):
            steg(begaran=begaran, user=tredje_samordnare)
    with pytest.raises(PermissionDenied):
        begaran_registrera_for_deltagare(
            deltagare=i_tva_insatser, mottagen=D(2026, 11, 20), user=tredje_samordnare
        )


def test_varje_steg_loggas(i_tva_insatser, forbund, chef, samordnare, samordnare_annan_insats):
    fore = Atkomstlogg.objects.count()
    begaran = begaran_registrera(
        forbund=forbund, mottagen=D(2026, 11, 20), personnummer=PNR, user=chef
    )
    del_lagg_till(begaran=begaran, user=samordnare)
    del_lagg_till(begaran=begaran, user=samordnare_annan_insats)
    innehall = utdrag_skapa(begaran=begaran, user=samordnare)
    begaran_lamna(begaran=begaran, user=samordnare)
    rader = list(Atkomstlogg.objects.order_by("pk")[fore:])
    assert [(r.handling, r.anvandarnamn) for r in rader] == [
        (Handling.UTDRAG_REGISTRERA, "chef"),
        (Handling.UTDRAG_DEL, "samordnare"),
        (Handling.UTDRAG_DEL, "kollega"),
        (Handling.UTDRAG_SKAPA, "samordnare"),
        (Handling.UTDRAG_SKAPA, "samordnare"),
        (Handling.UTDRAG_LAMNA, "samordnare"),
    ]
    # Under the request's pseudonym and without the insats: the chef reads the
    # log, and the person's own pseudonym would open their whole history to them.
    # Only making the extract, a read of all the person's data, is also logged
    # under the person, so a search of the log for them finds it.
    assert [r.deltagare_pseudonym for r in rader] == [
        *[begaran.pseudonym] * 4,
        begaran.deltagare.pseudonym,
        begaran.pseudonym,
    ]
    assert {r.insats_id for r in rader} == {None}
    # The person's extract lists them all (but the hand-over, which came after).
    handlingar = [r["handling"] for r in innehall["atkomstlogg"]]
    assert "Registerutdrag registrerat" in handlingar
    assert "Registerutdrag skapat" in handlingar


def test_chefen_besvarar_bara_en_registrerad_begaran(forbund, chef, i_tva_insatser, samordnare):
    okand = begaran_registrera(
        forbund=forbund, mottagen=D(2026, 11, 2), personnummer=PNR_MAN, user=chef
    )
    begaran_besvara(begaran=okand, user=chef)
    okand.refresh_from_db()
    assert okand.status == Status.BESVARAD
    assert Atkomstlogg.objects.filter(
        handling=Handling.UTDRAG_BESVARA, deltagare_pseudonym=okand.pseudonym
    ).exists()
    kand = begaran_registrera(forbund=forbund, mottagen=D(2026, 11, 2), personnummer=PNR, user=chef)
    del_lagg_till(begaran=kand, user=samordnare)
    with pytest.raises(ValidationError):
        begaran_besvara(begaran=kand, user=chef)
    with pytest.raises(PermissionDenied):
        begaran_besvara(begaran=kand, user=samordnare)
