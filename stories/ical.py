"""iCalendar (RFC 5545) for gatherings: one .ics file per event, and a feed of every upcoming event to subscribe to.

Times are written in UTC (``DTSTART:20261024T173000Z``), not as local time with ``TZID=Europe/Amsterdam``: UTC is
exact on both sides of a daylight-saving change without a VTIMEZONE component that we would have to keep in step
with the tz database, and every calendar shows it in its reader's own time zone. Gatherings never repeat, so
nothing needs the local wall-clock time that a recurrence rule would. The feed names Europe/Amsterdam as a hint
(X-WR-TIMEZONE) for the clients that use it to show the calendar.

The generator is small and written here, so the site has no runtime dependency for it; the tests parse its output
with the ``icalendar`` package. Both views cost a constant number of queries, however many events there are.
"""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from wagtail.models import PageLogEntry

from community.events import EventPage

CALENDAR_NAME = "Bijeenkomsten Buurtwijs"
CALENDAR_DESCRIPTION = "Bijeenkomsten van en voor buurtmakers: ontmoeten, leren en uitwisselen."
CALENDAR_TIME_ZONE = "Europe/Amsterdam"
PRODUCT_ID = "-//Buurtwijs//Bijeenkomsten//NL"
REFRESH_INTERVAL = "PT6H"  # how often a subscribed calendar should look for changes
CONTENT_TYPE = "text/calendar; charset=utf-8"
FEED_FILENAME = "bijeenkomsten-buurtwijs.ics"

CRLF = "\r\n"
MAX_LINE_OCTETS = 75  # RFC 5545 3.1: longer lines are folded; the line break is not counted
# TEXT may hold no control characters but the horizontal tab (RFC 5545 3.3.11); line breaks are escaped first.
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


# The generator ------------------------------------------------------------------------------------------------


def escape_text(value):
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    value = str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return CONTROL_CHARACTERS.sub("", value)


def utc_datetime(value):
    """A DATE-TIME in UTC, form #2 of RFC 5545 3.3.5: 20261024T173000Z."""
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line):
    """Split a content line into lines of at most 75 octets; each continuation starts with one space.

    Splits between characters, never inside a character's UTF-8 bytes, so every line is valid UTF-8 on its own.
    """
    lines, current, octets = [], "", 0
    for character in line:
        size = len(character.encode())
        if octets + size > MAX_LINE_OCTETS:
            lines.append(current)
            current, octets = " ", 1
        current += character
        octets += size
    lines.append(current)
    return CRLF.join(lines)


def content_line(name, value):
    return fold(f"{name}:{value}")


def vevent_lines(event, stamp):
    lines = [
        "BEGIN:VEVENT",
        content_line("UID", event.uid),
        content_line("DTSTAMP", utc_datetime(stamp)),
        content_line("DTSTART", utc_datetime(event.start)),
    ]
    if event.end is not None:
        lines.append(content_line("DTEND", utc_datetime(event.end)))
    lines += [
        content_line("SUMMARY", escape_text(event.summary)),
        content_line("DESCRIPTION", escape_text(event.description)),
    ]
    if event.location:
        lines.append(content_line("LOCATION", escape_text(event.location)))
    lines.append(content_line("URL", event.url))  # a URI, not TEXT: not escaped
    if event.last_modified is not None:
        lines.append(content_line("LAST-MODIFIED", utc_datetime(event.last_modified)))
    lines += [content_line("SEQUENCE", event.sequence), "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]
    return lines


def calendar(events, feed=False, stamp=None):
    """A VCALENDAR with these events, as text with CRLF line endings. ``feed``: a calendar to subscribe to, with
    its name, description and time zone (a single event's file adds to the reader's own calendar)."""
    stamp = stamp or timezone.now()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", content_line("PRODID", PRODUCT_ID), "CALSCALE:GREGORIAN"]
    lines.append("METHOD:PUBLISH")
    if feed:
        lines += [
            content_line("NAME", escape_text(CALENDAR_NAME)),  # RFC 7986
            content_line("X-WR-CALNAME", escape_text(CALENDAR_NAME)),
            content_line("DESCRIPTION", escape_text(CALENDAR_DESCRIPTION)),
            content_line("X-WR-CALDESC", escape_text(CALENDAR_DESCRIPTION)),
            content_line("X-WR-TIMEZONE", CALENDAR_TIME_ZONE),
            content_line("REFRESH-INTERVAL;VALUE=DURATION", REFRESH_INTERVAL),  # RFC 7986
            content_line("X-PUBLISHED-TTL", REFRESH_INTERVAL),
        ]
    for event in events:
        lines += vevent_lines(event, stamp)
    lines.append("END:VCALENDAR")
    return CRLF.join(lines) + CRLF


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
