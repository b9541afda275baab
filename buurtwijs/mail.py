"""Mail that follows a stored action (a submission, a reaction, a registration).

The action is stored first; its mails go out only after the transaction commits. A failing mail server never
undoes or blocks the action: the failure is logged and ``on_failure`` runs, so the record can be flagged for the
editors and sent again later.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string

logger = logging.getLogger("buurtwijs.mail")


def send_after_commit(build_messages, on_failure=None):
    """After the current transaction commits, send the EmailMessages that ``build_messages()`` returns."""

    def send():
        try:
            messages = build_messages()
            if messages:
                with get_connection() as connection:
                    connection.send_messages(messages)
        except Exception:
            logger.exception("Sending mail failed")
            if on_failure is not None:
                on_failure()

    transaction.on_commit(send)


def message(template, subject, to, context):
    """A plain-text mail from Buurtwijs: the body is the template rendered with the context."""
    return EmailMessage(subject, render_to_string(template, context), settings.DEFAULT_FROM_EMAIL, to)
