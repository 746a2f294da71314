from django.apps import AppConfig


def _kontrollera_personnummer_av(sender, forbund, **kwargs) -> None:
    from deltagare.services.installningar import personnummer_avstangning_kontrollera

    personnummer_avstangning_kontrollera(forbund=forbund)


class DeltagareConfig(AppConfig):
    name = "deltagare"
    verbose_name = "Deltagare"

    def ready(self) -> None:
        from finsam.signaler import personnummer_stangs_av

        # Identities are deltagare's: the core's settings service asks here
        # before personnummer are switched off.
        personnummer_stangs_av.connect(
            _kontrollera_personnummer_av, dispatch_uid="deltagare_personnummer_av"
        )
