from django.apps import AppConfig


class RegisterutdragConfig(AppConfig):
    name = "registerutdrag"
    verbose_name = "Registerutdrag"
