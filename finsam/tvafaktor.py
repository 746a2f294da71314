"""Who needs TOTP two-factor, whether they have set it up, and its changes.

One confirmed TOTP device per user: setting up creates an unconfirmed one
that becomes the user's device once they have proved it with a code.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from finsam.atkomst import atkomst
from finsam.kodlistor import Roll


def kraver_tvafaktor(user) -> bool:
    """Admin and förbundschef must use two-factor when FINSAM_PRODUCTION is on."""
    return user.is_superuser or bool(atkomst(user).forbund_med_roll(Roll.FORBUNDSCHEF))


def tvafaktor_obligatorisk(user) -> bool:
    """Whether this user, in this installation, may not do without two-factor."""
    return settings.FINSAM_KRAV_TVAFAKTOR and kraver_tvafaktor(user)


def har_tvafaktor(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def tvafaktor_paborja(*, user) -> TOTPDevice:
    """The user's unconfirmed device, created on first call.

    Reused on later calls so the QR code the user already scanned stays valid
    when the page is reloaded.
    """
    enhet = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if enhet is None:
        enhet = TOTPDevice.objects.create(user=user, name="Finsam", confirmed=False)
    return enhet


@transaction.atomic
def tvafaktor_bekrafta(*, enhet: TOTPDevice) -> TOTPDevice:
    """Make a proved device the user's one device (the caller checked the code)."""
    enhet.confirmed = True
    enhet.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=enhet.user_id).exclude(pk=enhet.pk).delete()
    return enhet


@transaction.atomic
def tvafaktor_stang_av(*, user) -> None:
    """Remove the user's devices; refused where two-factor is required."""
    if tvafaktor_obligatorisk(user):
        raise PermissionDenied("Tvåstegsverifiering är obligatorisk för din roll.")
    TOTPDevice.objects.filter(user=user).delete()
