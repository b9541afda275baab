"""Volg de buurt in the admin: the editions as a snippet, and "Nieuwsbrief" in the menu (follows/admin_views.py)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from follows import admin_views
from follows.models import Edition


class EditionViewSet(SnippetViewSet):
    model = Edition
    icon = "mail"
    menu_label = "Edities nieuwsbrief"
    list_display = ["__str__", "status_label"]
    ordering = ["-send_on"]


register_snippet(EditionViewSet)


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.is_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_newsletter_menu_item():
    return NewsletterMenuItem(
        "Nieuwsbrief", reverse("follows_overview"), name="nieuwsbrief", icon_name="mail", order=350
    )


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [
        path("nieuwsbrief/", admin_views.overview, name="follows_overview"),
        path("nieuwsbrief/edities/<int:pk>/voorbeeld/", admin_views.preview, name="follows_preview"),
        path("nieuwsbrief/edities/<int:pk>/testmail/", admin_views.test_send, name="follows_test_send"),
        path("nieuwsbrief/edities/<int:pk>/verzending/", admin_views.deliveries, name="follows_deliveries"),
        path("nieuwsbrief/volgers.csv", admin_views.export_csv, name="follows_export"),
        path("nieuwsbrief/importeren/", admin_views.import_view, name="follows_import"),
    ]
