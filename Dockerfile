# Finsam's production image: gunicorn by default (drift/gunicorn.conf.py), run as a
# user without privileges. docker-compose.yml starts the worker, beat and the
# migrations from the same image with other commands; docs/drift.md says how
# to run it. No Docker engine runs on the development machines: `make rok`
# (tests/rok/rok.sh) starts the same commands natively, and the collectstatic
# step below with the same throwaway settings.

# --- Bootstrap and htmx from package-lock.json; only their dist folders reach the image.
FROM node:22-slim AS npm
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

# --- The dependencies of pyproject.toml in a virtualenv, copied whole into the image
# (pip and its caches stay here).
FROM python:3.11-slim AS python
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
COPY pyproject.toml /build/
RUN /opt/venv/bin/pip install /build

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH \
    FINSAM_PRODUCTION=1 MEDIA_ROOT=/data/media
# Pango for WeasyPrint and Liberation Sans, the PDF reports' font (as .ci/run
# installs); HarfBuzz's subsetter, which WeasyPrint embeds fonts with (without
# it, the slower fontTools), as on the machines the tests run on. xmlsec1: pysaml2
# signs, verifies and decrypts SAML with it (login with e-legitimation).
RUN apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2 xmlsec1 \
    && rm -rf /var/lib/apt/lists/*
# A home of its own: fontconfig keeps its cache there.
RUN useradd --system --uid 10001 --user-group --create-home finsam \
    && mkdir -p /data/media /data/beat && chown finsam:finsam /data/media /data/beat
WORKDIR /app
COPY --from=python /opt/venv /opt/venv
COPY --from=npm /app/node_modules/bootstrap/dist node_modules/bootstrap/dist
COPY --from=npm /app/node_modules/htmx.org/dist node_modules/htmx.org/dist
COPY . .
# Static files compressed and named by their content (production's storage),
# made once here so no container writes them. Production refuses to start
# without real secrets: throwaway ones for this step alone, never in the image.
RUN FINSAM_FIELD_KEY=$(python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())") \
    SECRET_KEY=endast-for-collectstatic FINSAM_HMAC_KEY=endast-for-collectstatic \
    python manage.py collectstatic --noinput --verbosity 0
USER finsam
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "drift/halsoprov.py"]
CMD ["gunicorn", "-c", "drift/gunicorn.conf.py", "finsam.wsgi"]
