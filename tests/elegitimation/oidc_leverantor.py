"""An OpenID Connect provider on 127.0.0.1 for the tests: discovery, authorize, token, JWKS.

It checks what a real provider checks of Finsam (the PKCE verifier against
the challenge, the private_key_jwt client assertion against Finsam's
public key, the redirect address) and signs ID tokens with a key made at
start. `fel` bends one thing in the next ID token, for the refusal tests.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

ASSERTION_TYP = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


class OidcLeverantor:
    def __init__(self, *, client_id: str, klientnyckel: RSAKey):
        self.client_id = client_id
        self.klientnyckel = klientnyckel  # Finsam's public key, as registered with the provider
        self.nyckel = RSAKey.generate_key(2048, parameters={"kid": "leverantor-1"})
        self.koder: dict[str, dict] = {}
        self.pastaenden: dict = {}
        self.fel: dict = {}
        self.tokenanrop: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._hanterare())
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stang(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def upptackt(self) -> dict:
        return {
            "issuer": self.fel.get("upptackt_issuer", self.issuer),
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            "code_challenge_methods_supported": ["S256"],
        }

    def _auktorisera(self, fragor: dict) -> tuple[int, dict, str]:
        assert fragor["response_type"] == "code" and fragor["client_id"] == self.client_id
        assert fragor["code_challenge_method"] == "S256" and fragor["code_challenge"]
        assert "openid" in fragor["scope"].split()
        kod = secrets.token_urlsafe(16)
        self.koder[kod] = fragor
        svar = {"code": kod, "state": fragor["state"]}
        if "iss" in self.fel:  # RFC 9207: the provider names itself in the answer
            svar["iss"] = self.fel["iss"]
        adress = f"{fragor['redirect_uri']}?{urlencode(svar)}"
        return 302, {"Location": adress}, ""

    def _token(self, form: dict) -> tuple[int, dict, str]:
        self.tokenanrop.append(form)
        begaran = self.koder.pop(form.get("code", ""), None)
        if begaran is None or form.get("redirect_uri") != begaran["redirect_uri"]:
            return self._fel("invalid_grant")
        utmaning = (
            base64.urlsafe_b64encode(
                hashlib.sha256(form.get("code_verifier", "").encode()).digest()
            )
            .rstrip(b"=")
            .decode()
        )
        if utmaning != begaran["code_challenge"]:
            return self._fel("invalid_grant")
        if form.get("client_assertion_type") != ASSERTION_TYP:
            return self._fel("invalid_client")
        try:
            intyg = jwt.decode(form["client_assertion"], self.klientnyckel)
            jwt.JWTClaimsRegistry(
                iss={"essential": True, "value": self.client_id},
                sub={"essential": True, "value": self.client_id},
                aud={"essential": True, "value": f"{self.issuer}/token"},
                exp={"essential": True},
            ).validate(intyg.claims)
        except Exception:
            return self._fel("invalid_client")
        nu = int(time.time())
        pastaenden = {
            "iss": self.issuer,
            "aud": self.client_id,
            "sub": "pairwise-abc123",
            "nonce": begaran["nonce"],
            "iat": nu,
            "exp": nu + 300,
        } | self.pastaenden
        pastaenden |= self.fel.get("pastaenden", {})
        nyckel = self.fel.get("nyckel", self.nyckel)
        id_token = jwt.encode({"alg": "RS256", "kid": nyckel.kid}, pastaenden, nyckel)
        svar = {
            "access_token": "at-" + secrets.token_urlsafe(8),
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": id_token,
        }
        return 200, {"Content-Type": "application/json"}, json.dumps(svar)

    @staticmethod
    def _fel(kod: str) -> tuple[int, dict, str]:
        return 400, {"Content-Type": "application/json"}, json.dumps({"error": kod})

    def _hanterare(self):
        leverantor = self

        class Hanterare(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _svara(self, status: int, huvuden: dict, kropp: str) -> None:
                self.send_response(status)
                for namn, varde in huvuden.items():
                    self.send_header(namn, varde)
                self.end_headers()
                self.wfile.write(kropp.encode())

            def do_GET(self):
                adress = urlparse(self.path)
                if adress.path == "/.well-known/openid-configuration":
                    self._svara(
                        200, {"Content-Type": "application/json"}, json.dumps(leverantor.upptackt())
                    )
                elif adress.path == "/jwks":
                    nycklar = leverantor.fel.get(
                        "jwks", KeySet([leverantor.nyckel]).as_dict(private=False)
                    )
                    self._svara(200, {"Content-Type": "application/json"}, json.dumps(nycklar))
                elif adress.path == "/authorize":
                    fragor = {k: v[0] for k, v in parse_qs(adress.query).items()}
                    self._svara(*leverantor._auktorisera(fragor))
                else:
                    self._svara(404, {}, "")

            def do_POST(self):
                langd = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(langd).decode()).items()}
                self._svara(*leverantor._token(form))

        return Hanterare
