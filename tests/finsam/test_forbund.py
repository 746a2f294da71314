from django.contrib import admin

from finsam.admin import ForbundAdmin
from finsam.atkomst import SYSTEM
from finsam.models import Forbund
from finsam.services.organisation import forbund_skapa
from insatser.models import Stegskala


def test_nytt_forbund_far_processtrappan(db):
    forbund = forbund_skapa(namn="Samordningsförbundet Västerås", user=SYSTEM)
    skala = Stegskala.objects.get(forbund=forbund, ar_standard=True)
    assert skala.namn == "Processtrappan"
    assert list(skala.steg.values_list("nummer", "namn")) == [
        (1, "Kunna lämna hemmet"),
        (2, "Passa tider, basala funktioner"),
        (3, "Vara igång några timmar i veckan"),
        (4, "Arbetsträning eller arbetsprövning"),
        (5, "Söka arbete eller studier med stöd"),
        (6, "Arbete eller studier"),
    ]


def test_administratoren_satter_gallringstiden_bara_nar_forbundet_skapas(forbund):
    forbundsadmin = ForbundAdmin(Forbund, admin.site)
    assert "gallring_ar" not in forbundsadmin.get_readonly_fields(None)
    assert "gallring_ar" in forbundsadmin.get_readonly_fields(None, forbund)
