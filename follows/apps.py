from django.apps import AppConfig


class FollowsConfig(AppConfig):
    name = "follows"
    verbose_name = "Volg de buurt"
    default_auto_field = "django.db.models.BigAutoField"
