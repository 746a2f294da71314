"""gunicorn's settings for Finsam in production.

One file for every place the web process starts: the image's CMD, the web
service of docker-compose.yml and `make rok` (tests/rok/rok.sh) all run
`gunicorn -c drift/gunicorn.conf.py finsam.wsgi`. Values from the environment,
with defaults for a container of its own. Not at the checkout's root, where
gunicorn would read it unasked: `make load` and the benchmarks start
gunicorn with flags of their own.
"""

import os

from gunicorn.glogging import Logger

from finsam.anonymitet import anonymiserad

bind = os.environ.get("FINSAM_BIND", "0.0.0.0:8000")
# Each worker is one request at a time (sync workers): WEB_CONCURRENCY, the
# name gunicorn itself reads, sets how many. The default counts the cores
# this process may use; a container's CPU quota does not show there, so set
# it when the container is limited.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * len(os.sched_getaffinity(0)) + 1))
# Longer than the longest request answered while the caller waits (an
# export, a registerutdrag PDF, an SCB file); reports and imports run in the
# worker, not here. A worker silent for longer is killed and restarted.
timeout = int(os.environ.get("FINSAM_WEB_TIMEOUT", 120))
graceful_timeout = 30
# A worker is replaced after this many requests, so memory a long-lived
# process gathers (PDF and Excel libraries) is given back; the jitter keeps
# the workers from restarting at once.
max_requests = 1000
max_requests_jitter = 100
# The heartbeat files in memory: on a container's overlay file system they
# can stall a worker long enough to be killed as hung. gunicorn makes them
# with mkstemp and unlinks them at once, so no name there can be guessed.
worker_tmp_dir = "/dev/shm"  # noqa: S108  # nosec B108
# Both logs to the container's output; Django logs there too (settings.LOGGING).
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()


class Logg(Logger):
    """gunicorn's logger, with nothing of the caller on the deltagarenkät's anonymous
    paths (finsam.anonymitet): no address, no browser, no user, no time."""

    def atoms(self, resp, req, wsgi, request_time):
        # The request's WSGI environ (not the process's environment, read above).
        return anonymiserad(super().atoms(resp, req, wsgi, request_time), wsgi.get("PATH_INFO", ""))


logger_class = Logg
