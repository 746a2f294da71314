"""The permission matrix of the API (/api/v1/): one row per route.

Callers in the order of AKTORER:  A  S  K  C  B  U  P  N
(anonymous, samordnare of the insats, samordnare of another insats,
förbundschef, styrelse, förbundschef of another förbund, part key,
the samordnare's personal key). A route without a row of A's (lists, creates)
answers with the caller's own förbund: U's 200 there is B's data, not A's.

Rules that hold throughout: no key or session is 401; a part key may only
read (403 on every write) and never reads identities (403 on deltagare and
inskrivningar); a row out of reach is 404, a role without a right 403; the
personal key reaches exactly what its samordnare does. A 400 for a caller
who may not write is a denial too: a förbund or person the caller does not
reach is an unknown choice in the body (a field error), so the service's
own role check is not reached (each app's API tests cover that check).
PUT is 405 on every route: only PATCH changes a row (after the key's
read-only check, which comes first).
"""

from tests.sakerhet.matris import Rad

NY_INSATS = {
    "forbund": "@forbund",
    "namn": "Ny insats",
    "inriktning": "individ",
    "matmetod": "personer",
    "startdatum": "2026-01-01",
}
AVSLUT = {
    "slutdatum": "@idag",
    "avslutsorsak": "arbete",
    "forsorjning_vid_avslut": ["lon"],
    "sysselsattning": "forvarvsarbete",
}
NY_INSKRIVNING = {
    "deltagare": "@vantande",  # the samordnare's own registration: no one else sees it
    "insats": "@insats",
    "startdatum": "@idag",
    "utbildningsniva": "gymnasium",
    "tid_i_offentlig_forsorjning": "1_3",
    "forsorjning_vid_start": ["sjukpenning"],
}
ALLA_LASER = "401 200 200 200 200 200 200 200"
FORBUNDETS = "401 200 200 200 200 404 200 200"  # a row of A's: everyone in A reads it
PUT = "401 405 405 405 405 405 403 405"

API = {
    # The schema and its docs page are public (SERVE_PERMISSIONS): the API's
    # shape is no secret, and a part's developer reads it before having a key.
    "api:schema": Rad(get="200 200 200 200 200 200 200 200"),
    "api:docs": Rad(get="200 200 200 200 200 200 200 200"),
    # --- Förbund and parter: a förbund is made by an administrator only.
    "api:forbund-list": Rad(
        get=ALLA_LASER,
        post="401 403 403 403 403 403 403 403",
        kropp={"namn": "Samordningsförbundet Nytt"},
    ),
    "api:forbund-detail": Rad(
        "forbund",
        get=FORBUNDETS,
        put=PUT,
        patch="401 403 403 200 403 404 403 403",
        kropp={"min_cell": 4},
    ),
    "api:forbund-statistik": Rad("forbund", get=FORBUNDETS),
    "api:forbund-jamstalldhet": Rad("forbund", get=FORBUNDETS),
    "api:forbund-behov": Rad("forbund", get=FORBUNDETS),
    "api:part-list": Rad(
        get=ALLA_LASER,
        post="401 403 403 201 403 400 403 403",
        kropp={"forbund": "@forbund", "namn": "Ny part", "typ": "forsakringskassan"},
    ),
    "api:part-detail": Rad("part", get=FORBUNDETS),
    # --- Insatser: the förbundschef writes them; the samordnare the anonymous counts.
    "api:insats-list": Rad(get=ALLA_LASER, post="401 403 403 201 403 400 403 403", kropp=NY_INSATS),
    "api:insats-detail": Rad(
        "insats",
        get=FORBUNDETS,
        put=PUT,
        patch="401 403 403 200 403 404 403 403",
        kropp={"syfte": "Ett nytt syfte"},
    ),
    "api:insats-nyckeltal": Rad(
        "strukturinsats",
        get=FORBUNDETS,
        post="401 403 403 201 403 404 403 403",
        kropp={"namn": "Träffar", "fran": "2026-01-01", "till": "2026-06-30", "varde": "3"},
    ),
    "api:insats-anonyma": Rad(
        "insats",
        get=FORBUNDETS,
        post="401 200 403 403 403 404 403 200",
        kropp={"ar": 2025, "kvinnor": 1, "man": 1, "annat": 0},
    ),
    # A samordnare of another insats, and a part key, read it masked at the
    # förbund's min_cell (finsam/maskering.py); the web page is for those who
    # see it unmasked.
    "api:insats-statistik": Rad("insats", get=FORBUNDETS),
    "api:insats-jamstalldhet": Rad("insats", get=FORBUNDETS),
    "api:insats-kalkyl": Rad("insats", get=FORBUNDETS),
    "api:insats-enkat": Rad("insats", get=FORBUNDETS),
    # --- Deltagare: identities are the samordnare's. A list or a search answers
    # 200 with what the caller reaches (nothing, for the förbundschef and styrelse).
    "api:deltagare-list": Rad(
        get="401 200 200 200 200 200 403 200",
        # Any samordnare of the förbund registers a person (who then waits for
        # an inskrivning); the förbundschef and styrelse do not.
        post="401 201 201 403 403 400 403 201",
        kropp={"forbund": "@forbund", "referens": "NY-1", "kon": "man", "fodelsear": 1980},
    ),
    "api:deltagare-sok": Rad(
        post="401 200 200 200 200 200 403 200", kropp={"referens": "VANTAR-1"}
    ),
    "api:deltagare-detail": Rad("deltagare", get="401 200 404 404 404 404 403 200"),
    "api:inskrivning-list": Rad(
        get="401 200 200 200 200 200 403 200",
        post="401 201 400 400 400 400 403 201",
        kropp=NY_INSKRIVNING,
    ),
    "api:inskrivning-detail": Rad(
        "inskrivning",
        get="401 200 404 404 404 404 403 200",
        put=PUT,
        patch="401 200 404 404 404 404 403 200",
        kropp={"utrikes_fodd": False},
    ),
    "api:inskrivning-avslut": Rad(
        "inskrivning",
        post="401 200 404 404 404 404 403 200",
        # Reopening an inskrivning that goes on is refused (400) to its samordnare.
        delete="401 400 404 404 404 404 403 400",
        kropp=AVSLUT,
    ),
    "api:inskrivning-bedomningar": Rad(
        "inskrivning",
        get="401 200 404 404 404 404 403 200",
        post="401 201 404 404 404 404 403 201",
        kropp={"datum": "@idag", "typ": "lopande", "steg": "@steg"},
    ),
    "api:inskrivning-uppfoljningar": Rad(
        "inskrivning",
        get="401 200 404 404 404 404 403 200",
        # A follow-up comes after the avslut: the samordnare's 400 says so.
        post="401 400 404 404 404 404 403 400",
        kropp={"typ": "uppfoljning_6", "datum": "@idag", "utfall": "kunde_inte_nas"},
    ),
    # --- Budget: everyone in the förbund reads the budget and its summary; its
    # rows and utfall are the förbundschef's alone.
    "api:budget-list": Rad(
        get=ALLA_LASER,
        post="401 403 403 201 403 400 403 403",
        kropp={"forbund": "@forbund", "ar": 2030, "intakter": [], "eget_kapital_ingaende": 0},
    ),
    "api:budget-detail": Rad("budgetar", get=FORBUNDETS),
    "api:budget-rader": Rad(
        "budgetar",
        get="401 403 403 200 403 404 403 403",
        post="401 403 403 201 403 404 403 403",
        kropp={"kategori": "administration", "namn": "Ny rad", "budget": 1000},
    ),
    "api:budget-sammanstallning": Rad("budgetar", get=FORBUNDETS),
    # An utfall is a file upload: the förbundschef's empty JSON body is a 400.
    "api:budget-utfall": Rad(
        "budgetar",
        get="401 403 403 200 403 404 403 403",
        post="401 403 403 400 403 404 403 403",
    ),
    "api:helarsekvivalent-list": Rad(get=ALLA_LASER),
    # --- Rapporter: the förbundschef orders and publishes; an unpublished
    # version is the förbundschef's alone (the world's is still queued, so
    # publishing it is a 400 and its PDF a 409).
    "api:rapport-list": Rad(
        get=ALLA_LASER,
        post="401 403 403 202 403 400 403 403",
        kropp={
            "forbund": "@forbund",
            "typ": "delarsrapport",
            "fran": "2026-01-01",
            "till": "2026-06-30",
        },
    ),
    "api:rapport-detail": Rad(
        "rapport",
        get="401 404 404 200 404 404 404 404",
        put=PUT,
        patch="401 404 404 400 404 404 403 404",
        kropp={"publicerad": True},
    ),
    "api:rapport-pdf": Rad("rapport", get="401 404 404 409 404 404 404 404"),
}
