"""Every read of the core app for the pages, scoped to the user."""

from django.db.models import QuerySet

from finsam.models import Forbund, Part


def parter_for_forbund(*, user, forbund: Forbund) -> QuerySet[Part]:
    return Part.objects.visible_to(user).filter(forbund=forbund)
