"""Where to go after a sign-in step: `next`, if it stays on this site."""

from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def nasta_adress(request: HttpRequest, standard: str = "startsida") -> str:
    nasta = request.POST.get("next") or request.GET.get("next")
    if nasta and url_has_allowed_host_and_scheme(
        nasta, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return nasta
    return resolve_url(standard)
