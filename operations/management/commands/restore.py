"""Restore an archive of `manage.py backup` into the configured database and media: `manage.py restore <archive>`.

What the archive holds replaces what is there: pg_restore drops and recreates every object in the dump
(`--clean --if-exists`) in one transaction, so a failed restore leaves the database as it was; only then
are the media files (under MEDIA_ROOT, or in the bucket) replaced by the archive's. Afterwards the row counts and
the number of media files must equal the manifest's, and the caches are cleared (they may hold renditions and
pages of the data that was replaced). Stop the app servers first: their open connections would hold locks
pg_restore waits for.
"""

import shutil
import tarfile
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from operations import backups


class Command(BaseCommand):
    help = "Restore a backup archive (make backup) into DATABASE_URL and the media, replacing what is there."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The .tar written by `manage.py backup`.")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive", help="Do not ask for confirmation."
        )

    def handle(self, *args, archive, interactive, **options):
        started = time.monotonic()
        if not archive.is_file():
            raise CommandError(f"No archive at {archive}.")
        backups.require_postgresql()
        pg_restore, _version = backups.postgres_tool("pg_restore")
        database = settings.DATABASES["default"]["NAME"]
        media_root = backups.media_root()
        if interactive:
            answer = input(
                f"This replaces all data in the database {database!r} and every media file in "
                f"{backups.media_place()} with the contents of {archive}.\nType 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")

        if media_root is not None:
            media_root.mkdir(parents=True, exist_ok=True)
        # Next to MEDIA_ROOT, so moving the extracted media into place stays on one file system.
        near = media_root.parent if media_root is not None else None
        with tempfile.TemporaryDirectory(dir=near, prefix=".restore-") as workdir:
            workdir = Path(workdir)
            with tarfile.open(archive) as tar:
                tar.extractall(workdir, filter="data")
            manifest = backups.read_manifest(workdir / backups.MANIFEST_NAME)
            dump = workdir / backups.DUMP_NAME
            if not dump.is_file():
                raise CommandError(f"The archive has no {backups.DUMP_NAME}.")

            connection.close()
            backups.run_tool(
                [
                    pg_restore,
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    f"--dbname={database}",
                    str(dump),
                ]
            )
            if media_root is not None:
                replace_directory_contents(media_root, workdir / backups.MEDIA_NAME)
            else:
                replace_stored_media(workdir / backups.MEDIA_NAME)

        for cache in caches.all():
            cache.clear()
        self.check_against_manifest(manifest)
        if options["verbosity"] >= 1:
            summary = ", ".join(f"{count} {name}" for name, count in manifest["counts"].items())
            self.stdout.write(
                f"Restored {archive} (made {manifest['created_at']}) into {database} and {backups.media_place()} "
                f"in {time.monotonic() - started:.1f} s: {summary}, {manifest['media_files']} media files."
            )

    def check_against_manifest(self, manifest):
        counts = backups.row_counts()
        problems = [
            f"{name}: {counts.get(name)} restored, {expected} in the archive"
            for name, expected in manifest["counts"].items()
            if counts.get(name) != expected
        ]
        files = len(backups.media_listing())
        if files != manifest["media_files"]:
            problems.append(f"media files: {files} restored, {manifest['media_files']} in the archive")
        if problems:
            raise CommandError("The restored data does not match the archive's manifest:\n" + "\n".join(problems))


def replace_directory_contents(target, source):
    """Make ``target`` hold exactly what ``source`` holds; ``target`` itself stays (it may be a mount point)."""
    for child in target.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if source.is_dir():
        for child in source.iterdir():
            shutil.move(child, target / child.name)


def replace_stored_media(source):
    """Make the bucket hold exactly what ``source`` holds: its files deleted, the archive's uploaded."""
    for name in backups.stored_media():
        default_storage.delete(name)
    if source.is_dir():
        for path in sorted(source.rglob("*")):
            if path.is_file():
                with path.open("rb") as file:
                    default_storage.save(str(path.relative_to(source)), File(file))
