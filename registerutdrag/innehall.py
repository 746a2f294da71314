"""What a registerutdrag holds: one plain structure the PDF and the JSON both render.

Read with the ORM directly, across all the person's insatser: by the time
this runs every insats's samordnare has added its part (services.utdrag_skapa),
and this is the only place that combines them.
"""


from django.db.models import Prefetch

from deltagare.models import (
    UPPFOLJNINGSTYPER,
    Atkomstlogg,
    Deltagare,
    Forsorjning,
    Inskrivning,
    Korrigering,
    Stegbedomning,
)
from finsam.kodlistor import Forsorjningskalla, Roll
from finsam.kryptering import dekryptera
from finsam.models import Medlemskap
from registerutdrag.models import Registerutdragsbegaran

_KALLOR = list(Forsorjningskalla.values)


def _identitet(deltagare: Deltagare) -> dict:
    # Whatever the consent: it is the person's own number, in their own extract.
    token = deltagare.personnummer_krypterat
    nummer = dekryptera(token) if token else ""
    return {
        "personnummer": f"{nummer[:8]}-{nummer[8:]}" if nummer else "",
        "referens": deltagare.referens,
        "kon": deltagare.get_kon_display(),
        "fodelsear": deltagare.fodelsear,
        "registrerad": deltagare.skapad.date(),
        "identitet_gallrad": deltagare.gallrad.date() if deltagare.gallrad else None,
    }


def _bedomning(b: Stegbedomning) -> dict:
    return {
        "datum": b.datum,
        "typ": b.get_typ_display(),
        "steg": b.steg.nummer,
        "steg_namn": b.steg.namn,
    }


def _forsorjning(inskrivning: Inskrivning, tidpunkt: str) -> list[str]:
    rader = sorted(
        (f for f in inskrivning.forsorjning.all() if f.tidpunkt == tidpunkt),
        key=lambda f: _KALLOR.index(f.kalla),
    )
    return [f.get_kalla_display() for f in rader]


def _uppfoljningar(i: Inskrivning, bedomningar: list[Stegbedomning]) -> list[dict]:
    """Each follow-up with its outcome; a genomförd one with its steg, försörjning and
    sysselsättning (an uppfoljning_* bedömning without a row, from before, as genomförd)."""
    steg = {b.typ: b for b in bedomningar if b.typ in UPPFOLJNINGSTYPER}
    rader = {u.typ: u for u in i.uppfoljningar.all()}
    svar = []
    for typ in UPPFOLJNINGSTYPER:
        uppfoljning, bedomning = rader.get(typ), steg.get(typ)
        if uppfoljning is None and bedomning is None:
            continue
        svar.append(
            {
                "datum": uppfoljning.datum if uppfoljning else bedomning.datum,
                "typ": str(typ.label),
                "utfall": uppfoljning.get_utfall_display() if uppfoljning else "Genomförd",
                "steg": bedomning.steg.nummer if bedomning else None,
                "steg_namn": bedomning.steg.namn if bedomning else "",
                "sysselsattning": uppfoljning.get_sysselsattning_display() if uppfoljning else "",
                "forsorjning": _forsorjning(i, typ),
            }
        )
    return svar


def _inskrivning(i: Inskrivning) -> dict:
    bedomningar = list(i.bedomningar.all())
    avslut = None
    if i.slutdatum:
        avslut = {
            "slutdatum": i.slutdatum,
            "avslutsorsak": i.get_avslutsorsak_display(),
            "sysselsattning": i.get_sysselsattning_vid_avslut_display(),
            "forsorjning": _forsorjning(i, Forsorjning.Tidpunkt.AVSLUT),
        }
    return {
        "insats": i.insats.namn,
        "startdatum": i.startdatum,
        "slutdatum": i.slutdatum,
        "samtycke": i.samtycke_datum,
        "samtycke_aterkallat": i.samtycke_aterkallat,
        "startuppgifter": {
            "remitterande_part": i.remitterande_part.namn if i.remitterande_part else "",
            "utbildningsniva": i.get_utbildningsniva_display(),
            "tid_i_offentlig_forsorjning": i.get_tid_i_offentlig_forsorjning_display(),
            "utrikes_fodd": {True: "Ja", False: "Nej", None: "Ej angivet"}[i.utrikes_fodd],
            "forsorjning": _forsorjning(i, Forsorjning.Tidpunkt.START),
            "hemkommun": i.hemkommun_namn,
        },
        "bedomningar": [_bedomning(b) for b in bedomningar if b.typ not in UPPFOLJNINGSTYPER],
        "avslut": avslut,
        "uppfoljningar": _uppfoljningar(i, bedomningar),
        # Corrections of the inskrivning: what, when and why (never who changed it
        # to what: the history keeps no old values beyond the avslut's codes).
        "andringar": [
            {"tidpunkt": k.tidpunkt, "andring": k.get_typ_display(), "skal": k.skal}
            for k in i.korrigeringar.all()
        ],
    }


def _atkomstlogg(deltagare: Deltagare) -> list[dict]:
    """Every access-log row about the person, their requests' own rows included."""
    arenden = Registerutdragsbegaran.objects.filter(deltagare=deltagare).values_list(
        "pseudonym", flat=True
    )
    rader = list(
        Atkomstlogg.objects.filter(
            forbund=deltagare.forbund_id,
            deltagare_pseudonym__in=[deltagare.pseudonym, *arenden],
        )
        # Making the extract is logged under the request and the person
        # (services.utdrag_skapa): listed once.
        .exclude(deltagare_pseudonym__in=arenden, handling=Atkomstlogg.Handling.UTDRAG_SKAPA)
        .select_related("insats")
        .order_by("tidpunkt", "id")
    )
    roller: dict[int, set[str]] = {}
    for user_id, roll in Medlemskap.objects.filter(
        forbund=deltagare.forbund_id, user_id__in={r.user_id for r in rader if r.user_id}
    ).values_list("user_id", "roll"):
        roller.setdefault(user_id, set()).add(roll)
    return [
        {
            "tidpunkt": r.tidpunkt,
            "anvandare": r.anvandarnamn,
            "roll": ", ".join(Roll(x).label.lower() for x in sorted(roller.get(r.user_id, ()))),
            "handling": r.get_handling_display(),
            "insats": r.insats.namn if r.insats else "",
        }
        for r in rader
    ]


def utdrag_innehall(begaran: Registerutdragsbegaran) -> dict:
    """The extract of a known person's request, as plain data."""
    deltagare = begaran.deltagare
    inskrivningar = (
        Inskrivning.objects.filter(deltagare=deltagare)
        .select_related("insats", "remitterande_part", "deltagare")
        .prefetch_related(
            Prefetch(
                "bedomningar",
                queryset=Stegbedomning.objects.select_related("steg").order_by("datum", "id"),
            ),
            "forsorjning",
            "uppfoljningar",
            Prefetch("korrigeringar", queryset=Korrigering.objects.order_by("tidpunkt", "id")),
        )
        .order_by("startdatum", "id")
    )
    return {
        "forbund": begaran.forbund.namn,
        "begaran": {"mottagen": begaran.mottagen, "frist": begaran.frist},
        "identitet": _identitet(deltagare),
        "inskrivningar": [_inskrivning(i) for i in inskrivningar],
        "atkomstlogg": _atkomstlogg(deltagare),
    }
