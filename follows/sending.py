"""Sending an edition: in batches on the task worker (django-tasks, ``manage.py db_worker``), resumable and without
duplicates.

1. ``run_schedule`` (``manage.py send_digests``, every minute by the scheduler next to ``publish_scheduled``) starts
   an edition that is ready once its Monday 07:00 (Europe/Amsterdam) has come: in one transaction it fixes the
   edition's ``cutoff`` and makes one ``Delivery`` per subscriber who gets it (unique per edition and subscriber:
   running it twice adds nothing), then queues ``DIGEST_PARALLEL_BATCHES`` batch tasks.
2. A ``send_batch`` task *claims* up to ``DIGEST_BATCH_SIZE`` due deliveries (a lease until ``claimed_until``; on
   PostgreSQL ``FOR UPDATE SKIP LOCKED``, so parallel workers never claim the same one), sends each over one SMTP
   connection and records it at once (``sent``, or ``nothing_new``: no empty digests), then queues the next batch.
3. A failing mail server: the delivery is tried again later (``DIGEST_RETRY_SECONDS`` × 4 to the power of the
   attempts before), until ``DIGEST_MAX_ATTEMPTS``; a permanent refusal (5xx) fails at once. Failures show in the
   admin with their error.
4. A worker killed half-way leaves its claims; once their lease has passed, the next ``send_digests`` queues a batch
   again and the unsent rest goes out. What was sent was recorded one by one, so nobody gets the edition twice.
5. The one message being handed over at the moment of a kill is sent at most once: the UPDATE that renews its lease
   also marks it ``handed_over_at``; the answer of the mail server clears the mark (``sent``, or a failure that
   follows 3). A delivery still marked when its lease has passed was with the mail server when its worker died:
   perhaps it arrived, perhaps not. The next ``send_digests`` marks it ``uncertain`` ("onzeker") with the reason,
   shown to the central team next to the failures, and never sends it again (a kill before the server got the
   message, in the moment between the mark and the send, also ends there).
"""

import logging
import re
import smtplib
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Min, Prefetch, Q
from django.utils import timezone
from django_tasks import default_task_backend, task

from follows.digest import LONGEST_WINDOW, Candidates, edition_context, subscriber_message
from follows.models import Delivery, Edition, Follow, Subscriber

EMAIL_ADDRESS = re.compile(r"[^\s<>@;,]+@[^\s<>@;,]+")

logger = logging.getLogger("buurtwijs.follows")

SEND_TIME = time(7, 0)  # Monday morning, in the site's time zone
UNCONFIRMED_KEPT = timedelta(days=30)
INTERRUPTED = (
    "De verzending werd onderbroken terwijl de mailserver dit bericht kreeg. Misschien is het aangekomen, misschien "
    "niet. We sturen het niet opnieuw, zodat deze lezer de nieuwsbrief niet twee keer krijgt."
)


def mail_domain():
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(">").strip() or "buurtwijs.nl"


# Starting -------------------------------------------------------------------------------------------------------


def run_schedule(now=None):
    """Start the editions whose time has come, and resume the ones a stopped worker left. Returns the editions
    started."""
    now = now or timezone.now()
    local = timezone.localtime(now, timezone.get_default_timezone())
    started = []
    due = Edition.objects.filter(
        ready=True, started_at__isnull=True, send_on__lte=local.date(), send_on__gte=local.date() - timedelta(days=6)
    )
    for edition in due:
        if local >= datetime.combine(edition.send_on, SEND_TIME, tzinfo=local.tzinfo) and start_edition(edition, now):
            started.append(edition)
    for edition in Edition.objects.filter(started_at__isnull=False, finished_at__isnull=True):
        resume(edition, now)
    forget_unconfirmed(now)
    return started


def forget_unconfirmed(now):
    """Requests nobody confirmed are deleted after UNCONFIRMED_KEPT (the privacy statement says so)."""
    too_old = now - UNCONFIRMED_KEPT
    Subscriber.objects.filter(status=Subscriber.Status.PENDING, asked_at__lt=too_old).delete()
    Follow.objects.filter(confirmed_at__isnull=True, asked_at__lt=too_old).delete()


def recipients(edition):
    """Who gets this edition: confirmed, not paused, following something; monthly readers in the first week of the
    month only."""
    subscribers = Subscriber.objects.receiving()
    if edition.send_on.day > 7:
        subscribers = subscribers.filter(frequency=Subscriber.Frequency.WEEKLY)
    return subscribers


def start_edition(edition, now=None):
    """Fix the edition's window and make its deliveries; False when it had already started."""
    now = now or timezone.now()
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        if edition.started_at is not None:
            return False
        edition.cutoff = edition.started_at = edition.heartbeat_at = now
        edition.save(update_fields=["cutoff", "started_at", "heartbeat_at"])
        ids = recipients(edition).order_by("pk").values_list("pk", flat=True)
        Delivery.objects.bulk_create(
            (Delivery(edition=edition, subscriber_id=pk, next_attempt_at=now) for pk in ids.iterator()),
            batch_size=1000,
            ignore_conflicts=True,
        )
        transaction.on_commit(lambda: [enqueue_batch(edition) for _ in range(settings.DIGEST_PARALLEL_BATCHES)])
    logger.info("Edition %s started", edition.number)
    return True


def resume(edition, now):
    """After a stopped worker: settle what it was handing over, queue a batch when deliveries are due, nobody holds a
    claim and no batch has claimed for the length of a lease; mark the edition finished when nothing is pending."""
    settle_interrupted(edition, now)
    pending = Delivery.objects.filter(edition=edition, status=Delivery.Status.PENDING)
    if not pending.exists():
        finish(edition, now)
        return
    lease = timedelta(seconds=settings.DIGEST_CLAIM_SECONDS)
    quiet = edition.heartbeat_at is None or edition.heartbeat_at <= now - lease
    if quiet and not pending.filter(claimed_until__gt=now).exists() and due(edition, now).exists():
        logger.warning("Edition %s: resuming after a stopped batch", edition.number)
        enqueue_batch(edition)


def settle_interrupted(edition, now):
    """Deliveries a dead batch had handed to the mail server (still marked, lease passed): ``uncertain``, not sent
    again."""
    settled = Delivery.objects.filter(
        edition=edition, status=Delivery.Status.PENDING, handed_over_at__isnull=False, claimed_until__lte=now
    ).update(status=Delivery.Status.UNCERTAIN, attempts=F("attempts") + 1, claimed_until=None, last_error=INTERRUPTED)
    if settled:
        logger.warning("Edition %s: %s digests interrupted mid-send, not sent again", edition.number, settled)
    return settled


def finish(edition, now):
    Edition.objects.filter(pk=edition.pk, finished_at__isnull=True).update(finished_at=now)


def enqueue_batch(edition, run_after=None):
    if run_after is not None:
        if not default_task_backend.supports_defer:
            return  # the scheduler's resume() picks the retries up
        send_batch.using(run_after=run_after).enqueue(edition.pk)
    else:
        send_batch.enqueue(edition.pk)


def free(now):
    """Held by no live batch, and not left handed over by a dead one (those wait for ``settle_interrupted``)."""
    return (Q(claimed_until__isnull=True) | Q(claimed_until__lte=now)) & Q(handed_over_at__isnull=True)


def due(edition, now):
    """Pending deliveries of the edition that may be sent now and that no live batch holds."""
    return Delivery.objects.filter(edition=edition, status=Delivery.Status.PENDING, next_attempt_at__lte=now).filter(
        free(now)
    )


# The batch task ------------------------------------------------------------------------------------------------


@task()
def send_batch(edition_id):
    """Send one batch of the edition, then queue the next (or the next retry). Returns how many were sent."""
    edition = Edition.objects.filter(pk=edition_id, started_at__isnull=False, finished_at__isnull=True).first()
    if edition is None:
        return 0
    ids = claim(edition)
    sent = deliver(edition, ids) if ids else 0
    carry_on(edition)
    return sent


def claim(edition, now=None):
    """The ids of up to DIGEST_BATCH_SIZE due deliveries, claimed for this batch until the lease ends."""
    now = now or timezone.now()
    with transaction.atomic():
        ids = list(
            due(edition, now)
            .select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", flat=True)[: settings.DIGEST_BATCH_SIZE]
        )
        if ids:
            lease = now + timedelta(seconds=settings.DIGEST_CLAIM_SECONDS)
            Delivery.objects.filter(pk__in=ids).update(claimed_until=lease)
            Edition.objects.filter(pk=edition.pk).update(heartbeat_at=now)
    return ids


def claimed_deliveries(ids):
    confirmed = Follow.objects.filter(confirmed_at__isnull=False).select_related("theme", "region", "municipality")
    return list(
        Delivery.objects.filter(pk__in=ids, status=Delivery.Status.PENDING)
        .select_related("subscriber")
        .prefetch_related(Prefetch("subscriber__follows", queryset=confirmed))
        .order_by("pk")
    )


# The items of the edition being sent, kept by the worker process from one batch to the next: the window ends at the
# edition's fixed cutoff, so they stay the same (a page taken offline meanwhile may still be listed in that edition).
_candidates = {}


def edition_candidates(edition):
    key = (edition.pk, edition.cutoff)
    if key not in _candidates:
        _candidates.clear()
        _candidates[key] = Candidates(edition.cutoff - LONGEST_WINDOW, edition.cutoff, edition.source_tag)
    return _candidates[key]


def deliver(edition, ids):
    """Build and send the claimed deliveries over one SMTP connection, recording each at once."""
    deliveries = claimed_deliveries(ids)
    candidates = edition_candidates(edition)
    shared = edition_context(edition)
    domain = mail_domain()
    connection = get_connection(fail_silently=False)
    sent = 0
    try:
        for delivery in deliveries:
            subscriber = delivery.subscriber
            if not still_receiving(subscriber):
                record(delivery, Delivery.Status.NOTHING_NEW, last_error="Afgemeld of gepauzeerd voor verzending.")
                continue
            mail, count = subscriber_message(edition, subscriber, candidates, shared, domain)
            if mail is None:
                record(delivery, Delivery.Status.NOTHING_NEW)
                continue
            try:
                if connection.connection is None:
                    connection.open()  # before the mark: a kill while connecting leaves nothing with the server
                if not renew_lease(delivery):
                    continue  # this batch outlived its lease (a slow mail server); another batch took the delivery
                # From here until it is recorded, the delivery is marked handed over: a kill now means "uncertain".
                mail.connection = connection
                mail.send()
            except Exception as error:  # noqa: BLE001 -- every failure is recorded on the delivery
                failed(delivery, error)
                close_quietly(connection)  # a broken connection is opened afresh for the next message
                continue
            with transaction.atomic():
                record(delivery, Delivery.Status.SENT, item_count=count)
                Subscriber.objects.filter(pk=subscriber.pk).update(last_digest_at=edition.cutoff)
            sent += 1
    finally:
        close_quietly(connection)
    return sent


def renew_lease(delivery):
    """Whether this batch still holds the delivery, renewing the lease and marking it handed over; one UPDATE."""
    now = timezone.now()
    renewed = Delivery.objects.filter(
        pk=delivery.pk, status=Delivery.Status.PENDING, claimed_until=delivery.claimed_until
    ).update(claimed_until=now + timedelta(seconds=settings.DIGEST_CLAIM_SECONDS), handed_over_at=now)
    return bool(renewed)


def close_quietly(connection):
    try:
        connection.close()
    except Exception:  # noqa: BLE001 -- a connection that is gone needs no goodbye
        connection.connection = None


def still_receiving(subscriber):
    return (
        subscriber is not None
        and subscriber.status == Subscriber.Status.ACTIVE
        and not subscriber.paused
        and bool(subscriber.follows.all())
    )


def record(delivery, status, item_count=0, last_error=""):
    now = timezone.now()
    Delivery.objects.filter(pk=delivery.pk).update(
        status=status,
        attempts=delivery.attempts + (status == Delivery.Status.SENT),
        sent_at=now if status == Delivery.Status.SENT else None,
        item_count=item_count,
        claimed_until=None,
        handed_over_at=None,
        last_error=last_error,
    )


def is_permanent(error):
    """A 5xx answer: the server refuses the message or the address for good."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(500 <= code < 600 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and 500 <= error.smtp_code < 600


def error_text(error):
    """What the editors read: the mail server's answer ("550 5.1.1 …"), else the error; any e-mail address in it
    (servers repeat the recipient's) is left out, so a reader who deletes themselves leaves no address behind."""
    if isinstance(error, smtplib.SMTPResponseException):
        message = error.smtp_error.decode(errors="replace") if isinstance(error.smtp_error, bytes) else error.smtp_error
        text = f"{error.smtp_code} {message}"
    elif isinstance(error, smtplib.SMTPRecipientsRefused):
        text = "; ".join(f"{code} {answer.decode(errors='replace')}" for code, answer in error.recipients.values())
    else:
        text = f"{type(error).__name__}: {error}"
    return EMAIL_ADDRESS.sub("[adres]", text)[:500]


def failed(delivery, error):
    attempts = delivery.attempts + 1
    text = error_text(error)
    if is_permanent(error) or attempts >= settings.DIGEST_MAX_ATTEMPTS:
        logger.error("Digest %s failed for good after %s attempts: %s", delivery.pk, attempts, text)
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.FAILED, attempts=attempts, last_error=text, claimed_until=None, handed_over_at=None
        )
        return
    retry_at = timezone.now() + timedelta(seconds=settings.DIGEST_RETRY_SECONDS * 4 ** (attempts - 1))
    logger.warning("Digest %s failed (attempt %s), again at %s: %s", delivery.pk, attempts, retry_at, text)
    Delivery.objects.filter(pk=delivery.pk).update(
        attempts=attempts, last_error=text, next_attempt_at=retry_at, claimed_until=None, handed_over_at=None
    )


def carry_on(edition):
    """Queue the next batch, or the next retry; mark the edition finished when nothing is pending."""
    now = timezone.now()
    if due(edition, now).exists():
        enqueue_batch(edition)
        return
    pending = Delivery.objects.filter(edition=edition, status=Delivery.Status.PENDING)
    if not pending.exists():
        finish(edition, now)
        return
    retry_at = pending.filter(free(now)).aggregate(first=Min("next_attempt_at"))["first"]
    if retry_at is not None:
        enqueue_batch(edition, run_after=retry_at)
