"""Redis away in a test: Celery and the cache reach a port where nobody listens, for real."""

from contextlib import contextmanager

from finsam.celery import app

INGEN_REDIS = "redis://127.0.0.1:9/0"


@contextmanager
def broker_som_inte_svarar():
    """Celery sends to a Redis port nobody listens on, for real (not in-process).

    The app keeps its connection pools once made (`_pool`, `amqp._producer_pool`):
    they are set aside and put back, so later tests reach the real broker.
    """
    fore = (
        app.conf.task_always_eager,
        app.conf.broker_url,
        app._pool,
        app.amqp._producer_pool,
    )
    app.conf.task_always_eager = False
    app.conf.broker_url = INGEN_REDIS
    app._pool = app.amqp._producer_pool = None
    try:
        yield
    finally:
        (
            app.conf.task_always_eager,
            app.conf.broker_url,
            app._pool,
            app.amqp._producer_pool,
        ) = fore
