"""`manage.py bench` (make bench): grows the demo site with generated stories and prints a table of costs, and
search's p50 and p95.

Run once for the module with a tiny N on the test database: the demo content (30 live stories), measured at 32
and at 35 stories, one request per page after the warm-up (about 15 s).
"""

import io
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from demo.generated_content import FIRST_PUBLISHED
from demo.management.commands import bench
from stories.models import KennispleinPage, PracticeStoryPage
from tests.helpers import rolled_back, text

DEMO_STORIES, CHECKPOINT, STORIES = 30, 32, 35


def run_bench(**options):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("bench", stdout=stdout, stderr=stderr, **options)
    return stdout.getvalue(), stderr.getvalue()


@pytest.fixture(scope="module")
def bench_run(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield run_bench(stories=STORIES, checkpoints=[CHECKPOINT], requests=1)


@pytest.mark.django_db
def test_bench_prints_time_and_queries_of_every_page_type_at_each_size(bench_run):
    output, progress = bench_run

    lines = output.splitlines()
    header = next(line for line in lines if line.startswith("page "))
    assert re.findall(r"\d+ stories", header) == [f"{CHECKPOINT} stories", f"{STORIES} stories"]
    page_types = [model._meta.label for model in bench.public_page_models() if bench.first_live(model)]
    assert {"home.HomePage", "stories.PracticeStoryPage", "stories.ThemeHubPage"} <= set(page_types)
    for page_type in page_types:
        row = next((line.split() for line in lines if line.startswith(f"{page_type} ")), None)
        assert row is not None, f"no row for {page_type}"
        url, *cells = row[1:]
        assert url.startswith("/")
        # median ms and queries, at both sizes
        assert len(cells) == 4 and all(re.fullmatch(r"\d+\.\d", ms) for ms in cells[::2]), row
        assert all(int(queries) > 0 for queries in cells[1::2]), row
    expected_extras = [
        label for label, url in bench.EXTRA_URLS if "{kennisplein}" not in url or bench.first_live(KennispleinPage)
    ]
    for label in [*expected_extras, *(label for label, _url in bench.SEARCHES)]:
        assert any(line.startswith(f"{label} ") for line in lines), f"no row for {label}"
    # Every family sitemap of the index: the stories' among them. Its number is the page ids' block, which on
    # PostgreSQL depends on how many pages earlier tests made (sequences are not reset), so any number will do.
    sitemap_rows = [line.split()[:2] for line in lines if line.startswith("sitemap-")]
    for family in ("praktijkverhalen", "hoofdpaginas"):
        assert any(
            re.fullmatch(rf"sitemap-{family}-(\d+)", label) and url == f"/{label}.xml" for label, url in sitemap_rows
        ), (family, sitemap_rows)
    # Search's median and 95th percentile over all searches, at both sizes.
    start = lines.index(next(line for line in lines if line.startswith("Search, all")))
    assert f"all {len(bench.SEARCHES)} searches" in lines[start]
    p50, p95 = ([float(ms) for ms in lines[start + n].split()[1:]] for n in (2, 3))
    assert lines[start + 2].startswith("p50") and lines[start + 3].startswith("p95")
    assert len(p50) == len(p95) == 2 and all(0 < low <= high for low, high in zip(p50, p95, strict=True))
    assert re.search(r"Wall time: \d+ min \d+ s", output)

    # Progress bars on stderr: the stories made, then the pages measured, at each size.
    assert re.search(rf"Stories {DEMO_STORIES} -> {CHECKPOINT} \[#+\] +2/2 100%", progress)
    assert re.search(rf"Stories {CHECKPOINT} -> {STORIES} \[#+\] +3/3 100%", progress)
    assert re.search(rf"Measuring at {STORIES} stories \[#+\] +\d+/\d+ 100%", progress)


@pytest.mark.django_db
def test_generated_stories_are_complete_live_and_found_by_search(bench_run, client):
    assert PracticeStoryPage.objects.live().count() == STORIES
    story = PracticeStoryPage.objects.live().order_by("-pk").first()

    shown = text(client.get(story.url))
    buurtmaker = story.buurtmakers.first().name
    assert story.title in shown and buurtmaker in shown
    assert [block.block_type for block in story.body] == ["paragraph", "dilemma", "lessons"]
    assert story.body[1].value["question"] in shown
    assert story.body[2].value["worked"][0] in shown
    assert 1 <= story.themes.count() <= 3
    assert story.listing_image is not None
    if story.region:
        assert story.municipality.region_id == story.region.pk
    assert FIRST_PUBLISHED <= story.first_published_at <= timezone.now()
    assert story in PracticeStoryPage.objects.live().search(buurtmaker)


@pytest.mark.django_db
def test_bench_refuses_the_development_database(monkeypatch):
    monkeypatch.setattr(bench, "DEV_DATABASE", Path(str(connection.settings_dict["NAME"])))
    stories = PracticeStoryPage.objects.count()

    with pytest.raises(CommandError, match="not the development database"):
        run_bench(stories=40)
    assert PracticeStoryPage.objects.count() == stories
