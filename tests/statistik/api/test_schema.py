"""The OpenAPI document describes exactly the keys the endpoints answer with."""

from drf_spectacular.generators import SchemaGenerator

from tests.hjalp.api import personlig_klient, samma_nycklar
from tests.statistik.api.hjalp import PERIOD, forbund_url, insats_url


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
