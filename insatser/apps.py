from django.apps import AppConfig


def _ge_processtrappan(sender, forbund, **kwargs) -> None:
    from insatser.services import stegskala_skapa_processtrappan

    stegskala_skapa_processtrappan(forbund=forbund)


class InsatserConfig(AppConfig):
    name = "insatser"
    verbose_name = "Insatser"

    def ready(self) -> None:
        from finsam.signaler import forbund_skapat

        # A new förbund gets its default stegskala (finsam.services.organisation.forbund_skapa).
        forbund_skapat.connect(_ge_processtrappan, dispatch_uid="processtrappan")
