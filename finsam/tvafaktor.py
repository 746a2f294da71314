"""Who needs TOTP two-factor, and whether they have set it up."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from finsam.atkomst import atkomst
from finsam.kodlistor import Roll


def kraver_tvafaktor(user) -> bool:
    """Admin and förbundschef must use two-factor when FINSAM_PRODUCTION is on."""
    return user.is_superuser or bool(atkomst(user).forbund_med_roll(Roll.FORBUNDSCHEF))


def har_tvafaktor(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()
