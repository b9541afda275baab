from django.apps import AppConfig


class CorrespondentsConfig(AppConfig):
    name = "correspondents"
    verbose_name = "Regio's en correspondenten"

    def ready(self):
        from correspondents.chain import checks, signal_handlers  # noqa: F401 (checks registers itself)

        signal_handlers.connect()
