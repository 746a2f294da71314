"""The dashboard's first view computed ahead, so a förbundschef seldom waits for it.

Cold, the dashboard of the largest förbund takes about a second at national
scale, nearly all of it the engine; from the statistics cache some 50 ms
(docs/skala.md). Every minute beat has a worker compute what the dashboard
shows first, the year so far and its two yardsticks, for each förbund whose
data version has moved since the last time. The answers are the engine's
own, stored by `cachad` under the version read before they were computed, so
they are exactly as exact as the cache: a change during the computation
gives a newer version, which the next run computes again.
"""

import datetime

from django.core.cache import cache

from finsam.models import Forbund
from statistik.berakning import forbund_aterbetalningstider, forbund_nyckeltal, forbund_statistik
from statistik.berakning.cache import LIVSLANGD, anvands, cacheadress
from statistik.forms import i_ar_hittills
from statistik.jamforelse import jamforelseperioder
from statistik.models import Dataversion

# Longer than a run over every förbund of the country takes (80 cold
# dashboards, about a minute); a run that dies leaves the lock to expire.
_LASET_I = 15 * 60


def forvarm_oversikter(idag: datetime.date) -> list[int]:
    """Compute the default dashboard of every förbund whose data changed since it
    was last computed (or on a new day, as its period then ends later).

    Returns the ids of the förbund computed; none while another run is at it
    or where answers are not cached (SQLite, or the cache turned off).
    """
    las = cacheadress("forvarmning", "las")
    if not anvands() or not cache.add(las, 1, _LASET_I):
        return []
    try:
        versioner = dict(Dataversion.objects.values_list("forbund_id", "version"))
        fran, till = i_ar_hittills(idag)
        jamforelser = jamforelseperioder(fran, till).values()
        varmda = []
        for forbund in Forbund.objects.filter(pk__in=versioner).order_by("pk"):
            markering = cacheadress("forvarmning", forbund.pk)
            tillstand = (versioner[forbund.pk], idag)
            if cache.get(markering) == tillstand:
                continue
            forbund_statistik(forbund=forbund, fran=fran, till=till)
            forbund_aterbetalningstider(forbund=forbund, fran=fran, till=till)
            for f, t in jamforelser:
                forbund_nyckeltal(forbund=forbund, fran=f, till=t)
            cache.set(markering, tillstand, LIVSLANGD)
            varmda.append(forbund.pk)
        return varmda
    finally:
        cache.delete(las)
