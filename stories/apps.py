from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Verhalen en kennis"

    def ready(self):
        from stories import signal_handlers

        signal_handlers.connect()
