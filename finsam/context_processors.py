"""Role-aware navigation for the base template."""

from django.urls import reverse

from finsam.atkomst import atkomst
from finsam.forbundsval import ROLLSIDOR, aktivt_forbund, roller_i
from finsam.models import Forbund


def navigering(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    forbund = aktivt_forbund(request)
    roller = roller_i(user, forbund)
    match = getattr(request, "resolver_match", None)
    aktuell = match.view_name if match else None
    # A page open to several roles (Statistik) is listed once for a user holding more than one.
    sidor = dict.fromkeys((vy, namn) for roll, vy, namn in ROLLSIDOR if roll in roller)
    lankar = [
        {"namn": namn, "url": reverse(vy), "aktuell": _ar_aktuell(vy, aktuell)}
        for vy, namn in sidor
    ]
    # The switcher costs a query, so only users with more than one förbund pay it.
    egna = atkomst(user).roller
    mina_forbund = (
        list(Forbund.objects.visible_to(user).filter(pk__in=egna)) if len(egna) > 1 else []
    )
    return {
        "aktivt_forbund": forbund,
        "aktiva_roller": roller,
        "navigering_lankar": lankar,
        "mina_forbund": mina_forbund,
    }


def _ar_aktuell(vy: str, aktuell: str | None) -> bool:
    """The page itself, or a page of the same group (`budget:rader` under `budget:budgetar`)."""
    if aktuell is None:
        return False
    return vy == aktuell or (":" in vy and vy.split(":")[0] == aktuell.split(":")[0])
