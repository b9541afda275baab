"""The one way the site sends mail: the editorial chain's notifications, and the mails that follow a stored action
(a submission, a reaction, a registration).

The action is stored first; its mails go out only after the transaction commits, so a rolled-back action mails
nobody. A failing mail server never undoes or blocks the action: each message is sent on its own, a failed one is
logged with its recipients while the others still go, and ``on_failure`` runs once, so the record can be flagged
for the editors and sent again later.
"""

import logging
import re

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string

logger = logging.getLogger("buurtwijs.mail")


def send_after_commit(build_messages, on_failure=None):
    """After the current transaction commits, send the EmailMessages that ``build_messages()`` returns."""

    def send():
        try:
            delivered = deliver(build_messages())
        except Exception:
            logger.exception("Sending mail failed")
            delivered = False
        if not delivered and on_failure is not None:
            on_failure()

    transaction.on_commit(send, robust=True)


def flag_mail_failed(record):
    """An ``on_failure`` for send_after_commit: set the record's ``mail_failed`` and nothing else of it."""
    return lambda: type(record)._default_manager.filter(pk=record.pk).update(mail_failed=True)


def deliver(messages):
    """Send each message over one connection; False when any of them failed (each failure is logged)."""
    if not messages:
        return True
    delivered = True
    with get_connection(fail_silently=False) as connection:
        for message in messages:
            message.connection = connection
            try:
                message.send()
            except Exception:
                logger.exception("Sending mail failed: %r to %s", message.subject, ", ".join(message.to))
                delivered = False
    return delivered


def message(template, subject, to, context, *, from_email=None, headers=None):
    """A plain-text mail from Buurtwijs: the body is the template rendered with the context (runs of blank lines
    that template tags leave behind are closed up)."""
    body = re.sub(r"\n{3,}", "\n\n", render_to_string(template, context)).strip()
    return EmailMessage(subject, body, from_email or settings.DEFAULT_FROM_EMAIL, to, headers=headers)


def html_message(text_template, html_template, subject, to, context, headers=None, *, from_email=None):
    """A mail with a plain-text body and an HTML alternative, both rendered from templates with the context (a
    newsletter: follows/digest.py)."""
    body = re.sub(r"\n{3,}", "\n\n", render_to_string(text_template, context)).strip()
    mail = EmailMultiAlternatives(subject, body, from_email or settings.DEFAULT_FROM_EMAIL, to, headers=headers)
    mail.attach_alternative(render_to_string(html_template, context), "text/html")
    return mail
