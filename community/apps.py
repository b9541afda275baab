from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = "Gemeenschap"

    def ready(self):
        from community import signal_handlers

        signal_handlers.connect()
