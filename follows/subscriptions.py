"""What happens to a subscriber: asking to follow (and the confirmation mail), confirming, changing, deleting.

Nothing is sent but the confirmation mail until the person confirms; the confirmation names the follows it confirms,
so a second request for an address that is already active adds nothing until that mail is confirmed too.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from core.mail import flag_mail_failed, message, send_after_commit
from follows.models import (
    CONSENT_VERSION,
    Follow,
    Subscriber,
    Suppression,
    normalise_email,
    suppression_hash,
    suppression_hashes,
)
from follows.tokens import CONFIRM_MAX_AGE, confirm_token, personal_token


def site_root_url():
    """The default Site's root URL (https in production), kept a minute in the cache: every digest asks."""

    def lookup():
        site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
        return site.root_url if site else ""

    return cache.get_or_set("follows:root_url", lookup, 60)


def absolute(path):
    """The full address of a path on the site."""
    return f"{site_root_url()}{path}"


def preferences_url(subscriber):
    return absolute(reverse("follow_preferences", args=[personal_token(subscriber)]))


def unsubscribe_url(subscriber):
    return absolute(reverse("follow_unsubscribe", args=[personal_token(subscriber)]))


CONFIRMATION_INTERVAL = timedelta(minutes=5)


def request_follow(email, targets, frequency, page=None, source=Subscriber.Source.FORM):
    """Store the request as unconfirmed follows and mail the confirmation link (after the commit). Returns the
    subscriber. Follows that are already confirmed stay as they are."""
    now = timezone.now()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.get_or_create(
            email=normalise_email(email),
            defaults={"frequency": frequency, "asked_at": now, "consent_version": CONSENT_VERSION, "source": source},
        )
        # One request per address at a time: a double click must not add the same follow twice.
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if not created and subscriber.status == Subscriber.Status.PENDING:
            Subscriber.objects.filter(pk=subscriber.pk).update(frequency=frequency, asked_at=now)
        evidence = {
            "asked_at": now,
            "page": page,
            "page_url": page.url_path[:255] if page is not None else "",
            "consent_version": CONSENT_VERSION,
        }
        asked = False
        for target in targets:
            follow = subscriber.follows.filter(key=target.key).first()
            if follow is None:
                Follow.objects.create(subscriber=subscriber, key=target.key, **target.fields, **evidence)
            elif follow.confirmed_at is None:
                Follow.objects.filter(pk=follow.pk).update(**evidence)
            else:
                continue
            asked = True
        # One confirmation mail per address per CONFIRMATION_INTERVAL, however often (and from wherever) the form is
        # sent: nobody can flood someone's mailbox through it. What is asked in between gets its mail once the
        # interval has passed (send_delayed_confirmations), with everything still unconfirmed.
        recent = subscriber.confirmation_sent_at and subscriber.confirmation_sent_at > now - CONFIRMATION_INTERVAL
        if asked and not recent:
            Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=now)
            send_confirmation(subscriber, list(subscriber.follows.filter(confirmed_at__isnull=True)))
    return subscriber


def send_delayed_confirmations(now=None):
    """Mail the confirmation for follows asked within CONFIRMATION_INTERVAL of an earlier confirmation mail, once the
    interval has passed: run every minute by ``manage.py send_digests``."""
    now = now or timezone.now()
    waiting = Subscriber.objects.filter(
        confirmation_sent_at__lte=now - CONFIRMATION_INTERVAL,
        follows__confirmed_at__isnull=True,
        follows__asked_at__gt=F("confirmation_sent_at"),
    ).distinct()
    for subscriber in waiting:
        with transaction.atomic():
            Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=now)
            send_confirmation(subscriber, list(subscriber.follows.filter(confirmed_at__isnull=True)))


def send_confirmation(subscriber, follows):
    mail = confirmation_message(subscriber, follows)
    send_after_commit(lambda: [mail], on_failure=flag_mail_failed(subscriber))


def confirmation_message(subscriber, follows):
    """The mail with the confirmation link (also the re-permission mail to imported readers)."""
    token = confirm_token(subscriber, follows)
    context = {
        "follows": [follow.label for follow in follows],
        "confirm_url": absolute(reverse("follow_confirm", args=[token])),
        "hours": CONFIRM_MAX_AGE // 3600,
        "imported": subscriber.source == Subscriber.Source.IMPORT and subscriber.status == Subscriber.Status.PENDING,
    }

    return message("follows/mail/confirm.txt", "Bevestig dat je Buurtwijs wilt volgen", [subscriber.email], context)


def confirm(subscriber, follow_ids):
    """Make the subscriber active with these (still unconfirmed) follows. Returns the follows confirmed."""
    now = timezone.now()
    with transaction.atomic():
        follows = list(subscriber.follows.filter(pk__in=follow_ids, confirmed_at__isnull=True))
        Follow.objects.filter(pk__in=[follow.pk for follow in follows]).update(
            confirmed_at=now, consent_version=CONSENT_VERSION
        )
        if subscriber.status != Subscriber.Status.ACTIVE and (follows or subscriber.follows.exists()):
            subscriber.status = Subscriber.Status.ACTIVE
            subscriber.confirmed_at = now
            subscriber.consent_version = CONSENT_VERSION
            subscriber.save(update_fields=["status", "confirmed_at", "consent_version"])
        # They asked again themselves: an earlier deletion no longer blocks imports of this address.
        Suppression.objects.filter(digest__in=suppression_hashes(subscriber.email)).delete()
    return follows


def delete(subscriber):
    """Remove the address and everything stored with it; only the keyed hash stays, in the suppression list."""
    with transaction.atomic():
        Suppression.objects.get_or_create(digest=suppression_hash(subscriber.email))
        subscriber.deliveries.update(last_error="")  # a mail server's answer may have named the address
        subscriber.delete()  # follows go with it; deliveries keep their counts without the address


def set_follows(subscriber, targets):
    """The preference page: the subscriber follows exactly these targets (they chose them behind their personal
    link, so no new confirmation is needed)."""
    now = timezone.now()
    keys = {target.key for target in targets}
    with transaction.atomic():
        subscriber.follows.exclude(key__in=keys).delete()
        existing = set(subscriber.follows.values_list("key", flat=True))
        for target in targets:
            if target.key not in existing:
                Follow.objects.create(
                    subscriber=subscriber,
                    key=target.key,
                    asked_at=now,
                    confirmed_at=now,
                    page_url="voorkeuren",
                    consent_version=CONSENT_VERSION,
                    **target.fields,
                )


def stored_data(subscriber):
    """Everything stored about the subscriber, for the preference page and its download."""

    def moment(value):
        return timezone.localtime(value).isoformat() if value else None

    return {
        "e-mailadres": subscriber.email,
        "status": subscriber.get_status_display(),
        "hoe vaak": subscriber.get_frequency_display(),
        "gepauzeerd": subscriber.paused,
        "aangemeld via": subscriber.get_source_display(),
        "aangevraagd op": moment(subscriber.asked_at),
        "bevestigd op": moment(subscriber.confirmed_at),
        "versie toestemmingstekst": subscriber.consent_version,
        "bevestigingsmail verstuurd op": moment(subscriber.confirmation_sent_at),
        "e-mail mislukt": subscriber.mail_failed,
        "laatste nieuwsbrief tot": moment(subscriber.last_digest_at),
        "volgt": [
            {
                "wat": follow.label,
                "aangevraagd op": moment(follow.asked_at),
                "bevestigd op": moment(follow.confirmed_at),
                "aangevraagd op pagina": follow.page_url,
                "versie toestemmingstekst": follow.consent_version,
            }
            for follow in subscriber.follows.select_related("theme", "region", "municipality").order_by("pk")
        ],
        "nieuwsbrieven": [
            {
                "editie": delivery.edition.number,
                "status": delivery.get_status_display(),
                "verstuurd op": moment(delivery.sent_at),
                "pogingen": delivery.attempts,
                "laatste fout": delivery.last_error,
            }
            for delivery in subscriber.deliveries.select_related("edition").order_by("pk")
        ],
    }
