from django.apps import AppConfig


class ElegitimationConfig(AppConfig):
    name = "elegitimation"
    verbose_name = "E-legitimation"
