from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from finsam.models import ApiNyckel
from finsam.services.api_nycklar import api_nyckel_autentisera
from tests.factories import PartFactory


def kor(*args) -> list[str]:
    ut = StringIO()
    call_command("skapa_api_nyckel", *args, stdout=ut)
    return ut.getvalue().splitlines()


def test_personlig_nyckel_pa_sista_raden(chef):
    nyckel = api_nyckel_autentisera(kor("--user", "chef")[-1])
    assert nyckel.typ == ApiNyckel.Typ.PERSONLIG
    assert nyckel.user == chef
    assert nyckel.giltig_till is None


def test_partnyckel_med_namn_och_giltighet(forbund):
    part = PartFactory(forbund=forbund, namn="Försäkringskassan")
    fore = timezone.now()
    rader = kor("--part", str(part.pk), "--namn", "FK statistik", "--giltig-dagar", "30")
    nyckel = api_nyckel_autentisera(rader[-1])
    assert (nyckel.typ, nyckel.part, nyckel.namn) == (ApiNyckel.Typ.PART, part, "FK statistik")
    assert fore + timedelta(days=30) <= nyckel.giltig_till <= timezone.now() + timedelta(days=30)
    assert "Försäkringskassan" in rader[0]
    # Only the hash is kept.
    assert rader[-1] not in {nyckel.hash, nyckel.prefix}


@pytest.mark.parametrize(
    ("argument", "meddelande"),
    [
        ([], "Ange antingen --user eller --part"),
        (["--user", "chef", "--part", "{part}"], "Ange antingen --user eller --part"),
        (["--user", "ingen"], "Det finns ingen användare ”ingen”."),
        (["--part", "999999"], "Det finns ingen part med id 999999."),
        (["--part", "fk"], "Partens id ska vara ett heltal"),
        (["--user", "chef", "--giltig-dagar", "0"], "--giltig-dagar måste vara minst 1."),
        (["--user", "chef", "--giltig-dagar", "en"], "--giltig-dagar ska vara ett heltal"),
    ],
)
def test_felaktiga_argument_ger_svenskt_fel_och_ingen_nyckel(chef, forbund, argument, meddelande):
    part = PartFactory(forbund=forbund)
    with pytest.raises(CommandError, match=meddelande):
        kor(*[a.format(part=part.pk) for a in argument])
    assert not ApiNyckel.objects.exists()
