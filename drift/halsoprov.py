"""The web container's health probe: exits 0 when `/halsa/` answers 200, else 1.

Standard library only, no Django to load: Docker runs it every 30 seconds
(Dockerfile, docker-compose.yml) and `make rok` waits on it. Asked under
the first name of ALLOWED_HOSTS, since production refuses any other Host
(a leading dot, a domain and its subdomains, is dropped).
"""

import http.client
import os
import sys

ADRESS = os.environ.get("FINSAM_HALSA_ADRESS", "127.0.0.1:8000")
VARDAR = [v.strip() for v in os.environ.get("ALLOWED_HOSTS", "").split(",") if v.strip()]


def main() -> int:
    huvuden = {"Accept": "application/json"}
    if VARDAR and VARDAR[0] != "*":
        huvuden["Host"] = VARDAR[0].lstrip(".")
    anslutning = http.client.HTTPConnection(ADRESS, timeout=10)
    try:
        anslutning.request("GET", "/halsa/", headers=huvuden)
        svar = anslutning.getresponse()
        print(svar.status, svar.read().decode(errors="replace"))
    except OSError as fel:
        print(f"{ADRESS} svarar inte: {fel}", file=sys.stderr)
        return 1
    finally:
        anslutning.close()
    return 0 if svar.status == 200 else 1


if __name__ == "__main__":
    sys.exit(main())
