import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from deltagare.kryptering import uppslagshash
from deltagare.models import (
    AnonymaDeltagare,
    Deltagare,
    Forsorjning,
    Inskrivning,
    Stegbedomning,
    VantandeRegistrering,
)
from deltagare.services import (
    anonyma_registrera,
    deltagare_registrera,
    inskrivning_avsluta,
    inskrivning_skapa,
    stegbedomning_lagg_till,
)
from finsam.atkomst import SYSTEM, glom_atkomst
from finsam.kodlistor import Inriktning, Kon, Matmetod
from finsam.kryptering import dekryptera
from tests.factories import InsatsFactory

D = datetime.date
PNR = "811218-9876"


def _fel(excinfo) -> dict:
    return excinfo.value.message_dict


# --- deltagare_registrera ---------------------------------------------------


def test_registrera_med_personnummer_lagrar_bara_krypterat_och_hash(forbund, samordnare):
    deltagare = deltagare_registrera(
        forbund=forbund, personnummer=PNR, samtycke_datum=D(2025, 2, 1), user=samordnare
    )
    deltagare.refresh_from_db()
    assert deltagare.kon == Kon.MAN
    assert deltagare.fodelsear == 1981
    # The consent waits for the samordnare's inskrivning (issue 13 §2).
    assert list(
        VantandeRegistrering.objects.filter(deltagare=deltagare).values_list(
            "samordnare", "samtycke_datum"
        )
    ) == [(samordnare.pk, D(2025, 2, 1))]
    assert deltagare.skapad_av == samordnare
    assert "198112189876" not in deltagare.personnummer_krypterat
    assert "9876" not in deltagare.personnummer_krypterat
    assert dekryptera(deltagare.personnummer_krypterat) == "198112189876"
    assert deltagare.personnummer_hash == uppslagshash("198112189876")


def test_registrera_utan_personnummer(forbund):
    deltagare = deltagare_registrera(
        forbund=forbund, referens=" ref-7 ", kon=Kon.ANNAT, fodelsear=2001, user=SYSTEM
    )
    assert (deltagare.referens, deltagare.kon, deltagare.fodelsear) == ("ref-7", "annat", 2001)
    assert deltagare.personnummer_hash is None
    assert deltagare.personnummer_krypterat == ""


def test_samma_personnummer_i_annan_form_ar_samma_person(
    forbund, annat_forbund, samordnare, samordnare_annan_insats
):
    forsta = deltagare_registrera(
        forbund=forbund, personnummer=PNR, samtycke_datum=D(2025, 2, 1), user=samordnare
    )
    andra = deltagare_registrera(
        forbund=forbund,
        personnummer="198112189876",
        samtycke_datum=D(2025, 3, 1),
        user=samordnare_annan_insats,
    )
    # One person, each samordnare with their own consent waiting.
    assert andra.pk == forsta.pk
    assert Deltagare.objects.filter(forbund=forbund).count() == 1
    assert set(VantandeRegistrering.objects.values_list("samordnare", "samtycke_datum")) == {
        (samordnare.pk, D(2025, 2, 1)),
        (samordnare_annan_insats.pk, D(2025, 3, 1)),
    }
    # Another förbund is another register.
    assert (
        deltagare_registrera(
            forbund=annat_forbund, personnummer=PNR, samtycke_datum=D(2025, 2, 1), user=SYSTEM
        ).pk
        != forsta.pk
    )


@pytest.mark.parametrize(
    ("argument", "falt", "meddelande"),
    [
        (
            {"personnummer": "811218-9875", "samtycke_datum": D(2025, 1, 1)},
            "personnummer",
            "Kontrollsiffran stämmer inte.",
        ),
        ({"personnummer": PNR}, "samtycke_datum", "Ange datum för samtycke"),
        (
            {"personnummer": PNR, "samtycke_datum": D(2025, 1, 1), "kon": Kon.KVINNA},
            "kon",
            "Kön stämmer inte med personnumret.",
        ),
        (
            {"personnummer": PNR, "samtycke_datum": D(2025, 1, 1), "fodelsear": 1982},
            "fodelsear",
            "Födelseåret stämmer inte med personnumret.",
        ),
        ({"kon": Kon.MAN, "fodelsear": 1990}, "referens", "Ange personnummer med datum"),
        ({"referens": "x", "fodelsear": 1990}, "kon", "Ange kön"),
        ({"referens": "x", "kon": Kon.MAN}, "fodelsear", "Ange födelseår"),
        ({"referens": "x", "kon": "okant", "fodelsear": 1990}, "kon", "Värdet"),
        (
            {"referens": "x", "kon": Kon.MAN, "fodelsear": 1850},
            "fodelsear",
            f"Födelseåret måste vara mellan 1900 och {D.today().year}.",
        ),
    ],
)
def test_registrera_vagrar_felaktiga_uppgifter(forbund, argument, falt, meddelande):
    with pytest.raises(ValidationError) as fel:
        deltagare_registrera(forbund=forbund, **argument, user=SYSTEM)
    assert _fel(fel)[falt][0].startswith(meddelande)
    # The number never appears in a message.
    assert "9875" not in str(_fel(fel)) and "9876" not in str(_fel(fel))
    assert not Deltagare.objects.exists()


def test_forbund_utan_personnummer_vagrar_personnummer(forbund):
    forbund.personnummer_tillatet = False
    forbund.save()
    with pytest.raises(ValidationError) as fel:
        deltagare_registrera(
            forbund=forbund, personnummer=PNR, samtycke_datum=D(2025, 1, 1), user=SYSTEM
        )
    assert _fel(fel)["personnummer"][0].startswith("Förbundet registrerar inte personnummer")
    assert not Deltagare.objects.exists()


def test_endast_samordnare_i_forbundet_far_registrera(forbund, chef, styrelse, utomstaende):
    for user in (chef, styrelse, utomstaende):
        with pytest.raises(PermissionDenied):
            deltagare_registrera(
                forbund=forbund, referens="x", kon="man", fodelsear=1990, user=user
            )
    assert not Deltagare.objects.exists()


# --- inskrivning_skapa --------------------------------------------------------


def test_inskrivning_med_startdata_och_forsorjning(samordnarens_deltagare, insats, samordnare):
    inskrivning = inskrivning_skapa(
        deltagare=samordnarens_deltagare,
        insats=insats,
        startdatum=D(2025, 3, 1),
        forsorjning_vid_start=["sjukpenning", "ekonomiskt_bistand", "sjukpenning"],
        utbildningsniva="gymnasium",
        tid_i_offentlig_forsorjning="1_3",
        utrikes_fodd=False,
        user=samordnare,
    )
    inskrivning.refresh_from_db()
    assert inskrivning.utbildningsniva == "gymnasium"
    assert inskrivning.tid_i_offentlig_forsorjning == "1_3"
    assert inskrivning.skapad_av == samordnare
    assert sorted(inskrivning.forsorjning.values_list("tidpunkt", "kalla")) == [
        ("start", "ekonomiskt_bistand"),
        ("start", "sjukpenning"),
    ]


def test_inskrivning_med_okand_forsorjning_skrivs_inte_alls(en_deltagare, insats):
    with pytest.raises(ValidationError) as fel:
        inskrivning_skapa(
            deltagare=en_deltagare,
            insats=insats,
            startdatum=D(2025, 3, 1),
            forsorjning_vid_start=["lon", "lotteri"],
            user=SYSTEM,
        )
    assert _fel(fel) == {"forsorjning_vid_start": ["Okänd försörjningskälla: lotteri."]}
    assert not Inskrivning.objects.exists()
    assert not Forsorjning.objects.exists()


def test_inskrivning_vagrar_fel_insats_och_falt(en_deltagare, forbund, annat_forbund):
    annat_forbunds_insats = InsatsFactory(forbund=annat_forbund)
    with pytest.raises(ValidationError) as fel:
        inskrivning_skapa(
            deltagare=en_deltagare,
            insats=annat_forbunds_insats,
            startdatum=D(2025, 3, 1),
            user=SYSTEM,
        )
    assert _fel(fel)["insats"] == ["Insatsen hör till ett annat förbund än deltagaren."]

    struktur = InsatsFactory(
        forbund=forbund, inriktning=Inriktning.STRUKTUR, matmetod=Matmetod.ANTAL
    )
    with pytest.raises(ValidationError) as fel:
        inskrivning_skapa(
            deltagare=en_deltagare, insats=struktur, startdatum=D(2025, 3, 1), user=SYSTEM
        )
    assert _fel(fel)["insats"] == ["En strukturinsats har inga inskrivna deltagare."]

    with pytest.raises(ValidationError, match="Okända fält: slutdatum"):
        inskrivning_skapa(
            deltagare=en_deltagare,
            insats=struktur,
            startdatum=D(2025, 3, 1),
            slutdatum=D(2025, 4, 1),
            user=SYSTEM,
        )
    assert not Inskrivning.objects.exists()


def test_redan_aktiv_i_insatsen_vagras(inskrivning):
    with pytest.raises(ValidationError, match="Deltagaren är redan aktiv i insatsen."):
        inskrivning_skapa(
            deltagare=inskrivning.deltagare,
            insats=inskrivning.insats,
            startdatum=D(2025, 5, 1),
            user=SYSTEM,
        )
    assert Inskrivning.objects.count() == 1


def test_endast_insatsens_samordnare_far_skriva_in(
    en_deltagare, insats, chef, samordnare_annan_insats, utomstaende
):
    for user in (chef, samordnare_annan_insats, utomstaende):
        with pytest.raises(PermissionDenied):
            inskrivning_skapa(
                deltagare=en_deltagare, insats=insats, startdatum=D(2025, 3, 1), user=user
            )
    assert not Inskrivning.objects.exists()


def test_samordnare_for_overordnad_insats_far_skriva_in_i_delinsats(
    forbund, insats, samordnare, samordnarens_deltagare
):
    delinsats = InsatsFactory(forbund=forbund, overordnad=insats)
    glom_atkomst(samordnare)  # as a new request would: the delinsats is new
    inskrivning_skapa(
        deltagare=samordnarens_deltagare,
        insats=delinsats,
        startdatum=D(2025, 3, 1),
        user=samordnare,
    )
    assert Inskrivning.objects.get().insats == delinsats


def test_samordnare_kan_inte_skriva_in_en_annan_insats_deltagare(
    forbund, insats, annan_insats, samordnare, samordnare_annan_insats, samordnarens_deltagare
):
    inskrivning_skapa(
        deltagare=samordnarens_deltagare, insats=insats, startdatum=D(2025, 3, 1), user=samordnare
    )
    # The colleague knows the id but not the person: answered as if missing.
    with pytest.raises(ValidationError) as fel:
        inskrivning_skapa(
            deltagare=samordnarens_deltagare,
            insats=annan_insats,
            startdatum=D(2025, 4, 1),
            user=samordnare_annan_insats,
        )
    assert fel.value.message_dict == {"deltagare": ["Deltagaren finns inte."]}
    assert Inskrivning.objects.count() == 1


def test_egen_registrering_vantar_pa_samordnarens_egen_inskrivning(
    forbund, insats, annan_insats, samordnare, samordnarens_deltagare
):
    assert Deltagare.objects.visible_to(samordnare).filter(pk=samordnarens_deltagare.pk)
    # Enrolled by someone else in an insats that is not the registrar's:
    # the registrar's own registration still waits, and they still see it.
    inskrivning_skapa(
        deltagare=samordnarens_deltagare,
        insats=annan_insats,
        startdatum=D(2025, 3, 1),
        user=SYSTEM,
    )
    assert Deltagare.objects.visible_to(samordnare).filter(pk=samordnarens_deltagare.pk)
    assert VantandeRegistrering.objects.filter(samordnare=samordnare).exists()
    # Their own inskrivning ends the wait; the insats now decides.
    inskrivning_skapa(
        deltagare=samordnarens_deltagare, insats=insats, startdatum=D(2025, 3, 1), user=samordnare
    )
    assert not VantandeRegistrering.objects.exists()
    assert Deltagare.objects.visible_to(samordnare).filter(pk=samordnarens_deltagare.pk)


# --- stegbedomning_lagg_till ---------------------------------------------------


def test_bedomning_slar_upp_steget_i_insatsens_stegskala(inskrivning, samordnare):
    bedomning = stegbedomning_lagg_till(
        inskrivning=inskrivning, datum=D(2025, 3, 1), typ="start", steg_nummer=3, user=samordnare
    )
    assert bedomning.steg.nummer == 3
    assert bedomning.steg.namn == "Vara igång några timmar i veckan"
    assert bedomning.steg.stegskala == inskrivning.insats.stegskala


@pytest.mark.parametrize(
    ("datum", "typ", "steg_nummer", "falt", "meddelande"),
    [
        (D(2025, 3, 1), "start", 7, "steg", "Steget finns inte i insatsens stegskala."),
        (D(2025, 3, 1), "start", 0, "steg", "Steget finns inte i insatsens stegskala."),
        (
            D(2025, 2, 28),
            "lopande",
            2,
            "datum",
            "Bedömningen kan inte vara daterad före inskrivningens startdatum.",
        ),
        (D(2025, 3, 1), "gissning", 2, "typ", "Värdet"),
    ],
)
def test_bedomning_vagrar(inskrivning, datum, typ, steg_nummer, falt, meddelande):
    with pytest.raises(ValidationError) as fel:
        stegbedomning_lagg_till(
            inskrivning=inskrivning, datum=datum, typ=typ, steg_nummer=steg_nummer, user=SYSTEM
        )
    assert _fel(fel)[falt][0].startswith(meddelande)
    assert not Stegbedomning.objects.exists()


def test_en_startbedomning_per_inskrivning_men_flera_lopande(inskrivning):
    stegbedomning_lagg_till(
        inskrivning=inskrivning, datum=D(2025, 3, 1), typ="start", steg_nummer=2, user=SYSTEM
    )
    with pytest.raises(ValidationError, match="redan en bedömning av den typen"):
        stegbedomning_lagg_till(
            inskrivning=inskrivning, datum=D(2025, 4, 1), typ="start", steg_nummer=3, user=SYSTEM
        )
    for manad in (5, 6):
        stegbedomning_lagg_till(
            inskrivning=inskrivning,
            datum=D(2025, manad, 1),
            typ="lopande",
            steg_nummer=3,
            user=SYSTEM,
        )
    assert list(inskrivning.bedomningar.values_list("typ", flat=True)) == [
        "start",
        "lopande",
        "lopande",
    ]


def test_endast_insatsens_samordnare_far_bedoma(inskrivning, chef, samordnare_annan_insats):
    for user in (chef, samordnare_annan_insats):
        with pytest.raises(PermissionDenied):
            stegbedomning_lagg_till(
                inskrivning=inskrivning, datum=D(2025, 3, 1), typ="start", steg_nummer=2, user=user
            )
    assert not Stegbedomning.objects.exists()


# --- inskrivning_avsluta -------------------------------------------------------


def test_avslut(inskrivning, samordnare):
    inskrivning_avsluta(
        inskrivning=inskrivning,
        slutdatum=D(2025, 9, 30),
        avslutsorsak="arbete",
        forsorjning_vid_avslut=["lon"],
        sysselsattning="forvarvsarbete",
        user=samordnare,
    )
    assert inskrivning.slutdatum == D(2025, 9, 30)
    assert inskrivning.avslutsorsak == "arbete"
    assert inskrivning.sysselsattning_vid_avslut == "forvarvsarbete"
    assert list(inskrivning.forsorjning.values_list("tidpunkt", "kalla")) == [("avslut", "lon")]
    assert Inskrivning.objects.get(pk=inskrivning.pk).version == 2


def test_avslut_tva_ganger_vagras(inskrivning):
    inskrivning_avsluta(
        inskrivning=inskrivning, slutdatum=D(2025, 9, 30), avslutsorsak="studier", user=SYSTEM
    )
    with pytest.raises(ValidationError, match="Inskrivningen är redan avslutad."):
        inskrivning_avsluta(
            inskrivning=inskrivning, slutdatum=D(2025, 10, 30), avslutsorsak="arbete", user=SYSTEM
        )
    inskrivning.refresh_from_db()
    assert (inskrivning.slutdatum, inskrivning.avslutsorsak) == (D(2025, 9, 30), "studier")


@pytest.mark.parametrize(
    ("argument", "falt", "meddelande"),
    [
        (
            {"slutdatum": D(2025, 2, 28), "avslutsorsak": "arbete"},
            "slutdatum",
            "Slutdatum kan inte vara före startdatum.",
        ),
        ({"slutdatum": D(2025, 9, 1), "avslutsorsak": ""}, "avslutsorsak", "Ange avslutsorsak."),
        ({"slutdatum": D(2025, 9, 1), "avslutsorsak": "semester"}, "avslutsorsak", "Värdet"),
        (
            {"slutdatum": D(2025, 9, 1), "avslutsorsak": "arbete", "sysselsattning": "golf"},
            "sysselsattning_vid_avslut",
            "Värdet",
        ),
        (
            {
                "slutdatum": D(2025, 9, 1),
                "avslutsorsak": "arbete",
                "forsorjning_vid_avslut": ["lon", "arv"],
            },
            "forsorjning_vid_avslut",
            "Okänd försörjningskälla: arv.",
        ),
    ],
)
def test_felaktigt_avslut_lamnar_inskrivningen_aktiv(inskrivning, argument, falt, meddelande):
    with pytest.raises(ValidationError) as fel:
        inskrivning_avsluta(inskrivning=inskrivning, **argument, user=SYSTEM)
    assert _fel(fel)[falt][0].startswith(meddelande)
    inskrivning.refresh_from_db()
    assert inskrivning.slutdatum is None
    assert inskrivning.avslutsorsak == ""
    assert not inskrivning.forsorjning.filter(tidpunkt="avslut").exists()


def test_endast_insatsens_samordnare_far_avsluta(inskrivning, chef, samordnare_annan_insats):
    for user in (chef, samordnare_annan_insats):
        with pytest.raises(PermissionDenied):
            inskrivning_avsluta(
                inskrivning=inskrivning, slutdatum=D(2025, 9, 1), avslutsorsak="arbete", user=user
            )
    inskrivning.refresh_from_db()
    assert inskrivning.slutdatum is None


# --- anonyma_registrera --------------------------------------------------------


def test_anonyma_skapas_och_ersatts_per_ar(insats, samordnare):
    anonyma_registrera(insats=insats, ar=2025, kvinnor=3, man=2, annat=0, user=samordnare)
    anonyma_registrera(insats=insats, ar=2025, kvinnor=4, man=2, annat=1, user=samordnare)
    anonyma_registrera(insats=insats, ar=2026, kvinnor=1, man=0, annat=0, user=samordnare)
    assert list(
        AnonymaDeltagare.objects.order_by("ar").values_list("ar", "kvinnor", "man", "annat")
    ) == [(2025, 4, 2, 1), (2026, 1, 0, 0)]


@pytest.mark.parametrize(
    ("ar", "kvinnor", "falt", "meddelande"),
    [
        (2025, -1, "kvinnor", "Kontrollera att detta värde är större än eller lika med 0."),
        (1999, 1, "__all__", "Året måste vara mellan 2000 och 2100."),
    ],
)
def test_anonyma_vagrar(insats, ar, kvinnor, falt, meddelande):
    with pytest.raises(ValidationError) as fel:
        anonyma_registrera(insats=insats, ar=ar, kvinnor=kvinnor, man=0, annat=0, user=SYSTEM)
    assert _fel(fel)[falt] == [meddelande]
    assert not AnonymaDeltagare.objects.exists()


def test_anonyma_inte_for_strukturinsats(forbund):
    struktur = InsatsFactory(forbund=forbund, inriktning=Inriktning.STRUKTUR)
    with pytest.raises(ValidationError, match="En strukturinsats har inga deltagare."):
        anonyma_registrera(insats=struktur, ar=2025, kvinnor=1, man=1, annat=0, user=SYSTEM)


def test_endast_insatsens_samordnare_far_registrera_anonyma(
    insats, chef, samordnare_annan_insats, utomstaende
):
    for user in (chef, samordnare_annan_insats, utomstaende):
        with pytest.raises(PermissionDenied):
            anonyma_registrera(insats=insats, ar=2025, kvinnor=1, man=1, annat=0, user=user)
    assert not AnonymaDeltagare.objects.exists()
