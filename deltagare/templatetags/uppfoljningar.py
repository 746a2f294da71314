"""*Mina insatser*: how many follow-ups are due and coming, per insats (issue 14 §7).

A template tag, so the page (insatser, a floor below) shows the counts
without importing deltagare. Counts name no one, so nothing is logged.
"""

from django import template
from django.utils import timezone

from deltagare.selectors import KOMMANDE_DAGAR, uppfoljningar_antal
from finsam.kodlistor import Inriktning

register = template.Library()


@register.inclusion_tag("deltagare/_mina_uppfoljningar.html", takes_context=True)
def mina_uppfoljningar(context, insatser):
    user, idag = context["request"].user, timezone.localdate()
    rader = []
    for insats in insatser:
        # A delinsats's follow-ups are counted, and done, under its top insats.
        if insats.inriktning != Inriktning.INDIVID or insats.overordnad_id:
            continue
        forfallna, kommande = uppfoljningar_antal(user=user, insats=insats, idag=idag)
        if forfallna or kommande:
            rader.append((insats, forfallna, kommande))
    return {"rader": rader, "kommande_dagar": KOMMANDE_DAGAR, "har_insatser": bool(insatser)}
