"""Writing the deltagarenkät: questionnaires, measurements and answers, each whole or not at all."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from enkat.models import (
    Enkat,
    Fraga,
    Frageform,
    Indikator,
    Matning,
    Svar,
    Svarsalternativ,
    Svarskalla,
    Svarsrad,
)
from enkat.xlsform import Enkatdata, las
from finsam.atkomst import SYSTEM, atkomst, som_skapare
from finsam.filtext import utan_styrtecken
from finsam.kodlistor import Roll
from finsam.models import Forbund
from finsam.services.organisation import krav_forbundschef
from finsam.services.validering import spara_validerad
from insatser.models import Insats

# What a participant answered: question kod → option kods, or the free text.
Svarsdata = dict[str, list[str] | str]


@transaction.atomic
def enkat_importera(*, forbund: Forbund, fil, user) -> Enkat:
    """Load a questionnaire from an XLSForm, as the next version of its kod."""
    krav_forbundschef(user, forbund.pk)
    return enkat_skapa(forbund=forbund, data=las(fil), user=user)


@transaction.atomic
def enkat_skapa(*, forbund: Forbund, data: Enkatdata, user) -> Enkat:
    krav_forbundschef(user, forbund.pk)
    senaste = Enkat.objects.filter(forbund=forbund, kod=data.kod).aggregate(v=Max("version"))["v"]
    enkat = spara_validerad(
        Enkat(
            forbund=forbund,
            kod=data.kod,
            version=(senaste or 0) + 1,
            namn=data.namn,
            skapad_av=som_skapare(user),
        )  # fmt: skip
    )
    fragor: dict[str, Fraga] = {}
    alternativ: dict[tuple[str, str], Svarsalternativ] = {}
    for ordning, f in enumerate(data.fragor, start=1):
        fraga = spara_validerad(
            Fraga(
                enkat=enkat,
                kod=f.kod,
                ordning=ordning,
                typ=f.typ,
                text=f.text,
                text_lattlast=f.text_lattlast,
                texter=f.texter,
                visa_om=fragor.get(f.visa_om),
                visa_om_svar=f.visa_om_svar,
            )  # fmt: skip
        )
        fragor[f.kod] = fraga
        for nummer, a in enumerate(f.alternativ, start=1):
            alternativ[(f.kod, a.kod)] = spara_validerad(
                Svarsalternativ(fraga=fraga, kod=a.kod, ordning=nummer, text=a.text,
                                text_lattlast=a.text_lattlast, texter=a.texter, varde=a.varde)
            )  # fmt: skip
    for i in data.indikatorer:
        indikator = spara_validerad(
            Indikator(
                enkat=enkat,
                kod=i.kod,
                namn=i.namn,
                extern_kod=i.extern_kod,
                jamforelse_procent=i.jamforelse_procent,
                jamforelse_kalla=i.jamforelse_kalla,
            )  # fmt: skip
        )
        indikator.positiva.set([alternativ[par] for par in i.positiva])
    return enkat


@transaction.atomic
def enkat_installningar_spara(
    *, enkat: Enkat, fritext: bool, jamforelser: dict[str, tuple], user
) -> Enkat:
    """Free text on or off, and each indikator's yardstick (indikator kod → (per cent or
    None, source)); allowed on a version in use, whose wording stays as loaded."""
    krav_forbundschef(user, enkat.forbund_id)
    enkat.fritext = fritext
    spara_validerad(enkat)
    for indikator in enkat.indikatorer.filter(kod__in=jamforelser):
        indikator.jamforelse_procent, indikator.jamforelse_kalla = jamforelser[indikator.kod]
        spara_validerad(indikator)
    return enkat


@transaction.atomic
def enkat_ta_bort(*, enkat: Enkat, user) -> None:
    """Remove a version no measurement uses; one in use is kept with its answers."""
    krav_forbundschef(user, enkat.forbund_id)
    if enkat.last:
        raise ValidationError("Enkäten används av en mätning och kan inte tas bort.")
    enkat.delete()


def far_oppna(user, insats: Insats) -> bool:
    """The förbundschef, or a samordnare of the insats, opens, changes and keys in its
    measurements."""
    if user is SYSTEM:
        return True
    a = atkomst(user)
    return a.har_roll(insats.forbund_id, Roll.FORBUNDSCHEF) or insats.pk in a.samordnare_insatser


def _krav_matning(user, insats: Insats) -> None:
    if not far_oppna(user, insats):
        raise PermissionDenied("Endast förbundschefen eller insatsens samordnare får göra detta.")


@transaction.atomic
def matning_skapa(
    *, insats: Insats, enkat: Enkat, tillfalle: str, fran: datetime.date, till: datetime.date,
    user,
) -> Matning:  # fmt: skip
    _krav_matning(user, insats)
    if enkat.forbund_id != insats.forbund_id:
        raise ValidationError("Enkäten hör till ett annat förbund.")
    return spara_validerad(
        Matning(
            insats=insats,
            enkat=enkat,
            tillfalle=tillfalle,
            fran=fran,
            till=till,
            skapad_av=som_skapare(user),
        )  # fmt: skip
    )


@transaction.atomic
def matning_andra(
    *, matning: Matning, fran: datetime.date, till: datetime.date, user, idag: datetime.date
) -> Matning:
    """Change when a measurement is open (close it early, or keep it open longer), until
    it has closed with answers: its figures are then shown, and an answer added after
    would be the difference between two readings, one person's."""
    _krav_matning(user, matning.insats)
    if matning.till < idag and matning.svar.exists():
        raise ValidationError(
            "Mätningen har stängt och har svar: den kan inte öppnas igen. Öppna en ny mätning."
        )
    matning.fran, matning.till = fran, till
    return spara_validerad(matning)


@transaction.atomic
def matning_ta_bort(*, matning: Matning, user) -> None:
    """A measurement opened by mistake goes, as long as nobody has answered it."""
    _krav_matning(user, matning.insats)
    if matning.svar.exists():
        raise ValidationError("Mätningen har svar och kan inte tas bort; stäng den i stället.")
    matning.delete()


def synliga_fragor(enkat: Enkat, svar: Svarsdata) -> list[Fraga]:
    """The questions shown given the answers so far: a show-if question only after its
    condition's option was chosen on a question itself shown (an answer left from before
    a change shows nothing). Free text only where the förbund allows it."""
    synliga: list[Fraga] = []
    for fraga in enkat.fragor.select_related("visa_om"):
        if fraga.typ == Frageform.FRITEXT and not enkat.fritext:
            continue
        if fraga.visa_om_id is not None and not (
            fraga.visa_om in synliga and fraga.visa_om_svar in (svar.get(fraga.visa_om.kod) or [])
        ):
            continue
        synliga.append(fraga)
    return synliga


@transaction.atomic
def svar_spara(
    *, matning: Matning, svar: Svarsdata, kon: str, aldersband: str, kalla: str,
    idag: datetime.date, user=None,
) -> Svar:  # fmt: skip
    """Store one participant's answers: the day, the answers, kön and age band, nothing else.

    While the measurement is open: on the web (`kalla` webb) anyone with the
    link, a paper form keyed in by the förbundschef or the insats's
    samordnare. Once closed its figures are shown, and a late answer would be
    the difference between two readings.
    """
    if kalla == Svarskalla.PAPPER:
        _krav_matning(user, matning.insats)
    if not matning.oppen(idag):
        raise ValidationError(
            "Mätningen är stängd: pappersformulär matas in medan den är öppen."
            if kalla == Svarskalla.PAPPER
            else "Enkäten är stängd."
        )
    fragor = {f.kod: f for f in synliga_fragor(matning.enkat, svar)}
    okanda = sorted(set(svar) - set(fragor))
    if okanda:
        texter = dict(matning.enkat.fragor.filter(kod__in=okanda).values_list("kod", "text"))
        namn = ", ".join(f"”{texter.get(k, k)}”" for k in okanda)
        raise ValidationError(
            f"{namn} ställs inte med de här svaren: frågan visas bara när dess villkor är "
            "uppfyllt (eller fritext är på). Inget sparades."
        )
    post = spara_validerad(
        Svar(matning=matning, datum=idag, kon=kon, aldersband=aldersband, kalla=kalla)
    )
    for kod, varde in svar.items():
        fraga = fragor[kod]
        if fraga.typ == Frageform.FRITEXT:
            text = utan_styrtecken(str(varde)).strip()[:1000]
            if text:
                spara_validerad(Svarsrad(svar=post, fraga=fraga, fritext=text))
            continue
        alternativ = {a.kod: a for a in fraga.alternativ.all()}
        valda = list(dict.fromkeys(varde))
        if any(v not in alternativ for v in valda) or (
            fraga.typ == Frageform.SKALA and len(valda) > 1
        ):
            raise ValidationError(f"Fråga {kod}: svaret finns inte bland alternativen.")
        Svarsrad.objects.bulk_create(
            Svarsrad(svar=post, fraga=fraga, alternativ=alternativ[v]) for v in valda
        )
    return post
