"""Which insatser a report's blocks speak of, and their statistics for its period."""

from finsam.kodlistor import Inriktning
from insatser.models import Insats
from rapporter.block.underlag import Underlag
from rapporter.selectors import rapportens_insatser
from statistik.berakning import insats_statistik
from statistik.berakning.objekt import InsatsStatistik
from statistik.maskering import maskera


def insatser_under_perioden(underlag: Underlag) -> list[Insats]:
    """The report's one insats, or every insats of the förbund that ran during the period."""
    return rapportens_insatser(
        forbund=underlag.forbund, fran=underlag.fran, till=underlag.till, insats=underlag.insats
    )


def individinsatser(insatser: list[Insats]) -> list[Insats]:
    """The individinriktade among them that are not delinsatser of another one listed.

    The förbund's own statistics (forbund_statistik) follow top insatser with
    their delinsatser rolled up; a report of one delinsats keeps it.
    """
    ids = {i.pk for i in insatser}
    return [
        i for i in insatser if i.inriktning == Inriktning.INDIVID and i.overordnad_id not in ids
    ]


def statistik_for(insats: Insats, underlag: Underlag) -> InsatsStatistik:
    """The insats's figures for the period, masked as the report version says."""
    statistik = insats_statistik(insats=insats, fran=underlag.fran, till=underlag.till)
    return maskera(statistik, underlag.min_cell)
