"""Insatser and stegskalor are shown to the admin read-only.

The förbundschef manages them (through the services, which hold rules the
admin's forms would skip, e.g. no new stegskala once bedömningar exist).
"""

from django.contrib import admin

from insatser.models import Insats, Steg, Stegskala


class EndastLasning:
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class StegInline(EndastLasning, admin.TabularInline):
    model = Steg
    extra = 0


@admin.register(Stegskala)
class StegskalaAdmin(EndastLasning, admin.ModelAdmin):
    list_display = ["namn", "forbund", "ar_standard"]
    list_filter = ["forbund"]
    inlines = [StegInline]


@admin.register(Insats)
class InsatsAdmin(EndastLasning, admin.ModelAdmin):
    list_display = ["namn", "forbund", "inriktning", "overordnad", "status"]
    list_filter = ["forbund", "inriktning", "status"]
    search_fields = ["namn"]
