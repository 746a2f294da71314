"""Every route of Finsam, found by walking the URL resolver, and the URL of each for the matrix."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# The Django admin is one rule, not a row per model (tests/sakerhet/test_behorighetsmatris.py).
ADMIN_PREFIX = "admin/"


@dataclass(frozen=True)
class Vag:
    namn: str  # the route's name with its namespaces, as reverse() takes it
    monster: str  # the pattern, for messages
    argument: tuple[str, ...]
    metoder: tuple[str, ...]  # the methods of an API route (a page's are not declared)

    @property
    def ar_api(self) -> bool:
        return self.namn.startswith("api:")


def alla_vagar() -> list[Vag]:
    """Every named route outside the admin, through every include."""
    vagar: list[Vag] = []

    def ga_igenom(resolver: URLResolver, prefix: str, namnrymd: str) -> None:
        for monster in resolver.url_patterns:
            del_ = prefix + str(monster.pattern)
            if isinstance(monster, URLResolver):
                if del_ == ADMIN_PREFIX:
                    continue
                rymd = f"{namnrymd}{monster.namespace}:" if monster.namespace else namnrymd
                ga_igenom(monster, del_, rymd)
            elif isinstance(monster, URLPattern):
                assert monster.name, f"en väg utan namn: {del_}"
                # A viewset's route answers the methods of its actions; an API view
                # without actions (the schema, the docs) is read only. DRF adds
                # "head" to a route's actions the first time it serves one (HEAD
                # answers as GET), so what earlier tests called must not count.
                atgarder = getattr(monster.callback, "actions", None) or {"get": None}
                vagar.append(
                    Vag(
                        namn=namnrymd + monster.name,
                        monster=del_,
                        argument=tuple(monster.pattern.regex.groupindex),
                        metoder=tuple(m.upper() for m in atgarder if m != "head"),
                    )
                )

    ga_igenom(get_resolver(), "", "")
    return vagar


# A URL argument other than the route's own row: the same name always means the same kind.
_ARGUMENTENS_OBJEKT = {
    "insats_pk": "insats",
    "avsnitt_pk": "avsnitt",
    "rad_pk": "budgetrad",
    "nyckeltal_pk": "nyckeltal",
    "budgetar_pk": "budgetar",
    "ar": "ar",
    "manad": "manad",
    "nyckel": "matning_nyckel",
}
SKRIVEN_RAPPORTTYP = "delarsrapport"


def url(vag: Vag, pk_objekt: str | None, objekt: dict[str, int]) -> str:
    """The route's URL with the world's rows; `pk_objekt` names what `pk` is."""
    argument = {}
    for namn in vag.argument:
        if namn == "pk":
            assert pk_objekt, f"{vag.namn}: tabellen säger inte vad pk är"
            argument[namn] = objekt[pk_objekt]
        elif namn == "typ":
            argument[namn] = SKRIVEN_RAPPORTTYP
        else:
            argument[namn] = objekt[_ARGUMENTENS_OBJEKT[namn]]
    adress = reverse(vag.namn, kwargs=argument)
    assert not re.search(r"[\^$]", adress), adress
    return adress


def svarskod(svar) -> str:
    """An answer as the tables write it: L a redirect to sign in, R another redirect."""
    if svar.status_code == 302:
        return "L" if svar.url.startswith(reverse("login")) else "R"
    return str(svar.status_code)
