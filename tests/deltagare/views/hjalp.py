"""Helpers of the samordnare's pages: filled-in forms, and counting what a page wrote."""

from django.urls import reverse

from deltagare.models import Atkomstlogg, Deltagare, Forsorjning, Inskrivning, Stegbedomning
from tests.personer import PNR


def rader() -> dict[str, int]:
    """Row counts of everything a deltagare page can write: proof that nothing was."""
    return {
        "deltagare": Deltagare.objects.count(),
        "inskrivningar": Inskrivning.objects.count(),
        "forsorjning": Forsorjning.objects.count(),
        "bedomningar": Stegbedomning.objects.count(),
    }


def loggrader(**filter) -> int:
    return Atkomstlogg.objects.filter(**filter).count()


def html(svar) -> str:
    return svar.content.decode()


def startdata(**andrat) -> dict:
    """A filled-in start data part of the registration form."""
    data = {
        "startdatum": "2025-03-01",
        "remitterande_part": "",
        "utbildningsniva": "gymnasium",
        "tid_i_offentlig_forsorjning": "1_3",
        "forsorjning_vid_start": ["sjukpenning", "ekonomiskt_bistand"],
        "utrikes_fodd": "nej",
    }
    return data | andrat


def med_personnummer(pnr: str = PNR, **andrat) -> dict:
    return startdata(identitet="personnummer", personnummer=pnr, samtycke_datum="2025-02-20") | (
        andrat
    )


def utan_identitet(**andrat) -> dict:
    return startdata(identitet="referens", referens="ST-17", kon="man", fodelsear="1990") | (andrat)


def registrera_url(insats) -> str:
    return reverse("deltagare:registrera", kwargs={"insats_pk": insats.pk})
