"""Write the planned demo deltagare through the deltagare services.

The whole plan is written in the seed's one transaction, so either every
deltagare of the demo förbund exists or none does: finding any means the
section is done, and a second run skips it (a planned row has no natural
key to look up: fabricated people may share kön, år and dates).
"""

from deltagare.models import Deltagare
from deltagare.services import (
    anonyma_registrera,
    deltagare_registrera,
    inskrivning_avsluta,
    inskrivning_skapa,
    stegbedomning_lagg_till,
    uppfoljning_registrera,
)
from demo import organisation as org
from demo.deltagarplan import DeltagarPlan, InskrivningPlan
from demo.organisation import DemoOrganisation
from finsam.atkomst import SYSTEM

# Counts of people not registered individually: (insats, år, kvinnor, män, annat).
ANONYMA = [
    (org.SAMORDNINGSTEAM, 2025, 6, 4, 0),
    (org.SAMORDNINGSTEAM, 2026, 5, 3, 1),
    (org.HALSOSKOLA, 2025, 8, 3, 0),
    (org.HALSOSKOLA, 2026, 6, 2, 0),
]


def deltagare_skapa(demo: DemoOrganisation, plan: list[DeltagarPlan]) -> bool:
    """Write the plan unless the förbund already has deltagare; True if written."""
    if Deltagare.objects.filter(forbund=demo.forbund).exists():
        return False
    for person in plan:
        deltagare = deltagare_registrera(
            forbund=demo.forbund,
            personnummer=person.personnummer,
            samtycke_datum=person.samtycke_datum,
            referens=person.referens,
            # Given with a personnummer too: the service checks they agree.
            kon=person.kon,
            fodelsear=person.fodelsear,
            user=SYSTEM,
        )
        for inskrivning in person.inskrivningar:
            _inskrivning_skapa(demo, deltagare, inskrivning, person.samtycke_datum)
    for insats, ar, kvinnor, man, annat in ANONYMA:
        anonyma_registrera(
            insats=demo.insatser[insats], ar=ar, kvinnor=kvinnor, man=man, annat=annat, user=SYSTEM
        )
    return True


def _inskrivning_skapa(
    demo: DemoOrganisation, deltagare, plan: InskrivningPlan, samtycke_datum
) -> None:
    inskrivning = inskrivning_skapa(
        deltagare=deltagare,
        insats=demo.insatser[plan.insats],
        startdatum=plan.startdatum,
        # One written consent covers each of the person's insatser in the demo.
        samtycke_datum=samtycke_datum,
        forsorjning_vid_start=plan.forsorjning_vid_start,
        remitterande_part=demo.parter.get(plan.remitterande_part),
        utbildningsniva=plan.utbildningsniva,
        tid_i_offentlig_forsorjning=plan.tid_i_offentlig_forsorjning,
        utrikes_fodd=plan.utrikes_fodd,
        hemkommun=plan.hemkommun,
        user=SYSTEM,
    )
    for bedomning in plan.bedomningar:
        stegbedomning_lagg_till(
            inskrivning=inskrivning,
            datum=bedomning.datum,
            typ=bedomning.typ,
            steg_nummer=bedomning.steg,
            user=SYSTEM,
        )
    if plan.slutdatum is not None:
        inskrivning_avsluta(
            inskrivning=inskrivning,
            slutdatum=plan.slutdatum,
            avslutsorsak=plan.avslutsorsak,
            forsorjning_vid_avslut=plan.forsorjning_vid_avslut,
            sysselsattning=plan.sysselsattning,
            user=SYSTEM,
        )
    for uppfoljning in plan.uppfoljningar:
        uppfoljning_registrera(
            inskrivning=inskrivning,
            typ=uppfoljning.typ,
            datum=uppfoljning.datum,
            utfall=uppfoljning.utfall,
            steg_nummer=uppfoljning.steg,
            forsorjning=uppfoljning.forsorjning,
            sysselsattning=uppfoljning.sysselsattning,
            user=SYSTEM,
        )
