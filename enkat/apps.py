from django.apps import AppConfig


class EnkatConfig(AppConfig):
    name = "enkat"
    verbose_name = "Deltagarenkät"
