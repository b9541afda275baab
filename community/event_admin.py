"""The organisers' side of Buurtwijs's own event registration: the registrants as a CSV file for Excel, and a
page to manage them: cancel a registration (which deletes the person's data, also on request) and give a free
place to someone on the waiting list.

Only people who may edit the event page may see or change its registrants: a registration holds personal data.
The buttons sit in the event's page header in the admin (next to "Bewerken", "Verplaatsen"…) and in the
"more" menu of the page explorer.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.menus.pages import PageMenuItem

from community.events import EventPage, EventRegistration, cancel_registration, give_place
from core.spreadsheet import csv_download

CSV_HEADERS = ["Naam", "E-mailadres", "Organisatie", "Opmerkingen", "Status", "Aangemeld op", "Bevestiging"]


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
            timezone.localtime(registration.created_at).strftime("%d-%m-%Y %H:%M"),
            "niet verstuurd" if registration.mail_failed else "verstuurd",
        ]


def editable_event(request, page_id):
    """The event, or None when the user may not edit its page (and so may not see its registrants)."""
    event = get_object_or_404(EventPage, pk=page_id)
    return event if event.permissions_for_user(request.user).can_edit() else None


@never_cache
def registrations_csv(request, page_id):
    if (event := editable_event(request, page_id)) is None:
        return permission_denied(request)
    filename = f"aanmeldingen-{event.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    return csv_download(filename, CSV_HEADERS, registration_rows(event))


# Managing the registrations -------------------------------------------------------------------------------------


@never_cache
def registrations(request, page_id):
    """The registrants of an event: first those with a place, then the waiting list in order."""
    if (event := editable_event(request, page_id)) is None:
        return permission_denied(request)
    rows = list(event.registrations.order_by("status", "created_at", "pk"))  # "registered" sorts before "waiting"
    registered = [row for row in rows if row.status == EventRegistration.Status.REGISTERED]
    places_left = None if event.capacity is None else max(0, event.capacity - len(registered))
    context = {
        "event": event,
        "registered": registered,
        "waiting": [row for row in rows if row.status == EventRegistration.Status.WAITING],
        "places_left": places_left,
        "place_is_free": places_left != 0,
    }
    return TemplateResponse(request, "stories/admin/event_registrations.html", context)


@never_cache
def registration_delete(request, page_id, registration_id):
    """Confirm (GET), then cancel the registration and delete the person's data (POST)."""
    if (event := editable_event(request, page_id)) is None:
        return permission_denied(request)
    registration = get_object_or_404(event.registrations, pk=registration_id)
    if request.method == "POST":
        if cancel_registration(event, registration.pk):
            messages.success(
                request, f"{registration.name} is afgemeld. De gegevens van de aanmelding zijn verwijderd."
            )
            if registration.status == EventRegistration.Status.REGISTERED and has_waiting_list(event):
                messages.info(request, "Er is nu een plaats vrij. Geef die aan iemand op de wachtlijst.")
        return redirect("event_registrations", event.pk)
    return TemplateResponse(
        request, "stories/admin/event_registration_delete.html", {"event": event, "registration": registration}
    )


def has_waiting_list(event):
    return event.registrations.filter(status=EventRegistration.Status.WAITING).exists()


@require_POST
def registration_give_place(request, page_id, registration_id):
    """Move someone from the waiting list to a free place; they get a mail."""
    if (event := editable_event(request, page_id)) is None:
        return permission_denied(request)
    registration = get_object_or_404(event.registrations, pk=registration_id)
    if give_place(event, registration.pk):
        messages.success(request, f"{registration.name} heeft nu een plaats en krijgt daarover een e-mail.")
    else:
        messages.error(
            request,
            f"{registration.name} kan geen plaats krijgen: de bijeenkomst is vol. "
            "Meld eerst iemand af, of maak het aantal plaatsen groter.",
        )
    return redirect("event_registrations", event.pk)


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [
        path("bijeenkomsten/<int:page_id>/aanmeldingen.csv", registrations_csv, name="event_registrations_csv"),
        path("bijeenkomsten/<int:page_id>/aanmeldingen/", registrations, name="event_registrations"),
        path(
            "bijeenkomsten/<int:page_id>/aanmeldingen/<int:registration_id>/verwijderen/",
            registration_delete,
            name="event_registration_delete",
        ),
        path(
            "bijeenkomsten/<int:page_id>/aanmeldingen/<int:registration_id>/plaats-geven/",
            registration_give_place,
            name="event_registration_give_place",
        ),
    ]


# Buttons ----------------------------------------------------------------------------------------------------------


class EventRegistrationsMenuItem(PageMenuItem):
    """A button on an event page for those who may edit it (without Wagtail's ?next=: the views do not use it)."""

    @property
    def url(self):
        return reverse(self.url_name, args=[self.page.pk])

    def is_shown(self, user):
        page_class = self.page.specific_class
        return (
            bool(page_class and issubclass(page_class, EventPage)) and self.page.permissions_for_user(user).can_edit()
        )


class RegistrationsManage(EventRegistrationsMenuItem):
    label = "Aanmeldingen beheren"
    icon_name = "group"
    priority = 24
    url_name = "event_registrations"


class RegistrationsDownload(EventRegistrationsMenuItem):
    label = "Aanmeldingen downloaden (CSV)"
    icon_name = "download"
    priority = 25
    url_name = "event_registrations_csv"


@hooks.register("register_page_header_buttons")
def event_registrations_header_button(page, user, view_name, next_url=None):
    yield RegistrationsManage(page=page)
    yield RegistrationsDownload(page=page)


@hooks.register("register_page_listing_more_buttons")
def event_registrations_listing_button(page, user, next_url=None):
    yield RegistrationsManage(page=page)
    yield RegistrationsDownload(page=page)
