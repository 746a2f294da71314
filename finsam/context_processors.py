"""Role-aware navigation for the base template."""

from finsam.forbundsval import aktivt_forbund, roller_i


def navigering(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    forbund = aktivt_forbund(request)
    return {
        "aktivt_forbund": forbund,
        "aktiva_roller": roller_i(user, forbund),
    }
