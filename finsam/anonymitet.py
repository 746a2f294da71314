"""The addresses where nobody may be recognised: the deltagarenkät's (issue 19).

No address of the caller, no browser data and no user is recorded for a
request to these paths: not in the access log (drift/gunicorn.conf.py uses
`anonymiserad`), not in the request's origin the access log of deltagare
would read (finsam.begaran). Plain Python, no Django: gunicorn's
configuration imports it before Django is set up.
"""

ANONYMA_VAGAR = ("/e/",)
UTELAMNAT = "-"


def ar_anonym(vag: str) -> bool:
    return vag.startswith(ANONYMA_VAGAR)


def anonymiserad(atomer: dict, vag: str) -> dict:
    """gunicorn's access log values with the caller's address, user, browser and every
    request header blanked on an anonymous path; the others as they are."""
    if not ar_anonym(vag):
        return atomer
    utan = dict(atomer)
    for nyckel in atomer:
        # h: address, u: user, a: user agent, f: referer; {name}i/{name}e: headers, environ.
        # t: the time to the second, where the answer keeps the day only.
        if nyckel in ("h", "u", "a", "f", "t") or nyckel.endswith(("}i", "}e")):
            utan[nyckel] = UTELAMNAT
    return utan
