from django.apps import AppConfig


class CorrespondentsConfig(AppConfig):
    name = "correspondents"
    verbose_name = "Regio's en correspondenten"
