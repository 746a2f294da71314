"""The OpenAPI document describes exactly the keys the endpoints answer with."""

from drf_spectacular.generators import SchemaGenerator

from tests.api.conftest import personlig_klient
from tests.api_statistik.conftest import PERIOD, forbund_url, insats_url


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


def test_schemat_foljer_svaret(forbund, statistikdata, annan_insats, chef, partklient):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    komponenter = schema["components"]["schemas"]
    vagar = schema["paths"]
    for url, mall in (
        (insats_url(statistikdata), "/api/v1/insatser/{id}/statistik/"),
        (forbund_url(forbund), "/api/v1/forbund/{id}/statistik/"),
    ):
        svar = vagar[mall]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        # The part key's answer has the nulls the schema must allow.
        for klient in (personlig_klient(chef), partklient):
            samma_nycklar(svar, klient.get(url, PERIOD).json(), komponenter, mall)
    parametrar = {
        p["name"]: p for p in vagar["/api/v1/insatser/{id}/statistik/"]["get"]["parameters"]
    }
    assert parametrar["urval"]["schema"] == {
        "type": "string",
        "enum": ["aktiva", "avslutade", "nya"],
        "default": "aktiva",
    }
    assert {"fran", "till"} <= set(parametrar)
