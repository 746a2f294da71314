"""The administrator's view of the identity providers and each user's external identities.

An IdP is added or renewed with `manage.py idp_lagg_till`, which checks
the federation's signature; here it can be read, renamed, limited to
fewer levels or turned off. Its metadata is not edited by hand.
"""

from django.contrib import admin

from elegitimation.models import ExternIdentitet, Identitetsutgivare


@admin.register(Identitetsutgivare)
class IdentitetsutgivareAdmin(admin.ModelAdmin):
    list_display = ["namn", "protokoll", "entity_id", "identifierartyp", "aktiv", "andrad"]
    list_filter = ["protokoll", "aktiv"]
    fields = [
        "namn",
        "aktiv",
        "tillitsnivaer",
        "protokoll",
        "entity_id",
        "metadata_url",
        "attribut",
        "identifierartyp",
        "client_id",
        "metadata",
        "andrad",
    ]
    # What the command checked on the way in stays as it checked it.
    readonly_fields = [f for f in fields if f not in ("namn", "aktiv", "tillitsnivaer")]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # An IdP with identities is turned off, not removed (PROTECT keeps who logged in how).
        return (
            obj is not None
            and not obj.identiteter.exists()
            and super().has_delete_permission(request, obj)
        )


@admin.register(ExternIdentitet)
class ExternIdentitetAdmin(admin.ModelAdmin):
    """Remove a link (a lost card, a person who left): they can no longer log in that way."""

    list_display = ["user", "utgivare", "identifierartyp", "skapad", "senast_inloggad"]
    list_filter = ["utgivare", "identifierartyp"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = ["user", "utgivare", "identifierartyp", "skapad", "senast_inloggad"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
