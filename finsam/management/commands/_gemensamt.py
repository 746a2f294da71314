"""What the set-up commands share: Swedish errors for bad arguments.

Ids are parsed here rather than by argparse (`type=int`) so that a wrong
id gets the same Swedish message as a missing one.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from finsam.models import Forbund


def kommandofel(fel: ValidationError) -> CommandError:
    """A service's Swedish messages as a command error."""
    return CommandError(" ".join(fel.messages))


def heltal(text: str, vad: str) -> int:
    try:
        return int(text)
    except (TypeError, ValueError):
        raise CommandError(f"{vad} ska vara ett heltal, inte ”{text}”.") from None


def hamta_forbund(text: str) -> Forbund:
    forbund = Forbund.objects.filter(pk=heltal(text, "Förbundets id")).first()
    if forbund is None:
        raise CommandError(f"Det finns inget förbund med id {text}.")
    return forbund
