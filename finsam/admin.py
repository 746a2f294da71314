"""Django admin for the system administrator: förbund, parter, roles and keys.

Deltagare data are deliberately absent: an admin manages the system, not
people's records (least privilege, DOMAIN.md §2).
"""

from django import forms
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.urls import reverse

from finsam.models import ApiNyckel, Forbund, Medlemskap, Part, Tvafaktorenhet
from finsam.services.organisation import forbund_skapa, medlemskap_kontrollera_insatser


def _inloggning_via_finsam(request, extra_context=None):
    """The admin signs in through Finsam's own login page: its rules for passwords
    (FINSAM_LOSENORDSINLOGGNING), its lockout, its log and the session's level.
    The admin's own form would be a way around all four."""
    nasta = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
    return redirect_to_login(nasta, reverse("login"))


admin.site.login = _inloggning_via_finsam

class PartInline(admin.TabularInline):
    model = Part
    extra = 0


@admin.register(Forbund)
class ForbundAdmin(admin.ModelAdmin):
    list_display = ["namn", "organisationsnummer", "min_cell", "personnummer_tillatet"]
    search_fields = ["namn", "organisationsnummer"]
    inlines = [PartInline]

    def get_readonly_fields(self, request, obj=None):
        # Once the förbund exists its gallring period is its förbundschef's to
        # change, on the gallring page, where every change is kept with who and when.
        return ["gallring_ar"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            # Through the service, so the new förbund gets its Processtrappan.
            obj.pk = forbund_skapa(**form.cleaned_data, user=request.user).pk


class MedlemskapForm(forms.ModelForm):
    class Meta:
        model = Medlemskap
        fields = ["user", "forbund", "roll", "insatser"]

    def clean(self):
        data = super().clean()
        if data.get("forbund") and data.get("roll"):
            try:
                medlemskap_kontrollera_insatser(
                    forbund=data["forbund"], roll=data["roll"], insatser=data.get("insatser", [])
                )
            except ValidationError as fel:
                self.add_error(None, fel)
        return data


@admin.register(Medlemskap)
class MedlemskapAdmin(admin.ModelAdmin):
    form = MedlemskapForm
    list_display = ["user", "forbund", "roll"]
    list_filter = ["forbund", "roll"]
    search_fields = ["user__username"]
    filter_horizontal = ["insatser"]
    autocomplete_fields = ["user"]


@admin.register(ApiNyckel)
class ApiNyckelAdmin(admin.ModelAdmin):
    """Keys are created with `skapa_api_nyckel` (shown once); here they are revoked."""

    list_display = ["prefix", "typ", "namn", "part", "user", "giltig_till", "aterkallad"]
    list_filter = ["typ"]
    readonly_fields = ["typ", "prefix", "part", "user", "skapad", "skapad_av", "senast_anvand"]
    exclude = ["hash"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Tvafaktorenhet)
class TvafaktorenhetAdmin(admin.ModelAdmin):
    """Who has two-factor; deleting a lost phone's device lets its user set up anew.

    The seed is never shown: a device is set up by its user on Mitt konto.
    """

    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


# django-otp's own TOTP admin would write a seed in clear; its table is empty
# since finsam 0007 and stays installed only for that migration's history.
if apps.is_installed("django_otp.plugins.otp_totp"):
    admin.site.unregister(apps.get_model("otp_totp", "TOTPDevice"))

admin.site.unregister(User)


@admin.register(User)
class AnvandareAdmin(UserAdmin):
    """Users are deactivated (untick "active"), never deleted.

    The access log keeps a PROTECT link to every user who read a deltagare's
    data (issue 13 §10), and who did what must stay answerable for the
    log's whole retention period, so the admin offers no delete at all.
    """

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
