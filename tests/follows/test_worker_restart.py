"""Sending an edition on the real worker (`manage.py db_worker`, django-tasks-db) and the real scheduler command
(`manage.py send_digests`, which resumes the edition), each in a process of its own, to a real SMTP server: the worker
is killed (SIGKILL) while the mail server holds a message, restarted, and every subscriber has the edition at most
once: the message the server held is not sent again (it shows as uncertain), everyone else gets it exactly once.
"""

import datetime
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from follows import sending
from follows.models import Delivery, Edition
from follows.targets import theme_target
from tests import factories
from tests.follows.helpers import subscribe
from tests.helpers import admin_text, soup
from tests.test_worker import database_for_the_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUBSCRIBERS = 30
HELD_AFTER = 12  # the mail server answers twelve messages, then hangs on the thirteenth
CLAIM_SECONDS = 2


def environment(database_url, smtp_port, tmp_path):
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(
            ("FRONTEND_CACHE_", "REDIS_URL", "DJANGO_", "TASKS_", "PAGE_CACHE_", "EMAIL_", "DIGEST_")
        )
    }
    env.update(
        DJANGO_SETTINGS_MODULE="buurtwijs.settings.production",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        PAGE_CACHE_DIR=str(tmp_path / "page-cache"),
        SECRET_KEY="worker-test-not-secret",
        ALLOWED_HOSTS="localhost",
        BUURTWIJS_ALLOW_SQLITE="true",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        DIGEST_BATCH_SIZE="5",
        DIGEST_PARALLEL_BATCHES="1",
        DIGEST_CLAIM_SECONDS=str(CLAIM_SECONDS),
    )
    return env


def manage(env, *args, **kwargs):
    return subprocess.run(  # noqa: S603 -- our own manage.py
        [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, **kwargs
    )


def start_worker(env, *extra):
    return subprocess.Popen(  # noqa: S603 -- our own manage.py
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2", *extra],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def deliveries_in(env):
    """Each delivery as the worker left it, read by a process of its own: {subscriber id: (status, claimed, handed
    over)}."""
    dumped = manage(env, "dumpdata", "follows.delivery", timeout=120)
    assert dumped.returncode == 0, dumped.stderr
    return {
        row["fields"]["subscriber"]: (
            row["fields"]["status"],
            row["fields"]["claimed_until"] is not None,
            row["fields"]["handed_over_at"] is not None,
        )
        for row in json.loads(dumped.stdout)
    }


def test_a_worker_killed_half_way_resumes_without_duplicates_or_gaps(
    client, editorial_teams, smtp_server, settings, site_tree, theme, tmp_path
):
    addresses = [f"lezer{index:02d}@voorbeeld.nl" for index in range(SUBSCRIBERS)]
    subscribers = [subscribe(address, [theme_target(theme)]) for address in addresses]
    factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Nieuw deze week", themes=[theme])
    # Started as send_digests starts it on its Monday at 07:00 (tests/follows/test_admin.py holds it to that hour):
    # the deliveries made and the first batch queued for the worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.DIGEST_PARALLEL_BATCHES = 1
    edition = Edition.objects.create(number=1, send_on=datetime.date(2026, 12, 14), intro="Hallo", ready=True)
    assert sending.start_edition(edition)
    assert DBTaskResult.objects.filter(task_path="follows.sending.send_batch").count() == 1
    smtp_server.hold_after = HELD_AFTER

    with database_for_the_worker(tmp_path) as database_url:
        env = environment(database_url, smtp_server.port, tmp_path)
        again = manage(env, "send_digests", timeout=120)  # every minute: starts nothing twice, queues nothing more
        assert again.returncode == 0 and "Started" not in again.stdout, again.stdout + again.stderr

        worker = start_worker(env)
        try:
            assert smtp_server.holding.wait(timeout=180), "the worker never reached the thirteenth message"
            os.kill(worker.pid, signal.SIGKILL)  # a crash, mid-message: no chance to clean up
            worker.wait(timeout=30)
        finally:
            if worker.poll() is None:
                worker.kill()
                worker.wait(timeout=30)
            worker.stdout.close()
        assert len(smtp_server.messages) == HELD_AFTER
        smtp_server.hold_after = None
        smtp_server.release.set()  # the held message is then refused: the server never delivered it

        # The third batch (five by five, in order) had claimed readers 10-14: 10 and 11 sent, 12 handed to the mail
        # server when the worker died, 13 and 14 claimed but not yet handed over.
        left = deliveries_in(env)
        held, claimed = subscribers[HELD_AFTER], subscribers[HELD_AFTER + 1 : HELD_AFTER + 3]
        assert left[held.pk] == ("pending", True, True)
        assert [left[subscriber.pk] for subscriber in claimed] == [("pending", True, False)] * 2
        assert [status for status, _, _ in left.values()].count("sent") == HELD_AFTER

        # After the lease of the dead batch, the scheduler queues it again; a new worker sends the rest.
        time.sleep(CLAIM_SECONDS + 1)
        resumed = manage(env, "send_digests", timeout=120)
        assert resumed.returncode == 0, resumed.stdout + resumed.stderr
        restarted = start_worker(env, "--batch")
        output, _ = restarted.communicate(timeout=300)
        assert restarted.returncode == 0, output

    # Reader 12's digest was with the mail server at the kill: perhaps it arrived, so it is not sent again (at most
    # once). Readers 13 and 14, only claimed, get it now (positive control); so does everyone else, once.
    received = [rcpt for rcpts, _ in smtp_server.messages for rcpt in rcpts]
    assert sorted(received) == [address for address in addresses if address != held.email]
    message_ids = [message["Message-ID"] for _, message in smtp_server.messages]
    assert len(set(message_ids)) == SUBSCRIBERS - 1
    statuses = dict(Delivery.objects.values_list("subscriber__email", "status"))
    assert statuses.pop(held.email) == "uncertain"
    assert set(statuses.values()) == {"sent"}
    assert Delivery.objects.count() == SUBSCRIBERS
    assert Edition.objects.get().finished_at is not None

    # The central team sees it, with the reason.
    client.force_login(editorial_teams.central_editor)
    row = soup(client.get(reverse("follows_overview"))).find("a", string=str(Edition.objects.get())).find_parent("tr")
    assert [cell.get_text(strip=True) for cell in row.find_all("td")][1:7] == ["verstuurd", "29", "0", "0", "0", "1"]
    page = admin_text(client.get(reverse("follows_deliveries", args=[Edition.objects.get().pk])))
    assert held.email in page and "onzeker: verzending onderbroken, niet opnieuw verstuurd" in page
