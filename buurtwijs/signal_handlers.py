"""The project's signal handlers, connected by BuurtwijsConfig.ready(): whether a login needs a second factor, and
the login log. Failed, throttled and successful logins are logged on "buurtwijs.auth" with username and address,
never a password."""

import logging

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed

from buurtwijs.two_factor import decide_at_login
from core.http import client_ip

log = logging.getLogger("buurtwijs.auth")


def connect():
    user_logged_in.connect(decide_at_login, dispatch_uid="buurtwijs_two_factor_needed")
    user_logged_in.connect(log_login, dispatch_uid="buurtwijs_log_login")
    user_login_failed.connect(log_login_failed, dispatch_uid="buurtwijs_log_login_failed")
    user_locked_out.connect(log_locked_out, dispatch_uid="buurtwijs_log_locked_out")


def log_login(sender, request, user, **kwargs):
    log.info("Login succeeded: username=%s ip=%s", user.get_username(), client_ip(request) if request else None)


def log_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in credentials; only the username is used.
    ip = client_ip(request) if request else None
    log.warning("Login failed: username=%s ip=%s", credentials.get("username"), ip)


def log_locked_out(sender, request, username, ip_address, **kwargs):
    log.warning("Login throttled: username=%s ip=%s", username, ip_address)
