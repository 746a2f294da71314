"""Two-factor gate: a signed-in user who must verify with TOTP does so first."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from finsam.tvafaktor import har_tvafaktor, kraver_tvafaktor

# Pages reachable before the second factor: the sign-in flow itself and assets.
_UNDANTAG = ("/konto/", "/static/", "/api/")


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
            and not request.path.startswith(_UNDANTAG)
        ):
            if har_tvafaktor(user):
                return redirect(f"{reverse('tvafaktor_verifiera')}?next={request.path}")
            if settings.FINSAM_KRAV_TVAFAKTOR and kraver_tvafaktor(user):
                return redirect("tvafaktor_aktivera")
        return self.get_response(request)
