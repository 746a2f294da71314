"""SCB's regions in the admin (their figures are imported, not edited by hand)."""

from django.contrib import admin

from scb.models import Region, Scbimport


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["kod", "namn", "typ"]
    list_filter = ["typ"]
    search_fields = ["kod", "namn"]


@admin.register(Scbimport)
class ScbimportAdmin(admin.ModelAdmin):
    """The audit trail of SCB imports: read only, written by scb.services alone."""

    list_display = [
        "importerad",
        "av",
        "filnamn",
        "sha256",
        "helarsekvivalenter_nya",
        "helarsekvivalenter_andrade",
        "folkmangd_nya",
        "folkmangd_andrade",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
