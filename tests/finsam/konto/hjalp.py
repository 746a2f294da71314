"""Helpers of the account tests: signing in through the real form, and TOTP codes."""

import time

from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP

from finsam.models import Tvafaktorenhet
from tests.factories import LOSENORD


def logga_in(client, username: str, password: str = LOSENORD, **extra):
    """POST the login form, as a browser does (django-axes sees it)."""
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def kod(enhet: Tvafaktorenhet, steg: int = 0) -> str:
    """The device's code now, or `steg` time steps ahead (a code is used only once)."""
    totp = TOTP(enhet.bin_key, enhet.step, enhet.t0, enhet.digits, enhet.drift)
    totp.time = time.time() + steg * enhet.step
    return f"{totp.token():0{enhet.digits}d}"


def fel_kod(enhet: Tvafaktorenhet) -> str:
    """A code the device rejects now: none of the codes its tolerance accepts."""
    godkanda = {kod(enhet, steg) for steg in range(-enhet.tolerance, enhet.tolerance + 1)}
    return next(k for k in (f"{n:06d}" for n in range(1_000_000)) if k not in godkanda)


def verifiera_session(client, enhet: Tvafaktorenhet) -> None:
    """Mark the signed-in session as having passed the second step."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = enhet.persistent_id
    session.save()
