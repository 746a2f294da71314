"""The scb app: SCB's reference data, shared by every förbund."""

from django.apps import AppConfig


def _kontrollera_kommunkod(sender, part, **kwargs) -> None:
    from scb.services import kommunkod_kontrollera

    kommunkod_kontrollera(kommunkod=part.kommunkod)


class ScbConfig(AppConfig):
    name = "scb"
    verbose_name = "SCB:s referensdata"

    def ready(self) -> None:
        from finsam.signaler import part_kontrolleras

        # The core cannot import scb (a floor up), so it asks: every part
        # written by finsam.services.organisation, web or API, is checked here.
        part_kontrolleras.connect(_kontrollera_kommunkod, dispatch_uid="scb_kommunkod")
