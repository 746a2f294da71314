"""Who needs TOTP two-factor, whether they have set it up, and its changes.

One confirmed TOTP device per user: setting up creates an unconfirmed one
that becomes the user's device once they have proved it with a code. The
device is Finsam's own `Tvafaktorenhet`, its seed encrypted at rest, and
re-encrypted here when the field key is rotated.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction

from finsam.atkomst import atkomst
from finsam.kodlistor import Roll
from finsam.kryptering import BATCH, Rotationsresultat, kryptera_om_i_omgangar
from finsam.models import Tvafaktorenhet


def kraver_tvafaktor(user) -> bool:
    """Admin and förbundschef must use two-factor when FINSAM_PRODUCTION is on."""
    return user.is_superuser or bool(atkomst(user).forbund_med_roll(Roll.FORBUNDSCHEF))


def tvafaktor_obligatorisk(user) -> bool:
    """Whether this user, in this installation, may not do without two-factor."""
    return settings.FINSAM_KRAV_TVAFAKTOR and kraver_tvafaktor(user)


def har_tvafaktor(user) -> bool:
    return Tvafaktorenhet.objects.devices_for_user(user, confirmed=True).exists()


def tvafaktor_paborja(*, user) -> Tvafaktorenhet:
    """The user's unconfirmed device, created on first call.

    Reused on later calls so the QR code the user already scanned stays valid
    when the page is reloaded.
    """
    enhet = Tvafaktorenhet.objects.filter(user=user, confirmed=False).first()
    if enhet is None:
        enhet = Tvafaktorenhet.objects.create(user=user, name="Finsam", confirmed=False)
    return enhet


@transaction.atomic
def tvafaktor_bekrafta(*, enhet: Tvafaktorenhet) -> Tvafaktorenhet:
    """Make a proved device the user's one device (the caller checked the code)."""
    enhet.confirmed = True
    enhet.save(update_fields=["confirmed"])
    Tvafaktorenhet.objects.filter(user_id=enhet.user_id).exclude(pk=enhet.pk).delete()
    return enhet


@transaction.atomic
def tvafaktor_stang_av(*, user) -> None:
    """Remove the user's devices; refused where two-factor is required."""
    if tvafaktor_obligatorisk(user):
        raise PermissionDenied("Tvåstegsverifiering är obligatorisk för din roll.")
    Tvafaktorenhet.objects.filter(user=user).delete()


def tvafaktor_kryptera_om(*, batch: int = BATCH) -> Rotationsresultat:
    """Re-encrypt every TOTP seed not yet under the newest field key.

    Part of a key rotation (`manage.py rotera_personnummer` runs it beside
    the personnummer): a seed left under a dropped key would lock its user
    out. Raises `finsam.kryptering.Dekrypteringsfel` for a seed no
    configured key opens; batches before it are kept.
    """
    return kryptera_om_i_omgangar(Tvafaktorenhet.objects.all(), "hemlighet_krypterad", batch=batch)
