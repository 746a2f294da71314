"""The whole SAML login in Chromium: Finsam's button, the IdP's page, back signed in.

The IdP is pysaml2's, in this process, behind a small HTTP server on
127.0.0.1: its page shows who is logging in and posts the signed and
encrypted answer to Finsam when the person continues, as a real IdP's does.
"""

import html
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from saml2.metadata import entity_descriptor

from elegitimation.models import Identifierartyp, Identitetsutgivare, Protokoll
from elegitimation.saml.konfiguration import ATTRIBUT_PERSONNUMMER, saml_konfiguration
from elegitimation.services import inbjudan_skapa
from finsam.kodlistor import Roll
from tests.browser.hjalp import kontrollera_tillganglighet
from tests.elegitimation.idp import LOA, nyckelpar, personnummer_attribut, skapa_idp
from tests.factories import ForbundFactory, anvandare_med_roll
from tests.personer import PNR, PNR_MAN

pytestmark = pytest.mark.django_db(transaction=True)


class IdpSida:
    """The IdP's login page: who the test says is at the card reader."""

    def __init__(self):
        self.idp = None
        self.person = PNR
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._hanterare())
        # The same site as the live server (localhost): the SAML session cookie
        # is SameSite=Lax outside production, and goes along only within a site.
        self.bas = f"http://localhost:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _hanterare(self):
        sida = self

        class Hanterare(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                post = sida.idp.svara(self.path, identitet=personnummer_attribut(sida.person))
                acs = sida.idp.mottagaradress(self.path)
                falt = "".join(
                    f'<input type="hidden" name="{namn}" value="{html.escape(varde)}">'
                    for namn, varde in post.items()
                )
                kropp = (
                    '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
                    "<title>Test-IdP</title></head><body><main><h1>Test-IdP</h1>"
                    f'<form method="post" action="{acs}">{falt}'
                    "<button>Fortsätt till Finsam</button></form></main></body></html>"
                )
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(kropp.encode())

        return Hanterare


@pytest.fixture
def idp_sida(live_server, settings, tmp_path):
    settings.FINSAM_SAML_NYCKELPAR = [nyckelpar(tmp_path, "finsam-sp")]
    settings.FINSAM_BAS_URL = live_server.url
    sida = IdpSida()
    sp_metadata = str(entity_descriptor(saml_konfiguration()))
    sida.idp = skapa_idp(
        tmp_path, sp_metadata, settings.FINSAM_SAML_NYCKELPAR[0][1], namn="siths", bas=sida.bas
    )
    Identitetsutgivare.objects.create(
        namn="SITHS eID",
        protokoll=Protokoll.SAML,
        entity_id=sida.idp.entity_id,
        metadata=sida.idp.metadata,
        attribut=ATTRIBUT_PERSONNUMMER,
        identifierartyp=Identifierartyp.PERSONNUMMER,
        tillitsnivaer=[f"{LOA}loa3"],
    )
    yield sida
    sida.server.shutdown()


def test_inbjuden_loggar_in_med_e_legitimation(sida, idp_sida):
    forbund = ForbundFactory(namn="Samordningsförbundet Test")
    inbjudan_skapa(
        forbund=forbund,
        user=anvandare_med_roll(Roll.FORBUNDSCHEF, forbund),
        fornamn="Stina",
        efternamn="Styrelse",
        identifierartyp=Identifierartyp.PERSONNUMMER,
        identifierare=PNR,
        roll=Roll.STYRELSE,
    )
    sida.goto(sida.bas + "/konto/logga-in/")
    kontrollera_tillganglighet(sida)

    sida.get_by_role("link", name="Logga in med SITHS eID").click()
    assert sida.get_by_role("heading", level=1).inner_text() == "Test-IdP"
    sida.get_by_role("button", name="Fortsätt till Finsam").click()
    sida.wait_for_load_state()

    assert sida.url == sida.bas + "/rapporter/"  # the styrelse member's start page
    assert "Samordningsförbundet Test" in sida.get_by_role("banner").inner_text()
    assert sida.get_by_role("button", name="Logga ut").count() == 1
    kontrollera_tillganglighet(sida)


def test_okand_person_far_en_tydlig_sida(sida, idp_sida):
    idp_sida.person = PNR_MAN
    sida.goto(sida.bas + "/konto/logga-in/")

    sida.get_by_role("link", name="Logga in med SITHS eID").click()
    sida.get_by_role("button", name="Fortsätt till Finsam").click()

    assert sida.get_by_role("heading", level=1).inner_text() == "Inloggningen nekades"
    assert "Du har inget konto i Finsam – kontakta ditt samordningsförbund." in sida.content()
    kontrollera_tillganglighet(sida)
