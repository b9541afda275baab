"""Bereik in the admin: Reports > Bereik, its URLs, and the dashboard panel "Jouw verhalen deze maand"."""

from django.template.loader import get_template
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from reach import report, views
from reach.scope import own_pages, scope_for

DASHBOARD_ITEMS = 10


class ReachMenuItem(MenuItem):
    def is_shown(self, request):
        return scope_for(request.user) is not None


@hooks.register("register_reports_menu_item")
def register_reach_menu_item():
    return ReachMenuItem("Bereik", reverse("reach_report"), name="bereik", icon_name="view", order=1200)


@hooks.register("register_admin_urls")
def register_reach_urls():
    return [
        path("bereik/", views.reach_report, name="reach_report"),
        path("bereik/financiers/", views.funder_report, name="reach_funders"),
        path("bereik/podium/<int:page_id>/", views.podium_card, name="reach_podium"),
    ]


class ThisMonthPanel(Component):
    """The user's own live stories and news, most read this month first: daily readers and "uitgelezen". One query
    (two with readers, for the sparklines); nothing at all for someone who wrote nothing."""

    name = "buurtwijs_reach_this_month"
    order = 130

    def render_html(self, parent_context=None):
        user = parent_context["request"].user
        today = timezone.localdate()
        start = today.replace(day=1)
        rows = report.own_pages_this_month(own_pages(user), start, today, DASHBOARD_ITEMS)
        if not rows:
            return ""
        context = {"rows": rows, "start": start, "readers_label": report.READERS_LABEL}
        return get_template("reach/dashboard/this_month.html").render(context)


@hooks.register("construct_homepage_panels")
def reach_dashboard_panel(request, panels):
    panels.append(ThisMonthPanel())
