"""Who served the förbund in the period, by organ (seed 002, "Organisation").

The styrelse is split as seed 002 lists it: ordinarie ledamöter (ordförande,
vice ordförande, ledamöter) and ersättare. An uppdrag that began or ended
within the period says when, so a change of ledamot reads right.
"""

import datetime

from django.utils import formats

from finsam.models import Uppdrag
from finsam.models.uppdrag import Organ, Uppdragsroll
from finsam.selectors import organisation_i_period
from rapporter.block.underlag import Underlag

# The heading of each organ in a report; Organ's labels name them in a form.
ORGANRUBRIK = {
    Organ.STYRELSE: "Styrelse",
    Organ.LEDNING: "Förbundets ledning",
    Organ.BEREDNINGSGRUPP: "Beredningsgrupp",
    Organ.REVISION: "Revisorer",
}


def block(underlag: Underlag) -> dict:
    per_organ = organisation_i_period(
        Uppdrag.objects.filter(forbund=underlag.forbund), underlag.fran, underlag.till
    )
    return {
        "organ": [
            {
                "organ": organ,
                "rubrik": ORGANRUBRIK[organ],
                "grupper": _grupper(organ, [_rad(u, underlag) for u in uppdrag]),
            }
            for organ, uppdrag in per_organ.items()
        ]
    }


def _grupper(organ: str, rader: list[dict]) -> list[dict]:
    """The organ's people in one list, or the styrelse's ordinarie and ersättare apart;
    `andrade` when someone in the group came or left within the period."""
    if organ == Organ.STYRELSE:
        grupper = [
            ("Ordinarie ledamöter", [r for r in rader if not r["ersattare"]]),
            ("Ersättare", [r for r in rader if r["ersattare"]]),
        ]
    else:
        grupper = [("", rader)]
    return [
        {"rubrik": rubrik, "rader": g, "andrade": any(r["period"] for r in g)}
        for rubrik, g in grupper
        if g
    ]


def _rad(u: Uppdrag, underlag: Underlag) -> dict:
    # Only a start or end within the period is news to the reader.
    period = [
        *([f"fr.o.m. {_datum(u.fran)}"] if u.fran > underlag.fran else []),
        *([f"t.o.m. {_datum(u.till)}"] if u.till and u.till < underlag.till else []),
    ]
    return {
        "namn": u.namn,
        "roll": u.get_roll_display(),
        "beskrivning": u.beskrivning,
        "part": u.part.namn if u.part else "",
        "period": " ".join(period),
        "ersattare": u.roll == Uppdragsroll.ERSATTARE,
    }


def _datum(dag: datetime.date) -> str:
    return formats.date_format(dag, "j F Y")
