"""The backup archive shared by `manage.py backup` and `manage.py restore` (docs/backups.md).

One uncompressed tar (the dump is compressed by pg_dump, the media are mostly JPEG/PNG already):

    manifest.json   format version, when, database and tool versions, row counts, media file count
    db.dump         `pg_dump --format=custom` of the default database (without the rows of NOT_BACKED_UP)
    media/...       every media file, originals and renditions: under MEDIA_ROOT, or in the bucket of
                    AWS_STORAGE_BUCKET_NAME (buurtwijs/settings/base.py) when the media live there
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import CommandError
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, TaskState, Workflow, WorkflowState

from reach.models import DaySalt, ReaderMark

# Bereik's day salt and readers' marks are deleted within a day (reach/rotation.py); a backup keeps for months, so
# it holds their tables empty: no archive lets anyone compute a visitor key again.
NOT_BACKED_UP = [DaySalt._meta.db_table, ReaderMark._meta.db_table]

FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DUMP_NAME = "db.dump"
MEDIA_NAME = "media"


def counted_models():
    """What an operator checks after a restore: the content, its history, the people and the editorial chain."""
    image_model = get_image_model()
    return {
        "pages": Page,
        "revisions": Revision,
        "images": image_model,
        "renditions": image_model.get_rendition_model(),
        "documents": get_document_model(),
        "users": get_user_model(),
        "workflows": Workflow,
        "workflow states": WorkflowState,
        "task states": TaskState,
    }


def row_counts():
    return {name: model.objects.count() for name, model in counted_models().items()}


def media_files(root):
    """Every file under ``root`` as a path relative to it, sorted."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def media_root():
    """MEDIA_ROOT when the media live in files there; None when they live in a bucket (the renditions share the
    default storage's bucket: one listing holds them all)."""
    return Path(settings.MEDIA_ROOT) if isinstance(default_storage, FileSystemStorage) else None


def media_place():
    """Where the media live, for the operator."""
    root = media_root()
    return str(root) if root is not None else f"the bucket {getattr(default_storage, 'bucket_name', '?')}"


def stored_media():
    """Every file in the default storage (a bucket) as a name relative to it, sorted."""
    names, folders = [], [""]
    while folders:
        folder = folders.pop()
        directories, files = default_storage.listdir(folder)
        prefix = f"{folder}/" if folder else ""
        folders += [prefix + directory for directory in directories]
        names += [prefix + name for name in files]
    return sorted(names)


def media_listing():
    """Every media file, as a name relative to MEDIA_ROOT or the bucket, sorted."""
    root = media_root()
    return media_files(root) if root is not None else stored_media()


def read_media(name):
    """The bytes of one media file, wherever the media live."""
    with default_storage.open(name, "rb") as file:
        return file.read()


def require_postgresql():
    if connection.vendor != "postgresql":
        raise CommandError(
            f"backup and restore work on PostgreSQL only; this database is {connection.vendor} "
            f"({settings.DATABASES['default']['NAME']}). For the SQLite development database, stop the server and "
            "copy the file (docs/backups.md)."
        )


def postgres_tool(name):
    """The path of pg_dump or pg_restore, refusing one older than the server (it could not read or write its dumps)."""
    path = shutil.which(name)
    if path is None:
        raise CommandError(f"{name} is not on PATH; install the PostgreSQL client tools (Debian: postgresql-client).")
    output = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout  # noqa: S603
    match = re.search(r"(\d+)(?:\.\d+)?", output)
    tool_major = int(match.group(1)) if match else 0
    connection.ensure_connection()
    server_major = connection.pg_version // 10000
    if tool_major < server_major:
        raise CommandError(
            f"{name} {tool_major} is older than the PostgreSQL {server_major} server; "
            f"install the version {server_major} client tools."
        )
    return path, output.strip()


def libpq_environment():
    """The default database's connection settings as libpq environment variables: no password on a command line."""
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    names = {"NAME": "PGDATABASE", "USER": "PGUSER", "PASSWORD": "PGPASSWORD", "HOST": "PGHOST", "PORT": "PGPORT"}
    for key, variable in names.items():
        if db.get(key):
            env[variable] = str(db[key])
    if sslmode := db.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    return env


def run_tool(command):
    """Run pg_dump or pg_restore; its own error message becomes the command's."""
    result = subprocess.run(command, env=libpq_environment(), capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise CommandError(f"{Path(command[0]).name} failed:\n{result.stderr.strip()}")


def write_manifest(path, **fields):
    path.write_text(json.dumps({"format": FORMAT_VERSION, **fields}, indent=2, ensure_ascii=False) + "\n")


def read_manifest(path):
    try:
        manifest = json.loads(path.read_text())
    except (OSError, ValueError) as error:
        raise CommandError(f"The archive has no readable {MANIFEST_NAME}: {error}") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise CommandError(
            f"The archive has format {manifest.get('format')!r}; this version restores format {FORMAT_VERSION}."
        )
    return manifest
