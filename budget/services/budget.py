"""Every write of a budget year: the year, its intäkter, its rader and utfall (förbundschef).

Each service runs in one transaction and refuses with Swedish messages
naming the field, so a refused list (intäkter, utfall) writes nothing.
"""

from collections.abc import Iterable, Sequence

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from budget.models import Budgetar, Budgetrad, Intakt, Utfall, dela_konton
from finsam.kodlistor import Finansiar, Parttyp
from finsam.models import Forbund, Part
from finsam.services.organisation import krav_forbundschef
from finsam.services.validering import spara_validerad

BUDGETAR_FALT = ("eget_kapital_ingaende", "intakter_utblick_1", "intakter_utblick_2", "kommentar")
BUDGETRAD_FALT = (
    "kategori",
    "namn",
    "insats",
    "konto",
    "budget",
    "prognos",
    "utblick_1",
    "utblick_2",
)
# Which part pays as which finansiär; ESF and övriga are no members.
FINANSIARENS_PART = {
    Finansiar.STAT: Parttyp.FORSAKRINGSKASSAN,
    Finansiar.REGION: Parttyp.REGION,
    Finansiar.KOMMUN: Parttyp.KOMMUN,
}


def _kontrollera_falt(falt: dict, tillatna: tuple[str, ...]) -> None:
    okanda = set(falt) - set(tillatna)
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")


def _nummer(index: int, antal: int) -> str:
    # A list of one needs no number before its message.
    return f"Rad {index + 1}: " if antal > 1 else ""


@transaction.atomic
def budgetar_skapa(
    *, forbund: Forbund, ar: int, intakter: Iterable[dict] = (), user, **falt
) -> Budgetar:
    """A new budget year with its intäkter (`[{finansiar, belopp, part?}]`)."""
    krav_forbundschef(user, forbund.pk)
    _kontrollera_falt(falt, BUDGETAR_FALT)
    budgetar = spara_validerad(Budgetar(forbund=forbund, ar=ar, **falt))
    _intakter_skriv(budgetar, list(intakter))
    return budgetar


@transaction.atomic
def budgetar_uppdatera(*, budgetar: Budgetar, user, **falt) -> Budgetar:
    krav_forbundschef(user, budgetar.forbund_id)
    _kontrollera_falt(falt, BUDGETAR_FALT)
    for namn, varde in falt.items():
        setattr(budgetar, namn, varde)
    return spara_validerad(budgetar)


@transaction.atomic
def intakter_ersatt(
    *,
    budgetar: Budgetar,
    intakter: Iterable[dict],
    user,
    radnummer: Sequence[int] | None = None,
) -> list[Intakt]:
    """Replace the year's intäkter with `intakter` (the medlemsbidrag calculator's, a form's).

    `radnummer` are the numbers the user sees on the rows given (a form's
    table also has empty rows), for the refusal's messages.
    """
    krav_forbundschef(user, budgetar.forbund_id)
    budgetar.intakter.all().delete()
    return _intakter_skriv(budgetar, list(intakter), radnummer)


def _intakter_skriv(
    budgetar: Budgetar, intakter: list[dict], radnummer: Sequence[int] | None = None
) -> list[Intakt]:
    fel: list[str] = []
    skrivna = []
    sedda: set[tuple] = set()
    for i, data in enumerate(intakter):
        intakt = Intakt(budgetar=budgetar, **data)
        meddelanden = _intaktsfel(intakt, budgetar.forbund_id)
        nyckel = (intakt.finansiar, intakt.part_id)
        if intakt.part_id and nyckel in sedda:
            meddelanden.append(f"{intakt.part} står redan bland intäkterna.")
        sedda.add(nyckel)
        if not meddelanden:
            try:
                intakt.full_clean(exclude=["budgetar"])
            except ValidationError as e:
                meddelanden.extend(m for lista in e.message_dict.values() for m in lista)
        nummer = f"Rad {radnummer[i]}: " if radnummer else _nummer(i, len(intakter))
        fel.extend(nummer + m for m in meddelanden)
        skrivna.append(intakt)
    if fel:
        raise ValidationError({"intakter": fel})
    return Intakt.objects.bulk_create(skrivna)


def _intaktsfel(intakt: Intakt, forbund_id: int) -> list[str]:
    part: Part | None = intakt.part
    ska_vara = FINANSIARENS_PART.get(intakt.finansiar)
    if part is None:
        return []
    if part.forbund_id != forbund_id:
        return ["Parten hör till ett annat förbund."]
    if ska_vara is None:
        return [f"{Finansiar(intakt.finansiar).label} har ingen part i förbundet."]
    if part.typ != ska_vara:
        return [f"{part} kan inte betala som {Finansiar(intakt.finansiar).label.lower()}."]
    return []


def _kontrollera_konton(rad: Budgetrad) -> None:
    """An account belongs to one rad of the year, or an import could not tell where it goes."""
    konton = rad.konton
    if len(set(konton)) != len(konton):
        raise ValidationError({"konto": "Samma konto står två gånger."})
    andra = Budgetrad.objects.filter(budgetar=rad.budgetar_id).exclude(pk=rad.pk)
    for annan in andra.exclude(konto=""):
        gemensamma = sorted(set(konton) & set(annan.konton))
        if gemensamma:
            raise ValidationError(
                {"konto": f"Kontot {gemensamma[0]} hör redan till raden {annan.namn}."}
            )
    rad.konto = ", ".join(konton)


@transaction.atomic
def budgetrad_skapa(*, budgetar: Budgetar, user, **falt) -> Budgetrad:
    """A budgetrad; without prognos it follows the budget (API.md)."""
    krav_forbundschef(user, budgetar.forbund_id)
    _kontrollera_falt(falt, BUDGETRAD_FALT)
    rad = Budgetrad(budgetar=budgetar, **falt)
    _kontrollera_konton(rad)
    return spara_validerad(rad)


@transaction.atomic
def budgetrad_uppdatera(*, rad: Budgetrad, user, **falt) -> Budgetrad:
    krav_forbundschef(user, rad.budgetar.forbund_id)
    _kontrollera_falt(falt, BUDGETRAD_FALT)
    for namn, varde in falt.items():
        setattr(rad, namn, varde)
    _kontrollera_konton(rad)
    return spara_validerad(rad)


@transaction.atomic
def budgetrad_ta_bort(*, rad: Budgetrad, user) -> None:
    """Remove a rad entered by mistake; one with utfall stays, as the utfall are booked."""
    krav_forbundschef(user, rad.budgetar.forbund_id)
    # The import writes utfall under the same lock: none can land between the
    # check and the delete (and go with the rad).
    Budgetar.objects.select_for_update().get(pk=rad.budgetar_id)
    if rad.utfall.exists():
        raise ValidationError("Raden har utfall och kan inte tas bort. Sätt budgeten till 0.")
    rad.delete()


@transaction.atomic
def budgetrad_lagg_till_konto(*, rad: Budgetrad, konto: str, user) -> Budgetrad:
    """Tie one more account of the economy system to a rad (from an import's preview)."""
    return budgetrad_uppdatera(
        rad=rad, konto=", ".join([*rad.konton, *dela_konton(konto)]), user=user
    )


@transaction.atomic
def utfall_registrera(*, budgetar: Budgetar, poster: Iterable[dict], user) -> list[Utfall]:
    """Post utfall (`[{rad, datum, belopp}]`) by hand; all of them or none."""
    krav_forbundschef(user, budgetar.forbund_id)
    poster = list(poster)
    if not poster:
        raise ValidationError({NON_FIELD_ERRORS: "Ange minst ett utfall."})
    fel: dict[str, list[str]] = {}
    utfall = []
    for i, data in enumerate(poster):
        post = Utfall(**data)
        try:
            if post.rad.budgetar_id != budgetar.pk:
                raise ValidationError({"rad": "Raden hör till en annan budget."})
            post.full_clean()
        except ValidationError as e:
            for falt, meddelanden in e.message_dict.items():
                fel.setdefault(falt, []).extend(_nummer(i, len(poster)) + m for m in meddelanden)
        utfall.append(post)
    if fel:
        raise ValidationError(fel)
    return Utfall.objects.bulk_create(utfall)
