"""A SAML identity provider inside the test process: pysaml2's own IdP, with keys made now.

It answers Finsam's real AuthnRequest (read off the redirect the login view
gives) with a real, signed and encrypted Response, which the test posts to
the assertion consumer as a browser would. Every knob a refusal test needs
(audience, signature, lifetime, level, issuer) is an argument.
"""

import base64
import datetime
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import entity_descriptor
from saml2.saml import NAMEID_FORMAT_TRANSIENT, NameID
from saml2.samlp import STATUS_AUTHN_FAILED
from saml2.server import Server
from saml2.xmldsig import SIG_RSA_SHA256 as RSA_SHA256

from elegitimation.saml.konfiguration import ATTRIBUT_PERSONNUMMER, sp_entity_id

LOA = "http://id.elegnamnden.se/loa/1.0/"
ANNAN_SP = "https://en-annan-tjanst.test/sp"


def nyckelpar(katalog: Path, namn: str) -> tuple[str, str]:
    """A fresh RSA key and a self-signed certificate for it, as PEM files."""
    nyckel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subjekt = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, namn)])
    nu = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subjekt)
        .issuer_name(subjekt)
        .public_key(nyckel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - datetime.timedelta(days=1))
        .not_valid_after(nu + datetime.timedelta(days=30))
        .sign(nyckel, hashes.SHA256())
    )
    nyckelfil, certfil = katalog / f"{namn}.key", katalog / f"{namn}.crt"
    nyckelfil.write_bytes(
        nyckel.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    certfil.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return str(nyckelfil), str(certfil)


@dataclass
class TestIdp:
    entity_id: str
    server: Server
    sp_cert: str

    def mottagaradress(self, inloggningsadress: str) -> str:
        """Where the answer to the request in this redirect is to be posted (Finsam's ACS)."""
        fragor = parse_qs(urlparse(inloggningsadress).query)
        begaran = self.server.parse_authn_request(fragor["SAMLRequest"][0], BINDING_HTTP_REDIRECT)
        return begaran.message.assertion_consumer_service_url

    def avbryt(self, inloggningsadress: str) -> dict:
        """The answer when the person cancels at the IdP: an error status, no assertion."""
        fragor = parse_qs(urlparse(inloggningsadress).query)
        begaran = self.server.parse_authn_request(fragor["SAMLRequest"][0], BINDING_HTTP_REDIRECT)
        svar = self.server.create_error_response(
            begaran.message.id,
            begaran.message.assertion_consumer_service_url,
            (STATUS_AUTHN_FAILED, "Avbruten"),
        )
        return {
            "SAMLResponse": base64.b64encode(str(svar).encode()).decode(),
            "RelayState": fragor.get("RelayState", [""])[0],
        }

    def logga_ut(self, utloggningsadress: str) -> str:
        """The IdP's answer to Finsam's LogoutRequest: the address it sends the browser back to."""
        fragor = parse_qs(urlparse(utloggningsadress).query)
        begaran = self.server.parse_logout_request(fragor["SAMLRequest"][0], BINDING_HTTP_REDIRECT)
        svar = self.server.create_logout_response(begaran.message, [BINDING_HTTP_REDIRECT])
        info = self.server.apply_binding(
            BINDING_HTTP_REDIRECT,
            str(svar),
            svar.destination,
            fragor.get("RelayState", [""])[0],
            response=True,
        )
        return dict(info["headers"])["Location"]

    def begar_utloggning(
        self,
        sp_entity_id: str,
        ls_adress: str,
        name_id: str,
        *,
        signera: bool = True,
        signerare: "TestIdp | None" = None,
    ) -> str:
        """The IdP's own LogoutRequest (the person logged out elsewhere), as a redirect address.

        `signerare`: another IdP's key signs the request this one issues (a forgery).
        """
        _, begaran = self.server.create_logout_request(
            ls_adress,
            sp_entity_id,
            name_id=NameID(format=NAMEID_FORMAT_TRANSIENT, text=name_id),
            sign=False,
        )
        info = (signerare or self).server.apply_binding(
            BINDING_HTTP_REDIRECT,
            str(begaran),
            ls_adress,
            "",
            sign=signera,
            sigalg=RSA_SHA256 if signera else None,
        )
        return dict(info["headers"])["Location"]

    @property
    def metadata(self) -> str:
        return str(entity_descriptor(self.server.config))

    def svara(
        self,
        inloggningsadress: str,
        *,
        identitet: dict | None = None,
        loa: str = f"{LOA}loa3",
        mottagare: str | None = None,
        signera: bool = True,
        kryptera: bool = True,
        name_id: str = "a1b2c3d4e5",
        tolkare: "TestIdp | None" = None,
    ) -> dict:
        """The POST a browser would make to the ACS, answering the request in the redirect."""
        fragor = parse_qs(urlparse(inloggningsadress).query)
        # `tolkare`: the IdP the request went to, where another answers it.
        begaran = (tolkare or self).server.parse_authn_request(
            fragor["SAMLRequest"][0], BINDING_HTTP_REDIRECT
        )
        meddelande = begaran.message
        svar = self.server.create_authn_response(
            identity=identitet or {},
            in_response_to=meddelande.id,
            destination=meddelande.assertion_consumer_service_url,
            sp_entity_id=mottagare or meddelande.issuer.text,
            name_id=NameID(format=NAMEID_FORMAT_TRANSIENT, text=name_id),
            authn={"class_ref": loa, "authn_auth": self.entity_id},
            sign_assertion=signera,
            sign_response=False,
            encrypt_assertion=kryptera,
            encrypt_cert_assertion=self.sp_cert if kryptera else None,
        )
        return {
            "SAMLResponse": base64.b64encode(str(svar).encode()).decode(),
            "RelayState": fragor.get("RelayState", [""])[0],
        }


def skapa_idp(
    katalog: Path,
    sp_metadata: str,
    sp_cert_fil: str,
    *,
    namn: str = "idp",
    livstid_minuter: int = 5,
    bas: str | None = None,
) -> TestIdp:
    """`bas`: the address its single sign-on answers at (a browser test's server)."""
    entity_id = f"https://{namn}.test/idp"
    bas = bas or f"https://{namn}.test"
    nyckel, cert = nyckelpar(katalog, namn)
    konfiguration = IdPConfig()
    konfiguration.load(
        {
            "entityid": entity_id,
            "service": {
                "idp": {
                    "endpoints": {
                        "single_sign_on_service": [(f"{bas}/sso", BINDING_HTTP_REDIRECT)],
                        "single_logout_service": [(f"{bas}/slo", BINDING_HTTP_REDIRECT)],
                    },
                    "name_id_format": [NAMEID_FORMAT_TRANSIENT],
                    "policy": {"default": {"lifetime": {"minutes": livstid_minuter}}},
                }
            },
            "key_file": nyckel,
            "cert_file": cert,
            # Finsam, and a service that is not Finsam but shares its certificate:
            # an answer meant for that one must not open Finsam.
            "metadata": {"inline": [sp_metadata, sp_metadata.replace(sp_entity_id(), ANNAN_SP)]},
            "allow_unknown_attributes": True,
        }
    )
    sp_cert = "".join(
        rad for rad in Path(sp_cert_fil).read_text().splitlines() if "CERTIFICATE" not in rad
    )
    return TestIdp(entity_id=entity_id, server=Server(config=konfiguration), sp_cert=sp_cert)


def personnummer_attribut(pnr: str) -> dict:
    return {ATTRIBUT_PERSONNUMMER: [pnr]}
