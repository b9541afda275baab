"""Back up the PostgreSQL database and the media into one archive: `manage.py backup` (`make backup`).

The row counts in the manifest and the dump come from one snapshot: this command exports the snapshot of
a read-only repeatable-read transaction, counts in it, and hands it to `pg_dump --snapshot`. Media are
archived after the dump, so the files of every dumped row are in the archive unless deleted meanwhile (a
file uploaded meanwhile is archived without its row, which is harmless). The archive holds password hashes:
it is created readable by its owner only.
"""

import io
import os
import tarfile
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from operations import backups


class Command(BaseCommand):
    help = "Back up the PostgreSQL database (pg_dump) and the media into one timestamped .tar (docs/backups.md)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=settings.VAR_DIR / "backups",
            help="Where to write the archive (default: var/backups).",
        )

    def handle(self, *args, output_dir, **options):
        started = time.monotonic()
        backups.require_postgresql()
        pg_dump, pg_dump_version = backups.postgres_tool("pg_dump")
        output_dir.mkdir(parents=True, exist_ok=True)
        archive = output_dir / f"buurtwijs-{timezone.localtime():%Y%m%d-%H%M%S}.tar"
        partial = archive.with_name(archive.name + ".partial")

        with tempfile.TemporaryDirectory(dir=output_dir) as workdir:
            dump = Path(workdir) / backups.DUMP_NAME
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
                counts = backups.row_counts()
                database = settings.DATABASES["default"]["NAME"]
                backups.run_tool(
                    [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={dump}", f"--dbname={database}"]
                    + [f"--exclude-table-data={table}" for table in backups.NOT_BACKED_UP]
                )
            # Created private before anything is written into it; the manifest goes last, to count what went in.
            try:
                with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
                    with tarfile.open(fileobj=out, mode="w") as tar:
                        tar.add(dump, arcname=backups.DUMP_NAME)
                        media_files = add_media(tar)
                        manifest = Path(workdir) / backups.MANIFEST_NAME
                        backups.write_manifest(
                            manifest,
                            created_at=timezone.now().isoformat(),
                            database=database,
                            server_version=connection.pg_version,
                            pg_dump=pg_dump_version,
                            counts=counts,
                            media_files=media_files,
                        )
                        tar.add(manifest, arcname=backups.MANIFEST_NAME)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
        partial.rename(archive)

        if options["verbosity"] >= 1:
            summary = ", ".join(f"{count} {name}" for name, count in counts.items())
            size = archive.stat().st_size / 1_000_000
            self.stdout.write(
                f"Backup written to {archive} ({size:.1f} MB, {time.monotonic() - started:.1f} s): "
                f"{summary}, {media_files} media files."
            )


def add_media(tar):
    """Add every media file (under MEDIA_ROOT or in the bucket) as media/...; returns how many were added."""
    directory = tarfile.TarInfo(backups.MEDIA_NAME)
    directory.type, directory.mode = tarfile.DIRTYPE, 0o755
    tar.addfile(directory)
    media_root = backups.media_root()
    added = 0
    for name in backups.media_listing():
        arcname = f"{backups.MEDIA_NAME}/{name}"
        try:
            if media_root is not None:
                tar.add(media_root / name, arcname=arcname)
            else:
                content = backups.read_media(name)
                member = tarfile.TarInfo(arcname)
                member.size, member.mode, member.mtime = len(content), 0o644, time.time()
                tar.addfile(member, io.BytesIO(content))
        except FileNotFoundError:
            continue  # deleted since the listing (a rendition purged, say): no dumped row needs it
        added += 1
    return added
