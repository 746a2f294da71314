"""What the engine counts over: an insats (with its delinsatser) or a whole förbund.

Every query groups its rows by the *rot* insats: the top insats a row rolls
up into (delinsatser are one level deep). One insats and a whole förbund
then run the very same queries, a förbund with one group per insats.
"""

from dataclasses import dataclass

from django.db.models import Expression, F, Q, QuerySet
from django.db.models.functions import Coalesce

from deltagare.models import Inskrivning
from finsam.kodlistor import Avslutsorsak, Inriktning, Kon
from insatser.models import Insats

# Kön slug → the column key of every table (DOMAIN.md §4).
KON = ((Kon.KVINNA, "kvinnor"), (Kon.MAN, "man"), (Kon.ANNAT, "annat"))


@dataclass(frozen=True)
class Omfang:
    """The insatser counted; `insats_id` xor `forbund_id`.

    A förbund counts its individinriktade insatser only: struktur insatser
    have no deltagare and are followed up by nyckeltal.
    """

    insats_id: int | None = None
    forbund_id: int | None = None
    # True when the single insats is a delinsats: it is then its own rot.
    ar_delinsats: bool = False

    def villkor(self, prefix: str = "") -> Q:
        """The condition on a model whose insats is at `{prefix}insats`."""
        if self.insats_id is not None:
            # A subquery, not "insats = x OR insats.overordnad = x": an OR
            # across the join would make the database read every inskrivning.
            insatser = Insats.objects.med_delinsatser(self.insats_id)
            return Q(**{f"{prefix}insats__in": insatser.values("pk")})
        return Q(
            **{f"{prefix}insats__forbund": self.forbund_id},
            **{f"{prefix}insats__inriktning": Inriktning.INDIVID},
        )

    def rot(self, prefix: str = "") -> Expression:
        if self.ar_delinsats:
            return F(f"{prefix}insats_id")
        return Coalesce(F(f"{prefix}insats__overordnad_id"), F(f"{prefix}insats_id"))

    def inskrivningar(self) -> QuerySet:
        return Inskrivning.objects.filter(self.raknade("")).order_by()

    def raknade(self, prefix: str) -> Q:
        """The inskrivningar counted, as a condition on a model whose inskrivning is at
        `prefix`: felregistrerade never count (DOMAIN.md §5)."""
        return self.villkor(prefix) & ~Q(**{f"{prefix}avslutsorsak": Avslutsorsak.FELREGISTRERING})

    def grupperat(self, qs: QuerySet, prefix: str = "", **fler: Expression) -> QuerySet:
        """`qs` grouped by rot insats, and by the expressions in `fler` within it."""
        return qs.values(rot=self.rot(prefix), **fler).order_by()
