"""The förbund's organisation (finsam/models/uppdrag.py, services/uppdrag.py, selectors.py)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from finsam.atkomst import SYSTEM
from finsam.models import Uppdrag
from finsam.selectors import organisation_under_period
from finsam.services.uppdrag import uppdrag_andra, uppdrag_skapa, uppdrag_ta_bort
from tests.factories import PartFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def _uppdrag(forbund, namn, organ, roll, fran, till=None, **falt) -> Uppdrag:
    return uppdrag_skapa(
        forbund=forbund,
        user=SYSTEM,
        organ=organ,
        roll=roll,
        namn=namn,
        fran=fran,
        till=till,
        **falt,
    )


def test_perioden_visar_den_som_hade_uppdraget_nagon_dag_i_den(forbund, chef):
    # Delåret 2021-01-01–2021-08-31, as in seed 002.
    _uppdrag(forbund, "Dennis Nilsson", "styrelse", "ordforande", D(2019, 1, 1))
    _uppdrag(forbund, "Slutade dagen före", "styrelse", "ledamot", D(2019, 1, 1), D(2020, 12, 31))
    _uppdrag(forbund, "Slutade första dagen", "styrelse", "ledamot", D(2019, 1, 1), D(2021, 1, 1))
    _uppdrag(forbund, "Började sista dagen", "styrelse", "ersattare", D(2021, 8, 31))
    _uppdrag(forbund, "Började dagen efter", "styrelse", "ledamot", D(2021, 9, 1))
    _uppdrag(forbund, "Ann-Louise Molin Östling", "styrelse", "vice_ordforande", D(2019, 1, 1))
    _uppdrag(forbund, "Revisor", "revision", "revisor", D(2020, 1, 1), beskrivning="auktoriserad")
    organisation = organisation_under_period(
        user=chef, forbund=forbund, fran=D(2021, 1, 1), till=D(2021, 8, 31)
    )
    # Organs in the report's order, nobody in ledning or beredningsgrupp; roles in order.
    assert list(organisation) == ["styrelse", "revision"]
    assert [(u.namn, u.roll) for u in organisation["styrelse"]] == [
        ("Dennis Nilsson", "ordforande"),
        ("Ann-Louise Molin Östling", "vice_ordforande"),
        ("Slutade första dagen", "ledamot"),
        ("Började sista dagen", "ersattare"),
    ]
    assert [u.beskrivning for u in organisation["revision"]] == ["auktoriserad"]


def test_ett_annat_forbunds_organisation_syns_inte(forbund, annat_forbund, chef):
    _uppdrag(annat_forbund, "Sala", "styrelse", "ordforande", D(2019, 1, 1))
    assert organisation_under_period(
        user=chef, forbund=annat_forbund, fran=D(2021, 1, 1), till=D(2021, 8, 31)
    ) == {}


def test_en_ordforande_i_taget_men_en_efter_en_gar(forbund):
    forsta = _uppdrag(forbund, "Första", "styrelse", "ordforande", D(2019, 1, 1))
    with pytest.raises(ValidationError) as fel:
        _uppdrag(forbund, "Andra", "styrelse", "ordforande", D(2021, 1, 1))
    assert fel.value.message_dict == {
        "roll": [
            "Första är ordförande 2019-01-01 och framåt. Ange när det uppdraget slutar först."
        ]
    }
    uppdrag_andra(uppdrag=forsta, user=SYSTEM, till=D(2020, 12, 31))
    _uppdrag(forbund, "Andra", "styrelse", "ordforande", D(2021, 1, 1))
    # Ledamöter are many at once, and a beredningsgrupp has its own ordförande.
    _uppdrag(forbund, "Ledamot 1", "styrelse", "ledamot", D(2021, 1, 1))
    _uppdrag(forbund, "Ledamot 2", "styrelse", "ledamot", D(2021, 1, 1))
    _uppdrag(forbund, "Gruppens ordförande", "beredningsgrupp", "ordforande", D(2021, 1, 1))
    assert Uppdrag.objects.filter(forbund=forbund).count() == 5


@pytest.mark.parametrize(
    ("falt", "fel"),
    [
        ({"roll": "revisor"}, {"__all__": ["Rollen finns inte i det organet."]}),
        ({"till": D(2018, 12, 31)}, {"__all__": ["Uppdraget kan inte sluta före det börjar."]}),
        ({"namn": "  "}, {"namn": ["Detta fält får inte vara tomt."]}),
    ],
)
def test_felaktiga_uppdrag_sparas_inte(forbund, falt, fel):
    data = {"organ": "styrelse", "roll": "ledamot", "namn": "Anna", "fran": D(2019, 1, 1)} | falt
    with pytest.raises(ValidationError) as e:
        uppdrag_skapa(forbund=forbund, user=SYSTEM, **data)
    assert e.value.message_dict == fel
    assert not Uppdrag.objects.exists()


def test_part_i_ett_annat_forbund_nekas(forbund, annat_forbund):
    sala = PartFactory(forbund=annat_forbund, namn="Sala kommun")
    with pytest.raises(ValidationError) as e:
        _uppdrag(forbund, "Anna", "styrelse", "ledamot", D(2019, 1, 1), part=sala)
    assert e.value.message_dict == {"part": ["Parten hör till ett annat förbund."]}


def _uppdrag_som(user, forbund) -> Uppdrag:
    return uppdrag_skapa(
        forbund=forbund, user=user, organ="styrelse", roll="ledamot", namn="B", fran=D(2020, 1, 1)
    )


@pytest.mark.parametrize("anvandare", ["samordnare", "styrelse", "utomstaende"])
def test_bara_forbundschefen_andrar(request, forbund, anvandare):
    user = request.getfixturevalue(anvandare)
    uppdrag = _uppdrag(forbund, "Anna", "styrelse", "ledamot", D(2019, 1, 1))
    with pytest.raises(PermissionDenied):
        _uppdrag_som(user, forbund)
    with pytest.raises(PermissionDenied):
        uppdrag_andra(uppdrag=uppdrag, user=user, namn="Bertil")
    with pytest.raises(PermissionDenied):
        uppdrag_ta_bort(uppdrag=uppdrag, user=user)
    uppdrag.refresh_from_db()
    assert uppdrag.namn == "Anna"
