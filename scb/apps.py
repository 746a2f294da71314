"""The scb app: SCB's reference data, shared by every förbund."""

from django.apps import AppConfig


class ScbConfig(AppConfig):
    name = "scb"
    verbose_name = "SCB:s referensdata"
