"""Corrections with history (issue 14 §1): each says who, when and why, and logs the access."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from deltagare.models import Atkomstlogg, Inskrivning, Korrigering, Stegbedomning
from deltagare.services import (
    inskrivning_ateroppna,
    inskrivning_avslut_ratta,
    inskrivning_avsluta,
    inskrivning_felregistrera,
    inskrivning_felregistrering_angra,
    stegbedomning_andra,
    stegbedomning_lagg_till,
    stegbedomning_ta_bort,
    uppfoljning_registrera,
)
from finsam.atkomst import SYSTEM
from finsam.services.validering import Konflikt
from statistik.berakning import insats_statistik

D = datetime.date


def _handlingar() -> list[str]:
    return list(Atkomstlogg.objects.order_by("id").values_list("handling", flat=True))


def _avsluta(inskrivning, **extra):
    return inskrivning_avsluta(
        inskrivning=inskrivning,
        slutdatum=D(2025, 9, 30),
        avslutsorsak="arbete",
        forsorjning_vid_avslut=["lon"],
        sysselsattning="forvarvsarbete",
        user=SYSTEM,
        **extra,
    )


def test_bedomning_andras_med_skal_och_historik(inskrivning, samordnare):
    bedomning = stegbedomning_lagg_till(
        inskrivning=inskrivning, datum=D(2025, 3, 1), typ="start", steg_nummer=2, user=samordnare
    )
    version = Inskrivning.objects.get(pk=inskrivning.pk).version
    stegbedomning_andra(
        bedomning=bedomning,
        datum=D(2025, 3, 2),
        steg_nummer=3,
        skal="Fel steg valt",
        version=version,
        user=samordnare,
    )
    bedomning.refresh_from_db()
    assert (bedomning.datum, bedomning.steg.nummer) == (D(2025, 3, 2), 3)
    korrigering = Korrigering.objects.get()
    assert (korrigering.typ, korrigering.av, korrigering.skal, korrigering.falt) == (
        "bedomning_andrad",
        samordnare,
        "Fel steg valt",
        "datum, steg",
    )
    assert Inskrivning.objects.get(pk=inskrivning.pk).version == version + 1
    assert _handlingar()[-1] == "bedomning_andra"
    # The form opened before the change is now stale.
    with pytest.raises(Konflikt):
        stegbedomning_andra(
            bedomning=bedomning,
            datum=D(2025, 3, 3),
            steg_nummer=3,
            skal="x",
            version=version,
            user=samordnare,
        )


@pytest.mark.parametrize(
    ("argument", "fel"),
    [
        ({"skal": "  "}, "Ange skäl till ändringen."),
        ({"steg_nummer": 2}, "Inget är ändrat."),
        ({"steg_nummer": 9}, "Steget finns inte i insatsens stegskala."),
        ({"datum": D(2025, 2, 1)}, "före inskrivningens startdatum"),
        ({"datum": D(2999, 1, 1)}, "kan inte vara efter i dag"),
    ],
)
def test_bedomning_andras_inte_utan_skal_eller_andring(inskrivning, argument, fel):
    bedomning = stegbedomning_lagg_till(
        inskrivning=inskrivning, datum=D(2025, 3, 1), typ="start", steg_nummer=2, user=SYSTEM
    )
    indata = {"datum": D(2025, 3, 1), "steg_nummer": 2, "skal": "Rättning", **argument}
    with pytest.raises(ValidationError, match=fel):
        stegbedomning_andra(bedomning=bedomning, user=SYSTEM, **indata)
    assert not Korrigering.objects.exists()


def test_bedomning_tas_bort_och_endast_samordnaren_far(
    inskrivning, samordnare, chef, samordnare_annan_insats
):
    bedomning = stegbedomning_lagg_till(
        inskrivning=inskrivning, datum=D(2025, 3, 1), typ="start", steg_nummer=2, user=SYSTEM
    )
    for user in (chef, samordnare_annan_insats):
        with pytest.raises(PermissionDenied):
            stegbedomning_ta_bort(bedomning=bedomning, skal="Dubblett", user=user)
    stegbedomning_ta_bort(bedomning=bedomning, skal="Dubblett", user=samordnare)
    assert not Stegbedomning.objects.exists()
    korrigering = Korrigering.objects.get()
    assert (korrigering.typ, korrigering.tidigare) == (
        "bedomning_borttagen",
        {"typ": "start", "datum": "2025-03-01"},
    )
    assert _handlingar()[-1] == "bedomning_ta_bort"


def test_avslut_med_steg_skriver_en_avslutsbedomning(inskrivning):
    _avsluta(inskrivning, steg_nummer=5)
    bedomning = Stegbedomning.objects.get()
    assert (bedomning.typ, bedomning.datum, bedomning.steg.nummer) == ("avslut", D(2025, 9, 30), 5)


def test_avslut_med_okant_steg_lamnar_inskrivningen_aktiv(inskrivning):
    with pytest.raises(ValidationError, match="Steget finns inte"):
        _avsluta(inskrivning, steg_nummer=9)
    inskrivning.refresh_from_db()
    assert inskrivning.slutdatum is None


def test_avslut_rattas(inskrivning, samordnare):
    _avsluta(inskrivning, steg_nummer=5)
    inskrivning_avslut_ratta(
        inskrivning=inskrivning,
        slutdatum=D(2025, 9, 30),
        avslutsorsak="studier",
        forsorjning_vid_avslut=["studiemedel"],
        sysselsattning="studier",
        steg_nummer=6,
        skal="Började studera, inte arbeta",
        version=inskrivning.version,
        user=samordnare,
    )
    inskrivning.refresh_from_db()
    assert (inskrivning.avslutsorsak, inskrivning.sysselsattning_vid_avslut) == (
        "studier",
        "studier",
    )
    assert list(inskrivning.forsorjning.values_list("kalla", flat=True)) == ["studiemedel"]
    assert inskrivning.bedomningar.get().steg.nummer == 6
    korrigering = Korrigering.objects.get()
    assert korrigering.falt == (
        "avslutsorsak, sysselsattning_vid_avslut, forsorjning_vid_avslut, steg"
    )
    assert korrigering.tidigare["avslutsorsak"] == "arbete"
    assert _handlingar()[-1] == "avslut_ratta"


def test_aktiv_inskrivning_har_inget_avslut_att_ratta(inskrivning):
    with pytest.raises(ValidationError, match="inte avslutad"):
        inskrivning_avslut_ratta(
            inskrivning=inskrivning,
            slutdatum=D(2025, 9, 30),
            avslutsorsak="arbete",
            skal="x",
            user=SYSTEM,
        )


def test_avslut_ateroppnas_och_kan_avslutas_igen(inskrivning, samordnare):
    _avsluta(inskrivning, steg_nummer=5)
    inskrivning_ateroppna(inskrivning=inskrivning, skal="Avslutad för tidigt", user=samordnare)
    inskrivning.refresh_from_db()
    assert inskrivning.ar_aktiv
    assert (inskrivning.avslutsorsak, inskrivning.sysselsattning_vid_avslut) == ("", "")
    assert not inskrivning.forsorjning.filter(tidpunkt="avslut").exists()
    korrigering = Korrigering.objects.get()
    assert korrigering.typ == "avslut_ateroppnat"
    assert korrigering.tidigare == {
        "slutdatum": "2025-09-30",
        "avslutsorsak": "arbete",
        "sysselsattning_vid_avslut": "forvarvsarbete",
    }
    assert _handlingar()[-1] == "ateroppna"
    # Ended again later: the one avslut bedömning follows.
    inskrivning_avsluta(
        inskrivning=inskrivning,
        slutdatum=D(2025, 12, 1),
        avslutsorsak="studier",
        steg_nummer=6,
        user=SYSTEM,
    )
    bedomning = inskrivning.bedomningar.get()
    assert (bedomning.datum, bedomning.steg.nummer) == (D(2025, 12, 1), 6)


def test_ateroppning_vagras_med_uppfoljning(inskrivning):
    _avsluta(inskrivning)
    uppfoljning_registrera(
        inskrivning=inskrivning,
        typ="uppfoljning_6",
        datum=D(2026, 3, 30),
        utfall="kunde_inte_nas",
        user=SYSTEM,
    )
    with pytest.raises(ValidationError, match="Ta bort dem först"):
        inskrivning_ateroppna(inskrivning=inskrivning, skal="x", user=SYSTEM)


def test_felregistrering_angras_och_avslutet_kommer_tillbaka(inskrivning, samordnare):
    _avsluta(inskrivning)
    inskrivning_felregistrera(inskrivning=inskrivning, user=samordnare)
    inskrivning_felregistrering_angra(
        inskrivning=inskrivning, skal="Fel inskrivning markerades", user=samordnare
    )
    inskrivning.refresh_from_db()
    assert (inskrivning.slutdatum, inskrivning.avslutsorsak) == (D(2025, 9, 30), "arbete")
    assert inskrivning.sysselsattning_vid_avslut == "forvarvsarbete"
    assert list(Korrigering.objects.order_by("id").values_list("typ", flat=True)) == [
        "felregistrerad",
        "felregistrering_angrad",
    ]
    assert _handlingar()[-1] == "felreg_angra"


def test_felregistrering_av_aktiv_angras_till_aktiv(inskrivning):
    inskrivning_felregistrera(inskrivning=inskrivning, user=SYSTEM)
    inskrivning_felregistrering_angra(inskrivning=inskrivning, skal="Misstag", user=SYSTEM)
    inskrivning.refresh_from_db()
    assert inskrivning.ar_aktiv and inskrivning.avslutsorsak == ""


def test_angra_vagras_om_inte_felregistrerad(inskrivning):
    with pytest.raises(ValidationError, match="inte felregistrerad"):
        inskrivning_felregistrering_angra(inskrivning=inskrivning, skal="x", user=SYSTEM)


def test_statistiken_foljer_rattelserna(inskrivning):
    def avslutade() -> int:
        s = insats_statistik(insats=inskrivning.insats, fran=D(2025, 1, 1), till=D(2025, 12, 31))
        return s.deltagare.avslutade.totalt

    _avsluta(inskrivning)
    assert avslutade() == 1
    inskrivning_felregistrera(inskrivning=inskrivning, user=SYSTEM)
    assert avslutade() == 0
    inskrivning_felregistrering_angra(inskrivning=inskrivning, skal="Misstag", user=SYSTEM)
    assert avslutade() == 1
    inskrivning_ateroppna(inskrivning=inskrivning, skal="För tidigt", user=SYSTEM)
    assert avslutade() == 0
