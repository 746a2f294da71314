"""The förbund a signed-in user is working in, kept in the session.

A user can hold roles in several förbund (DOMAIN.md §6); the pages show one
at a time and the navigation lets them switch.
"""

from finsam.atkomst import atkomst
from finsam.models import Forbund

_NYCKEL = "aktivt_forbund"


def aktivt_forbund(request) -> Forbund | None:
    cached = getattr(request, "_aktivt_forbund", False)
    if cached is not False:
        return cached
    mina = atkomst(request.user).forbund
    vald = request.session.get(_NYCKEL)
    if vald not in mina:
        vald = min(mina) if mina else None
    forbund = Forbund.objects.filter(pk=vald).first() if vald else None
    request._aktivt_forbund = forbund
    return forbund


def valj_forbund(request, forbund_id: int) -> bool:
    """Switch to a förbund the user belongs to; False if they do not."""
    if forbund_id not in atkomst(request.user).forbund:
        return False
    request.session[_NYCKEL] = forbund_id
    request._aktivt_forbund = False
    return True


def roller_i(user, forbund: Forbund | None) -> frozenset[str]:
    if forbund is None:
        return frozenset()
    return atkomst(user).roller.get(forbund.pk, frozenset())
