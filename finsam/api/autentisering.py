"""`Authorization: Bearer <key>` for both kinds of API key (API.md)."""

from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from finsam.services.api_nycklar import OgiltigNyckel, api_nyckel_autentisera


class PartNyckelAnvandare:
    """The principal of a request made with a part key: a part, not a person.

    It has no user row and no roles; `atkomst()` gives it read access to
    its förbund's aggregates through `part_nyckel`.
    """

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_superuser = False
    is_staff = False
    pk = None
    id = None

    def __init__(self, nyckel):
        self.part_nyckel = nyckel
        self.part = nyckel.part

    @property
    def username(self) -> str:
        return f"partnyckel:{self.part_nyckel.prefix}"

    def __str__(self) -> str:
        return f"{self.part} ({self.part_nyckel.prefix}…)"


class ApiNyckelAutentisering(BaseAuthentication):
    nyckelord = b"bearer"

    def authenticate(self, request):
        delar = get_authorization_header(request).split()
        if not delar or delar[0].lower() != self.nyckelord:
            return None
        if len(delar) != 2:
            raise AuthenticationFailed("Ange nyckeln så här: Authorization: Bearer <nyckel>.")
        try:
            nyckel = api_nyckel_autentisera(delar[1].decode("ascii", errors="replace"))
        except OgiltigNyckel as fel:
            raise AuthenticationFailed(str(fel)) from None
        if nyckel.typ == nyckel.Typ.PART:
            return PartNyckelAnvandare(nyckel), nyckel
        return nyckel.user, nyckel

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="finsam"'
