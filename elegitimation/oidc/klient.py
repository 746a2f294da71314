"""Finsam as an OpenID Connect client: the authorization code flow with PKCE and private_key_jwt.

Authlib's OAuth2Session makes the requests (the S256 code challenge, the
signed client assertion); the ID token is checked with joserfc, the JOSE
library Authlib itself now builds on. Every provider's discovery document
must name the issuer Finsam has for it, and every ID token that issuer,
Finsam's client id as audience, the nonce of this browser's request and a
time within two minutes' skew.
"""

import hashlib
import secrets
from dataclasses import dataclass
from functools import cache

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2.rfc7523 import PrivateKeyJWT
from django.conf import settings
from django.core.cache import cache as delad_cache
from django.urls import reverse
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, RSAKey

from elegitimation.models import Identitetsutgivare
from elegitimation.services import KLOCKSKILLNAD_SEKUNDER

HAMTNING_SEKUNDER = 15
_DISCOVERY_SEKUNDER = 3600
ALGORITMER = ["RS256", "PS256", "ES256"]
_ADRESSER = ("authorization_endpoint", "token_endpoint", "jwks_uri")


class OidcFel(Exception):
    """The provider's answer or token is not one Finsam takes; the name is what is logged."""


def omdirigeringsadress() -> str:
    return settings.FINSAM_BAS_URL + reverse("oidc_callback")


@cache
def _nyckel(sokvag: str) -> RSAKey:
    with open(sokvag, "rb") as fil:
        return RSAKey.import_key(fil.read())


def klientnycklar() -> list[RSAKey]:
    """Finsam's own keys; the first signs. Published as JWKS for the providers."""
    return [_nyckel(sokvag) for sokvag in settings.FINSAM_OIDC_NYCKLAR]


def offentlig_jwks() -> dict:
    nycklar = []
    for nyckel in klientnycklar():
        offentlig = nyckel.as_dict(private=False)
        nycklar.append(offentlig | {"kid": nyckel.thumbprint(), "use": "sig", "alg": "RS256"})
    return {"keys": nycklar}


def _hamta_json(url: str) -> dict:
    try:
        svar = requests.get(url, timeout=HAMTNING_SEKUNDER)
        svar.raise_for_status()
        return svar.json()
    except (requests.RequestException, ValueError):
        raise OidcFel("hämtning misslyckades") from None


def upptackt(utgivare: Identitetsutgivare, *, cachad: bool = True) -> dict:
    """The provider's discovery document, cached an hour, its issuer checked."""
    nyckel = "oidc:upptackt:" + hashlib.sha256(utgivare.entity_id.encode()).hexdigest()
    dokument = delad_cache.get(nyckel) if cachad else None
    if dokument is None:
        adress = utgivare.entity_id.rstrip("/") + "/.well-known/openid-configuration"
        dokument = _hamta_json(adress)
        if dokument.get("issuer") != utgivare.entity_id:
            raise OidcFel("discovery-dokumentet anger en annan issuer")
        saknas = [namn for namn in _ADRESSER if not isinstance(dokument.get(namn), str)]
        if saknas:
            raise OidcFel(f"discovery-dokumentet saknar {', '.join(saknas)}")
        delad_cache.set(nyckel, dokument, _DISCOVERY_SEKUNDER)
    return dokument


@dataclass(frozen=True)
class Begaran:
    """One browser's request in flight: kept in its session until the answer comes."""

    adress: str
    state: str
    nonce: str
    verifierare: str


def _session(utgivare: Identitetsutgivare, token_endpoint: str | None = None) -> OAuth2Session:
    nycklar = klientnycklar()
    if not nycklar:
        raise OidcFel("FINSAM_OIDC_NYCKLAR saknas")
    session = OAuth2Session(
        utgivare.client_id,
        nycklar[0],
        scope="openid",
        redirect_uri=omdirigeringsadress(),
        token_endpoint_auth_method=PrivateKeyJWT.name,
        code_challenge_method="S256",
        # A provider that hangs must not hold a worker.
        default_timeout=HAMTNING_SEKUNDER,
    )
    if token_endpoint:
        session.register_client_auth_method(
            PrivateKeyJWT(token_endpoint, headers={"kid": nycklar[0].thumbprint()})
        )
    return session


def begaran_skapa(utgivare: Identitetsutgivare) -> Begaran:
    dokument = upptackt(utgivare)
    state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    verifierare = secrets.token_urlsafe(64)
    adress, _ = _session(utgivare).create_authorization_url(
        dokument["authorization_endpoint"],
        state=state,
        nonce=nonce,
        code_verifier=verifierare,
        acr_values=" ".join(utgivare.tillitsnivaer),
        prompt="login",
    )
    return Begaran(adress=adress, state=state, nonce=nonce, verifierare=verifierare)


def id_token_hamta(utgivare: Identitetsutgivare, *, kod: str, begaran: dict) -> dict:
    """Exchange the code (with its PKCE verifier) and return the ID token's checked claims."""
    dokument = upptackt(utgivare)
    token_endpoint = dokument["token_endpoint"]
    try:
        token = _session(utgivare, token_endpoint).fetch_token(
            token_endpoint,
            grant_type="authorization_code",
            code=kod,
            code_verifier=begaran["verifierare"],
        )
    except (requests.RequestException, ValueError, JoseError, AuthlibBaseError) as fel:
        raise OidcFel(f"kodbytet nekades ({type(fel).__name__})") from None
    if "id_token" not in token:
        raise OidcFel("inget id_token")
    try:
        nycklar = KeySet.import_key_set(_hamta_json(dokument["jwks_uri"]))
        avkodad = jwt.decode(token["id_token"], nycklar, algorithms=ALGORITMER)
        jwt.JWTClaimsRegistry(
            leeway=KLOCKSKILLNAD_SEKUNDER,
            iss={"essential": True, "value": utgivare.entity_id},
            aud={"essential": True, "value": utgivare.client_id},
            nonce={"essential": True, "value": begaran["nonce"]},
            exp={"essential": True},
            iat={"essential": True},
            sub={"essential": True},
        ).validate(avkodad.claims)
    except (JoseError, ValueError, KeyError, TypeError) as fel:
        raise OidcFel(f"id_token underkänt ({type(fel).__name__})") from None
    return avkodad.claims
