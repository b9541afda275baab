"""The numbers behind every Bereik screen: totals, trends, sparklines, pages and sources over DailyReach.

Each function costs a fixed number of queries, whatever the number of pages or days: the rows are grouped in the
database (by day, by page, by source) and the rest is arithmetic on at most a few hundred grouped rows.

Daily readers are counted per day: a person who reads on three days is three daily readers. Summed over a period
they are labelled "som van dagelijkse lezers", never "unieke bezoekers".
"""

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from wagtail.models import Page

from reach.models import DailyReach
from reach.sources import KNOWLEDGE_PREFIX, NAMED_SITE_MINIMUM, SITE_PREFIX, label, partner_hosts

PERIODS = {7: "7 dagen", 28: "28 dagen", 365: "365 dagen"}
DEFAULT_PERIOD = 28
READERS_LABEL = "som van dagelijkse lezers"
TOP_PAGES = 50
SUMS = {"views": Sum("views"), "readers": Sum("readers"), "finished": Sum("finished")}


def rows_for(pages, start, end):
    """DailyReach of these pages (a Page queryset) from start to end, both included."""
    return DailyReach.objects.filter(page__in=pages.values("pk"), day__gte=start, day__lte=end)


def period(days, today):
    return today - datetime.timedelta(days=days - 1), today


@dataclass
class Totals:
    views: int = 0
    readers: int = 0
    finished: int = 0

    def add(self, row):
        self.views += row["views"] or 0
        self.readers += row["readers"] or 0
        self.finished += row["finished"] or 0

    @classmethod
    def of(cls, rows):
        """The sums of these rows (dicts with views, readers and finished)."""
        totals = cls()
        for row in rows:
            totals.add(row)
        return totals


@dataclass
class Trend:
    days: int
    current: Totals
    previous: Totals

    @property
    def label(self):
        return PERIODS[self.days]

    @property
    def change(self):
        """The change in daily readers against the period before, in percent; None without readers before."""
        if not self.previous.readers:
            return None
        return round(100 * (self.current.readers - self.previous.readers) / self.previous.readers)


def by_day(pages, start, end):
    """{day: row of sums} for these pages."""
    grouped = rows_for(pages, start, end).values("day").annotate(**SUMS).order_by()
    return {row["day"]: row for row in grouped}


def trends(pages, today):
    """Daily readers, views and "uitgelezen" of the last 7, 28 and 365 days, each against the period before: one
    query over the last two years."""
    days = by_day(pages, today - datetime.timedelta(days=2 * max(PERIODS) - 1), today)
    result = []
    for length in PERIODS:
        current, previous = Totals(), Totals()
        for day, row in days.items():
            age = (today - day).days
            if age < length:
                current.add(row)
            elif age < 2 * length:
                previous.add(row)
        result.append(Trend(length, current, previous))
    return result


def series(days, start, end, field="readers"):
    """The values of ``field`` per day from start to end, 0 for a day without readers."""
    length = (end - start).days + 1
    return [(days.get(start + datetime.timedelta(days=offset)) or {}).get(field) or 0 for offset in range(length)]


def sparkline(values, label_text, width=160, height=32):
    """A small line chart as inline SVG, drawn on the server (no chart service, no script); nothing for one day."""
    if len(values) < 2:
        return ""
    top = max(values) or 1
    step = width / max(len(values) - 1, 1)
    points = " ".join(
        f"{index * step:.1f},{height - 2 - value / top * (height - 4):.1f}" for index, value in enumerate(values)
    )
    return format_html(
        '<svg class="bereik-sparkline" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-label="{label}" focusable="false"><title>{label}</title>'
        '<polyline fill="none" stroke="currentColor" stroke-width="1.5" points="{points}"/></svg>',
        w=width,
        h=height,
        label=label_text,
        points=points,
    )


@dataclass
class PageRow:
    page: Page
    totals: Totals
    chart: str = ""


def top_pages(pages, start, end, limit=TOP_PAGES):
    """The pages with the most daily readers in the period, each with its sparkline: three queries."""
    rows = rows_for(pages, start, end)
    best = list(rows.values("page_id").annotate(**SUMS).order_by("-readers", "-views", "page_id")[:limit])
    ids = [row["page_id"] for row in best]
    found = {page.pk: page for page in Page.objects.filter(pk__in=ids).select_related("content_type")}
    per_day = {}
    for row in rows.filter(page_id__in=ids).values("page_id", "day").annotate(readers=Sum("readers")).order_by():
        per_day.setdefault(row["page_id"], {})[row["day"]] = row
    result = []
    for row in best:
        totals = Totals.of([row])
        page = found[row["page_id"]]
        chart = sparkline(series(per_day.get(page.pk, {}), start, end), f"Dagelijkse lezers van {page.title}")
        result.append(PageRow(page, totals, chart))
    return result


def own_pages_this_month(own, start, end, limit):
    """The live pages matching ``own`` (a Q), most daily readers from start to end first, with their sums (0 for a
    page without readers) and sparklines: one query, and one more for the sparklines when there are readers."""
    in_period = DailyReach.objects.filter(page=OuterRef("pk"), day__gte=start, day__lte=end).values("page")
    sums = {
        name: Coalesce(Subquery(in_period.annotate(total=Sum(name)).values("total")), 0)
        for name in ("views", "readers", "finished")
    }
    pages = list(
        Page.objects.filter(own, live=True).annotate(**sums).order_by("-readers", "-first_published_at", "-pk")[:limit]
    )
    with_readers = [page.pk for page in pages if page.readers]
    per_day = {}
    if with_readers:
        rows = DailyReach.objects.filter(page_id__in=with_readers, day__gte=start, day__lte=end)
        for row in rows.values("page_id", "day").annotate(readers=Sum("readers")).order_by():
            per_day.setdefault(row["page_id"], {})[row["day"]] = row
    return [
        PageRow(
            page,
            Totals(page.views, page.readers, page.finished),
            sparkline(series(per_day[page.pk], start, end), f"Dagelijkse lezers van {page.title}")
            if page.pk in per_day
            else "",
        )
        for page in pages
    ]


@dataclass
class SourceRow:
    label: str
    totals: Totals


def sources(pages, start, end):
    """Daily readers per source, by their Dutch names: a partner's website by the partner's name, another site by
    its host only when it sent at least NAMED_SITE_MINIMUM readers in the period (else "andere websites")."""
    grouped = list(rows_for(pages, start, end).values("source").annotate(**SUMS).order_by())
    named_hosts = {
        row["source"].removeprefix(SITE_PREFIX)
        for row in grouped
        if row["source"].startswith(SITE_PREFIX) and (row["readers"] or 0) >= NAMED_SITE_MINIMUM
    }
    partners = partner_hosts() if any(row["source"].startswith(SITE_PREFIX) for row in grouped) else {}
    merged = {}
    for row in grouped:
        name = label(row["source"], partners, named_hosts)
        merged.setdefault(name, Totals()).add(row)
    return sorted(
        (SourceRow(name, totals) for name, totals in merged.items()), key=lambda r: (-r.totals.readers, r.label)
    )


def knowledge_bridge(pages, start, end):
    """ "Van verhaal naar kennis": daily readers of knowledge pages who came from a story that links them, per kind
    of link."""
    rows = rows_for(pages, start, end).filter(source__startswith=KNOWLEDGE_PREFIX)
    grouped = rows.values("source").annotate(**SUMS).order_by("source")
    result = []
    for row in grouped:
        totals = Totals.of([row])
        result.append(SourceRow(label(row["source"], {}, set()), totals))
    return result
