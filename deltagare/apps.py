from django.apps import AppConfig


class DeltagareConfig(AppConfig):
    name = "deltagare"
    verbose_name = "Deltagare"
