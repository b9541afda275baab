from django.apps import AppConfig


class BuurtwijsConfig(AppConfig):
    """The project package as an app: its static files, and the login signals of auth_security and two_factor."""

    name = "buurtwijs"
    verbose_name = "Buurtwijs"

    def ready(self):
        from buurtwijs import signal_handlers

        signal_handlers.connect()
