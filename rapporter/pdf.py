"""HTML to PDF for every report: WeasyPrint with a fetcher that reaches only our static files.

A report's HTML names its stylesheet (and any image or font) as `/static/…`,
resolved against `BASIS_URL`; the fetcher serves such a name from the
project's static directories (Django's staticfiles finders, then the
collected files in STATIC_ROOT) and `data:` URIs, and refuses everything
else with `HamtningNekad`: no `file:` path, no `http(s)` address, no other
scheme, so a report can neither read the server's files nor reach the
network. WeasyPrint logs a refused resource and renders without it.

Importing this module loads WeasyPrint and so Pango: import it inside the
job, not where a page is served.
"""

import mimetypes
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative and root-relative addresses in a report resolve against this origin,
# which names no real host (RFC 2606); only its static part is ever served.
BASIS_URL = "https://finsam.invalid/"


class HamtningNekad(ValueError):
    """A report asked for a resource outside the project's static files."""

    def __init__(self, url: str) -> None:
        super().__init__(f"En rapport hämtar bara projektets statiska filer, inte {url[:200]}")
        self.url = url


def statisk_fil(url: str) -> Path:
    """The static file a report's URL names, or HamtningNekad.

    `https://finsam.invalid/static/finsam/pdf.css` is `finsam/pdf.css` as the
    staticfiles finders find it (or, collected under a hashed name, in STATIC_ROOT).
    """
    prefix = BASIS_URL + settings.STATIC_URL.lstrip("/")
    if not url.startswith(prefix):
        raise HamtningNekad(url)
    namn = unquote(urlsplit(url[len(prefix) :]).path)
    delar = PurePosixPath(namn).parts
    if not delar or namn.startswith("/") or "\\" in namn or "\0" in namn or ".." in delar:
        raise HamtningNekad(url)
    hittad = finders.find(namn)
    if hittad:
        return Path(hittad)
    # In production the stylesheet is linked by its collected (hashed) name.
    if staticfiles_storage.exists(namn):
        return Path(staticfiles_storage.path(namn))
    raise HamtningNekad(url)


class StatiskHamtare(URLFetcher):
    """WeasyPrint's fetcher for reports: static files and `data:` URIs, nothing else."""

    def __init__(self) -> None:
        # Should a URL ever reach the inherited opener, it opens data: only.
        super().__init__(allowed_protocols=("data",), allow_redirects=False)

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        if url[:5].lower() == "data:":
            return super().fetch(url, headers)
        sokvag = statisk_fil(url)
        typ = mimetypes.guess_type(sokvag.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, sokvag.read_bytes(), {"Content-Type": typ})


def html_till_pdf(html: str) -> bytes:
    """A tagged PDF of the HTML; its <title> and lang become the PDF's title and language."""
    dokument = HTML(string=html, base_url=BASIS_URL, url_fetcher=StatiskHamtare())
    return dokument.write_pdf(pdf_tags=True)


def rendera_pdf(mall: str, sammanhang: dict) -> bytes:
    """The PDF of a template under templates/rapporter/pdf/ (which extends bas.html)."""
    return html_till_pdf(render_to_string(mall, sammanhang))
