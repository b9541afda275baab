"""The restore drill: fill a database, back it up, drop it, restore it, and find the same site.

Everything runs as an operator would run it: `manage.py` in subprocesses with DATABASE_URL pointing at a
database of its own (``buurtwijs_drill_<pid>`` on the test run's PostgreSQL server) and MEDIA_ROOT in a
temporary directory, with the development settings (load_demo_content refuses others). The subprocesses
read the site through ``print_snapshot`` below (`manage.py shell -c`): row counts, the public HTML of one
page of every page type, and a checksum of every media file.

What is normalised before comparing HTML: CSRF tokens and CSP nonces (new for every response). Nothing else.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from psycopg import sql

from home.models import HomePage
from operations import backups
from tests.test_object_storage import BUCKET, bucket, s3_server  # noqa: F401 -- s3_server is a fixture

BASE_DIR = Path(settings.BASE_DIR)
IS_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
VOLATILE = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")'), r"\1…\2"),
    (re.compile(r'(nonce=")[^"]*(")'), r"\1…\2"),
    # The public forms' signed "shown at" stamp (core/antispam.py).
    (re.compile(r'(name="started" value=")[^"]*(")'), r"\1…\2"),
]


def page_html():
    """Public HTML of the first live page (in tree order) of every page type, keyed by the page type's model name."""
    from django.test import Client
    from wagtail.models import Page

    client = Client(HTTP_HOST="127.0.0.1")
    rendered = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        name = page.specific_class._meta.label
        if name in rendered:
            continue
        response = client.get(page.url)
        assert response.status_code == 200, f"{page.url} ({name}) answered {response.status_code}"
        rendered[name] = {"url": page.url, "html": response.content.decode()}
    return rendered


def print_snapshot():
    """What the drill compares, as JSON on stdout. Runs inside `manage.py shell -c` against the drill's database."""
    before = backups.row_counts()
    html = page_html()
    media = {name: hashlib.sha256(backups.read_media(name)).hexdigest() for name in backups.media_listing()}
    print(json.dumps({"counts_before": before, "html": html, "counts_after": backups.row_counts(), "media": media}))


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def print_new_revision_id():
    """Save a revision of the home page after the restore: ids must continue after the restored ones (sequences)."""
    from wagtail.models import Revision

    latest = Revision.objects.order_by("-pk").first().pk
    revision = HomePage.objects.get().save_revision()
    print(json.dumps({"latest": latest, "new": revision.pk}))


def normalised(html):
    for pattern, replacement in VOLATILE:
        html = pattern.sub(replacement, html)
    return html


class Drill:
    """A database and a media directory of the drill's own, and `manage.py` run against them."""

    def __init__(self, tmp_path, media_env=None):
        db = settings.DATABASES["default"]
        self.server = {
            "host": db.get("HOST") or "127.0.0.1",
            "port": db.get("PORT") or 5432,
            "user": db.get("USER") or "postgres",
            "password": db.get("PASSWORD") or None,
        }
        self.name = f"buurtwijs_drill_{os.getpid()}"
        self.media_root = tmp_path / "media"
        self.backup_dir = tmp_path / "backups"
        password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        url = f"postgres://{self.server['user']}{password}@{self.server['host']}:{self.server['port']}/{self.name}"
        self.env = {
            **{key: value for key, value in os.environ.items() if key != "REDIS_URL"},  # a cache of its own
            "DATABASE_URL": url,
            "MEDIA_ROOT": str(self.media_root),
            "DJANGO_SETTINGS_MODULE": "buurtwijs.settings.dev",
            **(media_env or {}),  # the media in a bucket (AWS_STORAGE_BUCKET_NAME), or files under MEDIA_ROOT
        }

    def server_sql(self, *statements):
        with psycopg.connect(dbname="postgres", autocommit=True, **self.server) as conn:
            for statement in statements:
                conn.execute(statement)

    def create_database(self):
        name = sql.Identifier(self.name)
        self.server_sql(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name), sql.SQL("CREATE DATABASE {}").format(name)
        )

    def drop_database(self):
        self.server_sql(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name)))

    def table_count(self):
        with psycopg.connect(dbname=self.name, **self.server) as conn:
            return conn.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchone()[0]

    def manage(self, *args):
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=self.env, capture_output=True, text=True
        )
        assert result.returncode == 0, f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def call(self, function):
        """The JSON printed by a function of this module, run in `manage.py shell`."""
        output = self.manage("shell", "-c", f"from tests.test_restore_drill import {function}; {function}()")
        return json.loads(output.strip().splitlines()[-1])


@pytest.fixture(params=["media files", "media in a bucket"])
def drill(request, tmp_path):
    """The drill with the media under MEDIA_ROOT, and with them in a bucket of an S3 server on 127.0.0.1."""
    s3 = request.getfixturevalue("s3_server") if request.param == "media in a bucket" else None
    drill = Drill(tmp_path, media_env=s3)
    drill.bucket = bucket(s3) if s3 else None
    drill.renditions_url = f"{s3['AWS_S3_ENDPOINT_URL']}/{BUCKET}/images/" if s3 else settings.MEDIA_URL + "images/"
    drill.create_database()
    yield drill
    drill.drop_database()
    if drill.bucket is not None:
        drill.bucket.objects.all().delete()


@pytest.mark.skipif(
    not IS_POSTGRESQL, reason="the restore drill needs PostgreSQL (pg_dump/pg_restore); set DATABASE_URL"
)
def test_restore_drill_brings_back_every_page_count_and_media_file(drill):
    started = time.monotonic()
    drill.manage("migrate", "--noinput")
    drill.manage("load_demo_content")
    drill.manage("db_worker", "--batch", "--no-reload", "--no-startup-delay")  # the renditions the demo queued
    original = drill.call("print_snapshot")
    page_types = set(original["html"])
    assert {"home.HomePage", "stories.PracticeStoryPage", "correspondents.RegionPage", "stories.ThemeHubPage"} <= (
        page_types
    )
    assert original["counts_after"]["renditions"] > 0, "the worker made no renditions: the drill would not test them"
    assert any(drill.renditions_url in page["html"] for page in original["html"].values())
    filled = time.monotonic()

    drill.manage("backup", "--output-dir", str(drill.backup_dir))
    (archive,) = drill.backup_dir.glob("buurtwijs-*.tar")
    assert archive.stat().st_mode & 0o077 == 0, "the archive holds password hashes: only its owner may read it"

    drill.create_database()  # drop and create: an empty database
    assert drill.table_count() == 0
    if drill.bucket is not None:  # and no media
        drill.bucket.objects.all().delete()
        assert not list(drill.bucket.objects.all())
    else:
        shutil.rmtree(drill.media_root)

    drill.manage("restore", "--noinput", str(archive))
    restored = drill.call("print_snapshot")

    # The restore brought back every row, renditions included, and the restored renditions serve the pages.
    assert restored["counts_before"] == original["counts_after"]
    assert restored["counts_after"] == restored["counts_before"]
    assert restored["media"] == original["media"]
    assert set(restored["html"]) == page_types
    for name, page in original["html"].items():
        assert restored["html"][name]["url"] == page["url"]
        assert normalised(restored["html"][name]["html"]) == normalised(page["html"]), f"{name} renders differently"
    # The schema is complete and new rows get fresh ids.
    drill.manage("migrate", "--check")
    ids = drill.call("print_new_revision_id")
    assert ids["new"] > ids["latest"]
    print(  # the drill's figures, shown with -s
        f"\nrestore drill: {len(page_types)} page types, {original['counts_after']}; "
        f"fill {filled - started:.0f} s, back up/drop/restore/compare {time.monotonic() - filled:.0f} s"
    )


@pytest.mark.skipif(IS_POSTGRESQL, reason="on PostgreSQL the drill backs up and restores for real")
def test_backup_and_restore_refuse_sqlite_with_a_clear_message(tmp_path):
    archive = tmp_path / "buurtwijs-20261128-171200.tar"
    archive.touch()
    with pytest.raises(CommandError, match="PostgreSQL only; this database is sqlite"):
        call_command("backup", "--output-dir", str(tmp_path))
    with pytest.raises(CommandError, match="PostgreSQL only; this database is sqlite"):
        call_command("restore", "--noinput", str(archive))


def test_restore_refuses_an_archive_that_does_not_exist(tmp_path):
    with pytest.raises(CommandError, match="No archive at"):
        call_command("restore", "--noinput", str(tmp_path / "missing.tar"))
