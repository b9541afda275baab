"""Login throttling (django-axes) and the login log: the client address, the lockout page and who logged in.

Failed, throttled and successful logins are logged on "buurtwijs.auth" with username and address, never a password.
"""

import logging

from axes.handlers.cache import AxesCacheHandler
from axes.helpers import get_client_username, get_cool_off
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from wagtail.admin.views.account import LoginView, get_user_login_form

log = logging.getLogger("buurtwijs.auth")


def client_ip(request):
    """The address a request came from. X-Forwarded-For counts only behind TRUSTED_PROXY_COUNT reverse proxies,
    and then only the entry the nearest trusted proxy appended: anything to its left the client can forge."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


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


@receiver(user_logged_in, dispatch_uid="buurtwijs_log_login")
def log_login(sender, request, user, **kwargs):
    log.info("Login succeeded: username=%s ip=%s", user.get_username(), client_ip(request) if request else None)


@receiver(user_login_failed, dispatch_uid="buurtwijs_log_login_failed")
def log_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in credentials; only the username is used.
    ip = client_ip(request) if request else None
    log.warning("Login failed: username=%s ip=%s", credentials.get("username"), ip)


@receiver(user_locked_out, dispatch_uid="buurtwijs_log_locked_out")
def log_locked_out(sender, request, username, ip_address, **kwargs):
    log.warning("Login throttled: username=%s ip=%s", username, ip_address)
