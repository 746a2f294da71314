"""factory_boy factories for the domain, shared by every test module."""

import datetime

import factory
from django.contrib.auth import get_user_model

from finsam.atkomst import SYSTEM
from finsam.kodlistor import Parttyp
from finsam.models import Forbund, Part
from finsam.services.organisation import forbund_skapa, medlemskap_lagg_till
from insatser.models import Insats, Nyckeltal, Steg, Stegskala

LOSENORD = "ett-langt-testlosenord"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"anvandare{n}")
    password = factory.django.Password(LOSENORD)


class ForbundFactory(factory.django.DjangoModelFactory):
    """A förbund made through the service, so it has its Processtrappan."""

    class Meta:
        model = Forbund

    namn = factory.Sequence(lambda n: f"Samordningsförbundet {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return forbund_skapa(**kwargs, user=SYSTEM)


class PartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Part

    forbund = factory.SubFactory(ForbundFactory)
    namn = factory.Sequence(lambda n: f"Part {n}")
    typ = Parttyp.FORSAKRINGSKASSAN
    kommunkod = ""


class InsatsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Insats

    forbund = factory.SubFactory(ForbundFactory)
    namn = factory.Sequence(lambda n: f"Insats {n}")
    startdatum = datetime.date(2021, 1, 1)
    stegskala = factory.LazyAttribute(
        lambda o: Stegskala.objects.get(forbund=o.forbund, ar_standard=True)
    )


def personer(
    insats: Insats, namn: str, fran: datetime.date, till: datetime.date, kon: tuple[int, int, int]
) -> Nyckeltal:
    """A nyckeltal that counts people: (kvinnor, män, annat), the value their sum."""
    kvinnor, man, annat = kon
    return Nyckeltal.objects.create(
        insats=insats, namn=namn, fran=fran, till=till, varde=sum(kon),
        raknar_personer=True, kvinnor=kvinnor, man=man, annat=annat,
    )  # fmt: skip


def steg(insats: Insats, nummer: int) -> Steg:
    return insats.stegskala.steg.get(nummer=nummer)


def anvandare_med_roll(roll: str, forbund: Forbund, *insatser: Insats, **kwargs):
    """A user holding `roll` in `forbund` (samordnare of `insatser`)."""
    user = UserFactory(**kwargs)
    medlemskap_lagg_till(anvandare=user, forbund=forbund, roll=roll, insatser=insatser, user=SYSTEM)
    return user
