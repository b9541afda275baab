"""Helpers of the Volg de buurt tests: an SMTP recorder for aiosmtpd, subscribers as the follow form leaves them."""

import asyncio
import email
import email.policy
import re
import threading

from django.utils import timezone

from follows.models import CONSENT_VERSION, Follow, Subscriber


class Recorder:
    """An aiosmtpd handler that keeps every message it accepts, parsed. ``refuse`` maps an address to the SMTP answer
    it gets instead (e.g. "451 4.3.0 Probeer later"). With ``hold_after`` set, the message after that many stays
    unanswered (a server that hangs while the sender is killed) until ``release`` is set, and is then not kept."""

    def __init__(self):
        self.messages = []
        self.refuse = {}
        self.hold_after = None
        self.holding = threading.Event()  # set once a message is held
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 -- aiosmtpd's name
        for rcpt in envelope.rcpt_tos:
            if rcpt in self.refuse:
                return self.refuse[rcpt]
        if self.hold_after is not None and len(self.messages) >= self.hold_after:
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 4.3.0 Even niet"
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), parsed))
        return "250 OK"

    def to(self, address):
        return [message for rcpts, message in self.messages if address in rcpts]


def confirm_link(message_body):
    return re.search(r"http://\S+/volgen/bevestigen/\S+/", message_body).group(0)


def subscribe(email_address, targets, frequency=Subscriber.Frequency.WEEKLY, confirmed=True, **fields):
    """A subscriber who follows the targets (confirmed unless told otherwise), as the follow form leaves them."""
    now = timezone.now()
    subscriber = Subscriber.objects.create(
        email=email_address,
        frequency=frequency,
        status=Subscriber.Status.ACTIVE if confirmed else Subscriber.Status.PENDING,
        confirmed_at=now if confirmed else None,
        consent_version=CONSENT_VERSION,
        **fields,
    )
    for target in targets:
        Follow.objects.create(
            subscriber=subscriber,
            key=target.key,
            confirmed_at=now if confirmed else None,
            consent_version=CONSENT_VERSION,
            page_url="/test/",
            **target.fields,
        )
    return subscriber
