"""The landing page per role and the förbund switch."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from finsam.forbundsval import ROLLSIDOR, aktivt_forbund, roller_i, valj_forbund


@login_required
def startsida(request: HttpRequest) -> HttpResponse:
    """Send the user to the page of their highest role in the active förbund."""
    roller = roller_i(request.user, aktivt_forbund(request))
    for roll, vy, _namn in ROLLSIDOR:
        if roll in roller:
            return redirect(vy)
    if request.user.is_superuser:
        return redirect("admin:index")
    return render(request, "finsam/ingen_roll.html")


@login_required
@require_POST
def forbund_valj(request: HttpRequest) -> HttpResponse:
    """Switch the active förbund; one the user has no role in answers 404."""
    try:
        forbund_id = int(request.POST.get("forbund", ""))
    except ValueError:
        raise Http404 from None
    if not valj_forbund(request, forbund_id):
        raise Http404
    return redirect("startsida")
