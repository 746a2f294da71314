from django.contrib import admin

from insatser.models import Insats, Steg, Stegskala


class StegInline(admin.TabularInline):
    model = Steg
    extra = 0


@admin.register(Stegskala)
class StegskalaAdmin(admin.ModelAdmin):
    list_display = ["namn", "forbund", "ar_standard"]
    list_filter = ["forbund"]
    inlines = [StegInline]


@admin.register(Insats)
class InsatsAdmin(admin.ModelAdmin):
    list_display = ["namn", "forbund", "inriktning", "overordnad", "status"]
    list_filter = ["forbund", "inriktning", "status"]
    search_fields = ["namn"]
