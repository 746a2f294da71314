"""API test helpers: clients that call with a real Bearer key, and answers against the schema."""

from rest_framework.test import APIClient

from finsam.atkomst import SYSTEM
from finsam.services.api_nycklar import api_nyckel_skapa


def med_nyckel(nyckel: str) -> APIClient:
    klient = APIClient()
    klient.credentials(HTTP_AUTHORIZATION=f"Bearer {nyckel}")
    return klient


def personlig_klient(user) -> APIClient:
    """A client calling with a new personal key of `user`: exactly the user's roles."""
    return med_nyckel(api_nyckel_skapa(anvandare=user, user=SYSTEM)[1])


def samma_nycklar(schema: dict, varde, komponenter: dict, vag: str = "") -> None:
    if "$ref" in schema:
        schema = komponenter[schema["$ref"].rsplit("/", 1)[1]]
    if isinstance(varde, dict):
        assert set(schema["properties"]) == set(varde), vag
        assert set(schema["required"]) == set(varde), vag
        for nyckel, del_ in varde.items():
            samma_nycklar(schema["properties"][nyckel], del_, komponenter, f"{vag}.{nyckel}")
    elif isinstance(varde, list):
        for del_ in varde:
            samma_nycklar(schema["items"], del_, komponenter, f"{vag}[]")
    elif varde is None:
        assert schema.get("nullable"), vag


def felen(svar) -> dict:
    """An error answer of the API (API.md's one shape), checked, and read as DRF's plain shape.

    A validation error becomes `{attr: [detail, ...]}`; any other error,
    which carries one, `{"detail": detail}`. Tests then compare messages.
    """
    data = svar.json()
    assert svar["Content-Type"] == "application/json", svar["Content-Type"]
    assert data["type"] in {"validation_error", "client_error", "server_error"}, data
    assert data["errors"], data
    for post in data["errors"]:
        assert set(post) == {"code", "detail", "attr"}, post
    if data["type"] != "validation_error":
        (post,) = data["errors"]
        return {"detail": post["detail"]}
    falt: dict[str, list[str]] = {}
    for post in data["errors"]:
        falt.setdefault(post["attr"], []).append(post["detail"])
    return falt
