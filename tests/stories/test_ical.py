"""iCalendar for gatherings (community/ical.py): one .ics per event and a feed of every upcoming event.

The output is read twice: byte by byte for what RFC 5545 asks of the text itself (CRLF, lines of at most 75 octets,
escaping), and with the ``icalendar`` package, as a calendar program would.
"""

import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from community.ical import MAX_LINE_OCTETS, escape_text, fold
from tests import factories
from tests.helpers import links, soup

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
UTC = datetime.UTC
TRICKY_TITLE = "Buurtcafé; praten, luisteren \\ en ideeën delen"
LONG_INTRO = (
    "Op deze avond praten we over wat werkt in de buurt: de koffieochtend in het buurthuis, de moestuin achter de "
    "flat en de buurtapp. Iedereen is welkom, ook als je nog nooit iets hebt georganiseerd. We sluiten af met een "
    "drankje en een hapje uit de wijkkeuken; vegetarisch en halal. Neem gerust je buren mee!\n"
    "Tweede alinea: wie wil, vertelt in vijf minuten over het eigen initiatief, één café of één ideeën-bus."
)


def amsterdam(*args):
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


@pytest.fixture
def event_index(home):
    return factories.EventIndexPageFactory(parent=home)


def event_url(event):
    return reverse("event_ical", args=[event.pk])


def get_calendar(client, url):
    """The response and its calendar, parsed; fails the test unless it is a calendar."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, icalendar.Calendar.from_ical(response.content)


def raw_lines(response):
    """The content lines as sent: every one must end in CRLF."""
    body = response.content
    assert body.endswith(b"\r\n"), "the calendar does not end with CRLF"
    lines = body[:-2].split(b"\r\n")
    assert not any(b"\n" in line or b"\r" in line for line in lines), "a line ends without CRLF"
    return lines


def unfolded(response):
    """The content lines with the folding undone, as text."""
    return response.content.decode().replace("\r\n ", "").split("\r\n")


def assert_valid_lines(response):
    for line in raw_lines(response):
        assert len(line) <= MAX_LINE_OCTETS, f"a line of {len(line)} octets: {line!r}"
        line.decode()  # each folded line is valid UTF-8 on its own: no character is split


def vevents(calendar):
    return calendar.walk("VEVENT")


# The generator ----------------------------------------------------------------------------------


def test_text_escaping():
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    assert escape_text("tab\tstays, bell\x07 goes") == "tab\tstays\\, bell goes"


@pytest.mark.parametrize("character", ["a", "é", "€", "🏘"])
def test_folding_never_splits_a_character(character):
    for length in range(1, 200):
        line = "DESCRIPTION:" + character * length
        folded = fold(line).encode()

        lines = folded.split(b"\r\n")
        assert all(len(part) <= MAX_LINE_OCTETS for part in lines)
        assert all(part.startswith(b" ") for part in lines[1:])
        for part in lines:
            part.decode()
        assert folded.decode().replace("\r\n ", "") == line


# One event ---------------------------------------------------------------------------------------


def test_event_file_has_every_property_a_calendar_needs(client, event_index, region):
    municipality = factories.MunicipalityFactory(region=region, name="Houten")
    event = factories.EventPageFactory(
        parent=event_index,
        title=TRICKY_TITLE,
        slug="buurtcafe",
        intro=LONG_INTRO,
        start=amsterdam(2026, 12, 10, 19, 30),
        end=amsterdam(2026, 12, 10, 21, 30),
        venue="Buurthuis De Boog",
        address="Boogstraat 1",
        municipality=municipality,
        registration_url="https://www.example.org/aanmelden",
    )

    response, calendar = get_calendar(client, event_url(event))

    assert response["Content-Disposition"] == 'attachment; filename="bijeenkomst-buurtcafe.ics"'
    assert_valid_lines(response)
    assert (calendar["VERSION"], calendar["CALSCALE"], calendar["METHOD"]) == ("2.0", "GREGORIAN", "PUBLISH")
    assert "Buurtwijs" in calendar["PRODID"]
    assert "X-WR-CALNAME" not in calendar  # a single event goes into the reader's own calendar
    (vevent,) = vevents(calendar)
    page_url = event.get_full_url()
    assert vevent["UID"] == f"event-{event.pk}@localhost"
    assert vevent["SUMMARY"] == TRICKY_TITLE
    assert vevent.decoded("DTSTART") == datetime.datetime(2026, 12, 10, 18, 30, tzinfo=UTC)
    assert vevent.decoded("DTEND") == datetime.datetime(2026, 12, 10, 20, 30, tzinfo=UTC)
    assert vevent["DESCRIPTION"] == (
        f"{LONG_INTRO}\n\nAanmelden: https://www.example.org/aanmelden\n\nMeer informatie: {page_url}"
    )
    assert vevent["LOCATION"] == "Buurthuis De Boog, Boogstraat 1, Houten"
    assert vevent["URL"] == page_url
    assert vevent.decoded("DTSTAMP").tzinfo is not None and "DTSTAMP:" in response.content.decode()
    assert vevent.decoded("LAST-MODIFIED") == event.last_published_at.replace(microsecond=0)
    assert vevent["SEQUENCE"] == 0
    assert not calendar.errors and not vevent.errors


def test_text_is_escaped_and_long_lines_are_folded(client, event_index):
    event = factories.EventPageFactory(parent=event_index, title=TRICKY_TITLE, intro=LONG_INTRO)

    response, _calendar = get_calendar(client, event_url(event))

    lines = unfolded(response)
    assert "SUMMARY:Buurtcafé\\; praten\\, luisteren \\\\ en ideeën delen" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert "buurthuis\\, de moestuin" in description and "mee!\\nTweede alinea" in description
    assert len(description.encode()) > 3 * MAX_LINE_OCTETS  # so it was folded over several lines
    assert_valid_lines(response)


def test_utc_times_are_right_on_both_sides_of_the_change_to_winter_time(client, event_index):
    """19.30 in Amsterdam is 17.30 UTC in summer time (CEST, until 25 October 2026) and 18.30 UTC after it."""
    summer = factories.EventPageFactory(
        parent=event_index, start=amsterdam(2026, 10, 24, 19, 30), end=amsterdam(2026, 10, 24, 21, 30)
    )
    winter = factories.EventPageFactory(
        parent=event_index, start=amsterdam(2026, 10, 31, 19, 30), end=amsterdam(2026, 10, 31, 21, 30)
    )

    summer_response, summer_calendar = get_calendar(client, event_url(summer))
    winter_response, winter_calendar = get_calendar(client, event_url(winter))

    assert "DTSTART:20261024T173000Z" in unfolded(summer_response)
    assert "DTSTART:20261031T183000Z" in unfolded(winter_response)
    assert vevents(summer_calendar)[0].decoded("DTSTART").astimezone(AMSTERDAM) == amsterdam(2026, 10, 24, 19, 30)
    assert vevents(winter_calendar)[0].decoded("DTEND").astimezone(AMSTERDAM) == amsterdam(2026, 10, 31, 21, 30)


def test_a_night_across_the_change_to_winter_time_lasts_the_real_duration(client, event_index):
    """From 22.00 on 24 October to 4.00 on 25 October 2026: the clock goes back an hour at 3.00, so it is 7 hours."""
    night = factories.EventPageFactory(
        parent=event_index, start=amsterdam(2026, 10, 24, 22, 0), end=amsterdam(2026, 10, 25, 4, 0)
    )

    response, calendar = get_calendar(client, event_url(night))

    (vevent,) = vevents(calendar)
    assert vevent.decoded("DTEND") - vevent.decoded("DTSTART") == datetime.timedelta(hours=7)
    assert {"DTSTART:20261024T200000Z", "DTEND:20261025T030000Z"} <= set(unfolded(response))


def test_an_online_event_gives_its_link_as_location(client, event_index):
    event = factories.EventPageFactory(
        parent=event_index, venue="", address="", online_url="https://meet.example.org/buurtavond"
    )

    _response, calendar = get_calendar(client, event_url(event))

    (vevent,) = vevents(calendar)
    assert vevent["LOCATION"] == "https://meet.example.org/buurtavond"
    assert "Online meedoen: https://meet.example.org/buurtavond" in vevent["DESCRIPTION"]


def test_each_publication_raises_the_sequence_and_last_modified(client, event_index):
    event = factories.EventPageFactory(parent=event_index, title="Buurtavond")
    event.save_revision().publish()
    _response, first = get_calendar(client, event_url(event))

    event.refresh_from_db()
    event.title = "Buurtavond (nieuwe tijd)"
    event.save_revision().publish()
    _response, second = get_calendar(client, event_url(event))

    event.refresh_from_db()
    first_event, second_event = vevents(first)[0], vevents(second)[0]
    assert (first_event["SEQUENCE"], second_event["SEQUENCE"]) == (0, 1)
    assert first_event["UID"] == second_event["UID"]
    assert second_event["SUMMARY"] == "Buurtavond (nieuwe tijd)"
    assert second_event.decoded("LAST-MODIFIED") == event.last_published_at.replace(microsecond=0)


def test_only_live_public_events_have_a_file(client, event_index, home):
    draft = factories.EventPageFactory(parent=event_index, live=False, first_published_at=None)
    private = factories.EventPageFactory(parent=event_index)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    past = factories.EventPageFactory(
        parent=event_index, start=factories.days_ago(30), end=factories.days_ago(30) + datetime.timedelta(hours=2)
    )

    for page_id in (draft.pk, private.pk, home.pk, 987654):
        response = client.get(reverse("event_ical", args=[page_id]))
        assert response.status_code == 404, page_id
        assert "text/calendar" not in response["Content-Type"]
    # A gathering that is over keeps its file: a calendar may still link to it.
    get_calendar(client, event_url(past))


# The feed ----------------------------------------------------------------------------------------


@pytest.fixture
def events(event_index, site_tree):
    """Two upcoming gatherings (the later one made first), one going on now, and the ones the feed must leave out:
    one that is over, a draft and a private one."""
    later = factories.EventPageFactory(parent=event_index, title="Repair café in de bibliotheek")
    later.start += datetime.timedelta(days=7)
    later.end += datetime.timedelta(days=7)
    later.save()
    sooner = factories.EventPageFactory(parent=event_index, title="Buurtavond over eenzaamheid")
    now = factories.days_ago(0)
    ongoing = factories.EventPageFactory(
        parent=event_index,
        title="Buurtfeest (bezig)",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )
    factories.EventPageFactory(
        parent=event_index,
        title="Al geweest",
        start=factories.days_ago(3),
        end=factories.days_ago(3) + datetime.timedelta(hours=2),
    )
    factories.EventPageFactory(parent=event_index, title="Nog een concept", live=False, first_published_at=None)
    private = factories.EventPageFactory(parent=event_index, title="Besloten overleg")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return [ongoing, sooner, later]


def test_feed_lists_upcoming_live_public_events_soonest_first(client, events):
    response, calendar = get_calendar(client, reverse("events_ical"))

    assert response["Content-Disposition"] == 'attachment; filename="bijeenkomsten-buurtwijs.ics"'
    assert [str(vevent["SUMMARY"]) for vevent in vevents(calendar)] == [event.title for event in events]
    assert [str(vevent["UID"]) for vevent in vevents(calendar)] == [f"event-{event.pk}@localhost" for event in events]
    assert_valid_lines(response)


def test_feed_names_itself_for_subscribers(client, events):
    _response, calendar = get_calendar(client, reverse("events_ical"))

    assert (calendar["VERSION"], calendar["CALSCALE"], calendar["METHOD"]) == ("2.0", "GREGORIAN", "PUBLISH")
    assert calendar["X-WR-CALNAME"] == "Bijeenkomsten Buurtwijs"
    assert calendar["NAME"] == "Bijeenkomsten Buurtwijs"
    assert calendar["X-WR-TIMEZONE"] == "Europe/Amsterdam"
    assert calendar.decoded("REFRESH-INTERVAL") == datetime.timedelta(hours=6)
    for vevent in vevents(calendar):
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "URL"):
            assert name in vevent, f"{vevent['SUMMARY']} has no {name}"
        assert vevent.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)


def test_empty_feed_is_a_valid_calendar(client, event_index):
    response, calendar = get_calendar(client, reverse("events_ical"))

    assert vevents(calendar) == []
    assert calendar["X-WR-CALNAME"] == "Bijeenkomsten Buurtwijs"
    assert_valid_lines(response)


def test_calendars_are_publicly_cacheable(client, events):
    for url in (reverse("events_ical"), event_url(events[1])):
        response = client.get(url)
        assert response["Cache-Control"] == "public, max-age=60, s-maxage=600", url


def test_logged_in_users_get_private_calendars(client, events):
    client.force_login(factories.UserFactory())

    assert client.get(reverse("events_ical"))["Cache-Control"] == "private"


@pytest.mark.usefixtures("render_every_time")
@pytest.mark.parametrize("count", [2, 20])
def test_feed_costs_the_same_queries_at_any_size(client, event_index, region, count, django_assert_num_queries):
    municipality = factories.MunicipalityFactory(region=region, name="Houten")
    for _ in range(count):
        factories.EventPageFactory(parent=event_index, municipality=municipality)
    client.get(reverse("events_ical"))  # warm up: the site's root paths are cached

    with django_assert_num_queries(1):  # the events (their view restrictions in a subquery: core/pages.py)
        response = client.get(reverse("events_ical"))

    assert response.content.count(b"BEGIN:VEVENT") == count


def test_event_index_links_to_the_feed(client, event_index, events):
    response = client.get(event_index.url)

    assert response.status_code == 200
    feed_url = reverse("events_ical")
    assert any(href == feed_url for _text, href in links(response)), links(response)
    alternate = soup(response).find("link", rel="alternate", type="text/calendar")
    assert alternate is not None and alternate["href"] == feed_url
