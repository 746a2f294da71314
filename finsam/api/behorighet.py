"""API permissions: signed in, and part keys read only."""

from rest_framework.permissions import SAFE_METHODS, BasePermission


class ArInloggad(BasePermission):
    """Any signed-in user or valid key; a part key may only read.

    Which rows a caller sees is decided by `visible_to`, and which writes
    a role may make by the services: this class only keeps keys in line.
    """

    message = "En partnyckel ger endast läsrätt."

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return request.method in SAFE_METHODS or not hasattr(user, "part_nyckel")


class EndastPersoner(BasePermission):
    """Personal data endpoints: never for part keys (they get aggregates only)."""

    message = "En partnyckel ger endast tillgång till sammanställda uppgifter."

    def has_permission(self, request, view) -> bool:
        return not hasattr(request.user, "part_nyckel")
