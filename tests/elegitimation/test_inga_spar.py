"""After a login, accepted or refused, no log line and no session row holds a
personnummer or any part of the assertion, whatever LOG_LEVEL says."""

import base64
import logging
import re

import pytest
from django.contrib.sessions.models import Session

from finsam.kodlistor import Roll
from tests.elegitimation.conftest import bjud_in, saml_inloggning
from tests.elegitimation.idp import LOA, personnummer_attribut
from tests.factories import ForbundFactory
from tests.personer import PNR, PNR_FORMER, PNR_MAN

PNR_MAN_FORMER = ("198112189876", "8112189876", "811218-9876", "19811218-9876")


@pytest.fixture
def inbjuden(db):
    return bjud_in(ForbundFactory(), Roll.SAMORDNARE)


def _spar(post: dict) -> tuple[str, ...]:
    """What of one answer must not be found again: the numbers, the response, its id."""
    xml = base64.b64decode(post["SAMLResponse"]).decode()
    svars_id = re.search(r'<(?:\w+:)?Response[^>]* ID="([^"]+)"', xml).group(1)
    return (*PNR_FORMER, *PNR_MAN_FORMER, post["SAMLResponse"][:40], svars_id, "Assertion")


def _allt_loggat(caplog) -> str:
    return "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)


def _alla_sessioner() -> str:
    return "\n".join(repr(s.get_decoded()) for s in Session.objects.all())


@pytest.mark.parametrize(
    ("pnr", "svar", "status"),
    [
        (PNR, {}, 302),  # accepted
        (PNR_MAN, {}, 403),  # unknown person
        (PNR, {"loa": f"{LOA}loa1"}, 403),  # too low a level
        (PNR, {"signera": False}, 403),  # refused by pysaml2
    ],
    ids=["godkand", "okand-person", "for-lag-niva", "osignerad"],
)
def test_inget_i_loggar_eller_sessioner(client, idp, inbjuden, caplog, pnr, svar, status):
    caplog.set_level(logging.DEBUG)  # LOG_LEVEL=DEBUG: the libraries stay silent anyway

    resultat, post = saml_inloggning(client, idp, identitet=personnummer_attribut(pnr), **svar)

    assert resultat.status_code == status
    assert caplog.records, "inloggningen loggade ingenting alls"
    loggat, sessioner = _allt_loggat(caplog), _alla_sessioner()
    for spar in _spar(post):
        assert spar not in loggat
        assert spar not in sessioner
    assert "ava" not in sessioner or "'ava': {}" in sessioner


def test_ett_nameid_som_ar_ett_personnummer_sparas_inte(client, idp, inbjuden):
    svar, post = saml_inloggning(
        client, idp, identitet=personnummer_attribut(PNR), name_id=PNR.replace("-", "")
    )

    assert svar.status_code == 302
    sessioner = _alla_sessioner()
    assert not any(form in sessioner for form in PNR_FORMER)
    # Without a NameID to name, logging out ends Finsam's session only.
    ut = client.post("/saml/logout/")
    assert ut.status_code == 302 and ut["Location"] == "/konto/logga-in/"
    assert "_auth_user_id" not in client.session


def test_biblioteken_loggar_ingenstans(settings):
    for namn in ("saml2", "saml2.response", "djangosaml2", "authlib"):
        assert logging.getLogger(namn).getEffectiveLevel() > logging.CRITICAL
    assert settings.SAML_CREATE_UNKNOWN_USER is False
