"""Two-factor authentication in the admin: its pages, and a link to them in the account menu."""

from django.urls import reverse
from wagtail import hooks

from buurtwijs import two_factor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return two_factor.urlpatterns


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {"url": reverse("two_factor_setup"), "label": "Tweestapsverificatie"}
