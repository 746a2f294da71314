"""What SAML and OIDC share once the protocol has spoken: the session begun, the refusal shown.

Each protocol's views check their own messages; then both sign the person
in here, with the same session, the same recorded level and the same log
line, and refuse with the same page and the same Swedish sentences.
"""

import logging

from django.contrib import auth
from django.shortcuts import render

from elegitimation.models import Identitetsutgivare
from elegitimation.services import Inloggad
from finsam.tillit import session_tillit_satt

logg = logging.getLogger("finsam.inloggning")

# The session is Django's own: the user was found by Finsam's decision, not by
# an authentication backend, and ModelBackend reloads them on every request.
_SESSIONSBACKEND = "django.contrib.auth.backends.ModelBackend"

OGILTIGT_SVAR = (
    "Inloggningen kunde inte godtas: svaret från e-legitimationen var ogiltigt, "
    "för gammalt eller inte avsett för Finsam. Försök logga in igen."
)
AVBRUTEN = "Inloggningen avbröts. Försök igen när du vill logga in."
EJ_INSTALLD = "Inloggning med e-legitimation är inte inställd i den här installationen."
OKAND_UTGIVARE = "Finsam litar inte på den e-legitimationen."


def nekad_sida(request, text: str, *, status: int = 403, rubrik: str = "Inloggningen nekades"):
    return render(
        request, "elegitimation/nekad.html", {"text": text, "rubrik": rubrik}, status=status
    )


def logga_in(request, inloggad: Inloggad, *, utgivare: Identitetsutgivare, metod: str) -> None:
    """Sign the decided person in, with the level their IdP asserted."""
    auth.login(request, inloggad.user, backend=_SESSIONSBACKEND)
    session_tillit_satt(request, niva=inloggad.niva, metod=metod, utgivare=utgivare.pk)
    logg.info(
        "Inloggning med e-legitimation (%s): användare %s via %s, tillitsnivå %s.",
        utgivare.protokoll.upper(),
        inloggad.user.pk,
        utgivare.pk,
        inloggad.niva,
    )
