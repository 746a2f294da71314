"""The yearly gallring of the access log: rows older than the retention period go.

The database triggers (deltagare.logg.triggrar) refuse to delete anything
younger, so this is the only way a log row leaves the database.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from deltagare.models import Atkomstlogg
from finsam.datum import ar_senare

logger = logging.getLogger(__name__)

# Rows per transaction: a first gallring after years can meet many rows.
BATCH = 5000


def gallringsgrans(nu: datetime.datetime | None = None) -> datetime.datetime:
    """Midnight (UTC) of the day FINSAM_ATKOMSTLOGG_AR years before `nu`.

    Rounded down to the day, and 29 February back to the 28th (PostgreSQL
    does so; SQLite moves on to 1 March), so every row removed is older than
    the trigger's own limit on either database, even with the clocks of the
    application and the database a little apart.
    """
    nu = (nu or timezone.now()).astimezone(datetime.UTC)
    dag = ar_senare(nu.date(), -settings.FINSAM_ATKOMSTLOGG_AR)
    return datetime.datetime.combine(dag, datetime.time.min, tzinfo=datetime.UTC)


def atkomstlogg_gallra(*, batch: int = BATCH) -> int:
    """Remove the log rows older than the retention period; returns how many."""
    grans = gallringsgrans()
    totalt = 0
    while True:
        with transaction.atomic():
            pk = list(
                Atkomstlogg.objects.filter(tidpunkt__lt=grans)
                .order_by("pk")
                .values_list("pk", flat=True)[:batch]
            )
            if not pk:
                break
            # A sampled event of an old review goes with its row (CASCADE).
            _, per_modell = Atkomstlogg.objects.filter(pk__in=pk).delete()
            totalt += per_modell.get(Atkomstlogg._meta.label, 0)
    logger.info(
        "Åtkomstloggen gallrad: %d rader från före %s borttagna.", totalt, grans.date().isoformat()
    )
    return totalt
