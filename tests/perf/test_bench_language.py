"""`manage.py bench_language` (make bench-language): the plain-language check timed on a long story. The figure
depends on the machine, so this checks what the command reports, not how fast it is."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests import factories


def bench_language(**options):
    out = StringIO()
    call_command("bench_language", stdout=out, **options)
    return out.getvalue()


@pytest.mark.django_db
def test_times_the_check_on_a_story_repeated_to_the_asked_length(site_tree):
    with pytest.raises(CommandError, match="Geen gepubliceerde praktijkverhalen"):
        bench_language(runs=1)

    factories.PracticeStoryPageFactory(parent=site_tree.stories)
    output = bench_language(words=500, runs=3)

    match = re.fullmatch(
        r"Plain-language check of ([\d,]+) words \((\d+) sentences, [^)]+\): "
        r"median \d+\.\d ms, slowest \d+\.\d ms over 3 runs\.\n",
        output,
    )
    assert match, output
    assert int(match[1].replace(",", "")) >= 500
    assert int(match[2]) > 1
