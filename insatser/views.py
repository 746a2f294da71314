"""Pages about insatser: the samordnare's own list."""

from collections.abc import Iterable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from finsam.atkomst import atkomst
from finsam.forbundsval import forbund_for_roll
from finsam.kodlistor import Roll
from insatser.models import Insats


def insatser_i_ordning(insatser: Iterable[Insats]) -> list[Insats]:
    """Insatser in the given order, each delinsats right after its överordnad.

    Sets `indragen` on each: true for a delinsats under its överordnad. A
    delinsats whose överordnad is not in the list (a samordnare of the
    delinsats only) stands on its own at its place in the order.
    """
    insatser = list(insatser)
    ids = {insats.pk for insats in insatser}
    delar: dict[int, list[Insats]] = {}
    for insats in insatser:
        if insats.overordnad_id in ids:
            delar.setdefault(insats.overordnad_id, []).append(insats)
    ordning = []
    for insats in insatser:
        if insats.overordnad_id in ids:
            continue
        insats.indragen = False
        ordning.append(insats)
        for del_ in delar.get(insats.pk, ()):
            del_.indragen = True
            ordning.append(del_)
    return ordning


@login_required
def mina_insatser(request: HttpRequest) -> HttpResponse:
    forbund = forbund_for_roll(request, Roll.SAMORDNARE)
    insatser = (
        Insats.objects.visible_to(request.user)
        .filter(forbund=forbund, pk__in=atkomst(request.user).samordnare_insatser)
        .select_related("utforare", "overordnad")
    )
    return render(
        request,
        "insatser/mina_insatser.html",
        {"forbund": forbund, "insatser": insatser_i_ordning(insatser)},
    )
