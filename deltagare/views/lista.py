"""An insats's deltagare: the list (aktiva, avslutade, alla) and the search."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from deltagare.forms import SokForm
from deltagare.selectors import (
    SORTERINGAR,
    URVAL,
    deltagare_sok,
    inskrivningar_sida,
)
from deltagare.views.gemensamt import benamningar
from finsam.datum import manader_senare
from finsam.formular import kor_tjanst
from insatser.selectors import samordnarens_insats

FLIKAR = (("aktiva", "Aktiva"), ("avslutade", "Avslutade"), ("alla", "Alla"))
# Sortable columns: (sort key in SORTERINGAR, heading).
SORTERBARA = (
    ("referens", "Deltagare"),
    ("start", "Startdatum"),
    ("slut", "Slutdatum"),
    ("steg", "Aktuellt steg"),
    ("uppfoljning", "Nästa uppföljning"),
)
STANDARDSORTERING = "-start"


def _fragor(**varden) -> str:
    return "?" + urlencode(varden)


def _kolumner(urval: str, sortering: str) -> dict[str, dict]:
    """Each sortable column's heading, the address that sorts by it, and `aria-sort`."""
    kolumner = {}
    for nyckel, rubrik in SORTERBARA:
        if sortering == nyckel:
            riktning, nasta = "ascending", f"-{nyckel}"
        elif sortering == f"-{nyckel}":
            riktning, nasta = "descending", nyckel
        else:
            riktning, nasta = "", nyckel
        kolumner[nyckel] = {
            "rubrik": rubrik,
            "url": _fragor(urval=urval, sortering=nasta),
            "aria_sort": riktning,
        }
    return kolumner


def _sokform(insats, data=None) -> SokForm:
    return SokForm(data, personnummer_tillatet=insats.forbund.personnummer_tillatet)


@login_required
@require_GET
def lista(request: HttpRequest, insats_pk: int) -> HttpResponse:
    insats = samordnarens_insats(user=request.user, pk=insats_pk)
    urval = request.GET.get("urval")
    urval = urval if urval in URVAL else "aktiva"
    sortering = request.GET.get("sortering")
    sortering = sortering if sortering in SORTERINGAR else STANDARDSORTERING
    sida = inskrivningar_sida(
        user=request.user,
        insats=insats,
        urval=urval,
        sortering=sortering,
        sida=request.GET.get("sida", 1),
    )
    namn = benamningar([i.deltagare for i in sida], request.user)
    for inskrivning in sida:
        inskrivning.benamning = namn[inskrivning.deltagare_id]
        # The exact date, as *Uppföljningar att göra* writes it.
        manader = inskrivning.nasta_uppfoljning_manader
        inskrivning.uppfoljning_forfaller = manader and manader_senare(
            inskrivning.slutdatum, manader
        )
    return render(
        request,
        "deltagare/lista.html",
        {
            "insats": insats,
            "sida": sida,
            "urval": urval,
            "idag": timezone.localdate(),
            "flikar": [
                {
                    "namn": namn,
                    "url": _fragor(urval=nyckel, sortering=sortering),
                    "aktuell": nyckel == urval,
                }
                for nyckel, namn in FLIKAR
            ],
            "kolumner": _kolumner(urval, sortering),
            "sidlankar": _fragor(urval=urval, sortering=sortering) + "&sida=",
            "sidnummer": sida.paginator.get_elided_page_range(sida.number, on_each_side=2),
            "ellips": Paginator.ELLIPSIS,
            "sokform": _sokform(insats),
        },
    )


@sensitive_post_parameters("personnummer")
@login_required
@require_POST
def sok(request: HttpRequest, insats_pk: int) -> HttpResponse:
    """Search by POST, and answer with the hits: the number never enters a URL."""
    insats = samordnarens_insats(user=request.user, pk=insats_pk)
    form = _sokform(insats, request.POST)
    traffar = None
    if form.is_valid():
        traffar = kor_tjanst(form, lambda: deltagare_sok(user=request.user, **form.tjanstdata()))
    namn = benamningar(traffar or (), request.user)
    for deltagare in traffar or ():
        deltagare.benamning = namn[deltagare.pk]
    return render(
        request,
        "deltagare/sok.html",
        {"insats": insats, "sokform": form, "traffar": traffar},
        status=400 if form.errors else 200,
    )
