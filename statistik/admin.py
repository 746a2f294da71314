from django.contrib import admin

from statistik.models import Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["kod", "namn", "typ"]
    list_filter = ["typ"]
    search_fields = ["kod", "namn"]
