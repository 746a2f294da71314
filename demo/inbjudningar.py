"""The demo förbund's invitations: one waiting for its first e-ID login, one withdrawn."""

from elegitimation.models import Identifierartyp, Inbjudan
from elegitimation.services import inbjudan_aterkalla, inbjudan_skapa
from finsam.kodlistor import Roll


def inbjudningar_demo_skapa(forbund, chef) -> None:
    """Unless the förbund has invitations already (seed_demo runs again without change)."""
    if Inbjudan.objects.filter(forbund=forbund).exists():
        return
    inbjudan_skapa(
        forbund=forbund,
        user=chef,
        fornamn="Sara",
        efternamn="Nyström",
        email="sara.nystrom@vasteras.se",
        identifierartyp=Identifierartyp.HSA_ID,
        identifierare="SE2120001637-SN01",
        roll=Roll.SAMORDNARE,
        insatser=list(forbund.insatser.order_by("pk")[:1]),
    )
    aterkallad = inbjudan_skapa(
        forbund=forbund,
        user=chef,
        fornamn="Per",
        efternamn="Lund",
        identifierartyp=Identifierartyp.HSA_ID,
        identifierare="SE2321000016-PL02",
        roll=Roll.STYRELSE,
    )
    inbjudan_aterkalla(inbjudan=aterkallad, user=chef)
