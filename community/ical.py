"""iCalendar (RFC 5545) for gatherings: one .ics file per event, and a feed of every upcoming event to subscribe to.

Times are written in UTC (``DTSTART:20261024T173000Z``), not as local time with ``TZID=Europe/Amsterdam``: UTC is
exact on both sides of a daylight-saving change without a VTIMEZONE component that we would have to keep in step
with the tz database, and every calendar shows it in its reader's own time zone. Gatherings never repeat, so
nothing needs the local wall-clock time that a recurrence rule would. The feed names Europe/Amsterdam as a hint
(X-WR-TIMEZONE) for the clients that use it to show the calendar.

The ``icalendar`` package writes the calendar: it escapes TEXT values and folds long lines. Both views cost a
constant number of queries, however many events there are.
"""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import icalendar
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from icalendar.parser import Contentline
from wagtail.models import PageLogEntry

from community.events import EventPage

CALENDAR_NAME = "Bijeenkomsten Buurtwijs"
CALENDAR_DESCRIPTION = "Bijeenkomsten van en voor buurtmakers: ontmoeten, leren en uitwisselen."
CALENDAR_TIME_ZONE = "Europe/Amsterdam"
PRODUCT_ID = "-//Buurtwijs//Bijeenkomsten//NL"
REFRESH_INTERVAL = datetime.timedelta(hours=6)  # how often a subscribed calendar should look for changes
CONTENT_TYPE = "text/calendar; charset=utf-8"
FEED_FILENAME = "bijeenkomsten-buurtwijs.ics"

MAX_LINE_OCTETS = 75  # RFC 5545 3.1: icalendar folds longer lines; the line break is not counted
# TEXT may hold no control characters but the horizontal tab (RFC 5545 3.3.11); line breaks are made \n first.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class CalendarEvent:
    """What a VEVENT says; times are aware datetimes."""

    uid: str
    summary: str
    start: datetime.datetime
    end: datetime.datetime | None
    description: str
    location: str
    url: str
    last_modified: datetime.datetime | None
    sequence: int = 0


# The calendar -------------------------------------------------------------------------------------------------


def plain_text(value):
    """Text as a TEXT value may hold it: line breaks as \\n and no other control character but the tab. icalendar
    escapes the line breaks, backslashes, semicolons and commas, but writes control characters as they are."""
    value = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL_CHARACTERS.sub("", value)


def utc(value):
    """In UTC, so that icalendar writes form #2 of RFC 5545 3.3.5 (20261024T173000Z) and no TZID."""
    return value.astimezone(datetime.UTC)


def vevent(event, stamp):
    component = icalendar.Event()
    component.add("UID", event.uid)
    component.add("DTSTAMP", utc(stamp))
    component.add("DTSTART", utc(event.start))
    if event.end is not None:
        component.add("DTEND", utc(event.end))
    component.add("SUMMARY", plain_text(event.summary))
    component.add("DESCRIPTION", plain_text(event.description))
    if event.location:
        component.add("LOCATION", plain_text(event.location))
    component.add("URL", event.url)
    if event.last_modified is not None:
        component.add("LAST-MODIFIED", utc(event.last_modified))
    component.add("SEQUENCE", event.sequence)
    component.add("STATUS", "CONFIRMED")
    component.add("TRANSP", "OPAQUE")
    return component


def calendar(events, feed=False, stamp=None):
    """A VCALENDAR with these events, as text with CRLF line endings. ``feed``: a calendar to subscribe to, with
    its name, description and time zone (a single event's file adds to the reader's own calendar)."""
    stamp = stamp or timezone.now()
    component = icalendar.Calendar()
    component.add("VERSION", "2.0")
    component.add("PRODID", PRODUCT_ID)
    component.add("CALSCALE", "GREGORIAN")
    component.add("METHOD", "PUBLISH")
    if feed:
        # Typed explicitly: icalendar writes a value of a property it has no type for (X-..., and RFC 7986's
        # REFRESH-INTERVAL in icalendar 6) as str() gives it, unescaped.
        component.add("NAME", CALENDAR_NAME)  # RFC 7986
        component.add("X-WR-CALNAME", icalendar.vText(CALENDAR_NAME))
        component.add("DESCRIPTION", CALENDAR_DESCRIPTION)
        component.add("X-WR-CALDESC", icalendar.vText(CALENDAR_DESCRIPTION))
        component.add("X-WR-TIMEZONE", icalendar.vText(CALENDAR_TIME_ZONE))
        component.add("REFRESH-INTERVAL", icalendar.vDuration(REFRESH_INTERVAL), parameters={"VALUE": "DURATION"})
        component.add("X-PUBLISHED-TTL", icalendar.vDuration(REFRESH_INTERVAL))
    for event in events:
        component.add_component(vevent(event, stamp))
    return component.to_ical(sorted=False).decode()


# How icalendar escapes and folds, for the tests that check the output byte by byte ----------------------------


def escape_text(value):
    """A TEXT value as the calendar holds it (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks
    escaped."""
    return icalendar.vText(plain_text(value)).to_ical().decode()


def fold(line):
    """A content line as the calendar holds it: lines of at most 75 octets, each continuation starting with one
    space, never split inside a character's UTF-8 bytes."""
    return Contentline(line).to_ical().decode()


# From event pages -------------------------------------------------------------------------------------------


def with_publish_count(queryset):
    """Annotate each event with how often it was published, in the same query: its SEQUENCE, so that a calendar
    that imported an earlier version takes the new one as newer."""
    published = (
        PageLogEntry.objects.filter(page=OuterRef("pk"), action="wagtail.publish")
        .order_by()
        .values("page")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return queryset.annotate(publish_count=Coalesce(Subquery(published, output_field=IntegerField()), 0))


def calendar_events():
    """Live, public event pages with what a VEVENT needs."""
    return with_publish_count(EventPage.objects.live().public().defer_streamfields().select_related("municipality"))


def location_of(event):
    """Where: the venue, its address and the municipality; for an online gathering, its web address."""
    parts = [event.venue.strip(), event.address.strip()]
    # The address often ends in the town already: "Boogstraat 1, Utrecht".
    if event.municipality and event.municipality.name.casefold() not in event.address.casefold():
        parts.append(event.municipality.name)
    place = ", ".join(part for part in parts if part)
    return place or event.online_url


def description_of(event, page_url):
    paragraphs = [event.intro.strip()] if event.intro.strip() else []
    if event.online_url:
        paragraphs.append(f"Online meedoen: {event.online_url}")
    if event.registration_url:
        paragraphs.append(f"Aanmelden: {event.registration_url}")
    paragraphs.append(f"Meer informatie: {page_url}")
    return "\n\n".join(paragraphs)


def calendar_event(event, request):
    """The VEVENT of an event page; None for a page that no site serves. Its UID stays the same for as long as the
    page and the site's host name do: event-<pk>@<host>."""
    page_url = event.get_full_url(request)  # the site's root paths are looked up once per request
    if page_url is None:
        return None
    host = urlsplit(page_url).hostname or "buurtwijs"
    return CalendarEvent(
        uid=f"event-{event.pk}@{host}",
        summary=event.title,
        start=event.start,
        end=event.end,
        description=description_of(event, page_url),
        location=location_of(event),
        url=page_url,
        last_modified=event.last_published_at or event.latest_revision_created_at,
        sequence=max(getattr(event, "publish_count", 1) - 1, 0),
    )


def calendar_response(body, filename):
    response = HttpResponse(body.encode(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def event_ical(request, page_id):
    """One event as an .ics file to add to your own calendar; 404 unless the event is live and public."""
    event = calendar_events().filter(pk=page_id).first()
    vevent = calendar_event(event, request) if event is not None else None
    if vevent is None:
        raise Http404("Deze bijeenkomst bestaat niet (meer).")
    return calendar_response(calendar([vevent]), f"bijeenkomst-{event.slug}.ics")


def events_ical(request):
    """Every upcoming live, public event, soonest first: a calendar to subscribe to."""
    events = calendar_events().upcoming().order_by("start", "pk")
    vevents = [calendar_event(event, request) for event in events]
    body = calendar([vevent for vevent in vevents if vevent is not None], feed=True)
    return calendar_response(body, FEED_FILENAME)
