"""Who may see what: the one place that turns a user into their reach.

Every `visible_to(user)` queryset method asks `atkomst(user)` and filters on
the ids it returns, so the rules of DOMAIN.md §6 live here and in those
methods only. The result is cached on the user object for the request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from finsam.kodlistor import Roll

# Roles that see every aggregate of their förbund: all insatser, the budget (DOMAIN.md §6).
SER_HELA_FORBUNDET = frozenset({Roll.FORBUNDSCHEF, Roll.STYRELSE})


@dataclass(frozen=True)
class Atkomst:
    """A user's reach: roles per förbund, own insatser, or a part key's förbund."""

    user_id: int | None = None
    admin: bool = False
    roller: dict[int, frozenset[str]] = field(default_factory=dict)
    # Insatser where the user is samordnare, delinsatser included.
    samordnare_insatser: frozenset[int] = frozenset()
    # Set for a part key: the förbund whose aggregates it may read.
    part_forbund: int | None = None

    @property
    def forbund(self) -> frozenset[int]:
        """Every förbund the user or key belongs to, whatever the role."""
        ids = set(self.roller)
        if self.part_forbund is not None:
            ids.add(self.part_forbund)
        return frozenset(ids)

    def forbund_med_roll(self, roll: str) -> frozenset[int]:
        return frozenset(fid for fid, roller in self.roller.items() if roll in roller)

    def har_roll(self, forbund_id: int, roll: str) -> bool:
        return roll in self.roller.get(forbund_id, ())

    def ser_hela_forbundet(self, forbund_id: int | None) -> bool:
        """Förbundschef or styrelse there: every insats's aggregates and the budget."""
        return bool(self.roller.get(forbund_id, frozenset()) & SER_HELA_FORBUNDET)

    @property
    def ar_part(self) -> bool:
        return self.part_forbund is not None


INGEN_ATKOMST = Atkomst()


class _System:
    """The trusted operator: management commands and the demo seed, never a request.

    Services take `user` as a required keyword, so a view that forgets it
    fails loudly instead of writing with full rights; commands pass SYSTEM.
    """

    is_authenticated = False
    pk = None

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = _System()


def som_skapare(user):
    """The user to record as `skapad_av`: nobody when the system wrote it."""
    return None if user is SYSTEM else user


def atkomst(user) -> Atkomst:
    if user is None or not getattr(user, "is_authenticated", False):
        return INGEN_ATKOMST
    cached = getattr(user, "_finsam_atkomst", None)
    if cached is None:
        cached = _berakna(user)
        user._finsam_atkomst = cached
    return cached


def glom_atkomst(user) -> None:
    """Forget the cached reach, after the user's roles have changed."""
    if hasattr(user, "_finsam_atkomst"):
        del user._finsam_atkomst


def _berakna(user) -> Atkomst:
    nyckel = getattr(user, "part_nyckel", None)
    if nyckel is not None:
        return Atkomst(part_forbund=nyckel.part.forbund_id)

    from django.db.models import F, Q

    from finsam.models import Medlemskap

    # The core's one link to a feature: a samordnare's reach is the insatser
    # its Medlemskap names (`Medlemskap.insatser`), read through that relation.
    Insats = Medlemskap.insatser.rel.model

    roller: dict[int, set[str]] = {}
    # Unordered: the models' default orderings would join förbund and user
    # tables on every request for nothing.
    medlemskap = Medlemskap.objects.filter(user=user).order_by()
    for forbund_id, roll in medlemskap.values_list("forbund_id", "roll"):
        roller.setdefault(forbund_id, set()).add(roll)

    # The insats must belong to the membership's own förbund: a samordnare
    # role in one förbund never opens another förbund's deltagare, whatever
    # was linked by mistake.
    egna = Medlemskap.insatser.through.objects.filter(
        medlemskap__user=user,
        medlemskap__roll=Roll.SAMORDNARE,
        insats__forbund=F("medlemskap__forbund"),
    ).values("insats_id")
    insatser = (
        frozenset(
            Insats.objects.filter(Q(id__in=egna) | Q(overordnad_id__in=egna))
            .order_by()
            .values_list("id", flat=True)
        )
        if Roll.SAMORDNARE in set().union(*roller.values())
        else frozenset()
    )
    return Atkomst(
        user_id=user.pk,
        admin=user.is_superuser,
        roller={fid: frozenset(r) for fid, r in roller.items()},
        samordnare_insatser=insatser,
    )
