"""What the förbund's settings must respect of the deltagare it stores."""

from django.core.exceptions import ValidationError

from deltagare.models import Deltagare
from finsam.models import Forbund


def personnummer_avstangning_kontrollera(*, forbund: Forbund) -> None:
    """Refuse to switch personnummer off while any deltagare has one stored.

    Switching off means the förbund stores none: leaving the stored ones
    would make the setting say something untrue. They go at gallring, or
    earlier when the samtycke is withdrawn (deltagare.services.samtycke).
    """
    antal = Deltagare.objects.filter(forbund=forbund, personnummer_hash__isnull=False).count()
    if antal:
        vem = "1 deltagare" if antal == 1 else f"{antal} deltagare"
        raise ValidationError(
            {
                "personnummer_tillatet": (
                    f"Personnummer kan inte stängas av: {vem} har personnummer sparat. "
                    "De tas bort vid gallring eller när samtycket återkallas."
                )
            }
        )
