from django.apps import AppConfig


class BuurtwijsConfig(AppConfig):
    """The project package as an app: its static files, its system checks, and the login signals of auth_security and
    two_factor."""

    name = "buurtwijs"
    verbose_name = "Buurtwijs"

    def ready(self):
        from buurtwijs import checks, signal_handlers  # noqa: F401 (checks registers itself)

        signal_handlers.connect()
