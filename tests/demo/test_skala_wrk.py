"""The national benchmark reads wrk's --latency output: rate, p50, p99 and failures."""

from demo.skala.api import tolka_wrk

# wrk 4.1's output; it pads the percentile lines with trailing spaces.
UTDATA = (
    "Running 3s test @ http://127.0.0.1:8790/api/v1/insatser/\n"
    "  2 threads and 4 connections\n"
    "  Thread Stats   Avg      Stdev     Max   +/- Stdev\n"
    "    Latency    41.02ms   10.11ms   1.42s    70.00%\n"
    "    Req/Sec    49.00      8.00    60.00     70.00%\n"
    "  Latency Distribution\n"
    "     50%   40.00ms \n"
    "     75%   45.00ms \n"
    "     90%   55.00ms \n"
    "     99%    1.42s  \n"
    "  293 requests in 3.01s, 1.20MB read\n"
    "  Socket errors: connect 0, read 0, write 0, timeout 2\n"
    "  Non-2xx or 3xx responses: 5\n"
    "Requests/sec:     97.50\n"
    "Transfer/sec:    400.00KB\n"
)


def test_tolkar_wrk():
    assert tolka_wrk(UTDATA) == {
        "req_s": 97.5,
        "p50_ms": 40.0,
        "p99_ms": 1420.0,
        "anrop": 293,
        "fel": 5,
        "timeout": 2,
    }


def test_utan_fel():
    utdata = UTDATA.replace("  Socket errors: connect 0, read 0, write 0, timeout 2\n", "")
    utdata = utdata.replace("  Non-2xx or 3xx responses: 5\n", "")
    assert tolka_wrk(utdata)["fel"] == tolka_wrk(utdata)["timeout"] == 0
