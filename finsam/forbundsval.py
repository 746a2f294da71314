"""The förbund a signed-in user is working in, kept in the session.

A user can hold roles in several förbund (DOMAIN.md §6); the pages show one
at a time and the navigation lets them switch.
"""

from django.http import Http404

from finsam.atkomst import atkomst
from finsam.kodlistor import Roll
from finsam.models import Forbund

_NYCKEL = "aktivt_forbund"

# Each role's own page, highest role first: a user with several roles lands
# on the first one they hold and reaches the others from the navigation.
ROLLSIDOR: tuple[tuple[str, str, str], ...] = (
    # The förbundschef lands on the dashboard: the figures at a glance.
    (Roll.FORBUNDSCHEF, "statistik", "Statistik"),
    (Roll.FORBUNDSCHEF, "oversikt", "Översikt"),
    (Roll.FORBUNDSCHEF, "budget:budgetar", "Budget"),
    (Roll.FORBUNDSCHEF, "rapportdokument:lista", "Rapporter"),
    # The data protection duties share one entry and a sub-navigation
    # (templates/_dataskydd_meny.html): the header has room for no more.
    (Roll.FORBUNDSCHEF, "atkomstlogg", "Dataskydd"),
    (Roll.FORBUNDSCHEF, "hantering:insatser", "Hantera"),
    (Roll.SAMORDNARE, "mina_insatser", "Mina insatser"),
    (Roll.SAMORDNARE, "registerutdrag:mina", "Registerutdrag"),
    (Roll.SAMORDNARE, "statistik", "Statistik"),
    (Roll.STYRELSE, "rapporter", "Rapporter"),
    (Roll.STYRELSE, "statistik", "Statistik"),
    (Roll.STYRELSE, "budget:budgetar", "Budget"),
)


# Pages that count as one entry's own, beyond the entry's view and namespace.
SIDGRUPPER: dict[str, frozenset[str]] = {
    "atkomstlogg": frozenset(
        {
            "atkomstlogg_export",
            "atkomstlogg_granskningar",
            "atkomstlogg_granskning",
            "registerutdrag:chef",
            "registerutdrag:besvara",
            "gallring",
        }
    ),
    # The questionnaires are managed beside the insatser (templates/hantering/_meny.html).
    "hantering:insatser": frozenset({"enkater", "enkat"}),
}


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


def forbund_for_roll(request, roll: str) -> Forbund:
    """The active förbund, if the user holds `roll` there.

    Otherwise 404, not 403: a page outside the user's reach is not revealed
    (DOMAIN.md §6).
    """
    forbund = aktivt_forbund(request)
    if roll not in roller_i(request.user, forbund):
        raise Http404
    return forbund
