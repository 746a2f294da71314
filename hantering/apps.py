from django.apps import AppConfig


class HanteringConfig(AppConfig):
    name = "hantering"
    verbose_name = "Hantering"
