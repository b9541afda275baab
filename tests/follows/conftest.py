"""Fixtures of Volg de buurt: a real SMTP server on the loopback (aiosmtpd) that Django's SMTP backend talks to."""

import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail

from tests.follows.helpers import Recorder


def free_port():
    """A port on the loopback that nothing listens on (aiosmtpd's controller checks its server by connecting to the
    port it was given, so it cannot take port 0 itself)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """aiosmtpd on 127.0.0.1 at a free port, with Django's SMTP backend pointed at it. Yields the Recorder."""
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
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
