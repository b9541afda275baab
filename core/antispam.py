"""Spam protection for the public forms ("Deel je verhaal", reactions, event registrations).

Three layers, none of which asks a person to solve a puzzle:

- ``SpamCheckedMixin`` adds two hidden fields to a form. ``homepage`` is a honeypot: hidden from people and
  screen readers, filled in by bots; a form with it filled is valid but ``form.is_bot`` is True, and the view
  answers as if it succeeded while storing and mailing nothing. ``started`` is a signed timestamp: a form
  posted within ``PUBLIC_FORM_MIN_SECONDS`` of being shown (or with the stamp missing or forged) gets a Dutch
  error and is shown again with every answer kept; so does one posted more than ``PUBLIC_FORM_MAX_SECONDS`` after
  (a stamp a bot saved once and replays for ever), with a message of its own.
- ``rate_limited(request, scope)`` counts a POST against the limit for its scope and the client's address
  (``PUBLIC_FORM_RATE_LIMITS``). The counter lives in the cache, so with Redis it holds across app servers.
- ``too_many_requests(request, scope)`` is the Dutch 429 answer.

Templates render the hidden fields with ``{% include "components/spam_fields.html" %}`` inside the <form>.
"""

import logging
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from core.http import client_ip

logger = logging.getLogger("buurtwijs.antispam")

SIGNING_SALT = "buurtwijs.antispam.started"
TOO_FAST = (
    "Dat ging wel erg snel. Kijk je antwoorden nog even na en verstuur het formulier dan opnieuw. "
    "Je antwoorden zijn bewaard."
)
TOO_OLD = (
    "Dit formulier stond lang open. Kijk je antwoorden nog even na en verstuur het formulier dan opnieuw. "
    "Je antwoorden zijn bewaard."
)


def start_stamp(now=None):
    """The signed value of the ``started`` field: when the form was shown."""
    return signing.dumps(int(now if now is not None else time.time()), salt=SIGNING_SALT)


class SpamCheckedMixin:
    """Mix into a Form or ModelForm (before it in the bases) for the honeypot and the minimum fill time."""

    honeypot_field = "homepage"
    started_field = "started"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_bot = False
        self.fields[self.honeypot_field] = forms.CharField(
            label="Laat dit veld leeg", required=False, widget=forms.TextInput(attrs={"autocomplete": "off"})
        )
        self.fields[self.started_field] = forms.CharField(required=False, widget=forms.HiddenInput, initial=start_stamp)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(self.honeypot_field):
            self.is_bot = True
            return cleaned_data
        problem = self._stamp_problem(cleaned_data.get(self.started_field, ""))
        if problem:
            if self.data is not None and hasattr(self.data, "copy"):
                # Shown again with a fresh stamp, so the person's next try counts from now.
                self.data = self.data.copy()
                self.data[self.add_prefix(self.started_field)] = start_stamp()
            raise forms.ValidationError(*problem)
        return cleaned_data

    def _stamp_problem(self, stamp):
        """(message, code) when the form was not filled in by a person in one sitting, else None."""
        try:
            started = signing.loads(stamp, salt=SIGNING_SALT)
        except signing.BadSignature:
            return TOO_FAST, "too_fast"
        if not isinstance(started, int) or time.time() - started < settings.PUBLIC_FORM_MIN_SECONDS:
            return TOO_FAST, "too_fast"
        if time.time() - started > settings.PUBLIC_FORM_MAX_SECONDS:
            return TOO_OLD, "too_old"
        return None


def rate_limited(request, scope, log=True, client=None):
    """Count this request for ``scope`` and the client's address; True when it is over the limit (logged with the
    address unless ``log`` is False). ``client`` counts per something else than the address: Bereik's beacon writes
    no address anywhere, not even in a cache key.

    A fixed window per address: at most ``count`` requests per ``seconds``. When the cache cannot be reached the
    request is let through (and logged): the honeypot and fill time still hold, and a person is never refused
    because of our infrastructure.
    """
    count, seconds = settings.PUBLIC_FORM_RATE_LIMITS[scope]
    window = int(time.time() // seconds)
    key = f"antispam:{scope}:{client or client_ip(request)}:{window}"
    try:
        cache.add(key, 0, timeout=seconds)
        used = cache.incr(key)
    except Exception:
        logger.warning("Rate limit not counted, the cache is unreachable: scope=%s", scope, exc_info=True)
        return False
    if used > count:
        if log:
            logger.warning("Rate limited: scope=%s ip=%s", scope, client_ip(request))
        return True
    return False


def too_many_requests(request, scope):
    """The Dutch 429 page for ``scope``, never cached, saying when to try again."""
    seconds = settings.PUBLIC_FORM_RATE_LIMITS[scope][1]
    response = render(request, "429.html", {"retry_minutes": max(1, seconds // 60)}, status=429)
    response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response
