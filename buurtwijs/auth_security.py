"""Login throttling (django-axes): the lockout page and a cache handler that survives a Redis outage.

The client address is core/http.py's; the login log is in buurtwijs/signal_handlers.py.
"""

import logging

from axes.handlers.cache import AxesCacheHandler
from axes.helpers import get_client_username, get_cool_off
from django.contrib import messages
from wagtail.admin.views.account import LoginView, get_user_login_form

from core.http import client_ip

log = logging.getLogger("buurtwijs.auth")


def lockout_message(request):
    minutes = round(get_cool_off(request).total_seconds() / 60)
    return (
        "Te veel mislukte pogingen om met deze gebruikersnaam in te loggen. "
        f"Probeer het over {minutes} minuten opnieuw, of vraag de centrale redactie om een nieuw wachtwoord."
    )


def lockout_response(request, original_response, credentials):
    """Wagtail's own login page with the lockout explained in Dutch, status 429 (AXES_LOCKOUT_CALLABLE)."""
    messages.error(request, lockout_message(request))
    view = LoginView()
    view.setup(request)
    # An unbound form: binding the posted one would try (and count) the same login again.
    form = get_user_login_form()(request, initial={"username": get_client_username(request, credentials)})
    response = view.render_to_response(view.get_context_data(form=form), status=429)
    return response.render()


class ResilientAxesCacheHandler(AxesCacheHandler):
    """django-axes' cache handler (AXES_HANDLER with Redis) that survives a Redis outage.

    While Redis is unreachable buurtwijs.cache answers like an empty cache whose incr() finds no key, and axes'
    handler would turn a wrong password into a server error. Here the failure goes uncounted instead: the
    throttle pauses with Redis, the login page keeps working.
    """

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        try:
            super().user_login_failed(sender, credentials, request, **kwargs)
        except ValueError:
            log.warning("Login failure not counted, the cache is unreachable: ip=%s", client_ip(request))
