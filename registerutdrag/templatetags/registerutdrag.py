"""Notices of open registerutdrag on the samordnare's deltagare page and Mina insatser.

Template tags, so those pages (floors below) show them without importing
this app; the page itself has already logged reading the person.
"""

from django import template

from registerutdrag.forms import MottagenForm
from registerutdrag.selectors import antal_oppna, oppna_for_deltagare

register = template.Library()


@register.inclusion_tag("registerutdrag/_notis.html", takes_context=True)
def registerutdrag_notis(context, deltagare):
    user = context["request"].user
    return {
        "deltagare": deltagare,
        "oppna": oppna_for_deltagare(user=user, deltagare=deltagare),
        "form": MottagenForm(auto_id="utdrag_%s"),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("registerutdrag/_mina_notis.html", takes_context=True)
def registerutdrag_mina_notis(context, forbund):
    """On Mina insatser: how many requests are open (no person is named, so nothing is logged)."""
    return {"antal": antal_oppna(user=context["request"].user, forbund=forbund)}
