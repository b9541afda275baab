"""The background worker as production runs it: `manage.py db_worker` in a process of its own, working off the queue
that the site keeps in the database (django-tasks-db; docs/deployment.md).

The suite's own task backend works inline; this test queues in the database instead, shares the test database with
the worker (on SQLite through a file copy, as a subprocess cannot open an in-memory database) and runs the worker
once in batch mode: it does all that is queued, then exits.
"""

import os
import sqlite3
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from django.db import connection
from django_tasks_db.models import DBTaskResult

from stories.models import LanguageScore, PracticeStoryPage
from tests import factories
from tests.helpers import get_page, soup

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORKER_SECONDS = 300


class PurgeRecorder(BaseHTTPRequestHandler):
    """A frontend cache (Varnish, say) on the loopback that writes down the pages it is asked to purge."""

    purged = []

    def do_PURGE(self):  # noqa: N802 -- the HTTP method
        PurgeRecorder.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def frontend_cache(settings):
    """The site and the worker purge through Wagtail's HTTP backend to a recorder; yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
    }
    PurgeRecorder.purged = []
    yield url
    server.shutdown()
    server.server_close()


@contextmanager
def database_for_the_worker(tmp_path):
    """A DATABASE_URL the worker can open with what the test wrote, and afterwards what the worker wrote back in
    the test's database."""
    if connection.vendor != "sqlite":
        db = connection.settings_dict
        credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        yield f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
        return
    connection.ensure_connection()
    copy = tmp_path / "worker.sqlite3"
    with sqlite3.connect(copy) as file:
        connection.connection.backup(file)
    yield f"sqlite:///{copy}"
    with sqlite3.connect(copy) as file:
        file.backup(connection.connection)


def run_worker(database_url, frontend_cache_url="", settings_module="buurtwijs.settings.dev", **extra_environment):
    """`manage.py db_worker --batch` on the test's media: with the development settings, as `make run` starts it,
    unless told otherwise."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("FRONTEND_CACHE_", "REDIS_URL", "DJANGO_", "TASKS_", "PAGE_CACHE_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        FRONTEND_CACHE_VARNISH_URL=frontend_cache_url,
        **extra_environment,
    )
    return subprocess.run(  # noqa: S603 -- our own manage.py
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=WORKER_SECONDS,
    )


# The worker runs with the development settings, which keep no page cache: so does the site here (in production
# both share Redis or var/page-cache/, and the worker's purges reach it: tests/test_page_cache.py).
@pytest.mark.usefixtures("render_every_time")
def test_the_worker_makes_the_renditions_of_an_upload_and_purges_after_a_publication(
    client, settings, site_tree, theme, frontend_cache, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    image = factories.ImageFactory(file__width=800, file__height=450)  # uploading queues its renditions
    story = factories.PracticeStoryPageFactory(
        parent=site_tree.stories, slug="soep", themes=[theme], listing_image=image, live=False
    )
    story.save_revision().publish()  # queues the purges of the story and of the pages that list it

    # Nothing done yet: the site shows a placeholder and no page is purged.
    card = soup(get_page(client, site_tree.stories)).select_one(".story-card img")
    assert "image-pending" in card["class"]
    assert not image.renditions.exists()
    assert PurgeRecorder.purged == []
    queued = set(DBTaskResult.objects.values_list("task_path", flat=True))
    assert {
        "home.renditions.make_renditions",
        "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task",
        "stories.language_scores.score_latest_revisions",  # the revision's score for the Taalniveau report
    } <= queued
    assert not LanguageScore.objects.exists()

    with database_for_the_worker(tmp_path) as database_url:
        worker = run_worker(database_url, frontend_cache)

    assert worker.returncode == 0, worker.stdout + worker.stderr
    failed = DBTaskResult.objects.exclude(status="SUCCESSFUL").values_list("task_path", "status")
    assert list(failed) == [], worker.stdout + worker.stderr
    picture = soup(get_page(client, site_tree.stories)).select_one(".story-card picture")
    assert [source["type"] for source in picture.find_all("source")] == ["image/avif", "image/webp"]
    assert picture.find("img")["src"].endswith(".jpg")
    assert {"/praktijkverhalen/soep/", "/praktijkverhalen/", theme.url} <= set(PurgeRecorder.purged)
    story.refresh_from_db()
    assert LanguageScore.objects.filter(revision=story.latest_revision).exists()


def test_pages_kept_in_the_page_cache_show_the_renditions_once_the_worker_has_made_them(
    client, settings, site_tree, theme, tmp_path
):
    """In production the site and the worker share the page cache (Redis, or files under PAGE_CACHE_DIR): the
    worker's purge after making renditions reaches the copies the site keeps, without waiting for them to expire."""
    page_cache_dir = tmp_path / "page-cache"
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": page_cache_dir},
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    image = factories.ImageFactory(file__width=800, file__height=450)
    factories.PracticeStoryPageFactory(parent=site_tree.stories, slug="soep", themes=[theme], listing_image=image)

    def card():
        return soup(get_page(client, site_tree.stories)).select_one(".story-card img")

    assert "image-pending" in card()["class"]
    PracticeStoryPage.objects.filter(slug="soep").update(title="Veranderd buiten de cache om")
    assert "image-pending" in card()["class"]  # served from the page cache: the title change does not show
    assert "Veranderd buiten" not in get_page(client, site_tree.stories).content.decode()

    with database_for_the_worker(tmp_path) as database_url:
        worker = run_worker(
            database_url,
            settings_module="buurtwijs.settings.production",
            PAGE_CACHE_DIR=str(page_cache_dir),
            SECRET_KEY="worker-test-not-secret",  # noqa: S106
            ALLOWED_HOSTS="localhost",
            BUURTWIJS_ALLOW_SQLITE="true",  # the test database may be a SQLite file
        )

    assert worker.returncode == 0, worker.stdout + worker.stderr
    assert list(DBTaskResult.objects.exclude(status="SUCCESSFUL").values_list("task_path", "status")) == []
    page = get_page(client, site_tree.stories)
    picture = soup(page).select_one(".story-card picture")
    assert [source["type"] for source in picture.find_all("source")] == ["image/avif", "image/webp"]
    assert "Veranderd buiten de cache om" in page.content.decode()  # rendered anew, not the kept copy
