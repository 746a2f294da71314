"""Removing a deltagare's identity for good, keeping the statistical record.

One function, for gallring (DOMAIN.md §2) and for any other reason the
identity must go: the row stays with kön, födelseår and every inskrivning,
bedömning and uppföljning, so every figure in `statistik/` is unchanged;
only what says who the person is goes. `pseudonym` stays too: it names
no one, and the access log refers to it.
"""

import datetime
from collections.abc import Iterable
from types import MappingProxyType

from django.db import models
from django.utils import timezone

from deltagare.models import Deltagare, Inskrivning, Korrigering, VantandeRegistrering

# The personnummer removed: the number and its look-up hash go together (the
# model's check constraint allows neither alone), so the person can no longer
# be found by number and a new registration of it is a new person. Gallring
# writes it with an UPDATE, withdrawn consent onto the row it saves.
UTAN_PERSONNUMMER = MappingProxyType({"personnummer_krypterat": "", "personnummer_hash": None})


def identitet_ta_bort(
    *,
    deltagare: models.QuerySet[Deltagare] | Iterable[Deltagare],
    tidpunkt: datetime.datetime | None = None,
) -> int:
    """Clear personnummer (ciphertext and hash), referens, consent and the reasons of
    corrections; mark the rows gallrade.

    `deltagare` is a queryset or a list of rows. A queryset's own filter is
    applied again by the database in the same UPDATE, so a condition it
    holds (such as "no active inskrivning") is true of every row changed,
    even if the rows changed since they were read. Rows already gallrade
    are left alone, so calling it twice removes nothing more. Returns how
    many rows were changed. The caller provides the transaction.
    """
    if not isinstance(deltagare, models.QuerySet):
        deltagare = Deltagare.objects.filter(pk__in=[d.pk for d in deltagare])
    tidpunkt = tidpunkt or timezone.now()
    antal = deltagare.filter(gallrad__isnull=True).update(
        **UTAN_PERSONNUMMER, referens="", gallrad=tidpunkt
    )
    # The consent details go too: they are per inskrivning (and per waiting
    # registration). The rows just changed are those gallrade at `tidpunkt`.
    nyss = Deltagare.objects.filter(gallrad=tidpunkt)
    Inskrivning.objects.filter(deltagare__in=nyss).update(
        samtycke_datum=None, samtycke_aterkallat=None
    )
    VantandeRegistrering.objects.filter(deltagare__in=nyss).update(samtycke_datum=None)
    # A correction's reason is free text a samordnare wrote about the person:
    # it may name them, so it goes with the identity; what changed and when stay.
    Korrigering.objects.filter(inskrivning__deltagare__in=nyss).exclude(skal="").update(skal="")
    return antal
