"""The förbundschef's written reports: the list, a new report, a report's page
(settings, sections, the samordnarnas berättelser, versions) and ordering a version.

A version's status, publication and file are rapporter/views.py's; a
section's own pages are rapporter/views_avsnitt.py's.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from finsam.formular import ar_htmx, felstatus, formularsida, kor_tjanst
from finsam.grindar import chefsvy
from finsam.models import Forbund
from insatser.selectors import berattelsestatus
from insatser.services import berattelsebegaran_skapa
from rapporter.avsnitt import standardperiod
from rapporter.forms import InstallningarForm, NyRapportForm, NyttAvsnittForm
from rapporter.logotyp import data_uri
from rapporter.models import Rapportdokument, Rapporttyp
from rapporter.models.rapport import SKRIVNA_TYPER
from rapporter.selectors import (
    rapportdokument_for_forbund,
    rapportdokument_hamta,
    rapportens_insatser,
)
from rapporter.services.dokument import (
    avsnitt_lagg_till,
    rapportdokument_andra,
    rapportdokument_skapa,
)
from rapporter.services.versioner import rapport_bestall


@chefsvy
def lista(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    dokument = rapportdokument_for_forbund(user=request.user, forbund=forbund)
    return render(
        request,
        "rapporter/dokument/lista.html",
        {"forbund": forbund, "dokument": dokument, "typer": SKRIVNA_TYPER},
    )


@chefsvy
def ny(request: HttpRequest, forbund: Forbund, typ: str) -> HttpResponse:
    """Start a delårsrapport or verksamhetsberättelse, from the previous one's texts."""
    if typ not in SKRIVNA_TYPER:
        raise Http404
    namn = Rapporttyp(typ).label
    if request.method == "POST":
        form = NyRapportForm(request.POST, typ=typ, user=request.user, forbund=forbund)
        if form.is_valid() and (
            dokument := kor_tjanst(
                form,
                lambda: rapportdokument_skapa(
                    forbund=forbund, typ=typ, user=request.user, **form.tjanstdata()
                ),
            )
        ):
            messages.success(request, "Rapporten är skapad. Skriv texterna och skapa en version.")
            return redirect("rapportdokument:visa", dokument.pk)
    else:
        fran, till = standardperiod(typ, timezone.localdate())
        form = NyRapportForm(
            initial={"fran": fran, "till": till}, typ=typ, user=request.user, forbund=forbund
        )
    return formularsida(
        request,
        form,
        rubrik=f"Ny {namn.lower()}",
        knapp="Skapa rapporten",
        tillbaka=reverse("rapportdokument:lista"),
        aktuell="rapporter",
        ingress=(
            "Rapporten börjar med avsnitten och texterna från förbundets förra "
            f"{namn.lower()} som ett utkast att skriva om, eller med de vanliga avsnitten "
            "för en första. Siffrorna hämtas när du skapar en version."
        ),
        felrubrik="Rapporten skapades inte",
        meny=None,
    )


def _sida(
    request: HttpRequest,
    dokument: Rapportdokument,
    *,
    installningar: InstallningarForm | None = None,
    nytt_avsnitt: NyttAvsnittForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The report's page; a refused form comes back bound, the others fresh."""
    installningar = installningar or InstallningarForm(
        initial={"diarienummer": dokument.diarienummer, "version": dokument.version}
    )
    return render(
        request,
        "rapporter/dokument/visa.html",
        {
            "dokument": dokument,
            "avsnitt": list(dokument.avsnitt.all()),
            **_versioner(dokument),
            "berattelser": berattelsestatus(
                insatser=_insatser(dokument),
                fran=dokument.fran,
                till=dokument.till,
            ),
            "logotyp": data_uri(dokument.logotyp, dokument.logotyp_typ)
            if dokument.logotyp
            else None,
            "installningar": installningar,
            "nytt_avsnitt": nytt_avsnitt or NyttAvsnittForm(),
            "konflikt": getattr(installningar, "konflikt", False),
        },
        status=status,
    )


def _versioner(dokument: Rapportdokument) -> dict:
    versioner = list(dokument.versioner.all())
    return {"versioner": versioner, "pagar": any(v.pagar for v in versioner)}


@chefsvy
def visa(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    """The report's page; htmx polls its versions while one is being built."""
    dokument = rapportdokument_hamta(user=request.user, forbund=forbund, pk=pk)
    if ar_htmx(request):
        return render(
            request,
            "rapporter/dokument/_versioner.html",
            {"dokument": dokument, **_versioner(dokument)},
        )
    return _sida(request, dokument)


@chefsvy
@require_POST
def installningar(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    """Save the diarienummer, and upload or remove the logotyp."""
    dokument = rapportdokument_hamta(user=request.user, forbund=forbund, pk=pk)
    form = InstallningarForm(request.POST, request.FILES)
    if form.is_valid() and kor_tjanst(
        form,
        lambda: rapportdokument_andra(dokument=dokument, user=request.user, **form.tjanstdata()),
        aktuell_version=dokument.version,
    ):
        messages.success(request, "Diarienummer och logotyp är sparade.")
        return redirect("rapportdokument:visa", dokument.pk)
    return _sida(request, dokument, installningar=form, status=felstatus(form))


@chefsvy
@require_POST
def lagg_till(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    """Add a section at the end; a new text section opens to be written."""
    dokument = rapportdokument_hamta(user=request.user, forbund=forbund, pk=pk)
    form = NyttAvsnittForm(request.POST)
    if form.is_valid() and (
        avsnitt := kor_tjanst(
            form,
            lambda: avsnitt_lagg_till(dokument=dokument, user=request.user, **form.tjanstdata()),
        )
    ):
        messages.success(request, f"Avsnittet {avsnitt.rubrik} är tillagt sist i rapporten.")
        if avsnitt.ar_text:
            return redirect("rapportdokument:avsnitt", dokument.pk, avsnitt.pk)
        return redirect(till_avsnitt(dokument.pk, avsnitt.pk))
    return _sida(request, dokument, nytt_avsnitt=form, status=felstatus(form))


def till_avsnitt(dokument_pk: int, avsnitt_pk: int) -> str:
    """The report's page at the section's row (after moving or adding it)."""
    return f"{reverse('rapportdokument:visa', args=[dokument_pk])}#avsnitt-{avsnitt_pk}"


@chefsvy
@require_POST
def generera(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    """Order a version, masked unless the förbundschef chose the styrelse's unmasked one."""
    dokument = rapportdokument_hamta(user=request.user, forbund=forbund, pk=pk)
    rapport = rapport_bestall(
        dokument=dokument, maskera=not request.POST.get("omaskerad"), user=request.user
    )
    return redirect("rapport_status", rapport.pk)


@chefsvy
@require_POST
def paminn(request: HttpRequest, forbund: Forbund, pk: int, insats_pk: int) -> HttpResponse:
    """Ask the samordnare of one of the report's insatser for its berättelse of the period."""
    dokument = rapportdokument_hamta(user=request.user, forbund=forbund, pk=pk)
    insatser = _insatser(dokument)
    insats = next((i for i in insatser if i.pk == insats_pk), None)
    if insats is None:
        raise Http404
    berattelsebegaran_skapa(
        insats=insats, fran=dokument.fran, till=dokument.till, user=request.user
    )
    messages.success(
        request,
        f"Samordnaren för {insats.namn} ser nu en påminnelse under Mina insatser.",
    )
    return redirect(f"{reverse('rapportdokument:visa', args=[dokument.pk])}#berattelser")


def _insatser(dokument: Rapportdokument) -> list:
    return rapportens_insatser(
        forbund=dokument.forbund, fran=dokument.fran, till=dokument.till, insats=dokument.insats
    )
