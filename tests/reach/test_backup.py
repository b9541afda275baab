"""A backup keeps months; Bereik's day salt and readers' marks live a day. The archive holds their tables empty."""

import subprocess
import tarfile

import pytest
from django.conf import settings
from django.core.management import call_command

from operations import backups
from reach.models import DailyReach, DaySalt, ReaderMark
from tests.reach.conftest import send_beacon

pytestmark = [
    # serialized_rollback, as every transactional test here: a plain flush recreates the content types, and the next
    # test that restores the serialized database then fails on them.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="manage.py backup needs PostgreSQL (pg_dump); set DATABASE_URL",
    ),
]


def dumped_data(dump):
    """Every row in the dump, as the COPY text pg_restore would load."""
    result = subprocess.run(  # noqa: S603
        [backups.postgres_tool("pg_restore")[0], "--data-only", "--file=-", str(dump)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_the_backup_leaves_out_the_salt_and_the_marks_but_keeps_the_counts(client, story, tmp_path):
    send_beacon(client, story)
    secret, visitor = DaySalt.objects.get().secret, ReaderMark.objects.get().visitor
    assert DailyReach.objects.get().readers == 1

    with open(tmp_path / "out.txt", "w") as out:
        call_command("backup", output_dir=tmp_path, stdout=out)

    (archive,) = tmp_path.glob("buurtwijs-*.tar")
    with tarfile.open(archive) as tar:
        tar.extract(backups.DUMP_NAME, path=tmp_path, filter="data")
    data = dumped_data(tmp_path / backups.DUMP_NAME)
    counts = data.split(f"COPY public.{DailyReach._meta.db_table} ")[1].splitlines()[1]  # positive control
    assert "\tdirect\t" in counts and f"\t{story.pk}" in counts
    assert secret not in data and visitor not in data
    assert f"COPY public.{DaySalt._meta.db_table} " not in data
    assert f"COPY public.{ReaderMark._meta.db_table} " not in data
