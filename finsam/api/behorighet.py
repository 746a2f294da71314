"""API permissions: signed in, and part keys read only."""

from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import SAFE_METHODS, BasePermission

from finsam.tillit import ersatter_tvafaktor
from finsam.tvafaktor import har_tvafaktor, tvafaktor_obligatorisk

_LASRATT = "En partnyckel ger endast läsrätt."
_TVAFAKTOR = "Slutför tvåstegsverifieringen innan du använder API:et."


def session_saknar_tvafaktor(request) -> bool:
    """A browser session that the web would still send to the TOTP step.

    The two-factor middleware leaves `/api/` to the API, so its rule is
    applied here; otherwise a password alone would open the API. Keys are
    their own factor and are not affected.
    """
    if not isinstance(request.successful_authenticator, SessionAuthentication):
        return False
    user = request.user
    if user.is_verified() or ersatter_tvafaktor(request):
        return False
    return har_tvafaktor(user) or tvafaktor_obligatorisk(user)


class ArInloggad(BasePermission):
    """Any signed-in user or valid key; a part key may only read.

    Which rows a caller sees is decided by `visible_to`, and which writes
    a role may make by the services: this class only keeps keys in line.
    """

    message = _LASRATT

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if session_saknar_tvafaktor(request):
            self.message = _TVAFAKTOR
            return False
        return request.method in SAFE_METHODS or not hasattr(user, "part_nyckel")
