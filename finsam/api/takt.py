"""How often one caller may call the API: per key or per user, never per address.

Many parter reach Finsam through one municipal proxy; a limit per address
would let one integration starve the others. Two windows apply (settings
`FINSAM_API_TAKT`): a sustained rate per minute, and a shorter burst.
A limited call answers 429 with `Retry-After`.
"""

import re

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

_TAKT = re.compile(r"^(\d+)/(\d*)([smhd])$")
_SEKUNDER = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class Takt(SimpleRateThrottle):
    def get_rate(self) -> str:
        return settings.FINSAM_API_TAKT[self.scope]

    def parse_rate(self, rate: str) -> tuple[int, int]:
        # DRF reads only "N/unit"; a burst needs "100/10s".
        traff = _TAKT.match(rate)
        if traff is None:
            raise ValueError(f"Ogiltig takt {rate!r}: skriv till exempel 600/m eller 100/10s.")
        antal, multipel, enhet = traff.groups()
        return int(antal), int(multipel or 1) * _SEKUNDER[enhet]

    def get_cache_key(self, request, view) -> str:
        if request.auth is not None and getattr(request.auth, "pk", None):
            vem = f"nyckel:{request.auth.pk}"
        elif request.user.is_authenticated:
            vem = f"anvandare:{request.user.pk}"
        else:
            vem = f"adress:{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": vem}

    def allow_request(self, request, view) -> bool:
        # The counts live in the cache; with Redis away it reads as empty
        # (finsam/cache.py), so calls go through rather than fail.
        return not settings.FINSAM_API_BEGRANSNING or super().allow_request(request, view)


class Minuttakt(Takt):
    scope = "minut"


class Skurtakt(Takt):
    scope = "skur"
