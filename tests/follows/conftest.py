"""Fixtures of Volg de buurt: a real SMTP server on the loopback (aiosmtpd) that Django's SMTP backend talks to."""

import pytest
from aiosmtpd.controller import Controller
from django.core import mail

from tests.follows.helpers import Recorder


@pytest.fixture
def smtp_server(settings):
    """aiosmtpd on 127.0.0.1 at a free port, with Django's SMTP backend pointed at it. Yields the Recorder."""
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=0)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.server.sockets[0].getsockname()[1]
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    recorder.port = settings.EMAIL_PORT
    yield recorder
    recorder.release.set()
    controller.stop()


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """client.post that runs what waits for the commit (the mails), as a request in production does."""

    def posting(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return posting
