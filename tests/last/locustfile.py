"""The load scenario of `make load` (tests/last/kor.sh starts it; not a test file).

Fifty simulated users, each with an account and key of its own (throttling
counts per key or user): samordnare register deltagare with an inskrivning
and add bedömningar through the API; förbundschefer read the dashboard,
the statistics pages and API lists; a few order reports and poll each
until it is klar or fel. Every 429 counts as an error. What the scenario
created is tallied (LAST_RAKNING) for tests/last/kontroll.py.

In the PostgreSQL fault run (LAST_FEL=postgresql) a 503 is expected while
the database is away, but only the clean kind: a Swedish page, or the
API's JSON error. Anything else, a 500 or a traceback, is an error.
"""

import datetime
import itertools
import json
import os
import random
import time

from locust import HttpUser, between, events, task

with open(os.path.join(os.environ["LAST_KATALOG"], "konton.json")) as fil:
    KONTON = json.load(fil)
FEL = os.environ.get("LAST_FEL", "ingen")
KORNING = f"{FEL[:2]}{int(time.time()) % 100000}"
IDAG = datetime.date.today()
# The Swedish words a clean 503 carries (finsam/driftfel.py).
TILLFALLIGT_FEL = "tillfälligt"

RAKNING: dict = {
    "deltagare": [],
    "inskrivningar": [],
    "bedomningar": [],
    "rapporter": [],  # [id, status, fel, ordered at (epoch s)]
    "rena_503": 0,
}
_samordnare = itertools.count()
_chefer = itertools.count()


def _ren_503(svar) -> bool:
    typ = svar.headers.get("Content-Type", "")
    if "Traceback" in svar.text:
        return False
    if typ.startswith("application/json"):
        data = svar.json()
        fel = data.get("errors") or [{}]
        return data.get("type") == "server_error" and TILLFALLIGT_FEL in fel[0].get("detail", "")
    return typ.startswith("text/html") and TILLFALLIGT_FEL in svar.text


def granska(svar, *forvantat: int) -> bool:
    """Mark the response a success or a failure; True when it is one of `forvantat`."""
    if svar.status_code in forvantat:
        svar.success()
        return True
    if FEL == "postgresql" and svar.status_code == 503 and _ren_503(svar):
        RAKNING["rena_503"] += 1
        svar.success()
        return False
    svar.failure(f"{svar.status_code}: {svar.text[:200]}")
    return False


class Samordnare(HttpUser):
    weight = 30
    wait_time = between(1, 4)

    def on_start(self) -> None:
        konto = KONTON["anvandare"]["samordnare"][next(_samordnare)]
        self.client.headers["Authorization"] = f"Bearer {konto['nyckel']}"
        self.namn = konto["username"]
        self.egna: list[tuple[int, int, datetime.date]] = []  # inskrivning, steg, startdatum
        self.nummer = itertools.count()

    def _post(self, url: str, data: dict, namn: str):
        with self.client.post(url, json=data, name=namn, catch_response=True) as svar:
            return svar.json() if granska(svar, 201) else None

    @task(3)
    def registrera(self) -> None:
        insats = random.choice(KONTON["insatser"])
        deltagare = self._post(
            "/api/v1/deltagare/",
            {
                "forbund": KONTON["forbund"],
                "referens": f"L{KORNING}-{self.namn[-2:]}-{next(self.nummer)}",
                "kon": random.choice(["kvinna", "man", "annat"]),
                "fodelsear": random.randint(1960, 2004),
            },
            "/api/v1/deltagare/ [POST]",
        )
        if deltagare is None:
            return
        RAKNING["deltagare"].append(deltagare["id"])
        start = IDAG - datetime.timedelta(days=random.randint(0, 60))
        inskrivning = self._post(
            "/api/v1/inskrivningar/",
            {
                "deltagare": deltagare["id"],
                "insats": insats["id"],
                "startdatum": start.isoformat(),
                "remitterande_part": random.choice(KONTON["parter"]),
                "utbildningsniva": "gymnasium",
                "tid_i_offentlig_forsorjning": "okand",
                "forsorjning_vid_start": ["sjukpenning"],
            },
            "/api/v1/inskrivningar/ [POST]",
        )
        if inskrivning is None:
            return
        RAKNING["inskrivningar"].append(inskrivning["id"])
        self.egna.append((inskrivning["id"], insats["steg"], start))
        self._bedom(inskrivning["id"], "start", start, insats["steg"])

    def _bedom(self, inskrivning: int, typ: str, datum: datetime.date, steg: int) -> None:
        bedomning = self._post(
            f"/api/v1/inskrivningar/{inskrivning}/bedomningar/",
            {"datum": datum.isoformat(), "typ": typ, "steg": random.randint(1, steg)},
            "/api/v1/inskrivningar/[id]/bedomningar/ [POST]",
        )
        if bedomning is not None:
            RAKNING["bedomningar"].append(bedomning["id"])

    @task(3)
    def bedom(self) -> None:
        if self.egna:
            inskrivning, steg, start = random.choice(self.egna)
            datum = start + datetime.timedelta(days=random.randint(0, (IDAG - start).days))
            self._bedom(inskrivning, "lopande", datum, steg)

    @task(2)
    def listor(self) -> None:
        for url in ("/api/v1/inskrivningar/?aktiv=true", "/api/v1/deltagare/"):
            with self.client.get(url, catch_response=True) as svar:
                granska(svar, 200)


class Forbundschef(HttpUser):
    weight = 17
    wait_time = between(1, 4)

    def on_start(self) -> None:
        konto = KONTON["anvandare"]["chef"][next(_chefer)]
        self.nyckel = {"Authorization": f"Bearer {konto['nyckel']}"}
        self.client.get("/konto/logga-in/")
        with self.client.post(
            "/konto/logga-in/",
            data={
                "username": konto["username"],
                "password": KONTON["losenord"],
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
            headers={"Referer": f"{self.host}/konto/logga-in/"},
            allow_redirects=False,
            catch_response=True,
        ) as svar:
            granska(svar, 302)

    def _sida(self, url: str, namn: str | None = None) -> None:
        with self.client.get(url, name=namn, catch_response=True) as svar:
            granska(svar, 200)

    @task(3)
    def startsida(self) -> None:
        self._sida("/")

    @task(2)
    def statistik(self) -> None:
        self._sida("/statistik/")

    @task(1)
    def insatsstatistik(self) -> None:
        insats = random.choice(KONTON["insatser"])["id"]
        self._sida(f"/statistik/insatser/{insats}/", "/statistik/insatser/[id]/")

    @task(3)
    def api_listor(self) -> None:
        for url in ("/api/v1/insatser/", "/api/v1/rapporter/", "/api/v1/forbund/"):
            with self.client.get(url, headers=self.nyckel, catch_response=True) as svar:
                granska(svar, 200)


class Rapportbestallare(HttpUser):
    """A förbundschef ordering delårsrapporter and following each until it is klar or fel.

    In a fault run each also orders one while the service is away (its
    window is LAST_FEL_EFTER and LAST_FEL_LANGD seconds from the start), so
    the run shows what an order meets then.
    """

    fixed_count = 3
    wait_time = between(2, 4)

    def on_start(self) -> None:
        # The last chef accounts; Forbundschef takes them from the first.
        konto = KONTON["anvandare"]["chef"][-1 - next(_rapportbestallare)]
        self.client.headers["Authorization"] = f"Bearer {konto['nyckel']}"
        self.foljda: list[list] = []
        self.senast = 0.0
        self.under_avbrottet = False

    @task
    def arbeta(self) -> None:
        if self.foljda:
            self._folj(self.foljda[0])
        nu = time.time()
        if FEL != "ingen" and not self.under_avbrottet and AVBROTT[0] < nu < AVBROTT[1]:
            self.under_avbrottet = True
            self._bestall()
        elif not self.foljda and nu - self.senast > 20:
            self._bestall()

    def _bestall(self) -> None:
        self.senast = time.time()
        with self.client.post(
            "/api/v1/rapporter/",
            json={
                "forbund": KONTON["forbund"],
                "typ": "delarsrapport",
                "fran": f"{IDAG.year}-01-01",
                "till": IDAG.isoformat(),
            },
            catch_response=True,
        ) as svar:
            if granska(svar, 202):
                kvitto = svar.json()
                rad = [kvitto["id"], kvitto["status"], "", self.senast]
                RAKNING["rapporter"].append(rad)
                self.foljda.append(rad)

    def _folj(self, rad: list) -> None:
        with self.client.get(
            f"/api/v1/rapporter/{rad[0]}/", name="/api/v1/rapporter/[id]/", catch_response=True
        ) as svar:
            if granska(svar, 200):
                status = svar.json()
                rad[1], rad[2] = status["status"], status.get("fel", "")
        # Unfinished at the end of the run: the check afterwards waits for it.
        if rad[1] in ("klar", "fel"):
            self.foljda.remove(rad)


_rapportbestallare = itertools.count()
# While the fault lasts, a few seconds inside its edges (locust starts a moment after the clock).
_START = time.time()
AVBROTT = (
    _START + int(os.environ.get("LAST_FEL_EFTER", 0)) + 3,
    _START
    + int(os.environ.get("LAST_FEL_EFTER", 0))
    + int(os.environ.get("LAST_FEL_LANGD", 0))
    - 3,
)


@events.quitting.add_listener
def _skriv_rakning(environment, **_) -> None:
    with open(os.environ["LAST_RAKNING"], "w") as fil:
        json.dump(RAKNING, fil)
