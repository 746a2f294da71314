"""Role-aware navigation for the base template."""

from django.urls import reverse

from finsam.atkomst import atkomst
from finsam.forbundsval import ROLLSIDOR, SIDGRUPPER, aktivt_forbund, roller_i
from finsam.models import Forbund


def navigering(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    forbund = aktivt_forbund(request)
    roller = roller_i(user, forbund)
    match = getattr(request, "resolver_match", None)
    aktuell = match.view_name if match else None
    # Each name once for a user holding several roles: a page open to several
    # (Statistik), or the highest role's page of that name (the förbundschef's
    # Rapporter, where the styrelse has its published list).
    sidor: dict[str, str] = {}
    for roll, vy, namn in ROLLSIDOR:
        if roll in roller:
            sidor.setdefault(namn, vy)
    lankar = [
        {"namn": namn, "url": reverse(vy), "aktuell": _ar_aktuell(vy, aktuell)}
        for namn, vy in sidor.items()
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
    return (
        vy == aktuell
        or (":" in vy and vy.split(":")[0] == aktuell.split(":")[0])
        or aktuell in SIDGRUPPER.get(vy, ())
    )
