"""The addresses where nobody may be recognised: the deltagarenkät's (issue 19).

No address of the caller, no browser data and no user is recorded for a
request to these paths: not in the access log (drift/gunicorn.conf.py uses
`anonymiserad`), not in the request's origin the access log of deltagare
would read (finsam.begaran). Plain Python, no Django: gunicorn's
configuration imports it before Django is set up.
"""

ANONYMA_VAGAR = ("/e/",)
# The survey's pages load their style and script from here: a line for
# enkat.js with an address would name whoever answered that day. Nothing
# static needs the caller's address in the log.
LOGGFRIA_VAGAR = (*ANONYMA_VAGAR, "/static/")
UTELAMNAT = "-"


def ar_anonym(vag: str) -> bool:
    return vag.startswith(ANONYMA_VAGAR)


class AnonymaVagarMiddleware:
    """On an anonymous path the request carries no cookie into Django: no session is read,
    renewed or saved and no user is signed in, even on a staff member's signed-in
    browser (a tablet used as a kiosk). First in the chain, before the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if ar_anonym(request.path_info):  # the app's own path, behind any SCRIPT_NAME
            request.COOKIES = {}
        return self.get_response(request)


def anonymiserad(atomer: dict, vag: str) -> dict:
    """gunicorn's access log values with the caller's address, user, browser and every
    request header blanked on an anonymous path or a static file; the others as they are."""
    if not vag.startswith(LOGGFRIA_VAGAR):
        return atomer
    utan = dict(atomer)
    for nyckel in atomer:
        # h: address, u: user, a: user agent, f: referer; {name}i/{name}e: headers, environ.
        # t: the time to the second, where the answer keeps the day only.
        if nyckel in ("h", "u", "a", "f", "t") or nyckel.endswith(("}i", "}e")):
            utan[nyckel] = UTELAMNAT
    return utan
