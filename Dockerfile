# The image behind docker-compose.yml: Python dependencies from pyproject.toml,
# front-end assets from package-lock.json (served by Django, never a CDN).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
# Pango for WeasyPrint and Liberation Sans, the PDF reports' font (as .ci/run installs).
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm \
        libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml package.json package-lock.json ./
RUN pip install --no-cache-dir . && npm ci --no-audit --no-fund
COPY . .
EXPOSE 8000
