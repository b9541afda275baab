"""Bereik in the admin: the report (Reports > Bereik), the funders' report and a story's podium card.

Every view asks reach/scope.py who sees what; a regional editor who opens another region's report is refused.
"""

import datetime

from django.db.models import Min
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import permission_denied
from wagtail.models import Page

from core.spreadsheet import csv_download
from reach import funders, report
from reach.filters import ReachFilters
from reach.models import DailyReach
from reach.scope import scope_for


@never_cache
def reach_report(request):
    scope = scope_for(request.user)
    if scope is None:
        return permission_denied(request)
    filters = ReachFilters(request.GET or None, scope=scope)
    if filters.region and not scope.allows_region(filters.region):
        return permission_denied(request)
    today = timezone.localdate()
    start, end = report.period(filters.days, today)
    pages = filters.filter(scope.pages())
    days = report.by_day(pages, start, end)
    totals = report.Totals.of(days.values())
    context = {
        "filters": filters,
        "scope": scope,
        "start": start,
        "end": end,
        "period_label": report.PERIODS[filters.days],
        "totals": totals,
        "chart": report.sparkline(report.series(days, start, end), f"Dagelijkse lezers, {start} tot en met {end}"),
        "trends": report.trends(pages, today),
        "pages": report.top_pages(pages, start, end),
        "sources": report.sources(pages, start, end),
        "bridge": report.knowledge_bridge(pages, start, end),
        "readers_label": report.READERS_LABEL,
        "may_see_funders": scope.everything,
    }
    return TemplateResponse(request, "reach/admin/report.html", context)


@never_cache
def funder_report(request):
    """Quarter or year, as a printable page or (``?formaat=csv``) a CSV file for Excel."""
    scope = scope_for(request.user)
    if scope is None or not scope.everything:
        return permission_denied(request)
    form = funders.FunderPeriodForm(request.GET or None)
    year, quarter = form.period()
    if not form.is_bound:  # show the period the report is about
        form = funders.FunderPeriodForm(initial={"jaar": year, "kwartaal": quarter or ""})
    data = funders.funder_report(year, quarter)
    if request.GET.get("formaat") == "csv":
        return csv_download(f"bereik-{data.slug}.csv", funders.CSV_HEADERS, data.csv_rows())
    return TemplateResponse(request, "reach/admin/funders.html", {"form": form, "report": data})


@never_cache
def podium_card(request, page_id):
    """A story's readers and where they came from, to send to the buurtmakers it is about."""
    scope = scope_for(request.user)
    page = Page.objects.filter(pk=page_id).first()
    if scope is None or page is None or not scope.allows_page(page):
        return permission_denied(request)
    page = page.specific
    today = timezone.localdate()
    pages = Page.objects.filter(pk=page.pk)
    start = DailyReach.objects.filter(page=page).aggregate(first=Min("day"))["first"] or today
    days = report.by_day(pages, start, today)
    totals = report.Totals.of(days.values())
    context = {
        "page": page,
        "start": start,
        "end": today,
        "totals": totals,
        "sources": report.sources(pages, start, today),
        "readers_label": report.READERS_LABEL,
        "chart": report.sparkline(
            report.series(days, max(start, today - datetime.timedelta(days=364)), today), "Dagelijkse lezers"
        ),
    }
    return TemplateResponse(request, "reach/admin/podium.html", context)
