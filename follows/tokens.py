"""The signed links in the mails (django.core.signing, so with SECRET_KEY).

- A *confirmation* token names the subscriber and the follows it confirms, and holds for ``CONFIRM_MAX_AGE``.
- A *personal* token (preference page, unsubscribe) names the subscriber and their ``key``; it does not expire, as it
  sits in every mail, and deleting the subscriber (or giving them a new key) makes every old link void.
"""

from django.core import signing

from follows.models import Subscriber

CONFIRM_SALT = "buurtwijs.follows.confirm"
PERSONAL_SALT = "buurtwijs.follows.personal"
CONFIRM_MAX_AGE = 48 * 60 * 60

EXPIRED = "Deze link is verlopen: hij werkt 48 uur. Vraag het volgen opnieuw aan, dan sturen we een nieuwe link."
INVALID = "Deze link klopt niet. Kopieer hem in zijn geheel uit de e-mail, of vraag een nieuwe aan."


class TokenRefused(Exception):
    """The Dutch reason a link is refused."""


class SubscriberGone(TokenRefused):
    """A genuine personal link of an address that was deleted (or given a new key)."""


def confirm_token(subscriber, follows):
    return signing.dumps({"s": subscriber.pk, "f": sorted(follow.pk for follow in follows)}, salt=CONFIRM_SALT)


def read_confirm_token(token):
    """(subscriber, follow ids), or TokenRefused with the Dutch reason."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise TokenRefused(EXPIRED) from None
    except signing.BadSignature:
        raise TokenRefused(INVALID) from None
    subscriber = Subscriber.objects.filter(pk=data.get("s")).first() if isinstance(data, dict) else None
    if subscriber is None:
        raise TokenRefused(INVALID)
    return subscriber, [pk for pk in data.get("f", []) if isinstance(pk, int)]


def personal_token(subscriber):
    return signing.dumps([subscriber.pk, subscriber.key], salt=PERSONAL_SALT)


def read_personal_token(token):
    """The subscriber, or TokenRefused."""
    try:
        pk, key = signing.loads(token, salt=PERSONAL_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        raise TokenRefused(INVALID) from None
    subscriber = Subscriber.objects.filter(pk=pk, key=key).first()
    if subscriber is None:
        raise SubscriberGone("Dit adres staat niet (meer) op de lijst. Je krijgt van ons geen nieuwsbrief.")
    return subscriber
