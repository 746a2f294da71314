"""Correcting saved data: a bedömning, an avslut, a felregistrering. Each asks why.

Every page carries the inskrivning's version, as the other change pages do,
and leaves a Korrigering that the deltagare page's timeline shows.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from deltagare.forms import AvslutRattaForm, BedomningAndraForm, SkalForm
from deltagare.models import Forsorjning
from deltagare.selectors import bedomning_hamta, inskrivning_hamta
from deltagare.services import (
    inskrivning_ateroppna,
    inskrivning_avslut_ratta,
    inskrivning_felregistrering_angra,
    stegbedomning_andra,
    stegbedomning_ta_bort,
)
from deltagare.views.inskrivning import andringssida, formdata, insatsens_steg
from finsam.kodlistor import Bedomningstyp

_MALL = "deltagare/korrigera.html"


def _bedomningssida(request: HttpRequest, pk: int, *, ta_bort: bool) -> HttpResponse:
    bedomning = bedomning_hamta(user=request.user, pk=pk)
    inskrivning = bedomning.inskrivning
    if ta_bort:
        form = SkalForm(formdata(request), initial={"version": inskrivning.version})
        tjanst, sidtitel = stegbedomning_ta_bort, "Ta bort stegbedömning"
        knapp, klart = "Ta bort bedömningen", "Stegbedömningen är borttagen."
    else:
        form = BedomningAndraForm(
            formdata(request),
            steg=insatsens_steg(request, inskrivning),
            initial={
                "datum": bedomning.datum,
                "steg": bedomning.steg.nummer,
                "version": inskrivning.version,
            },
        )
        tjanst, sidtitel = stegbedomning_andra, "Ändra stegbedömning"
        knapp, klart = "Spara ändringen", "Stegbedömningen är ändrad."
    return andringssida(
        request,
        inskrivning=inskrivning,
        form=form,
        # The services take the bedömning, whose inskrivning they lock.
        tjanst=lambda inskrivning, **data: tjanst(bedomning=bedomning, **data),
        mall=_MALL,
        klart=klart,
        extra={
            "sidtitel": sidtitel,
            "knapp": knapp,
            "farlig": ta_bort,
            "bedomning": bedomning,
            "ingress": (
                f"{bedomning.get_typ_display()} {bedomning.datum:%Y-%m-%d}: steg "
                f"{bedomning.steg.nummer} {bedomning.steg.namn}."
            ),
        },
    )


@login_required
def bedomning_andra(request: HttpRequest, pk: int) -> HttpResponse:
    return _bedomningssida(request, pk, ta_bort=False)


@login_required
def bedomning_ta_bort(request: HttpRequest, pk: int) -> HttpResponse:
    return _bedomningssida(request, pk, ta_bort=True)


@login_required
def avslut_ratta(request: HttpRequest, pk: int) -> HttpResponse:
    inskrivning = inskrivning_hamta(user=request.user, pk=pk)
    avslutssteg = inskrivning.bedomningar.filter(typ=Bedomningstyp.AVSLUT).first()
    form = AvslutRattaForm(
        formdata(request),
        steg=insatsens_steg(request, inskrivning),
        initial={
            "slutdatum": inskrivning.slutdatum,
            "avslutsorsak": inskrivning.avslutsorsak,
            "sysselsattning_vid_avslut": inskrivning.sysselsattning_vid_avslut,
            "forsorjning_vid_avslut": list(
                inskrivning.forsorjning.filter(tidpunkt=Forsorjning.Tidpunkt.AVSLUT).values_list(
                    "kalla", flat=True
                )
            ),
            "steg": avslutssteg.steg.nummer if avslutssteg else None,
            "version": inskrivning.version,
        },
    )
    return andringssida(
        request,
        inskrivning=inskrivning,
        form=form,
        tjanst=inskrivning_avslut_ratta,
        mall=_MALL,
        klart="Avslutet är rättat.",
        extra={
            "sidtitel": "Rätta avslut",
            "knapp": "Spara rättelsen",
            "ingress": "Ändra det som blev fel. Det tidigare avslutet sparas i historiken.",
        },
    )


def _skalsida(request, pk, *, tjanst, sidtitel, knapp, klart, ingress) -> HttpResponse:
    inskrivning = inskrivning_hamta(user=request.user, pk=pk)
    form = SkalForm(formdata(request), initial={"version": inskrivning.version})
    return andringssida(
        request,
        inskrivning=inskrivning,
        form=form,
        tjanst=tjanst,
        mall=_MALL,
        klart=klart,
        extra={"sidtitel": sidtitel, "knapp": knapp, "ingress": ingress},
    )


@login_required
def ateroppna(request: HttpRequest, pk: int) -> HttpResponse:
    return _skalsida(
        request,
        pk,
        tjanst=inskrivning_ateroppna,
        sidtitel="Återöppna inskrivning",
        knapp="Återöppna inskrivningen",
        klart="Inskrivningen är återöppnad och aktiv igen.",
        ingress=(
            "Inskrivningen blir aktiv igen: slutdatum, avslutsorsak, försörjning och "
            "sysselsättning vid avslut tas bort. Det tidigare avslutet sparas i historiken."
        ),
    )


@login_required
def felregistrering_angra(request: HttpRequest, pk: int) -> HttpResponse:
    return _skalsida(
        request,
        pk,
        tjanst=inskrivning_felregistrering_angra,
        sidtitel="Ångra felregistrering",
        knapp="Ångra felregistreringen",
        klart="Felregistreringen är ångrad. Inskrivningen räknas igen.",
        ingress=(
            "Inskrivningen räknas igen i statistiken. Var den avslutad när den "
            "felregistrerades får den tillbaka sitt avslut, annars blir den aktiv."
        ),
    )
