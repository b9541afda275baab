"""Scale of the newsletter (issue 14): 10,000 subscribers with mixed follows, one edition, sent by the real worker to
a local SMTP server. Prints the time to assemble and hand over every digest, the worker's peak memory and the
queries per digest.

    createdb -h 127.0.0.1 -U postgres buurtwijs_digests
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/buurtwijs_digests .venv/bin/python loadtest/digests.py

It migrates that database and fills it; use an empty one. Not part of the suite: timings are never asserted.
"""

import datetime
import logging
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtwijs.settings.dev")

import django  # noqa: E402

django.setup()

from aiosmtpd.controller import Controller  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

SUBSCRIBERS = int(os.environ.get("SUBSCRIBERS", "10000"))


class Counter:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 -- aiosmtpd's name
        self.count += 1
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_site():
    from follows.models import Follow, Subscriber
    from tests import factories

    random.seed(14)
    tree = factories.create_site_tree()
    themes = [factories.ThemeHubPageFactory(parent=tree.themes, title=f"Thema {n}") for n in range(20)]
    regions = [factories.RegionPageFactory(parent=tree.regions, title=f"Regio {n}") for n in range(10)]
    municipalities = [
        factories.MunicipalityFactory(region=region, name=f"Gemeente {r}-{n}")
        for r, region in enumerate(regions)
        for n in range(3)
    ]
    events = factories.EventIndexPageFactory(parent=tree.home)
    now = timezone.now()
    for n in range(120):  # a busy week: stories, knowledge, news and gatherings, and older ones
        published = now - datetime.timedelta(days=random.choice([1, 2, 3, 5, 6, 12, 30]), hours=n % 24)
        municipality = random.choice(municipalities)
        picked = random.sample(themes, 2)
        factories.PracticeStoryPageFactory(
            parent=municipality.region, themes=picked, municipality=municipality, first_published_at=published
        )
        if n % 3 == 0:
            factories.KnowledgePageFactory(parent=tree.knowledge, themes=picked[:1], first_published_at=published)
            factories.RegionalNewsPageFactory(
                parent=municipality.region, municipality=municipality, first_published_at=published
            )
        if n % 6 == 0:
            factories.EventPageFactory(
                parent=events, themes=picked, municipality=municipality, first_published_at=published
            )

    targets = (
        [("thema", theme, {"theme": theme}) for theme in themes]
        + [("regio", region, {"region": region}) for region in regions]
        + [("gemeente", municipality, {"municipality": municipality}) for municipality in municipalities]
    )
    subscribers = Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"lezer{n}@voorbeeld.nl",
                status=Subscriber.Status.ACTIVE,
                confirmed_at=now,
                last_digest_at=now - datetime.timedelta(days=7),
            )
            for n in range(SUBSCRIBERS)
        ],
        batch_size=2000,
    )
    follows = []
    for n, subscriber in enumerate(subscribers):
        if n % 50 == 0:
            follows.append(Follow(subscriber=subscriber, key="alles", confirmed_at=now))
            continue
        for kind, target, fields in random.sample(targets, random.randint(1, 4)):
            follows.append(Follow(subscriber=subscriber, key=f"{kind}-{target.pk}", confirmed_at=now, **fields))
    Follow.objects.bulk_create(follows, batch_size=5000)
    return len(follows)


def queries_per_digest(edition):
    """One batch of 100 and one of 200, in this process: the difference per digest."""
    from follows import sending
    from follows.models import Delivery

    counts = {}
    for size in (100, 200):
        settings.DIGEST_BATCH_SIZE = size
        ids = sending.claim(edition)
        sending._candidates.clear()  # each batch as the first of a worker process
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            sending.deliver(edition, ids)
        counts[size] = len(queries)
    Delivery.objects.filter(edition=edition).update(status="pending", sent_at=None, attempts=0, claimed_until=None)
    return counts, (counts[200] - counts[100]) / 100


def main():
    from follows import sending
    from follows.models import Delivery, Edition, Subscriber

    call_command("migrate", verbosity=0)
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command at INFO
    started = time.perf_counter()
    follow_count = build_site()
    DBTaskResult.objects.all().delete()  # the search and reference index updates of building the site: not measured
    print(f"site: {SUBSCRIBERS} subscribers, {follow_count} follows, built in {time.perf_counter() - started:.0f} s")

    counter = Counter()
    port = free_port()
    controller = Controller(counter, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port

    today = timezone.localdate()
    edition = Edition.objects.create(number=1, send_on=today - datetime.timedelta(days=today.weekday()), intro="Hallo")
    # Queries per digest, measured on a throwaway start (the deliveries are reset afterwards).
    sending.start_edition(edition)
    edition.refresh_from_db()
    counts, per_digest = queries_per_digest(edition)
    Delivery.objects.filter(edition=edition).delete()
    Subscriber.objects.update(last_digest_at=timezone.now() - datetime.timedelta(days=7))
    Edition.objects.filter(pk=edition.pk).update(started_at=None, cutoff=None, heartbeat_at=None, ready=True)
    counter.count = 0

    database = settings.DATABASES["default"]
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TASKS_", "DIGEST_", "EMAIL_"))},
        "DJANGO_SETTINGS_MODULE": "buurtwijs.settings.production",
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "SECRET_KEY": "bench-not-secret",
        "ALLOWED_HOSTS": "localhost",
        "PAGE_CACHE_DIR": tempfile.mkdtemp(),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "DIGEST_PARALLEL_BATCHES": "1",
    }
    assert database["ENGINE"].endswith("postgresql"), "run this on PostgreSQL"

    begin = time.perf_counter()
    scheduler = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "send_digests"], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True
    )
    assert scheduler.returncode == 0, scheduler.stderr
    start_seconds = time.perf_counter() - begin
    worker = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    total = time.perf_counter() - begin
    assert worker.returncode == 0, worker.stderr[-2000:]
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    controller.stop()

    statuses = dict(Delivery.objects.values_list("status").annotate(n=django.db.models.Count("pk")))
    sent = Delivery.objects.filter(status="sent")
    first, last = sent.order_by("sent_at").first().sent_at, sent.order_by("-sent_at").first().sent_at
    print(f"deliveries: {statuses}; SMTP server received {counter.count}")
    print(f"send_digests (start: {Delivery.objects.count()} delivery records): {start_seconds:.1f} s")
    print(f"worker, from its start until the queue was empty: {total - start_seconds:.1f} s")
    print(f"first to last digest handed over: {(last - first).total_seconds():.1f} s")
    print(f"worker peak memory (max RSS): {peak_kb / 1024:.0f} MB")
    print(f"queries: batch of 100 digests {counts[100]}, of 200 {counts[200]}: {per_digest:.1f} per digest")


if __name__ == "__main__":
    main()
