from django.apps import AppConfig


class KalkylConfig(AppConfig):
    name = "kalkyl"
    verbose_name = "Samhällsekonomisk kalkyl"
