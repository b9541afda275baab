"""The organisers' side of Buurtwijs's own event registration: the registrants as a CSV file for Excel.

Only people who may edit the event page may download its registrants: a registration holds personal data.
The button sits in the event's page header in the admin (next to "Bewerken", "Verplaatsen"…) and in the
"more" menu of the page explorer.
"""

import csv

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.menus.pages import PageMenuItem

from stories.events import AMSTERDAM, EventPage

# Excel in Dutch opens a UTF-8 file correctly only with a byte order mark, and splits columns on ";" (the comma
# is the decimal separator in the Netherlands): a comma-separated file would open as one column.
CSV_DELIMITER = ";"
CSV_HEADERS = ["Naam", "E-mailadres", "Organisatie", "Opmerkingen", "Status", "Aangemeld op", "Bevestiging"]
# A cell that starts with one of these is read by spreadsheets as a formula (CSV injection, OWASP).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """The text of a cell, with a leading ' when a spreadsheet would run it as a formula."""
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def registration_rows(event):
    """The registrants: first those with a place, then the waiting list, each in order of registration."""
    # "registered" sorts before "waiting".
    for registration in event.registrations.order_by("status", "created_at", "pk"):
        yield [
            registration.name,
            registration.email,
            registration.organisation,
            registration.remarks,
            registration.get_status_display(),
            registration.created_at.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M"),
            "niet verstuurd" if registration.mail_failed else "verstuurd",
        ]


@never_cache
def registrations_csv(request, page_id):
    event = get_object_or_404(EventPage, pk=page_id)
    if not event.permissions_for_user(request.user).can_edit():
        return permission_denied(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"aanmeldingen-{event.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # the byte order mark
    writer = csv.writer(response, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for row in registration_rows(event):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return response


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [path("bijeenkomsten/<int:page_id>/aanmeldingen.csv", registrations_csv, name="event_registrations_csv")]


class RegistrationsDownload(PageMenuItem):
    label = "Aanmeldingen downloaden (CSV)"
    icon_name = "download"
    priority = 25

    @property
    def url(self):
        return reverse("event_registrations_csv", args=[self.page.pk])

    def is_shown(self, user):
        page_class = self.page.specific_class
        return (
            bool(page_class and issubclass(page_class, EventPage)) and self.page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_page_header_buttons")
def event_registrations_header_button(page, user, view_name, next_url=None):
    yield RegistrationsDownload(page=page)


@hooks.register("register_page_listing_more_buttons")
def event_registrations_listing_button(page, user, next_url=None):
    yield RegistrationsDownload(page=page)
