"""Pages about insatser: the samordnare's own list."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from finsam.forbundsval import forbund_for_roll
from finsam.kodlistor import Roll
from insatser.selectors import samordnarens_insatser


@login_required
def mina_insatser(request: HttpRequest) -> HttpResponse:
    forbund = forbund_for_roll(request, Roll.SAMORDNARE)
    insatser = samordnarens_insatser(user=request.user, forbund=forbund)
    return render(
        request, "insatser/mina_insatser.html", {"forbund": forbund, "insatser": insatser}
    )
