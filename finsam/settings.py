"""Finsam settings: one module, read from the environment (django-environ).

With nothing set, Finsam runs on the embedded default: a SQLite file and
Celery tasks executed in-process. `FINSAM_PRODUCTION=1` turns on secure
defaults and refuses to start without real secrets.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from cryptography.fernet import Fernet
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

FINSAM_PRODUCTION = env.bool("FINSAM_PRODUCTION", default=False)
# Off unless asked for: Django's debug pages are English and show internals,
# so even the demo answers with Finsam's own Swedish error pages.
DEBUG = env.bool("DEBUG", default=False)

# Development-only keys. Production refuses to start with any of them.
_DEV_SECRET_KEY = "finsam-dev-secret-key-not-for-production"  # noqa: S105
_DEV_FIELD_KEY = "Zmluc2FtLWRldi1maWVsZC1rZXktMzItYnl0ZXMhISE="
_DEV_HMAC_KEY = "finsam-dev-hmac-key-not-for-production"

SECRET_KEY = env("SECRET_KEY", default=_DEV_SECRET_KEY)
# Fernet keys for personnummer at rest; the first encrypts, all decrypt
# (comma-separated, newest first) so keys can be rotated.
FINSAM_FIELD_KEYS = env.list("FINSAM_FIELD_KEY", default=[_DEV_FIELD_KEY])
# A separate key for the look-up hash, so a leaked Fernet key alone does not
# let anyone test guesses against the hashes (and vice versa).
FINSAM_HMAC_KEY = env("FINSAM_HMAC_KEY", default=_DEV_HMAC_KEY)

for _nyckel in FINSAM_FIELD_KEYS:
    try:
        Fernet(_nyckel)
    except ValueError:
        raise ImproperlyConfigured(
            "FINSAM_FIELD_KEY innehåller en ogiltig Fernet-nyckel (32 byte, url-säker base64)."
        ) from None

if FINSAM_PRODUCTION:
    _unsafe = [
        name
        for name, unsafe in [
            ("SECRET_KEY", SECRET_KEY in ("", _DEV_SECRET_KEY)),
            # Also refused as an old key in a rotation list: it is public.
            ("FINSAM_FIELD_KEY", _DEV_FIELD_KEY in FINSAM_FIELD_KEYS),
            ("FINSAM_HMAC_KEY", FINSAM_HMAC_KEY in ("", _DEV_HMAC_KEY)),
        ]
        if unsafe
    ]
    if _unsafe:
        raise ImproperlyConfigured(
            "FINSAM_PRODUCTION kräver riktiga hemligheter; sätt " + ", ".join(_unsafe) + "."
        )

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=[] if FINSAM_PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "drf_standardized_errors",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "djangosaml2",
    "finsam",
    "scb",
    "insatser",
    "deltagare",
    "elegitimation",
    "budget",
    "hantering",
    "enkat",
    "statistik",
    "kalkyl",
    "registerutdrag",
    "rapporter",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The deltagarenkät's pages (/e/) take no cookie in: no session, no user.
    "finsam.anonymitet.AnonymaVagarMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "finsam.begaran.BegaranMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "djangosaml2.middleware.SamlSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "finsam.middleware.KravTvafaktorMiddleware",
    "finsam.tillit.KravStarkInloggningMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Axes must come last so it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "finsam.urls"
WSGI_APPLICATION = "finsam.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "finsam.context_processors.navigering",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Connections are kept between requests and checked before reuse, so after
# PostgreSQL restarts the next request connects anew instead of failing on a
# dead connection; while it is away requests answer 503 (finsam/driftfel.py).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("FINSAM_DB_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL JIT-compiles the statistics queries (their cost estimate is
    # high), and compiling took longer than running them: 1.9 of a förbund's
    # 2.2 s with 20 000 inskrivningar. Short queries are all this app runs.
    # Added to any `options` of DATABASE_URL, not in their place.
    valda = DATABASES["default"].setdefault("OPTIONS", {})
    valda["options"] = f"{valda.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    # Redis away is a cache miss, not a 500 (finsam/cache.py); a hung Redis
    # holds a request a second at most.
    CACHES = {
        "default": {
            "BACKEND": "finsam.cache.TaligRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Celery: `celery -A finsam worker`. Without a broker, tasks run eagerly
# in-process so the embedded default works end to end.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task lost with its worker is redelivered rather than dropped; tasks are
# written to be safe to run twice.
CELERY_TASK_ACKS_LATE = True
# A job neither finished nor heard from in this many seconds is queued again
# by the sweeper (finsam.jobb.jobb_sopa); Redis gives an unacknowledged
# message to another worker after the visibility timeout. Both above the
# longest job in production; tests set seconds.
FINSAM_JOBB_INAKTUELL_EFTER = env.int("FINSAM_JOBB_INAKTUELL_EFTER", default=900)
FINSAM_JOBB_SYNLIGHETSTID = env.int("FINSAM_JOBB_SYNLIGHETSTID", default=900)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": FINSAM_JOBB_SYNLIGHETSTID}
CELERY_BEAT_SCHEDULE = {
    "jobb-sopa": {"task": "finsam.tasks.jobb_sopa_task", "schedule": 60.0},
    # The dashboards whose data changed, computed ahead (statistik/forvarmning.py).
    "statistik-forvarm": {"task": "statistik.tasks.statistik_forvarm_task", "schedule": 60.0},
    # Gallring (DOMAIN.md §2) once a day, at night (CELERY_TIMEZONE).
    "gallring": {"task": "deltagare.tasks.gallra_task", "schedule": crontab(hour=2, minute=30)},
    # Yearly, in the quiet of New Year's night: access-log rows past retention.
    "atkomstlogg-gallra": {
        "task": "deltagare.tasks.atkomstlogg_gallra_task",
        "schedule": crontab(minute=0, hour=3, day_of_month=1, month_of_year=1),
    },
}
# A request that queues a job while Redis is down answers within seconds
# (the job is marked fel) instead of waiting on the default retries.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 0.5,
}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "Europe/Stockholm"

# --- Authentication
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "startsida"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Five failed attempts lock the username for 30 minutes, from every address:
# guessing from many addresses must not get around it. The price, that a
# stranger can lock a user out for half an hour, is the lesser harm.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username"]
# Stored as a keyed hash: a personnummer typed as a username must not be kept (issue 13).
AXES_USERNAME_CALLABLE = "finsam.konto.sparr.axes_anvandarnamn"
# axes warns that a lock without the address can be dodged by rotating
# cookies or user agents; a lock on the username alone cannot.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
# Behind the reverse proxy production expects, the client's address is the
# one the proxy adds to X-Forwarded-For (logged with each failure).
AXES_IPWARE_PROXY_COUNT = env.int("FINSAM_PROXY_ANTAL", default=1 if FINSAM_PRODUCTION else 0)
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/utelast.html"
AXES_VERBOSE = False

# Idle timeout: the session expires 30 minutes after the last request.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Two-factor (TOTP) is required for förbundschef and admin in production,
# always; outside production it can be switched on to try it.
FINSAM_KRAV_TVAFAKTOR = FINSAM_PRODUCTION or env.bool("FINSAM_KRAV_TVAFAKTOR", default=False)
OTP_TOTP_ISSUER = "Finsam"

# --- Login with e-legitimation (elegitimation/, README "Inloggning").
# The address Finsam is reached at: its SAML entityID and endpoints, and the
# OIDC redirect address, are made from it.
FINSAM_BAS_URL = env("FINSAM_BAS_URL", default="http://127.0.0.1:8000").rstrip("/")
# "alla": anyone signs in with a password (an installation without an
# identity provider). "nodkonton": only administrators' break-glass accounts do.
FINSAM_LOSENORDSINLOGGNING = env("FINSAM_LOSENORDSINLOGGNING", default="alla")
if FINSAM_LOSENORDSINLOGGNING not in ("alla", "nodkonton"):
    raise ImproperlyConfigured("FINSAM_LOSENORDSINLOGGNING ska vara alla eller nodkonton.")
# Pages that show deltagare identities need tillitsnivå 3 (finsam/tillit.py).
FINSAM_KRAV_STARK_AUTENTISERING = FINSAM_PRODUCTION or env.bool(
    "FINSAM_KRAV_STARK_AUTENTISERING", default=False
)
# The SP's key pairs as "nyckel.pem:certifikat.pem", comma-separated. The
# first signs; all decrypt and all are published, so a new pair is added
# first and the old one removed once every IdP has read the new metadata.
FINSAM_SAML_NYCKELPAR = [
    tuple(par.split(":", 1)) for par in env.list("FINSAM_SAML_NYCKELPAR", default=[])
]
FINSAM_SAML_KONTAKT = env("FINSAM_SAML_KONTAKT", default="")
# OIDC: Finsam's private keys (PEM files, comma-separated) for private_key_jwt;
# the first signs, all are published at /oidc/jwks/ for a rollover.
FINSAM_OIDC_NYCKLAR = env.list("FINSAM_OIDC_NYCKLAR", default=[])
# djangosaml2: its config is built from the identity providers in the
# database; it never creates a user (its default would make one of anyone
# an IdP vouches for); requests go by redirect, since a POST form would
# need a script the CSP forbids.
SAML_CONFIG_LOADER = "elegitimation.saml.konfiguration.saml_konfiguration"
SAML_CREATE_UNKNOWN_USER = False
SAML_ATTRIBUTE_MAPPING = {}
SAML_DEFAULT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
SAML_LOGOUT_REQUEST_PREFERRED_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
# The IdP posts its answer from another site: the SAML session's cookie must
# come along (SameSite=None, which browsers take over HTTPS only).
SAML_SESSION_COOKIE_NAME = "finsam_saml"
SAML_SESSION_COOKIE_SAMESITE = "None" if FINSAM_PRODUCTION else "Lax"

# --- Access log (DOMAIN.md §2). Rows are kept this many years, then removed
# by the yearly gallring. Read by migration deltagare 0007 and baked into the
# database triggers that refuse earlier removal: lowering it later needs the
# triggers rebuilt (deltagare/logg/triggrar.py).
FINSAM_ATKOMSTLOGG_AR = env.int("FINSAM_ATKOMSTLOGG_AR", default=5)
# Log rows the förbundschef reviews each month, drawn at random.
FINSAM_ATKOMSTLOGG_STICKPROV = env.int("FINSAM_ATKOMSTLOGG_STICKPROV", default=20)

# --- Language and formats
LANGUAGE_CODE = "sv"
# Swedish only: an Accept-Language header must not switch messages to English.
LANGUAGES = [("sv", "Svenska")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["finsam.formats"]

# --- Static and media
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Front-end libraries come from npm (package.json) and are served from
# node_modules: nothing third-party is committed, nothing loads from a CDN.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
# Outside production WhiteNoise serves the files straight from their
# sources (no collectstatic step), so `make run` works without DEBUG.
WHITENOISE_USE_FINDERS = not FINSAM_PRODUCTION
WHITENOISE_AUTOREFRESH = not FINSAM_PRODUCTION
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "media/"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- REST API (API.md)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "finsam.api.autentisering.ApiNyckelAutentisering",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["finsam.api.behorighet.ArInloggad"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "finsam.api.paginering.Sidindelning",
    "DEFAULT_SCHEMA_CLASS": "finsam.api.schema.FinsamAutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Per key or per user (finsam/api/takt.py); 429 with Retry-After.
    "DEFAULT_THROTTLE_CLASSES": ["finsam.api.takt.Minuttakt", "finsam.api.takt.Skurtakt"],
    # The API speaks JSON only (API.md); no form bodies to document or parse.
    "DEFAULT_PARSER_CLASSES": ["finsam.api.tolk.JsonTolk"],
    # One error shape for every 4xx and 5xx (API.md), drawn into the OpenAPI document.
    "EXCEPTION_HANDLER": "drf_standardized_errors.handler.exception_handler",
}
# Calls per key or user: a sustained rate and a burst ("N/m", "N/10s").
# `FINSAM_API_BEGRANSNING=false` lifts both, for benchmarks and load tests.
FINSAM_API_BEGRANSNING = env.bool("FINSAM_API_BEGRANSNING", default=True)
# The statistics engine's answers cached by data version (statistik/berakning/
# cache.py); PostgreSQL only. `false` computes every answer afresh.
FINSAM_STATISTIK_CACHE = env.bool("FINSAM_STATISTIK_CACHE", default=True)
FINSAM_API_TAKT = {
    "minut": env("FINSAM_API_TAKT_MINUT", default="600/m"),
    "skur": env("FINSAM_API_TAKT_SKUR", default="100/10s"),
}
DRF_STANDARDIZED_ERRORS = {
    "EXCEPTION_HANDLER_CLASS": "finsam.api.undantag.FinsamUndantag",
    "EXCEPTION_FORMATTER_CLASS": "finsam.api.undantag.FinsamFelformat",
    # The answers are the same with DEBUG on: a caller never sees a traceback.
    "ENABLE_IN_DEBUG_FOR_UNHANDLED_EXCEPTIONS": True,
    "ALLOWED_ERROR_STATUS_CODES": ["400", "401", "403", "404", "405", "409", "415", "429"],
    "ERROR_SCHEMAS": {"400": "finsam.api.schema.Fel400Svar", "409": "finsam.api.schema.Fel409Svar"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Finsam API",
    "DESCRIPTION": "REST-API för parter i samordningsförbund (API.md).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    # A code list used by fields of different names is still one enum.
    "ENUM_NAME_OVERRIDES": {
        "ForsorjningskallaEnum": "finsam.kodlistor.Forsorjningskalla",
        "ErsattningsformEnum": "finsam.kodlistor.Ersattningsform",
        "SysselsattningEnum": "finsam.kodlistor.Sysselsattning",
        # Two choice sets are called status: the insats's keeps its name of API v1.
        "StatusEnum": "finsam.kodlistor.Insatsstatus",
        "JobbstatusEnum": "finsam.jobb.Jobbstatus",
        # The error answers' enums, named once (drf-standardized-errors' recipe).
        **{
            namn: f"drf_standardized_errors.openapi_serializers.{namn}.choices"
            for namn in (
                "ValidationErrorEnum",
                "ClientErrorEnum",
                "ServerErrorEnum",
                "ErrorCode401Enum",
                "ErrorCode403Enum",
                "ErrorCode404Enum",
                "ErrorCode405Enum",
                "ErrorCode406Enum",
                "ErrorCode415Enum",
                "ErrorCode429Enum",
                "ErrorCode500Enum",
            )
        },
    },
    "POSTPROCESSING_HOOKS": ["drf_standardized_errors.openapi_hooks.postprocess_schema_enums"],
}

# --- Security. Always: no sniffing, no framing. Production: HTTPS only.
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# A strict policy on every answer, pages and API alike: only Finsam's own
# files run or style a page, nothing inline, nothing from another origin
# (tests/browser/test_csp.py visits every page). data: images: Bootstrap's
# CSS draws its icons as data: SVG, and a report's logotyp is shown as one.
# Django's admin keeps to the same policy (its scripts are files too).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Every browser feature Finsam does not use is off, for its pages and any
# frame (none is allowed anyway).
PERMISSIONS_POLICY = {
    funktion: []
    for funktion in (
        "accelerometer", "ambient-light-sensor", "autoplay", "bluetooth", "browsing-topics",
        "camera", "display-capture", "encrypted-media", "fullscreen", "gamepad", "geolocation",
        "gyroscope", "hid", "idle-detection", "local-fonts", "magnetometer", "microphone",
        "midi", "payment", "picture-in-picture", "publickey-credentials-get",
        "screen-wake-lock", "serial", "usb", "web-share", "xr-spatial-tracking",
    )
}  # fmt: skip
if FINSAM_PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # The health check is asked over plain HTTP inside the network, by the
    # container's own probe and load balancers; it answers ok or fel only.
    SECURE_REDIRECT_EXEMPT = [r"^halsa/$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    # collectstatic (the image's build, `make rok`) took a minute compressing.
    # Pages link the hashed names only ({% static %}; PDFs read the sources),
    # so only those are kept; source maps, half the bytes, are read by a
    # developer's browser tools alone and stay uncompressed.
    WHITENOISE_KEEP_ONLY_HASHED_FILES = True
    WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

_TYST = 100  # above CRITICAL: nothing is emitted
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "tyst": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # The SAML and OIDC libraries log assertions, tokens and attributes (a
    # personnummer among them) at every level: they log nowhere, whatever
    # LOG_LEVEL says. Finsam logs each login's outcome itself, without them.
    "loggers": {
        namn: {"handlers": ["tyst"], "level": _TYST, "propagate": False}
        for namn in ("saml2", "djangosaml2", "authlib", "xmlschema")
    },
}

# SCB's table of helårsekvivalenter (HE0000T02N2, PxWebApi v2 TAB1386): a
# data URL in json-stat2 or csv that the task `scb_hamta_task` fetches and
# imports. Empty: nothing is fetched; files are imported with `import_scb`
# or on the upload page.
SCB_URL = env("FINSAM_SCB_URL", default="")

# Demo data (seed_demo) may never be loaded in production.
FINSAM_DEMO_PASSWORD = env("FINSAM_DEMO_PASSWORD", default="demo")
