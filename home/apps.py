from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Buurtwijs"

    def ready(self):
        from home import signal_handlers

        signal_handlers.connect()
