"""Bereik on pages of other floors: the edit panel of every page (core/panels.py: ReachPanel) and the privacy receipt
(templates/home/information_page.html)."""

import datetime

from django import template
from django.utils import timezone
from wagtail.models import Page

from reach import receipt, report
from reach.scope import scope_for

register = template.Library()

PANEL_DAYS = 28


@register.simple_tag
def page_reach(page, user):
    """The page's trends, a sparkline and sources of the last 28 days; None when the user may not see them."""
    scope = scope_for(user)
    if not page or not page.pk or scope is None or not scope.allows_page(page):
        return None
    pages = Page.objects.filter(pk=page.pk)
    today = timezone.localdate()
    start = today - datetime.timedelta(days=PANEL_DAYS - 1)
    days = report.by_day(pages, start, today)
    return {
        "trends": report.trends(pages, today),
        "chart": report.sparkline(
            report.series(days, start, today), f"Dagelijkse lezers, de laatste {PANEL_DAYS} dagen"
        ),
        "sources": report.sources(pages, start, today),
        "readers_label": report.READERS_LABEL,
    }


@register.inclusion_tag("reach/receipt.html")
def reach_receipt():
    return {"stored": receipt.stored(), "never": receipt.never_stored(), "limits": receipt.limits()}
