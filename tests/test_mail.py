"""Mail after a stored action (core/mail.py): only after the commit, and a failure flags instead of undoing."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from core.mail import send_after_commit


def confirmation():
    return [EmailMessage("Bedankt", "We hebben je verhaal ontvangen.", to=["fatima@example.nl"])]


def test_mail_goes_out_after_the_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_after_commit(confirmation)
        assert mail.outbox == []  # not while the transaction may still roll back

    assert [message.subject for message in mail.outbox] == ["Bedankt"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the database stays as migrations left it
def test_a_rolled_back_action_mails_nobody():
    with pytest.raises(RuntimeError), transaction.atomic():
        send_after_commit(confirmation)
        raise RuntimeError("the action failed")

    assert mail.outbox == []


def test_a_failing_mail_server_is_logged_and_flagged(db, django_capture_on_commit_callbacks, settings, caplog):
    settings.EMAIL_BACKEND = "tests.test_mail.BrokenBackend"
    flagged = []

    with django_capture_on_commit_callbacks(execute=True):
        send_after_commit(confirmation, on_failure=lambda: flagged.append(True))

    assert flagged == [True]
    assert "Sending mail failed" in caplog.text


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")
