"""How the benchmarks measure: the median of repeated runs, and a page's time."""

import statistics
import time

KORNINGAR = 15


def median_ms(funktion) -> float:
    funktion()  # warm caches and connections
    tider = []
    for _ in range(KORNINGAR):
        start = time.perf_counter()
        funktion()
        tider.append((time.perf_counter() - start) * 1000)
    return statistics.median(tider)


def sidans_ms(client, adress: str) -> float:
    """The median time of a page that must answer 200 every time."""

    def hamta():
        svar = client.get(adress)
        assert svar.status_code == 200

    return median_ms(hamta)
