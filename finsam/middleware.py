"""Two-factor gate: a signed-in user who must verify with TOTP does so first."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from finsam.tillit import ersatter_tvafaktor
from finsam.tvafaktor import har_tvafaktor, tvafaktor_obligatorisk

# Reachable before the second factor: assets, the API (keys are their own
# factor) and the sign-in flow itself. Only these views, not all of /konto/:
# the account page can turn two-factor off, so it must sit behind the gate.
_UNDANTAGNA_PREFIX = ("/static/", "/api/", "/saml/", "/oidc/")
_UNDANTAGNA_VYER = ("login", "logout", "tvafaktor_verifiera", "tvafaktor_aktivera")


def _undantagen(path: str) -> bool:
    return path.startswith(_UNDANTAGNA_PREFIX) or path in {
        reverse(namn) for namn in _UNDANTAGNA_VYER
    }


class KravTvafaktorMiddleware:
    """Send unverified users to the TOTP step (or to set it up when required).

    API calls are left to the API: keys are their own factor, and session
    calls are refused there by `is_verified` in production.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not ersatter_tvafaktor(request)
            and not _undantagen(request.path)
        ):
            nasta = urlencode({"next": request.get_full_path()})
            if har_tvafaktor(user):
                return redirect(f"{reverse('tvafaktor_verifiera')}?{nasta}")
            if tvafaktor_obligatorisk(user):
                return redirect(f"{reverse('tvafaktor_aktivera')}?{nasta}")
        return self.get_response(request)
