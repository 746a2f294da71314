"""Sign-in, two-factor (TOTP) and the user's own account page."""

from base64 import b32encode
from urllib.parse import urlencode

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.atkomst import atkomst
from finsam.kodlistor import Roll
from finsam.konto.forms import EngangskodForm, InloggningForm
from finsam.konto.nasta import nasta_adress
from finsam.models import Forbund, Tvafaktorenhet
from finsam.tillit import (
    Metod,
    Tillitsniva,
    logg,
    session_tillit_satt,
    tillit_efter_engangskod,
)
from finsam.tvafaktor import (
    har_tvafaktor,
    tvafaktor_bekrafta,
    tvafaktor_obligatorisk,
    tvafaktor_paborja,
    tvafaktor_stang_av,
)


class Inloggning(auth_views.LoginView):
    """Password step; django-axes counts failures and locks out after five."""

    template_name = "registration/login.html"
    authentication_form = InloggningForm

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if settings.FINSAM_LOSENORDSINLOGGNING != "alla":
            # The e-legitimation buttons come first: focus must not skip past them.
            form.fields["username"].widget.attrs.pop("autofocus", None)
        return form

    def get_context_data(self, **kwargs):
        bara_nodkonton = settings.FINSAM_LOSENORDSINLOGGNING != "alla"
        return super().get_context_data(**kwargs) | {"bara_nodkonton": bara_nodkonton}

    def form_valid(self, form):
        svar = super().form_valid(form)
        user = form.get_user()
        # Logged as such (issue 20): where e-legitimation is the rule, a
        # password login is a break-glass account's, and someone should know.
        nodkonto = settings.FINSAM_LOSENORDSINLOGGNING != "alla"
        (logg.warning if nodkonto else logg.info)(
            "Inloggning med lösenord%s: användare %s.", " (nödkonto)" if nodkonto else "", user.pk
        )
        session_tillit_satt(self.request, niva=Tillitsniva.NIVA_2, metod=Metod.LOSENORD)
        return svar


def _logga_in_enhet(request: HttpRequest, enhet: Tvafaktorenhet) -> None:
    django_otp.login(request, enhet)
    # A new session id after raising the session's trust, as after a password.
    request.session.cycle_key()
    # Password and code: two factors, a strong login.
    tillit_efter_engangskod(request)
    logg.info("Engångskod godkänd: användare %s.", request.user.pk)


def _qr_svg(data: str) -> str:
    """The provisioning URL as an inline SVG QR code (no image library needed)."""
    bild = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=8)
    svg = bild.to_string(encoding="unicode")
    # The secret is shown as text beside it, so the image is a labelled extra.
    return svg.replace("<svg ", '<svg role="img" aria-label="QR-kod för autentiseringsappen" ', 1)


def _gruppera(hemlighet: str) -> str:
    return " ".join(hemlighet[i : i + 4] for i in range(0, len(hemlighet), 4))


@login_required
def tvafaktor_verifiera(request: HttpRequest) -> HttpResponse:
    """Second step of signing in for a user with a confirmed TOTP device."""
    enheter = list(Tvafaktorenhet.objects.devices_for_user(request.user, confirmed=True))
    if request.user.is_verified() or not enheter:
        return redirect(nasta_adress(request))
    form = EngangskodForm(request.POST or None, user=request.user, enheter=enheter, autofocus=True)
    if request.method == "POST" and form.is_valid():
        _logga_in_enhet(request, form.enhet)
        return redirect(nasta_adress(request))
    return render(
        request,
        "konto/tvafaktor_verifiera.html",
        {"form": form, "next": nasta_adress(request)},
    )


@login_required
def tvafaktor_aktivera(request: HttpRequest) -> HttpResponse:
    """Set up TOTP: scan the QR code (or type the secret), then prove it with a code."""
    user = request.user
    if har_tvafaktor(user):
        if user.is_verified():
            messages.info(request, "Tvåstegsverifiering är redan aktiverad för ditt konto.")
            return redirect("mitt_konto")
        # Without this, a stolen password could add a second device.
        fragor = urlencode({"next": nasta_adress(request)})
        return redirect(f"{reverse('tvafaktor_verifiera')}?{fragor}")
    enhet = tvafaktor_paborja(user=user)
    form = EngangskodForm(request.POST or None, user=user, enheter=[enhet])
    if request.method == "POST" and form.is_valid():
        tvafaktor_bekrafta(enhet=form.enhet)
        _logga_in_enhet(request, form.enhet)
        messages.success(
            request,
            "Tvåstegsverifiering är aktiverad. Nästa gång du loggar in frågar Finsam "
            "efter en engångskod.",
        )
        return redirect(nasta_adress(request))
    return render(
        request,
        "konto/tvafaktor_aktivera.html",
        {
            "form": form,
            "next": nasta_adress(request),
            "qr_svg": _qr_svg(enhet.config_url),
            "hemlighet": _gruppera(b32encode(enhet.bin_key).decode()),
            "obligatorisk": tvafaktor_obligatorisk(user),
        },
    )


# The form sits on the account page beside other forms, hence its own ids.
_STANG_AV_ID = "stang_av_%s"


@login_required
@require_POST
def tvafaktor_avaktivera(request: HttpRequest) -> HttpResponse:
    """Turn two-factor off, confirmed with a current code; not where it is required."""
    enheter = list(Tvafaktorenhet.objects.devices_for_user(request.user, confirmed=True))
    if not enheter:
        return redirect("mitt_konto")
    form = EngangskodForm(request.POST, user=request.user, enheter=enheter, auto_id=_STANG_AV_ID)
    if not form.is_valid():
        return _mitt_konto(request, stang_av_form=form, status=400)
    try:
        tvafaktor_stang_av(user=request.user)
    except PermissionDenied:
        messages.error(
            request, "Tvåstegsverifiering är obligatorisk för din roll och kan inte stängas av."
        )
        return redirect("mitt_konto")
    request.session.pop(django_otp.DEVICE_ID_SESSION_KEY, None)
    messages.success(request, "Tvåstegsverifiering är avstängd.")
    return redirect("mitt_konto")


@login_required
def mitt_konto(request: HttpRequest) -> HttpResponse:
    return _mitt_konto(request)


def _mitt_konto(
    request: HttpRequest, *, stang_av_form: EngangskodForm | None = None, status: int = 200
) -> HttpResponse:
    user = request.user
    roller = atkomst(user).roller
    forbund = Forbund.objects.visible_to(user).filter(pk__in=roller)
    mina_roller = [
        (f.namn, [Roll(r).label for r in Roll.values if r in roller[f.pk]]) for f in forbund
    ]
    aktiv = har_tvafaktor(user)
    if aktiv and stang_av_form is None:
        stang_av_form = EngangskodForm(user=user, enheter=[], auto_id=_STANG_AV_ID)
    return render(
        request,
        "konto/mitt_konto.html",
        {
            "mina_roller": mina_roller,
            "tvafaktor_aktiv": aktiv,
            "tvafaktor_obligatorisk": tvafaktor_obligatorisk(user),
            "stang_av_form": stang_av_form,
        },
        status=status,
    )
