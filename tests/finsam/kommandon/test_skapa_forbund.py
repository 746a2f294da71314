from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from finsam.models import Forbund
from insatser.models import Stegskala


def kor(*args) -> str:
    ut = StringIO()
    call_command("skapa_forbund", *args, stdout=ut)
    return ut.getvalue()


def test_skriver_bara_ut_det_nya_idt(db):
    ut = kor("Samordningsförbundet Sala", "--organisationsnummer", "222000-2048")
    forbund = Forbund.objects.get()
    assert ut == f"{forbund.pk}\n"
    assert (forbund.namn, forbund.organisationsnummer) == (
        "Samordningsförbundet Sala",
        "222000-2048",
    )
    # Made through the service, so the förbund has its ladder.
    assert Stegskala.objects.get(forbund=forbund, ar_standard=True).steg.count() == 6


@pytest.mark.parametrize(
    ("namn", "meddelande"),
    [("Samordningsförbundet Sala", "finns redan"), ("", "Detta fält får inte vara tomt.")],
)
def test_ogiltigt_namn_ger_svenskt_fel(db, namn, meddelande):
    kor("Samordningsförbundet Sala")
    with pytest.raises(CommandError, match=meddelande):
        kor(namn)
    assert Forbund.objects.count() == 1
