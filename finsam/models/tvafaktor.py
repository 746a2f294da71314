"""A user's TOTP authenticator, its seed encrypted at rest."""

import time
from base64 import b32encode
from binascii import unhexlify
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import models
from django_otp.models import Device, ThrottlingMixin, TimestampMixin
from django_otp.oath import TOTP
from django_otp.util import random_hex

from finsam.kryptering import dekryptera, kryptera


def ny_hemlighet() -> str:
    """A new random seed (20 bytes, as RFC 4226 recommends), encrypted."""
    return kryptera(random_hex(20))


class Tvafaktorenhet(TimestampMixin, ThrottlingMixin, Device):
    """A TOTP device (authenticator app) whose seed the database holds only encrypted.

    django-otp's own `TOTPDevice` keeps the seed in clear hex in a column too
    short for a Fernet token, so a database dump would hand out every second
    factor. This model is that device with the seed as a token under
    `FINSAM_FIELD_KEY`, decrypted in memory only to compute a code; the
    remaining fields keep django-otp's names and meaning (RFC 6238's step,
    t0, digits), so `django_otp.verify_token`, `devices_for_user`,
    `django_otp.login` and `OTPMiddleware` work with it unchanged.
    """

    hemlighet_krypterad = models.TextField(
        "hemlighet (krypterad)",
        default=ny_hemlighet,
        help_text="Fernet-token av den hexkodade TOTP-hemligheten.",
    )
    step = models.PositiveSmallIntegerField(default=30, help_text="Tidssteg i sekunder.")
    t0 = models.BigIntegerField(default=0, help_text="Unixtiden då stegen börjar räknas.")
    digits = models.PositiveSmallIntegerField(
        choices=[(6, 6), (8, 8)], default=6, help_text="Antal siffror i en kod."
    )
    tolerance = models.PositiveSmallIntegerField(
        default=1, help_text="Antal tidssteg före eller efter som godtas."
    )
    drift = models.SmallIntegerField(
        default=0, help_text="Antal tidssteg som telefonens klocka går fel."
    )
    last_t = models.BigIntegerField(
        default=-1,
        help_text="Tidssteget för den senast godkända koden; nästa kod måste vara senare.",
    )

    class Meta(Device.Meta):
        verbose_name = "tvåfaktorenhet"
        verbose_name_plural = "tvåfaktorenheter"

    @property
    def bin_key(self) -> bytes:
        """The seed in bytes, decrypted for this use only (never stored in clear)."""
        return unhexlify(dekryptera(self.hemlighet_krypterad))

    def get_throttle_factor(self) -> int:
        # django-otp's setting for its TOTP device, so configuration carries over.
        return getattr(settings, "OTP_TOTP_THROTTLE_FACTOR", 1)

    def verify_token(self, token) -> bool:
        """Accept a code once, within the tolerance; a wrong code doubles the wait.

        The same rules as django-otp's TOTPDevice: a code at or before the
        last accepted time step is refused (no replay), the phone's drift is
        learned when OTP_TOTP_SYNC is on, and every failure is counted by
        ThrottlingMixin. The caller (`django_otp.verify_token`) holds the row
        locked for the whole check.
        """
        if not self.verify_is_allowed()[0]:
            return False
        try:
            kod = int(token)
        except (TypeError, ValueError):
            godkand = False
        else:
            totp = TOTP(self.bin_key, self.step, self.t0, self.digits, self.drift)
            totp.time = time.time()
            godkand = totp.verify(kod, self.tolerance, self.last_t + 1)
        if not godkand:
            self.throttle_increment(commit=True)
            return False
        self.last_t = totp.t()
        if getattr(settings, "OTP_TOTP_SYNC", True):
            self.drift = totp.drift
        self.throttle_reset(commit=False)
        self.set_last_used_timestamp(commit=False)
        self.save()
        return True

    @property
    def config_url(self) -> str:
        """The otpauth:// URL an authenticator app reads from the QR code.

        Google's Key Uri Format; the issuer names Finsam in the app's list,
        before the user name.
        """
        utfardare = settings.OTP_TOTP_ISSUER
        etikett = quote(f"{utfardare}:{self.user.get_username()}")
        parametrar = {
            "secret": b32encode(self.bin_key),
            "algorithm": "SHA1",
            "digits": self.digits,
            "period": self.step,
            "issuer": utfardare,
        }
        # RFC 3986 quoting (%20), as the apps expect, not the form encoding's "+".
        return f"otpauth://totp/{etikett}?{urlencode(parametrar, quote_via=quote)}"
