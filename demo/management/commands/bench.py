"""How the cost of public pages grows with content: `make bench` (or `manage.py bench --stories N`).

Loads the demo content, then grows the site with generated practice stories (demo/generated_content.py)
to 100, 1,000 and N stories (10,000 by default). At each size it fetches every page type in-process with Django's
test client, DEBUG off: one request to warm up (renditions, caches), then ``--requests`` measured ones, and prints
per page type the median time and the number of database queries, as one table with the sizes side by side.

Page types are found, not listed: the first live, public page of every page model in the tree. EXTRA_URLS adds
views that are no page (feeds, the sitemap index) and filter states of listings; every family sitemap the index
lists is measured too. SEARCHES are searches of every kind (a common word, a rare one, several words, a
10,000-character query, filters, a page past the last): each is a row, and their times together give search's
median (p50) and 95th percentile (p95) at each size.

It fills whatever database DATABASE_URL names, so it refuses the development database; `make bench` points it
at var/bench.sqlite3 or at BENCH_DATABASE_URL, and passes --fresh to start from an empty database each run.
"""

import statistics
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from xml.etree import ElementTree

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, get_page_models

from correspondents.models import RegionPage
from demo.generated_content import add_generated_stories
from stories.models import KennispleinPage, PracticeStoryPage, ThemeHubPage

STORIES = 10_000  # the size the site grows to
CHECKPOINTS = [100, 1000]  # story counts measured on the way to --stories
DEV_DATABASE = settings.BASE_DIR / "var" / "buurtwijs.sqlite3"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

# Views that are not pages, and filter states. Placeholders: {theme} and {kennisplein}, the URL of the first theme
# hub and Kennisplein; {theme_slug} and {region}, the slug of the first theme and region. A URL whose page is
# missing is left out.
EXTRA_URLS = [
    ("RSS feed", "/feeds/verhalen/rss/"),
    ("sitemap", "/sitemap.xml"),
    ("theme hub, region filter", "{theme}?regio={region}"),
    ("Kennisplein, filtered", "{kennisplein}?soort=praktijkverhaal&thema={theme_slug}&regio={region}"),
]
# Searches (label, URL), placeholders as in EXTRA_URLS. "buurt" and "koffie" are in nearly every generated story.
SEARCHES = [
    ("search", "/zoeken/?q=buurt"),
    ("search, filtered", "/zoeken/?q=buurt&soort=praktijkverhaal&regio={region}"),
    ("search, every filter", "/zoeken/?q=koffie&soort=praktijkverhaal&thema={theme_slug}&regio={region}&jaar=2024"),
    ("search, two words", "/zoeken/?q=soep+woensdag"),
    ("search, a rare word", "/zoeken/?q=energierekening"),
    ("search, a name", "/zoeken/?q=Fatima+Yilmaz"),
    ("search, no results", "/zoeken/?q=zwembadvereniging"),
    ("search, common words", "/zoeken/?q=de+het+een+van+in+op+met+en+is+buurt+voor+iedereen"),
    ("search, 10,000 characters", "/zoeken/?" + urlencode({"q": ("buurtkamer koffie moestuin soep " * 400)[:10_000]})),
    ("search, past the last page", "/zoeken/?q=koffie&pagina=99999"),
    ("search, absurd filters", "/zoeken/?q=buurt&soort=onzin&thema=%00&regio=" + "x" * 500 + "&jaar=1850&pagina=-1"),
]


def public_page_models():
    """Every concrete page model of the project (Wagtail's bare Page, the tree's root, is none)."""
    return [model for model in get_page_models() if model is not Page]


def first_live(model):
    return model.objects.live().public().order_by("path").first()


def pages_to_measure(client):
    """(label, URL) of the first live, public page of every page type, EXTRA_URLS, every family sitemap, and
    SEARCHES (these last: labels start with "search")."""
    pages = []
    for model in public_page_models():
        page = first_live(model)
        url = page.get_url() if page else None
        if url:
            pages.append((model._meta.label, url))
    theme, region, kennisplein = (first_live(model) for model in (ThemeHubPage, RegionPage, KennispleinPage))
    placeholders = {}
    if theme:
        placeholders.update(theme=theme.get_url(), theme_slug=theme.slug)
    if region:
        placeholders["region"] = region.slug
    if kennisplein:
        placeholders["kennisplein"] = kennisplein.get_url()
    for label, url in EXTRA_URLS:
        try:
            pages.append((label, url.format(**placeholders)))
        except KeyError:
            continue
    pages += family_sitemaps(client)
    for label, url in SEARCHES:
        try:
            pages.append((label, url.format(**placeholders)))
        except KeyError:
            continue
    return pages


def family_sitemaps(client):
    """(label, URL path) of every sitemap that sitemap.xml lists."""
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 -- our own response
    paths = [urlsplit(location.text).path for location in index.iter(f"{SITEMAP_NS}loc")]
    return [(path.strip("/").removesuffix(".xml"), path) for path in paths]


def measure(client, url, requests):
    """([milliseconds of each request], most queries) of ``requests`` GETs of ``url``, after one to warm up."""
    response = client.get(url)
    if response.status_code != 200:
        raise CommandError(f"{url} answered {response.status_code}; a benchmark of an error page says nothing.")
    times, queries = [], []
    for _ in range(requests):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured))
    return times, max(queries)


def percentile(times, share):
    """The value below which ``share`` of the times fall (linear between the two nearest)."""
    if len(times) == 1:
        return times[0]
    return statistics.quantiles(times, n=100, method="inclusive")[round(share * 100) - 1]


def shortened(url, width=60):
    return url if len(url) <= width else f"{url[: width - 3]}..."


class ProgressBar:
    """A plain-text progress bar: redrawn in place on a terminal, one line per tenth in a log."""

    WIDTH = 30

    def __init__(self, out, label, total):
        self.out, self.label, self.total = out, label, total
        self.started = time.monotonic()
        self.tenths_shown = 0

    def update(self, done):
        share = done / self.total if self.total else 1
        filled = int(share * self.WIDTH)
        line = (
            f"{self.label} [{'#' * filled}{'.' * (self.WIDTH - filled)}] "
            f"{done:>6,}/{self.total:,} {share:4.0%} {time.monotonic() - self.started:5.1f} s"
        )
        if self.out.isatty():
            self.out.write(f"\r{line}", ending="\n" if done >= self.total else "")
            self.out.flush()
        elif int(share * 10) > self.tenths_shown or done >= self.total:
            self.tenths_shown = int(share * 10)
            self.out.write(line)


class Command(BaseCommand):
    help = (
        "Fill a separate database with N generated practice stories and print, per public page type, the median "
        "render time and query count at 100, 1,000 and N stories."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=STORIES, help="Grow the site to this many live stories.")
        parser.add_argument(
            "--at",
            type=int,
            action="append",
            dest="checkpoints",
            help=f"Also measure at this many stories (repeatable; default {' and '.join(map(str, CHECKPOINTS))}).",
        )
        parser.add_argument("--requests", type=int, default=5, help="Measured requests per page, after a warm-up.")
        parser.add_argument(
            "--fresh",
            action="store_true",
            help="Empty the database first (SQLite: delete the file; PostgreSQL: recreate the public schema) and "
            "migrate. Only for a database whose name contains 'bench'.",
        )
        parser.add_argument("--seed", type=int, default=0, help="Seed of the generated stories.")

    def handle(self, *args, stories, checkpoints, requests, fresh, seed, **options):
        started = time.monotonic()
        database = str(connection.settings_dict["NAME"])
        if Path(database).resolve() == DEV_DATABASE.resolve():
            raise CommandError(
                "bench fills the database it runs on with thousands of stories: not the development database. "
                "Use `make bench`, or set DATABASE_URL to a separate database."
            )
        if fresh:
            self.empty_database(database)
        call_command("load_demo_content", verbosity=0)

        current = PracticeStoryPage.objects.live().count()
        if current > stories:
            raise CommandError(f"The database already has {current} live stories, more than {stories}; use --fresh.")
        sizes = sorted({size for size in (checkpoints or CHECKPOINTS) if current <= size < stories} | {stories})
        self.stderr.write(
            f"Benchmark on {connection.vendor} ({database}): {current} demo stories, growing to {stories:,}."
        )

        client = Client(SERVER_NAME="localhost")  # the demo site's hostname, allowed by every settings module
        results = {}  # label -> {"url": url, size: (median ms, queries)}
        search_times = {}  # size -> the milliseconds of every measured search
        # A render every time: the page cache (core/pagecache.py) would answer the repeats without one.
        no_page_cache = {**settings.CACHES, "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
        with override_settings(DEBUG=False, CACHES=no_page_cache):
            for size in sizes:
                if size > current:
                    bar = ProgressBar(self.stderr, f"Stories {current:,} -> {size:,}", size - current)
                    add_generated_stories(size - current, seed=seed, progress=bar.update)
                    current = size
                    self.update_statistics()
                pages = pages_to_measure(client)
                measuring = ProgressBar(self.stderr, f"Measuring at {size:,} stories", len(pages))
                for done, (label, url) in enumerate(pages, 1):
                    times, queries = measure(client, url, requests)
                    results.setdefault(label, {"url": url})[size] = (statistics.median(times), queries)
                    if label.startswith("search"):
                        search_times.setdefault(size, []).extend(times)
                    measuring.update(done)

        self.write_table(results, sizes, requests)
        self.write_search_percentiles(search_times, sizes)
        minutes, seconds = divmod(time.monotonic() - started, 60)
        self.stdout.write(f"\nWall time: {int(minutes)} min {seconds:.0f} s.")

    def update_statistics(self):
        """PostgreSQL plans queries from table statistics, which autovacuum keeps up to date on a live site after
        a change this large; here it may be off or not have run yet."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def empty_database(self, database):
        if "bench" not in Path(database).name:
            raise CommandError(f"--fresh empties only a database whose name contains 'bench', not {database}.")
        if connection.vendor == "sqlite":
            connection.close()
            Path(database).unlink(missing_ok=True)
        elif connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        else:
            raise CommandError(f"--fresh knows SQLite and PostgreSQL, not {connection.vendor}.")
        call_command("migrate", verbosity=0, interactive=False)

    def write_table(self, results, sizes, requests):
        label_width = max(len(label) for label in results) + 2
        url_width = max(len(shortened(result["url"])) for result in results.values()) + 2
        cell = 20
        self.stdout.write(
            f"\nMedian time (ms) and queries per request: {requests} requests after a warm-up, "
            f"{connection.vendor}, DEBUG off.\n"
        )
        self.stdout.write(
            f"{'page':<{label_width}}{'URL':<{url_width}}" + "".join(f"{f'{size:,} stories':>{cell}}" for size in sizes)
        )
        self.stdout.write(" " * (label_width + url_width) + f"{'ms':>{cell - 9}}{'queries':>9}" * len(sizes))
        for label, result in results.items():
            cells = "".join(
                f"{result[size][0]:>{cell - 9}.1f}{result[size][1]:>9}" if size in result else f"{'-':>{cell}}"
                for size in sizes
            )
            self.stdout.write(f"{label:<{label_width}}{shortened(result['url']):<{url_width}}{cells}")

    def write_search_percentiles(self, search_times, sizes):
        searches = sum(1 for label, _url in SEARCHES)
        self.stdout.write(f"\nSearch, all {searches} searches above together (ms):")
        self.stdout.write(f"{'':<6}" + "".join(f"{f'{size:,} stories':>16}" for size in sizes))
        for name, share in (("p50", 0.5), ("p95", 0.95)):
            cells = "".join(
                f"{percentile(search_times[size], share):>16.1f}" if size in search_times else f"{'-':>16}"
                for size in sizes
            )
            self.stdout.write(f"{name:<6}{cells}")
