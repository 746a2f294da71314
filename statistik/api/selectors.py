"""The statistics the API answers with: the engine's figures, masked as `min_cell_for` says.

Only aggregates leave here, never a deltagare, so nothing is written to the
access log (DOMAIN.md §6 logs reads of deltagare data).
"""

import datetime

from django.http import Http404

from finsam.api.fraga import standardperiod
from finsam.atkomst import atkomst
from finsam.maskering import min_cell_for
from finsam.models import Forbund
from insatser.models import Insats
from statistik.berakning import forbund_statistik, insats_statistik
from statistik.maskering import maskera


def insats_statistik_las(
    *,
    user,
    insats: Insats,
    fran: datetime.date | None = None,
    till: datetime.date | None = None,
    urval: str = "aktiva",
) -> dict:
    """API.md's statistics object for an insats the caller has already been given."""
    fran, till = standardperiod(fran, till)
    resultat = insats_statistik(insats=insats, fran=fran, till=till, urval=urval)
    return maskera(resultat, min_cell_for(user, insats.forbund, insats)).som_dict()


def forbund_statistik_las(
    *, user, forbund: Forbund, fran: datetime.date | None = None, till: datetime.date | None = None
) -> dict:
    """The förbund's statistics object, for its members and part keys only.

    An admin may see every förbund row, but its figures are the members'
    (least privilege, as for every aggregate: `ForbundsdataQuerySet`).
    """
    if forbund.pk not in atkomst(user).forbund:
        raise Http404
    fran, till = standardperiod(fran, till)
    resultat = forbund_statistik(forbund=forbund, fran=fran, till=till)
    return maskera(resultat, min_cell_for(user, forbund)).som_dict()
