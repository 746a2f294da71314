"""The deltagare page: identity, and a timeline per inskrivning with inline bedömning."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from deltagare.forms import BedomningForm
from deltagare.models import Deltagare, Forsorjning
from deltagare.selectors import deltagare_hamta, inskrivning_hamta, personnummer_visa
from deltagare.services import stegbedomning_lagg_till
from finsam.formular import ar_htmx, felstatus, kor_tjanst
from finsam.kodlistor import Bedomningstyp, Forsorjningskalla
from insatser.selectors import steg_per_stegskala

_KALLOR = list(Forsorjningskalla.values)


def bedomning_prefix(inskrivning_pk: int) -> str:
    # One form per active inskrivning on the page, so their ids must differ.
    return f"b{inskrivning_pk}"


def deltagare_url(deltagare_id: int, inskrivning_pk: int | None = None) -> str:
    url = reverse("deltagare:sida", kwargs={"pk": deltagare_id})
    return f"{url}#inskrivning-{inskrivning_pk}" if inskrivning_pk else url


def _tidslinje(request: HttpRequest, deltagare: Deltagare, bunden: BedomningForm | None = None):
    """The deltagare's inskrivningar, ready to show; `bunden` is a refused bedömning form."""
    inskrivningar = list(deltagare.inskrivningar.all())
    aktiva = [i for i in inskrivningar if i.ar_aktiv]
    steg = steg_per_stegskala(
        user=request.user, stegskala_ids={i.insats.stegskala_id for i in aktiva}
    )
    for inskrivning in inskrivningar:
        # In the code list's order, as the forms list them.
        forsorjning = sorted(inskrivning.forsorjning.all(), key=lambda f: _KALLOR.index(f.kalla))
        inskrivning.forsorjning_start = [
            f for f in forsorjning if f.tidpunkt == Forsorjning.Tidpunkt.START
        ]
        inskrivning.forsorjning_avslut = [
            f for f in forsorjning if f.tidpunkt == Forsorjning.Tidpunkt.AVSLUT
        ]
        uppfoljningar = sorted(
            inskrivning.uppfoljningar.all(), key=lambda u: u.typ != "uppfoljning_6"
        )
        for uppfoljning in uppfoljningar:
            uppfoljning.forsorjning = [f for f in forsorjning if f.tidpunkt == uppfoljning.typ]
        inskrivning.uppfoljningar_visning = uppfoljningar
        if not inskrivning.ar_aktiv:
            continue
        prefix = bedomning_prefix(inskrivning.pk)
        if bunden is not None and bunden.prefix == prefix:
            inskrivning.bedomning_form = bunden
        else:
            forsta = not inskrivning.bedomningar.all()
            inskrivning.bedomning_form = BedomningForm(
                steg=steg.get(inskrivning.insats.stegskala_id, []),
                prefix=prefix,
                initial={
                    "datum": timezone.localdate(),
                    "typ": Bedomningstyp.START if forsta else Bedomningstyp.LOPANDE,
                },
            )
    return inskrivningar


def _visa(request, deltagare, *, bunden=None, status=200, meddelande="") -> HttpResponse:
    sammanhang = {
        "deltagare": deltagare,
        "inskrivningar": _tidslinje(request, deltagare, bunden),
        "meddelande": meddelande,
        "fel": status != 200,
    }
    if ar_htmx(request):
        return render(request, "deltagare/_tidslinje_svar.html", sammanhang, status=status)
    nummer = personnummer_visa(deltagare, request.user)
    sammanhang["personnummer"] = f"{nummer[:8]}-{nummer[8:]}" if nummer else ""
    return render(request, "deltagare/sida.html", sammanhang, status=status)


@login_required
@require_GET
def sida(request: HttpRequest, pk: int) -> HttpResponse:
    return _visa(request, deltagare_hamta(user=request.user, pk=pk))


@login_required
@require_POST
def bedomning(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a bedömning: htmx swaps the timeline; without JavaScript, POST-redirect-GET."""
    inskrivning = inskrivning_hamta(user=request.user, pk=pk)
    steg = steg_per_stegskala(user=request.user, stegskala_ids=[inskrivning.insats.stegskala_id])
    form = BedomningForm(
        request.POST,
        steg=steg.get(inskrivning.insats.stegskala_id, []),
        prefix=bedomning_prefix(pk),
    )
    sparad = form.is_valid() and kor_tjanst(
        form,
        lambda: stegbedomning_lagg_till(
            inskrivning=inskrivning, user=request.user, **form.tjanstdata()
        ),
    )
    if sparad and not ar_htmx(request):
        messages.success(request, "Stegbedömningen är sparad.")
        return redirect(deltagare_url(inskrivning.deltagare_id, pk))
    deltagare = deltagare_hamta(user=request.user, pk=inskrivning.deltagare_id)
    if sparad:
        return _visa(request, deltagare, meddelande="Stegbedömningen är sparad.")
    return _visa(
        request,
        deltagare,
        bunden=form,
        status=felstatus(form),
        meddelande="Stegbedömningen sparades inte. Se felet i formuläret.",
    )
