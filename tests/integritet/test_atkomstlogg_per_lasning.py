"""The access log gets exactly the rows it should: one per deltagare per read or write.

Every read selector of deltagare/selectors.py and every write service of
deltagare/services/ is called here, inside a request (the real middleware)
where it matters, and the rows it added are compared field by field.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from deltagare import selectors
from deltagare.models import (
    Atkomstlogg,
    Deltagare,
    Forsorjning,
    Inskrivning,
    Stegbedomning,
    VantandeRegistrering,
)
from deltagare.services import (
    anonyma_registrera,
    deltagare_registrera,
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
from insatser.selectors import samordnarens_insats
from insatser.services import insatsberattelse_spara
from tests.factories import InsatsFactory
from tests.integritet.hjalp import (
    PNR,
    URSPRUNG,
    VAG,
    D,
    i_begaran,
    loggens_sista_id,
    loggrader_efter,
    nya_loggrader,
)

Handling = Atkomstlogg.Handling


def _i_begaran_loggat(funktion):
    """Call inside a request; returns the result and the log rows it added."""
    return nya_loggrader(lambda: i_begaran(funktion)[0])


def _som_rader(rader, user) -> list[tuple]:
    """The rows as (handling, pseudonym, insats id), checking who and where on the way."""
    for rad in rader:
        assert rad.user == (None if user is SYSTEM else user)
        assert rad.anvandarnamn == getattr(user, "username", "system")
        assert (rad.ursprung, rad.vag) == (URSPRUNG, VAG)
        assert rad.forbund_id == Deltagare.objects.get(pseudonym=rad.deltagare_pseudonym).forbund_id
    return [(r.handling, r.deltagare_pseudonym, r.insats_id) for r in rader]


START = D(2025, 3, 1)


def _skriv_in(insats, user, referens: str, start=START) -> Inskrivning:
    return deltagare_registrera_i_insats(
        insats=insats,
        startdatum=start,
        referens=referens,
        kon=Kon.MAN,
        fodelsear=1980,
        user=user,
    )


@pytest.fixture
def tre(insats, samordnare) -> list[Inskrivning]:
    """Three deltagare enrolled in `insats` (before the reads are measured)."""
    return [_skriv_in(insats, samordnare, f"R-{i}", D(2025, 3, i + 1)) for i in range(3)]


# --- reads ------------------------------------------------------------------------


def test_samordnarens_insats_loggar_inget(insats, samordnare, tre):
    traff, rader = _i_begaran_loggat(lambda: samordnarens_insats(user=samordnare, pk=insats.pk))
    assert traff == insats
    assert rader == []


@pytest.mark.parametrize(("urval", "antal"), [("aktiva", 3), ("alla", 3), ("avslutade", 0)])
def test_inskrivningar_sida_en_rad_per_deltagare_pa_sidan(insats, samordnare, tre, urval, antal):
    sida, rader = _i_begaran_loggat(
        lambda: selectors.inskrivningar_sida(user=samordnare, insats=insats, urval=urval)
    )
    assert len(sida) == antal
    assert sorted(_som_rader(rader, samordnare)) == sorted(
        (Handling.LAS, i.deltagare.pseudonym, insats.pk) for i in list(sida)
    )


def test_inskrivningar_sida_loggar_bara_sidans_deltagare(insats, samordnare, tre, monkeypatch):
    monkeypatch.setattr(selectors, "PER_SIDA", 2)
    sida1, rader1 = _i_begaran_loggat(
        lambda: selectors.inskrivningar_sida(user=samordnare, insats=insats, sortering="start")
    )
    sida2, rader2 = _i_begaran_loggat(
        lambda: selectors.inskrivningar_sida(
            user=samordnare, insats=insats, sortering="start", sida=2
        )
    )
    assert [r.deltagare_pseudonym for r in rader1] == [i.deltagare.pseudonym for i in tre[:2]]
    assert [r.deltagare_pseudonym for r in rader2] == [tre[2].deltagare.pseudonym]
    assert len(sida1) + len(sida2) == 3


def test_inskrivningar_sida_en_rad_aven_nar_personen_syns_tva_ganger(forbund, insats, samordnare):
    """A person ended and enrolled again, plus once in a delinsats: three lines, one row."""
    forsta = _skriv_in(insats, samordnare, "TVA-GANGER")
    inskrivning_avsluta(
        inskrivning=forsta, slutdatum=D(2025, 4, 1), avslutsorsak="egen_begaran", user=samordnare
    )
    inskrivning_skapa(
        deltagare=forsta.deltagare, insats=insats, startdatum=D(2025, 5, 1), user=samordnare
    )
    delinsats = InsatsFactory(forbund=forbund, overordnad=insats, namn="Del")
    glom_atkomst(samordnare)
    inskrivning_skapa(
        deltagare=forsta.deltagare, insats=delinsats, startdatum=D(2025, 6, 1), user=samordnare
    )
    sida, rader = _i_begaran_loggat(
        lambda: selectors.inskrivningar_sida(user=samordnare, insats=insats, urval="alla")
    )
    assert len(sida) == 3
    assert _som_rader(rader, samordnare) == [(Handling.LAS, forsta.deltagare.pseudonym, insats.pk)]


def test_deltagare_hamta_en_rad(samordnare, tre):
    deltagare = tre[1].deltagare
    hamtad, rader = _i_begaran_loggat(
        lambda: selectors.deltagare_hamta(user=samordnare, pk=deltagare.pk)
    )
    assert hamtad == deltagare
    assert _som_rader(rader, samordnare) == [(Handling.LAS, deltagare.pseudonym, None)]


def test_inskrivning_hamta_en_rad(insats, samordnare, tre):
    hamtad, rader = _i_begaran_loggat(
        lambda: selectors.inskrivning_hamta(user=samordnare, pk=tre[0].pk)
    )
    assert hamtad == tre[0]
    assert _som_rader(rader, samordnare) == [(Handling.LAS, tre[0].deltagare.pseudonym, insats.pk)]


@pytest.mark.parametrize("anvandare", ["samordnare_annan_insats", "chef", "utomstaende"])
def test_las_utanfor_rackvidd_ar_404_och_loggar_inget(request, anvandare, insats, tre):
    user = request.getfixturevalue(anvandare)
    fore = loggens_sista_id()
    for las in (
        lambda: selectors.deltagare_hamta(user=user, pk=tre[0].deltagare_id),
        lambda: selectors.inskrivning_hamta(user=user, pk=tre[0].pk),
        lambda: samordnarens_insats(user=user, pk=insats.pk),
    ):
        with pytest.raises(Http404):
            i_begaran(las)
    assert loggrader_efter(fore) == []


def test_sok_pa_personnummer_en_rad_som_sokning(insats, samordnare, identifierad):
    traffar, rader = _i_begaran_loggat(
        # Searched in another form than it was registered in.
        lambda: selectors.deltagare_sok(user=samordnare, personnummer="19811218-9876")
    )
    assert traffar == [identifierad.deltagare]
    assert _som_rader(rader, samordnare) == [(Handling.SOK, identifierad.deltagare.pseudonym, None)]


def test_sok_pa_referens_en_rad_per_traff(samordnare, tre):
    traffar, rader = _i_begaran_loggat(
        lambda: selectors.deltagare_sok(user=samordnare, referens="r-")
    )
    assert len(traffar) == 3
    assert sorted(_som_rader(rader, samordnare)) == sorted(
        (Handling.SOK, i.deltagare.pseudonym, None) for i in tre
    )


def test_sok_utan_traff_eller_med_felaktigt_nummer_loggar_inget(
    samordnare, samordnare_annan_insats, identifierad
):
    fore = loggens_sista_id()
    assert (
        i_begaran(lambda: selectors.deltagare_sok(user=samordnare, personnummer="850312-2429"))[0]
        == []
    )
    assert i_begaran(lambda: selectors.deltagare_sok(user=samordnare, referens="  "))[0] == []
    # The colleague of another insats does not find the person, and is not logged as seeing them.
    assert (
        i_begaran(lambda: selectors.deltagare_sok(user=samordnare_annan_insats, personnummer=PNR))[
            0
        ]
        == []
    )
    with pytest.raises(ValidationError) as fel:
        i_begaran(lambda: selectors.deltagare_sok(user=samordnare, personnummer="811218-9875"))
    assert fel.value.message_dict == {"personnummer": ["Kontrollsiffran stämmer inte."]}
    assert loggrader_efter(fore) == []


def test_personnummer_visa_och_maskerat_loggar_inte_sjalva(identifierad, samordnare):
    """They format an already read (and logged) deltagare; they read nothing new."""
    deltagare = identifierad.deltagare
    (visat, maskerat), rader = nya_loggrader(
        lambda: (
            selectors.personnummer_visa(deltagare, samordnare),
            selectors.personnummer_maskerade([deltagare], samordnare),
        )
    )
    assert (visat, maskerat) == ("198112189876", {deltagare.pk: "19811218-****"})
    assert rader == []


def test_forfallna_uppfoljningar_en_rad_per_person(insats, samordnare, tre):
    # Two years ago: both follow-ups due; eight months ago: only the 6-month one.
    inskrivning_avsluta(
        inskrivning=tre[0], slutdatum=D(2025, 4, 1), avslutsorsak="arbete", user=samordnare
    )
    inskrivning_avsluta(
        inskrivning=tre[1], slutdatum=D(2026, 9, 1), avslutsorsak="studier", user=samordnare
    )
    forfallna, rader = _i_begaran_loggat(
        lambda: selectors.uppfoljningar_forfallna(
            user=samordnare, insats=insats, idag=D(2027, 5, 1)
        )
    )
    assert [(u.inskrivning, u.typ) for u in forfallna] == [
        (tre[0], "uppfoljning_6"),
        (tre[0], "uppfoljning_18"),
        (tre[1], "uppfoljning_6"),
    ]
    assert sorted(_som_rader(rader, samordnare)) == sorted(
        (Handling.LAS, i.deltagare.pseudonym, insats.pk) for i in tre[:2]
    )


def test_utanfor_en_begaran_sags_det(samordnare, tre):
    _, rader = nya_loggrader(
        lambda: selectors.deltagare_hamta(user=samordnare, pk=tre[0].deltagare_id)
    )
    assert [(r.ursprung, r.vag) for r in rader] == [("", "system")]


# --- writes -----------------------------------------------------------------------


def test_registrera_en_rad(forbund, samordnare):
    deltagare, rader = _i_begaran_loggat(
        lambda: deltagare_registrera(
            forbund=forbund, referens="NY", kon=Kon.KVINNA, fodelsear=1970, user=samordnare
        )
    )
    assert _som_rader(rader, samordnare) == [(Handling.REGISTRERA, deltagare.pseudonym, None)]


def test_registrera_i_insats_ny_person_registrering_och_inskrivning(insats, samordnare):
    inskrivning, rader = _i_begaran_loggat(lambda: _skriv_in(insats, samordnare, "NY"))
    pseudonym = inskrivning.deltagare.pseudonym
    assert _som_rader(rader, samordnare) == [
        (Handling.REGISTRERA, pseudonym, None),
        (Handling.INSKRIVNING, pseudonym, insats.pk),
    ]


def test_registrera_i_insats_kand_person_loggas_som_en_ny(
    forbund, insats, annan_insats, samordnare, identifierad
):
    medlemskap_lagg_till(
        anvandare=samordnare,
        forbund=forbund,
        roll=Roll.SAMORDNARE,
        insatser=[annan_insats],
        user=SYSTEM,
    )
    inskrivning, rader = _i_begaran_loggat(
        lambda: deltagare_registrera_i_insats(
            insats=annan_insats,
            startdatum=D(2025, 5, 1),
            personnummer=PNR,
            samtycke_datum=D(2025, 5, 1),
            user=samordnare,
        )
    )
    assert inskrivning.deltagare == identifierad.deltagare
    # The same trail as a new person's: the log tells nothing of other insatser either.
    assert _som_rader(rader, samordnare) == [
        (Handling.REGISTRERA, identifierad.deltagare.pseudonym, None),
        (Handling.INSKRIVNING, identifierad.deltagare.pseudonym, annan_insats.pk),
    ]


def test_varje_andring_en_rad_med_ratt_handling(insats, samordnare, tre):
    inskrivning = tre[0]
    pseudonym = inskrivning.deltagare.pseudonym
    steg = [
        (
            lambda: inskrivning_uppdatera(
                inskrivning=inskrivning, version=1, utbildningsniva="gymnasium", user=samordnare
            ),
            Handling.ANDRA,
        ),
        (
            lambda: stegbedomning_lagg_till(
                inskrivning=inskrivning,
                datum=D(2025, 3, 2),
                typ="start",
                steg_nummer=2,
                user=samordnare,
            ),
            Handling.BEDOMNING,
        ),
        (
            lambda: inskrivning_avsluta(
                inskrivning=inskrivning,
                slutdatum=D(2025, 6, 1),
                avslutsorsak="arbete",
                version=2,
                user=samordnare,
            ),
            Handling.AVSLUT,
        ),
        (
            lambda: stegbedomning_lagg_till(
                inskrivning=inskrivning,
                datum=D(2025, 12, 1),
                typ="uppfoljning_6",
                steg_nummer=5,
                user=samordnare,
            ),
            Handling.BEDOMNING,
        ),
        (
            lambda: inskrivning_felregistrera(inskrivning=inskrivning, version=3, user=samordnare),
            Handling.FELREGISTRERING,
        ),
    ]
    for skrivning, handling in steg:
        _, rader = _i_begaran_loggat(skrivning)
        assert _som_rader(rader, samordnare) == [(handling, pseudonym, insats.pk)]


def test_avslut_som_felregistrering_loggas_som_felregistrering(insats, samordnare, tre):
    _, rader = _i_begaran_loggat(
        lambda: inskrivning_avsluta(
            inskrivning=tre[2],
            slutdatum=D(2025, 3, 3),
            avslutsorsak="felregistrering",
            user=samordnare,
        )
    )
    assert _som_rader(rader, samordnare) == [
        (Handling.FELREGISTRERING, tre[2].deltagare.pseudonym, insats.pk)
    ]


def test_inskrivning_skapa_en_rad(insats, samordnare, forbund):
    deltagare = deltagare_registrera(
        forbund=forbund, referens="X", kon=Kon.MAN, fodelsear=1990, user=samordnare
    )
    _, rader = _i_begaran_loggat(
        lambda: inskrivning_skapa(
            deltagare=deltagare, insats=insats, startdatum=D(2025, 3, 1), user=samordnare
        )
    )
    assert _som_rader(rader, samordnare) == [(Handling.INSKRIVNING, deltagare.pseudonym, insats.pk)]


def test_system_loggas_som_system(insats, tre):
    _, rader = _i_begaran_loggat(
        lambda: stegbedomning_lagg_till(
            inskrivning=tre[0], datum=D(2025, 4, 1), typ="lopande", steg_nummer=3, user=SYSTEM
        )
    )
    assert _som_rader(rader, SYSTEM) == [
        (Handling.BEDOMNING, tre[0].deltagare.pseudonym, insats.pk)
    ]


def test_anonyma_och_berattelse_ror_ingen_deltagare(insats, samordnare):
    _, rader = _i_begaran_loggat(
        lambda: anonyma_registrera(
            insats=insats, ar=2025, kvinnor=2, man=1, annat=0, user=samordnare
        )
    )
    assert rader == []
    _, rader = _i_begaran_loggat(
        lambda: insatsberattelse_spara(
            insats=insats,
            fran=D(2025, 1, 1),
            till=D(2025, 8, 31),
            text="Verksamheten har gått bra.",
            version=None,
            user=samordnare,
        )
    )
    assert rader == []


# --- a refused write leaves nothing, not even a log row --------------------------


def _rader_i_tabellerna() -> dict[str, int]:
    return {
        modell.__name__: modell.objects.count()
        for modell in (
            Deltagare,
            Inskrivning,
            Forsorjning,
            Stegbedomning,
            Atkomstlogg,
            VantandeRegistrering,
        )
    }


@pytest.mark.parametrize(
    "fel",
    [
        # Fails after the deltagare (and its log row) was written: both roll back.
        {"forsorjning_vid_start": ["lon", "lotto"]},
        {"startdatum": D(2020, 12, 31)},  # before the insats starts
        {"utbildningsniva": "doktor"},
    ],
)
def test_vagrad_registrering_i_insats_lamnar_inga_rader(insats, samordnare, fel):
    fore = _rader_i_tabellerna()
    argument = {
        "insats": insats,
        "startdatum": D(2025, 3, 1),
        "personnummer": PNR,
        "samtycke_datum": D(2025, 2, 1),
        "user": samordnare,
        **fel,
    }
    with pytest.raises(ValidationError) as undantag:
        i_begaran(lambda: deltagare_registrera_i_insats(**argument))
    assert set(undantag.value.message_dict) == set(fel)
    assert _rader_i_tabellerna() == fore


def test_vagrad_ny_inskrivning_for_kand_person_lamnar_samtycket(insats, samordnare, identifierad):
    inskrivning_avsluta(
        inskrivning=identifierad, slutdatum=D(2025, 4, 1), avslutsorsak="annan", user=samordnare
    )
    fore = _rader_i_tabellerna()
    with pytest.raises(ValidationError):
        deltagare_registrera_i_insats(
            insats=insats,
            startdatum=D(2025, 5, 1),
            personnummer=PNR,
            samtycke_datum=D(2025, 5, 1),
            forsorjning_vid_start=["okand_kalla"],
            user=samordnare,
        )
    assert _rader_i_tabellerna() == fore
    identifierad.refresh_from_db()
    assert identifierad.samtycke_datum == D(2025, 2, 20)


@pytest.mark.parametrize(
    "skrivning",
    [
        lambda i, u: inskrivning_uppdatera(
            inskrivning=i, version=1, forsorjning_vid_start=["lon", "guld"], user=u
        ),
        lambda i, u: inskrivning_uppdatera(
            inskrivning=i, version=1, startdatum=D(2019, 1, 1), user=u
        ),
        lambda i, u: inskrivning_avsluta(
            inskrivning=i,
            slutdatum=D(2025, 5, 1),
            avslutsorsak="arbete",
            sysselsattning="x",
            user=u,
        ),
        lambda i, u: stegbedomning_lagg_till(
            inskrivning=i, datum=D(2025, 1, 1), typ="start", steg_nummer=2, user=u
        ),
        lambda i, u: inskrivning_felregistrera(inskrivning=i, version=7, user=u),
    ],
    ids=["forsorjning", "startdatum", "sysselsattning", "bedomningsdatum", "gammal_version"],
)
def test_vagrad_andring_lamnar_inga_rader(insats, samordnare, skrivning):
    inskrivning = deltagare_registrera_i_insats(
        insats=insats,
        startdatum=D(2025, 3, 1),
        referens="A",
        kon=Kon.KVINNA,
        fodelsear=1995,
        forsorjning_vid_start=["sjukpenning"],
        user=samordnare,
    )
    fore = _rader_i_tabellerna()
    with pytest.raises((ValidationError, Konflikt)):
        skrivning(inskrivning, samordnare)
    assert _rader_i_tabellerna() == fore
    sparad = Inskrivning.objects.get(pk=inskrivning.pk)
    assert (sparad.version, sparad.slutdatum, sparad.startdatum) == (1, None, D(2025, 3, 1))
    assert list(sparad.forsorjning.values_list("tidpunkt", "kalla")) == [("start", "sjukpenning")]


@pytest.mark.parametrize("anvandare", ["chef", "samordnare_annan_insats", "utomstaende"])
def test_nekad_skrivning_lamnar_inga_rader(request, anvandare, tre):
    user = request.getfixturevalue(anvandare)
    fore = _rader_i_tabellerna()
    with pytest.raises(PermissionDenied):
        stegbedomning_lagg_till(
            inskrivning=tre[0], datum=D(2025, 4, 1), typ="start", steg_nummer=1, user=user
        )
    with pytest.raises(PermissionDenied):
        inskrivning_uppdatera(inskrivning=tre[0], version=1, utbildningsniva="okand", user=user)
    assert _rader_i_tabellerna() == fore
