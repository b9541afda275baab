from django.apps import AppConfig


class CorrespondentsConfig(AppConfig):
    name = "correspondents"
    verbose_name = "Regio's en correspondenten"

    def ready(self):
        from correspondents.chain import signal_handlers

        signal_handlers.connect()
