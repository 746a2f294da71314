"""The username as the lockout (django-axes) stores it: a keyed hash, never what was typed.

People type a personnummer into the username field by mistake; axes would
keep it in clear in its tables. The same name gives the same hash, so the
lockout per username still counts, and `las_upp` unlocks by the name.
"""

from django.utils.crypto import salted_hmac

PREFIX = "hmac:"


def sparrnamn(anvandarnamn: str) -> str:
    # Usernames compare in lower case here: "Chef" and "chef" share one count.
    nyckel = salted_hmac("finsam.konto.sparr", anvandarnamn.strip().lower(), algorithm="sha256")
    return PREFIX + nyckel.hexdigest()[:40]


def axes_anvandarnamn(request, credentials: dict | None) -> str | None:
    """AXES_USERNAME_CALLABLE: the hashed name from the credentials or the login form."""
    namn = (credentials or {}).get("username")
    if namn is None:
        namn = getattr(request, "data", request.POST).get("username")
    return sparrnamn(namn) if namn else namn
