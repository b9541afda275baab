"""The one-click report for funders and policy makers (Reports > Bereik > "Verslag voor financiers"): a quarter or
a year as a printable page and as a CSV file.

What is in it: readers per month (views, som van dagelijkse lezers, uitgelezen); stories published per region;
active correspondents (published a story or news item in the 90 days before the period ends) and the regions
without one; reactions placed; registrations for gatherings; "van verhaal naar kennis" per kind of link. A fixed
number of queries.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.dates import MONTHS
from wagtail.models import Page

from community.events import EventRegistration
from correspondents.regions import CorrespondentProfile, RegionalNewsPage, region_pages
from reach import report
from stories.models import PracticeStoryPage, Reaction

ACTIVE_DAYS = 90
NATIONAL = "landelijk"
CSV_HEADERS = ["Onderdeel", "Omschrijving", "Aantal"]


class FunderPeriodForm(forms.Form):
    jaar = forms.IntegerField(label="Jaar", min_value=2000, max_value=2100, required=False)
    kwartaal = forms.TypedChoiceField(
        label="Kwartaal",
        choices=[("", "Heel het jaar"), (1, "1e kwartaal"), (2, "2e kwartaal"), (3, "3e kwartaal"), (4, "4e kwartaal")],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def period(self):
        """(year, quarter or None); without a valid choice the last whole quarter."""
        if self.is_bound and self.is_valid() and self.cleaned_data.get("jaar"):
            return self.cleaned_data["jaar"], self.cleaned_data.get("kwartaal")
        today = timezone.localdate()
        quarter = (today.month - 1) // 3  # the last whole one; 0 = the fourth of last year
        return (today.year, quarter) if quarter else (today.year - 1, 4)


@dataclass
class FunderReport:
    year: int
    quarter: int | None
    start: datetime.date
    end: datetime.date
    months: list = field(default_factory=list)  # (label, Totals)
    stories_per_region: list = field(default_factory=list)  # (region name, count)
    active_correspondents: list = field(default_factory=list)  # (region name, [names])
    regions_without: list = field(default_factory=list)  # region names
    reactions: int = 0
    registrations: int = 0
    bridge: list = field(default_factory=list)  # report.SourceRow

    @property
    def title(self):
        return f"{self.quarter}e kwartaal {self.year}" if self.quarter else f"{self.year}"

    @property
    def slug(self):
        return f"{self.year}-k{self.quarter}" if self.quarter else f"{self.year}"

    @property
    def totals(self):
        totals = report.Totals()
        for _, month in self.months:
            totals.add({"views": month.views, "readers": month.readers, "finished": month.finished})
        return totals

    @property
    def active_count(self):
        return sum(len(names) for _, names in self.active_correspondents)

    def csv_rows(self):
        for name, month in self.months:
            yield ["Lezers per maand", f"{name}: weergaven", month.views]
            yield ["Lezers per maand", f"{name}: {report.READERS_LABEL}", month.readers]
            yield ["Lezers per maand", f"{name}: uitgelezen", month.finished]
        for name, count in self.stories_per_region:
            yield ["Verhalen gepubliceerd", name, count]
        for name, names in self.active_correspondents:
            yield ["Actieve correspondenten", name, len(names)]
        for name in self.regions_without:
            yield ["Regio zonder actieve correspondent", name, 0]
        yield ["Reacties", "geplaatst", self.reactions]
        yield ["Aanmeldingen voor bijeenkomsten", "aangemeld", self.registrations]
        for row in self.bridge:
            yield ["Van verhaal naar kennis", row.label, row.totals.readers]


def bounds(year, quarter):
    if quarter:
        start = datetime.date(year, 3 * quarter - 2, 1)
        end = (datetime.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)) - datetime.timedelta(days=1)
    else:
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return start, end


def moment(day):
    """The start of this day in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def region_name(page, regions):
    return next((region.title for region in regions if page.path.startswith(region.path)), NATIONAL)


def funder_report(year, quarter=None):
    start, end = bounds(year, quarter)
    after_end = moment(end + datetime.timedelta(days=1))
    result = FunderReport(year, quarter, start, end)

    days = report.by_day(Page.objects.all(), start, end)
    month = start
    while month <= end:
        in_month = (row for day, row in days.items() if (day.year, day.month) == (month.year, month.month))
        totals = report.Totals.of(in_month)
        result.months.append((f"{MONTHS[month.month]} {month.year}", totals))
        month = datetime.date(month.year + (month.month == 12), month.month % 12 + 1, 1)

    regions = list(region_pages().order_by("title"))
    published = PracticeStoryPage.objects.filter(
        first_published_at__gte=moment(start), first_published_at__lt=after_end
    )
    counts = {}
    for page in published.only("path"):
        name = region_name(page, regions)
        counts[name] = counts.get(name, 0) + 1
    result.stories_per_region = [(region.title, counts.get(region.title, 0)) for region in regions] + [
        (NATIONAL, counts.get(NATIONAL, 0))
    ]

    since = after_end - datetime.timedelta(days=ACTIVE_DAYS)
    recent = Q(first_published_at__gte=since, first_published_at__lt=after_end)
    authors = set(PracticeStoryPage.objects.filter(recent).values_list("author_id", flat=True))
    authors |= set(RegionalNewsPage.objects.filter(recent).values_list("author_id", flat=True))
    active = CorrespondentProfile.objects.filter(pk__in=authors - {None}).select_related("region").order_by("name")
    per_region = {}
    for profile in active:
        per_region.setdefault(profile.region.title if profile.region else NATIONAL, []).append(profile.name)
    result.active_correspondents = [(region.title, per_region.get(region.title, [])) for region in regions]
    result.regions_without = [region.title for region in regions if not per_region.get(region.title)]

    in_period = Q(created_at__gte=moment(start), created_at__lt=after_end)
    result.reactions = Reaction.objects.filter(in_period, status=Reaction.Status.APPROVED).count()
    result.registrations = EventRegistration.objects.filter(in_period).count()
    result.bridge = report.knowledge_bridge(Page.objects.all(), start, end)
    return result
