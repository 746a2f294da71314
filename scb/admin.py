"""SCB's regions in the admin (their figures are imported, not edited by hand)."""

from django.contrib import admin

from scb.models import Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["kod", "namn", "typ"]
    list_filter = ["typ"]
    search_fields = ["kod", "namn"]
