"""A new förbund gets its Processtrappan from insatser, through `forbund_skapat`, or nothing."""

import pytest
from django.db import DatabaseError

from finsam.atkomst import SYSTEM
from finsam.kodlistor import PROCESSTRAPPAN
from finsam.models import Forbund
from finsam.services.organisation import forbund_skapa
from finsam.signaler import forbund_skapat

pytestmark = pytest.mark.django_db


def test_nytt_forbund_far_processtrappan_som_standard():
    forbund = forbund_skapa(namn="Samordningsförbundet Sala", user=SYSTEM)
    (skala,) = forbund.stegskalor.all()
    assert (skala.namn, skala.ar_standard) == ("Processtrappan", True)
    assert [s.namn for s in skala.steg.order_by("nummer")] == list(PROCESSTRAPPAN)


def test_en_mottagare_som_fallerar_lamnar_inget_forbund():
    def trasig(sender, forbund, **kwargs):
        raise DatabaseError("stegskalan kunde inte skapas")

    forbund_skapat.connect(trasig, dispatch_uid="trasig")
    try:
        with pytest.raises(DatabaseError):
            forbund_skapa(namn="Samordningsförbundet Sala", user=SYSTEM)
    finally:
        forbund_skapat.disconnect(dispatch_uid="trasig")
    assert not Forbund.objects.filter(namn="Samordningsförbundet Sala").exists()
