"""The participant's pages: a measurement's link, one question a screen, no login.

Nothing is stored until the last screen: the answers so far travel in a
signed hidden field, so an abandoned form leaves no trace, and there is no
session, no cookie (the pages are exempt from CSRF, which would set one)
and no JavaScript needed. What is stored is `svar_spara`'s: the day, the
answers, kön and age band. The address is `/e/`, which finsam.anonymitet
keeps out of the logs.
"""

import secrets
from dataclasses import dataclass, field

from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from enkat.models import Aldersband, Fraga, Frageform, Matning, SvarandeKon, Svarskalla
from enkat.services import Svarsdata, svar_spara, synliga_fragor
from enkat.sprak import LATTLAST, html_sprak, sidtexter

KON, ALDER = "kon", "alder"
SKICKAT_I = 24 * 3600
VILL_INTE = "vill_inte_svara"


@dataclass
class Tillstand:
    """Where the participant is and what they answered so far (in the page, signed)."""

    steg: int = 0
    svar: Svarsdata | None = None
    kon: str = SvarandeKon.VILL_INTE
    alder: str = Aldersband.VILL_INTE
    sprak: str = ""
    kiosk: bool = False
    # A random name of this filling-in, so that sending it twice (a double tap, or the
    # browser's back button on a kiosk) stores it once. Not stored with the answer.
    formular: str = field(default_factory=lambda: secrets.token_urlsafe(16))

    def signerat(self, nyckel: str) -> str:
        return signing.dumps(self.__dict__, salt=f"enkat:{nyckel}", compress=True)

    @classmethod
    def las(cls, text: str, nyckel: str) -> "Tillstand":
        try:
            return cls(**signing.loads(text, salt=f"enkat:{nyckel}"))
        except (signing.BadSignature, TypeError):
            return cls()  # a tampered or stale form starts over


def _matning(nyckel: str) -> Matning:
    return get_object_or_404(Matning.objects.select_related("enkat", "insats"), nyckel=nyckel)


def text_pa(obj, sprak: str) -> str:
    """A question's or option's text in the chosen language, Swedish where it has none."""
    if sprak == LATTLAST:
        return obj.text_lattlast or obj.text
    return obj.texter.get(sprak) or obj.text


# Each language by its own name, as its readers look for it; others by their code.
SPRAKNAMN = {"en": "English", "ar": "العربية", "fa": "فارسی", "so": "Soomaali",
             "ti": "ትግርኛ", "uk": "Українська", "fi": "Suomi", "es": "Español"}  # fmt: skip


def _sprakval(matning: Matning) -> list[tuple[str, str]]:
    koder = sorted({s for f in matning.enkat.fragor.all() for s in f.texter})
    return [
        ("", "Svenska"),
        (LATTLAST, "Lättläst svenska"),
        *((k, SPRAKNAMN.get(k, k)) for k in koder),
    ]


def _stangd(request: HttpRequest, matning: Matning) -> HttpResponse | None:
    idag = timezone.localdate()
    if matning.oppen(idag):
        return None
    sammanhang = {"matning": matning, "idag": idag, **_sprak(request.GET.get("sprak", ""))}
    return render(request, "enkat/svara/stangd.html", sammanhang, status=410)


def _sprak(sprak: str) -> dict:
    """What every participant's page needs of the language: its texts and `lang`."""
    return {"sprak": sprak, "t": sidtexter(sprak), "lang": html_sprak(sprak)}


def start(request: HttpRequest, nyckel: str) -> HttpResponse:
    matning = _matning(nyckel)
    sprak = _sprak(request.GET.get("sprak", ""))
    sammanhang = {
        "matning": matning,
        "kiosk": request.GET.get("kiosk") == "1",
        "sprakval": _sprakval(matning),
        "rubrik": sprak["t"]["rubrik"].format(insats=matning.insats.namn),
        **sprak,
    }
    return _stangd(request, matning) or render(request, "enkat/svara/start.html", sammanhang)


def _steg(matning: Matning, t: Tillstand) -> list[Fraga | str]:
    return [*synliga_fragor(matning.enkat, t.svar or {}), KON, ALDER]


def _las_svar(request: HttpRequest, steg: Fraga | str, t: Tillstand) -> None:
    """Take the screen's answer into the state; anything not offered counts as skipped,
    and "Vill inte svara" skips whatever was chosen."""
    hoppa = request.POST.get("knapp") == "hoppa"
    varden = [] if hoppa else [v for v in request.POST.getlist("svar") if v != VILL_INTE]
    if steg == KON:
        t.kon = varden[0] if varden and varden[0] in SvarandeKon.values else SvarandeKon.VILL_INTE
    elif steg == ALDER:
        t.alder = varden[0] if varden and varden[0] in Aldersband.values else Aldersband.VILL_INTE
    elif steg.typ == Frageform.FRITEXT:
        text = "" if hoppa else request.POST.get("fritext", "").strip()[:1000]
        t.svar = {**(t.svar or {}), steg.kod: text} if text else _utan(t.svar, steg.kod)
    else:
        koder = {a.kod for a in steg.alternativ.all()}
        valda = [v for v in varden if v in koder][: 1 if steg.typ == Frageform.SKALA else None]
        t.svar = {**(t.svar or {}), steg.kod: valda} if valda else _utan(t.svar, steg.kod)


def _utan(svar: Svarsdata | None, kod: str) -> Svarsdata:
    return {k: v for k, v in (svar or {}).items() if k != kod}


@csrf_exempt
def svara(request: HttpRequest, nyckel: str) -> HttpResponse:
    matning = _matning(nyckel)
    if stangd := _stangd(request, matning):
        return stangd
    if request.method == "POST":
        t = Tillstand.las(request.POST.get("tillstand", ""), nyckel)
        steg = _steg(matning, t)
        if t.steg < len(steg):
            _las_svar(request, steg[t.steg], t)
        steg = _steg(matning, t)  # an answer may show or hide the questions after it
        t.steg = max(0, t.steg - 1) if request.POST.get("knapp") == "tillbaka" else t.steg + 1
        if t.steg >= len(steg):
            return _spara(request, matning, t)
    else:
        t = Tillstand(sprak=request.GET.get("sprak", ""), kiosk=request.GET.get("kiosk") == "1")
        steg = _steg(matning, t)
    return render(request, "enkat/svara/steg.html", _skarm(matning, t, steg))


def _skarm(matning: Matning, t: Tillstand, steg: list) -> dict:
    aktuellt = steg[t.steg]
    texter = sidtexter(t.sprak)
    if aktuellt == KON:
        rubrik, val, valt = texter["kon"], texter["kon_val"].items(), [t.kon]
    elif aktuellt == ALDER:
        rubrik, val, valt = texter["alder"], texter["alder_val"].items(), [t.alder]
    else:
        rubrik = text_pa(aktuellt, t.sprak)
        val = [(a.kod, text_pa(a, t.sprak)) for a in aktuellt.alternativ.all()]
        valt = (t.svar or {}).get(aktuellt.kod, [])
    return {
        "matning": matning,
        "tillstand": t.signerat(matning.nyckel),
        "rubrik": rubrik,
        "val": [(kod, text) for kod, text in val if kod != VILL_INTE],
        "valt": valt,
        "flerval": getattr(aktuellt, "typ", "") == Frageform.FLERVAL,
        "fritext": getattr(aktuellt, "typ", "") == Frageform.FRITEXT,
        "fritext_varde": valt if isinstance(valt, str) else "",
        "fraga_av": texter["fraga_av"].format(nummer=t.steg + 1, antal=len(steg)),
        "forsta": t.steg == 0,
        "sista": t.steg == len(steg) - 1,
        **_sprak(t.sprak),
    }


def _spara(request: HttpRequest, matning: Matning, t: Tillstand) -> HttpResponse:
    fragor = f"?sprak={t.sprak}" + ("&kiosk=1" if t.kiosk else "")
    tack = redirect(reverse("enkat_tack", args=[matning.nyckel]) + fragor)
    # Sent before (or a second tap while the first is saved): the thanks again, nothing
    # stored twice. A day covers any resending. A cache that does not answer neither adds
    # nor finds the key: a duplicate rather than a lost answer.
    skickat = f"enkat:skickat:{t.formular}"
    if not cache.add(skickat, 1, SKICKAT_I) and cache.get(skickat) is not None:
        return tack
    # Answers to questions no longer shown (a choice changed on the way back) are dropped.
    synliga = {f.kod for f in synliga_fragor(matning.enkat, t.svar or {})}
    svar = {kod: varde for kod, varde in (t.svar or {}).items() if kod in synliga}
    try:
        svar_spara(
            matning=matning, svar=svar, kon=t.kon, aldersband=t.alder,
            kalla=Svarskalla.WEBB, idag=timezone.localdate(),
        )  # fmt: skip
    except ValidationError as fel:
        # Closed between two screens, or a question changed: say so, keep nothing.
        cache.delete(skickat)
        sammanhang = {"matning": matning, "fel": fel.messages, **_sprak(t.sprak)}
        return render(request, "enkat/svara/stangd.html", sammanhang, status=410)
    return tack


def tack(request: HttpRequest, nyckel: str) -> HttpResponse:
    matning = _matning(nyckel)
    kiosk = request.GET.get("kiosk") == "1"
    sammanhang = {"matning": matning, "kiosk": kiosk, **_sprak(request.GET.get("sprak", ""))}
    return render(request, "enkat/svara/tack.html", sammanhang)
