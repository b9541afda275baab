"""Scale of the Taalniveau report (issue 16): a site of 10,000 stories, each page with a revision, and visits of
Reports > Taalniveau as a central-team member. Prints the time and queries of a visit with every score stored, of
the first visit after a change of the jargon list (the worker not done yet: it scores its share and shows the rest
with their older scores), and how long the worker takes to score every page.

    createdb -h 127.0.0.1 -U postgres buurtwijs_language
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/buurtwijs_language .venv/bin/python loadtest/language_report.py

It migrates that database and fills it (once: a second run measures again on what is there). Not part of the
suite: timings are never asserted.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtwijs.settings.dev")
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.dummy.DummyBackend")  # the worker is timed apart

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page, Revision  # noqa: E402

from core.models import JargonTerm  # noqa: E402
from correspondents.chain.provisioning import ensure_central_team  # noqa: E402
from demo.generated_content import add_generated_stories  # noqa: E402
from stories.language_scores import checked_page_types, checked_pages, score_latest_revisions  # noqa: E402
from stories.models import PracticeStoryPage  # noqa: E402

STORIES = int(os.environ.get("STORIES", "10000"))


def build():
    """The demo content and generated stories up to STORIES, as `manage.py bench` makes them; then a revision for
    every checked page without one (the generator makes none; every page edited in the admin has one)."""
    call_command("migrate", verbosity=0)
    if not PracticeStoryPage.objects.exists():
        call_command("load_demo_content", verbosity=0)
    missing = STORIES - PracticeStoryPage.objects.count()
    if missing > 0:
        add_generated_stories(missing, seed=0)
    for model in checked_page_types():
        pages = model.objects.filter(latest_revision=None).order_by("pk")
        while batch := list(pages[:500]):
            with transaction.atomic():
                now = timezone.now()
                revisions = Revision.objects.bulk_create(
                    Revision(
                        content_type_id=page.content_type_id,
                        base_content_type_id=page.get_base_content_type().pk,
                        object_id=str(page.pk),
                        created_at=now,
                        content=page.serializable_data(),
                        object_str=str(page),
                    )
                    for page in batch
                )
                for page, revision in zip(batch, revisions, strict=True):
                    Page.objects.filter(pk=page.pk).update(latest_revision=revision, latest_revision_created_at=now)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def visit(client):
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(reverse("stories_language_level"))
        seconds = time.perf_counter() - started
    assert response.status_code == 200, response.status_code
    return seconds, len(captured)


def worker():
    started = time.perf_counter()
    score_latest_revisions.call()
    return time.perf_counter() - started


def main():
    build()
    user, _ = get_user_model().objects.get_or_create(username="language-central", email="central@example.org")
    user.groups.add(ensure_central_team(Page.objects.get(depth=2)))
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    print(f"{checked_pages().count():,} checked pages on {connection.vendor}")
    with override_settings(DEBUG=False):
        client.get(reverse("wagtailadmin_home"))  # session, menus and content types warm
        print(f"worker scores every page: {worker():.1f} s")
        stored = [visit(client) for _ in range(5)]
        print(
            f"visit, every score stored: median {statistics.median(s for s, _ in stored) * 1000:.0f} ms "
            f"(slowest {max(s for s, _ in stored) * 1000:.0f}), {stored[-1][1]} queries"
        )
        term, _ = JargonTerm.objects.get_or_create(term="buurtkamer", defaults={"suggestion": "huiskamer in de buurt"})
        seconds, queries = visit(client)  # the jargon list changed; the worker has not rescored yet
        print(f"first visit after a jargon change: {seconds * 1000:.0f} ms, {queries} queries")
        print(f"worker scores every page again: {worker():.1f} s")
        term.delete()
        worker()


main()
