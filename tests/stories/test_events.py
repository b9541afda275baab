"""Bijeenkomsten: the overview (upcoming and past), the event page, the event in theme hubs and the Kennisplein,
the editors' add form, and the registrants as CSV for the organisers.

Registration itself (capacity, waiting list, spam, concurrent requests): tests/stories/test_event_registration.py.
"""

import csv
import datetime
import io
import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, streamfield

from community.events import EventPage, EventRegistration
from correspondents.models import Municipality
from tests import factories
from tests.helpers import (
    add_url,
    admin_text,
    assert_refused,
    form_errors,
    get_page,
    heading,
    links,
    post_new_page,
    soup,
    text,
)
from tests.test_caching import RecordingBackend

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
UTC = datetime.UTC


def amsterdam(*args):
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


@pytest.fixture
def event_index(site_tree):
    return factories.EventIndexPageFactory(parent=site_tree.home)


@pytest.fixture
def frozen_now(monkeypatch):
    """Pin "now" (django.utils.timezone.now) to a given moment."""

    def freeze(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return freeze


def card_titles(response, section_id):
    section = soup(response).find(attrs={"aria-labelledby": section_id})
    if section is None:
        return []
    return [title.get_text(strip=True) for title in section.select(".card__title")]


def event_at(parent, title, start, hours=2, **fields):
    return factories.EventPageFactory(
        parent=parent, title=title, start=start, end=start + datetime.timedelta(hours=hours), **fields
    )


# The overview ----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_overview_lists_upcoming_soonest_first_and_past_most_recent_first(client, event_index):
    now = timezone.now()
    event_at(event_index, "Over een maand", now + datetime.timedelta(days=30))
    event_at(event_index, "Volgende week", now + datetime.timedelta(days=7))
    event_at(event_index, "Nu bezig", now - datetime.timedelta(hours=1))  # ends in an hour: still to go to
    event_at(event_index, "Net afgelopen", now - datetime.timedelta(hours=2, minutes=1))
    event_at(event_index, "Vorig jaar", now - datetime.timedelta(days=365))
    event_at(event_index, "Vorige maand", now - datetime.timedelta(days=30))

    response = get_page(client, event_index)

    assert heading(response) == "Bijeenkomsten"
    assert card_titles(response, "binnenkort") == ["Nu bezig", "Volgende week", "Over een maand"]
    assert card_titles(response, "geweest") == ["Net afgelopen", "Vorige maand", "Vorig jaar"]


@pytest.mark.django_db
def test_overview_around_the_change_to_winter_time(client, event_index, frozen_now):
    """On 25 October 2026 the clocks go back from 03.00 CEST to 02.00 CET: 02.30 happens twice. Comparing
    moments, not wall-clock times, puts each gathering on the right side of now."""
    # 02.30 CET, the second 02.30 of the night (01.30 UTC).
    frozen_now(datetime.datetime(2026, 10, 25, 1, 30, tzinfo=UTC))
    # 01.30 CEST to 02.15 CET: 1 hour 45 minutes, ended a quarter of an hour ago.
    event_at(event_index, "Nachtwandeling", datetime.datetime(2026, 10, 24, 23, 30, tzinfo=UTC), hours=1.75)
    # 02.15 CEST (the first 02.15) to 02.45 CET: an hour and a half, still going on.
    event_at(event_index, "Wakker door de klok", datetime.datetime(2026, 10, 25, 0, 15, tzinfo=UTC), hours=1.5)

    response = get_page(client, event_index)

    assert card_titles(response, "binnenkort") == ["Wakker door de klok"]
    assert card_titles(response, "geweest") == ["Nachtwandeling"]
    shown = text(response)
    assert "zondag 25 oktober 2026, 1.30–2.15 uur" in shown
    assert "zondag 25 oktober 2026, 2.15–2.45 uur" in shown


@pytest.mark.django_db
def test_overview_without_upcoming_gatherings_says_so(client, event_index):
    event_at(event_index, "Vorige maand", timezone.now() - datetime.timedelta(days=30))

    response = get_page(client, event_index)

    assert "Er staan nu geen bijeenkomsten gepland. Kijk later nog eens." in text(response)
    assert card_titles(response, "geweest") == ["Vorige maand"]


@pytest.mark.django_db
def test_past_gatherings_are_paginated(client, event_index):
    start = timezone.now() - datetime.timedelta(days=400)
    for n in range(14):
        event_at(event_index, f"Oud {n:02}", start + datetime.timedelta(days=n))

    first = get_page(client, event_index)
    second = get_page(client, event_index, pagina=2)

    assert card_titles(first, "geweest") == [f"Oud {n:02}" for n in range(13, 1, -1)]
    assert card_titles(second, "geweest") == ["Oud 01", "Oud 00"]
    assert "Pagina 2 van 2" in text(second)


# Dates in Dutch -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        # Winter time (UTC+1) and summer time (UTC+2): both 19.30 in Amsterdam.
        (
            amsterdam(2026, 10, 29, 19, 30),
            amsterdam(2026, 10, 29, 21, 30),
            "donderdag 29 oktober 2026, 19.30–21.30 uur",
        ),
        (amsterdam(2026, 10, 24, 19, 30), amsterdam(2026, 10, 24, 21, 30), "zaterdag 24 oktober 2026, 19.30–21.30 uur"),
        (amsterdam(2027, 3, 1, 9, 0), amsterdam(2027, 3, 1, 12, 5), "maandag 1 maart 2027, 9.00–12.05 uur"),
        (
            amsterdam(2027, 6, 11, 10, 0),
            amsterdam(2027, 6, 12, 16, 0),
            "vrijdag 11 juni 2027, 10.00 uur tot zaterdag 12 juni 2027, 16.00 uur",
        ),
    ],
    ids=["winter time", "summer time", "morning", "two days"],
)
def test_date_and_time_in_dutch_in_amsterdam_time(client, event_index, start, end, shown):
    # Stored in UTC, whatever the time zone it was entered in.
    event = event_at(event_index, "Buurtavond", start.astimezone(UTC), hours=(end - start).total_seconds() / 3600)

    assert shown in text(get_page(client, event))
    assert shown in text(get_page(client, event_index))


# The event page -------------------------------------------------------------------------------------------------


@pytest.fixture
def partner():
    return factories.PartnerFactory(
        name="Welzijn Samen Verder", url="https://www.example.org/samen-verder", logo=factories.ImageFactory()
    )


@pytest.fixture
def gathering(event_index, region, theme, partner, site_tree):
    """'Vrijwilligers vasthouden' in Nieuwegein next month, with a partner, a theme, a dilemma and a story."""
    story = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Soep op woensdag", themes=[theme])
    return factories.EventPageFactory(
        parent=event_index,
        title="Vrijwilligers vasthouden",
        start=timezone.now() + datetime.timedelta(days=30),
        end=timezone.now() + datetime.timedelta(days=30, hours=2),
        venue="Buurthuis De Boog",
        address="Boogstraat 1, Nieuwegein",
        municipality=Municipality.objects.get(name="Nieuwegein"),
        partners=[partner],
        themes=[theme],
        dilemma="Hoe houd je vrijwilligers vast zonder ze te overvragen?",
        related_stories=[story],
    )


@pytest.mark.django_db
def test_event_page_shows_when_where_who_and_what_about(client, gathering, partner, theme):
    response = get_page(client, gathering)
    page = soup(response)
    shown = text(response)

    assert heading(response) == "Vrijwilligers vasthouden"
    assert gathering.when in shown
    assert "Buurthuis De Boog Boogstraat 1, Nieuwegein Gemeente Nieuwegein" in shown
    assert ("Welzijn Samen Verder", "https://www.example.org/samen-verder") in links(response)
    assert page.select_one(".event-partners__logo")["alt"] == ""  # the name next to it says who it is
    assert ("Eenzaamheid", theme.url) in links(response)
    assert "Het dilemma Hoe houd je vrijwilligers vast zonder ze te overvragen?" in shown
    assert "Praktijkverhalen bij deze bijeenkomst Soep op woensdag" in shown
    assert ("Zet in je agenda", reverse("event_ical", args=[gathering.pk])) in links(response)
    assert "Aanmelden is niet nodig: je bent welkom." in shown


@pytest.mark.django_db
def test_preview_shows_the_partners_themes_and_stories_chosen_in_the_form(client, admin_client, gathering, site_tree):
    """The editor's preview shows what the form chooses before it is saved; the live page shows what is saved."""
    other_partner = factories.PartnerFactory(name="Bibliotheek Noord", url="https://www.example.org/noord")
    other_theme = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Samen koken")
    other_story = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Eettafel in de kerk")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[gathering.pk])
    form = event_form_data(other_theme, partners=[str(other_partner.pk)], related_stories=[str(other_story.pk)])
    admin_client.post(preview_url, form)

    for response, chosen, not_chosen in (
        (admin_client.get(preview_url), (other_partner, other_theme, other_story), ("Welzijn Samen Verder",)),
        (get_page(client, gathering), ("Welzijn Samen Verder",), (other_partner, other_theme, other_story)),
    ):
        shown = text(response)
        assert all(str(item) in shown for item in chosen)
        assert not any(str(item) in shown for item in not_chosen)


@pytest.mark.django_db
def test_an_online_gathering_links_to_the_meeting(client, event_index):
    event = factories.EventPageFactory(
        parent=event_index, venue="", address="", online_url="https://meet.example.org/b"
    )

    response = get_page(client, event)

    assert ("Doe online mee", "https://meet.example.org/b") in links(response)
    card = soup(get_page(client, event_index)).select_one(".event-card__meta")
    assert card.find("span").get_text(strip=True) == "Online"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "registrations", "shown", "link"),
    [
        ({"registration_url": "https://www.example.org/aanmelden"}, 0, "Aanmelden bij de organisatie", "external"),
        ({"registration_open": True, "capacity": 3}, 1, "Nog 2 plaatsen vrij.", "Meld je aan"),
        ({"registration_open": True, "capacity": 2}, 1, "Nog 1 plaats vrij.", "Meld je aan"),
        (
            {"registration_open": True, "capacity": 1},
            1,
            "Deze bijeenkomst is vol: als je je aanmeldt, kom je op de wachtlijst.",
            "Zet me op de wachtlijst",
        ),
        ({"registration_open": True}, 1, "Er is plek genoeg.", "Meld je aan"),
        ({"registration_open": True, "registration_deadline": "yesterday"}, 0, "Aanmelden is gesloten.", None),
    ],
    ids=["external", "places left", "one place left", "full", "no maximum", "after the deadline"],
)
def test_event_page_says_how_to_register(client, event_index, fields, registrations, shown, link):
    if fields.get("registration_deadline") == "yesterday":
        fields["registration_deadline"] = timezone.now() - datetime.timedelta(days=1)
    event = factories.EventPageFactory(parent=event_index, **fields)
    for n in range(registrations):
        EventRegistration.objects.create(event=event, name=f"Deelnemer {n}", email=f"d{n}@example.org")

    response = get_page(client, event)

    assert shown in text(response)
    if link == "external":
        assert ("Aanmelden bij de organisatie", "https://www.example.org/aanmelden") in links(response)
    elif link:
        assert (link, f"{event.url}aanmelden/") in links(response)
    else:
        assert f"{event.url}aanmelden/" not in [href for _, href in links(response)]


@pytest.mark.django_db
def test_a_past_gathering_says_it_has_been(client, event_index):
    event = event_at(event_index, "Vorige maand", timezone.now() - datetime.timedelta(days=30), registration_open=True)

    response = get_page(client, event)

    assert "Bijeenkomst (geweest)" in text(response)
    assert "Deze bijeenkomst is geweest." in text(response)


@pytest.mark.django_db
def test_event_page_is_shared_by_the_cdn_and_holds_no_form(client, event_index):
    """The page is cached for everyone: no CSRF token or cookie in it. The form is on its own, private URL."""
    event = factories.EventPageFactory(parent=event_index, registration_open=True, capacity=10)

    response = get_page(client, event)
    form_page = client.get(f"{event.url}aanmelden/")

    assert "public" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies
    assert soup(form_page).select_one("form input[name=csrfmiddlewaretoken]") is not None
    assert "no-store" in form_page["Cache-Control"] and "private" in form_page["Cache-Control"]


# The editors' add form ------------------------------------------------------------------------------------------


def event_form_data(theme, **fields):
    data = nested_form_data(
        {
            "title": "Buurtavond over eenzaamheid",
            "slug": "buurtavond-over-eenzaamheid",
            "intro": "Wat doe je als een buurman nooit meer buiten komt?",
            "body": streamfield([]),
            "start": "2027-03-04 19:30",
            "end": "2027-03-04 21:30",
            "venue": "Buurthuis De Boog",
            "address": "Boogstraat 1, Utrecht",
            "online_url": "",
            "dilemma": "",
            "registration_url": "",
            "capacity": "20",
            "registration_deadline": "",
        }
    )
    data["themes"] = [str(theme.pk)]
    data["registration_open"] = "on"
    data.update(fields)
    return data


@pytest.mark.django_db
def test_central_editor_adds_a_gathering_in_the_admin(client, central_editor, event_index, theme):
    client.force_login(central_editor)

    response = client.post(add_url(EventPage, event_index), event_form_data(theme))

    assert response.status_code == 302, form_errors(response)
    event = EventPage.objects.get(slug="buurtavond-over-eenzaamheid")
    assert event.start == amsterdam(2027, 3, 4, 19, 30)
    assert (event.capacity, event.registration_open, list(event.themes.all())) == (20, True, [theme])


@pytest.mark.django_db
def test_home_offers_one_overview_of_gatherings(admin_client, site_tree):
    home_add = reverse("wagtailadmin_pages:add_subpage", args=[site_tree.home.pk])
    assert "Overzicht bijeenkomsten" in admin_text(admin_client.get(home_add))

    factories.EventIndexPageFactory(parent=site_tree.home)

    assert "Overzicht bijeenkomsten" not in admin_text(admin_client.get(home_add))  # max_count 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"end": "2027-03-04 19:00"}, "De bijeenkomst moet eindigen na het begin."),
        ({"end": "2027-03-04 19:30"}, "De bijeenkomst moet eindigen na het begin."),
        ({"venue": "", "online_url": ""}, "Vul een locatie in, of een link naar de online bijeenkomst."),
        (
            {"registration_url": "https://www.example.org/aanmelden"},
            "Kies één manier van aanmelden: via een andere website of via Buurtwijs, niet allebei.",
        ),
        ({"registration_deadline": "2027-03-05 12:00"}, "Aanmelden moet sluiten voordat de bijeenkomst begint."),
    ],
    ids=["ends before it starts", "ends when it starts", "nowhere", "two ways to register", "deadline after start"],
)
def test_add_form_refuses_a_gathering_that_cannot_be(admin_client, event_index, theme, fields, error):
    response = post_new_page(admin_client, EventPage, event_index, event_form_data(theme, **fields))

    assert response.status_code == 200
    assert error in form_errors(response)
    assert not EventPage.objects.exists()


# Theme hubs and the Kennisplein ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_theme_hub_lists_a_gathering_on_its_theme_with_date_and_place(client, gathering, theme, event_index):
    other_theme = factories.ThemeHubPageFactory(parent=theme.get_parent(), title="Armoede")
    factories.EventPageFactory(parent=event_index, title="Over geld", themes=[other_theme])

    response = get_page(client, theme)
    card = soup(response).find("a", string="Vrijwilligers vasthouden").find_parent("article")

    assert "Over geld" not in text(response)
    assert card.find_previous_sibling(class_="listing-kind").get_text(strip=True) == "Bijeenkomst"
    assert gathering.when in card.get_text(" ", strip=True)
    assert "Buurthuis De Boog, Nieuwegein" in card.get_text(" ", strip=True)
    options = [o.get_text(strip=True) for o in soup(response).select("select[name=soort] option")]
    assert "Bijeenkomst (1 resultaat)" in options


@pytest.mark.django_db
def test_kennisplein_filters_on_gatherings(client, gathering, site_tree):
    kennisplein = factories.KennispleinPageFactory(parent=site_tree.home)

    response = get_page(client, kennisplein, soort="bijeenkomst")

    assert [a.get_text(strip=True) for a in soup(response).select(".card__title a")] == ["Vrijwilligers vasthouden"]


# Purging --------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_publishing_a_gathering_purges_its_overview_and_theme_hubs(settings, gathering, theme):
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.test_caching.RecordingBackend"}}
    RecordingBackend.purged = []

    gathering.save_revision().publish()

    purged = set(RecordingBackend.purged)
    assert {f"http://localhost{path}" for path in ("/bijeenkomsten/", theme.url, gathering.url, "/")} <= purged
    # Calendar subscribers get the change too: the event's own file and the feed of upcoming gatherings.
    calendars = {reverse("event_ical", args=[gathering.pk]), reverse("events_ical")}
    assert {f"http://localhost{path}" for path in calendars} <= purged


@pytest.mark.django_db
def test_a_theme_dropped_on_publish_is_purged_too(settings, gathering, theme):
    """The hub of a theme the live version had lists the gathering until it is purged."""
    new_theme = factories.ThemeHubPageFactory(parent=theme.get_parent(), title="Buurtbudget")
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.test_caching.RecordingBackend"}}
    RecordingBackend.purged = []

    gathering.themes.set([new_theme])
    gathering.save_revision().publish()

    purged = set(RecordingBackend.purged)
    assert {f"http://localhost{theme.url}", f"http://localhost{new_theme.url}"} <= purged


# Registrants as CSV ---------------------------------------------------------------------------------------------


@pytest.fixture
def registrations(event_index):
    event = factories.EventPageFactory(
        parent=event_index, title="Buurtavond", slug="buurtavond", registration_open=True, capacity=2
    )
    rows = [
        ("Fatima El Amrani", "fatima@example.org", "Buurthuis; De Boog", 'Ik neem "koffie" mee', "registered"),
        ('=HYPERLINK("http://x")', "hacker@example.org", "+31 6 1234", "@SUM(A1)\nregel 2", "registered"),
        ("Henk Bosman", "henk@example.org", "-", "", "waiting"),
    ]
    for name, email, organisation, remarks, status in rows:
        EventRegistration.objects.create(
            event=event, name=name, email=email, organisation=organisation, remarks=remarks, status=status
        )
    EventRegistration.objects.filter(email="henk@example.org").update(mail_failed=True)
    return event


SENT = ["aangemeld", "verstuurd"]


def csv_url(event):
    return reverse("event_registrations_csv", args=[event.pk])


@pytest.mark.django_db
def test_organisers_download_the_registrants_for_excel(client, central_editor, registrations):
    client.force_login(central_editor)

    response = client.get(csv_url(registrations))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="aanmeldingen-buurtavond-')
    assert "no-cache" in response["Cache-Control"]
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")  # Excel reads UTF-8 only with a byte order mark
    rows = list(csv.reader(io.StringIO(content.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == ["Naam", "E-mailadres", "Organisatie", "Opmerkingen", "Status", "Aangemeld op", "Bevestiging"]
    assert [row[:5] + row[6:] for row in rows[1:]] == [
        [
            "Fatima El Amrani",
            "fatima@example.org",
            "Buurthuis; De Boog",
            'Ik neem "koffie" mee',
            "aangemeld",
            "verstuurd",
        ],
        [
            '\'=HYPERLINK("http://x")',
            "hacker@example.org",
            "'+31 6 1234",
            "'@SUM(A1)\nregel 2",
            "aangemeld",
            "verstuurd",
        ],
        ["Henk Bosman", "henk@example.org", "'-", "", "wachtlijst", "niet verstuurd"],
    ]
    registered_at = timezone.localtime(EventRegistration.objects.get(email="henk@example.org").created_at)
    assert rows[3][5] == registered_at.strftime("%d-%m-%Y %H:%M")
    # Quoting keeps a ";" and a line break inside their cell.
    assert '"Buurthuis; De Boog"' in content and '"Ik neem ""koffie"" mee"' in content


@pytest.mark.django_db
def test_the_download_button_is_on_the_event_in_the_admin(client, central_editor, registrations):
    client.force_login(central_editor)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[registrations.pk]))
    explorer = client.get(reverse("wagtailadmin_explore", args=[registrations.get_parent().pk]))

    for response in (edit, explorer):
        button = soup(response).find("a", href=csv_url(registrations))
        assert button is not None
        assert button.get_text(strip=True) == "Aanmeldingen downloaden (CSV)"


@pytest.mark.django_db
def test_the_download_button_is_not_on_other_pages(admin_client, site_tree):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[site_tree.stories.pk]))

    assert "Aanmeldingen downloaden (CSV)" not in admin_text(response)


@pytest.mark.django_db
def test_a_correspondent_of_a_region_may_not_download_the_registrants(client, editorial_teams, registrations):
    client.force_login(editorial_teams.other_correspondent)

    response = client.get(csv_url(registrations))

    assert_refused(response)
    assert "fatima@example.org" not in response.content.decode()

    client.force_login(editorial_teams.central_editor)  # an organiser gets the same download
    assert "fatima@example.org" in client.get(csv_url(registrations)).content.decode("utf-8")


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login(client, central_editor, registrations):
    response = client.get(csv_url(registrations))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))

    client.force_login(central_editor)  # logged in as an organiser, the same address gives the download
    assert "fatima@example.org" in client.get(csv_url(registrations)).content.decode("utf-8")


# Managing the registrations -------------------------------------------------------------------------------------


def manage_url(event):
    return reverse("event_registrations", args=[event.pk])


def delete_url(registration):
    return reverse("event_registration_delete", args=[registration.event_id, registration.pk])


def give_place_url(registration):
    return reverse("event_registration_give_place", args=[registration.event_id, registration.pk])


def registration_of(email):
    return EventRegistration.objects.get(email=email)


def table_names(response, labelledby):
    table = soup(response).find("table", attrs={"aria-labelledby": labelledby})
    return [
        row.find_all("td")[1 if labelledby == "wachtlijst" else 0].get_text(strip=True) for row in table.tbody("tr")
    ]


def row_buttons(response, name):
    row = soup(response).find("td", string=name).find_parent("tr")
    return [button.get_text(strip=True) for button in row.select("button, a.button")]


@pytest.mark.django_db
def test_organisers_see_the_registrants_and_the_waiting_list(client, central_editor, registrations):
    client.force_login(central_editor)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[registrations.pk]))
    response = client.get(manage_url(registrations))

    button = soup(edit).find("a", href=manage_url(registrations))
    assert button is not None and button.get_text(strip=True) == "Aanmeldingen beheren"
    assert "2 aangemeld van de 2 plaatsen, 1 op de wachtlijst. De bijeenkomst is vol." in admin_text(response)
    assert table_names(response, "aangemeld") == ["Fatima El Amrani", '=HYPERLINK("http://x")']
    assert table_names(response, "wachtlijst") == ["Henk Bosman"]
    # Full: nobody can be given a place.
    assert row_buttons(response, "Henk Bosman") == ["Afmelden / verwijderen"]
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_cancelling_a_registration_asks_first_then_deletes_the_data(client, central_editor, registrations):
    client.force_login(central_editor)
    fatima = registration_of("fatima@example.org")

    confirm = client.get(delete_url(fatima))
    response = client.post(delete_url(fatima), follow=True)

    assert "Wil je Fatima El Amrani (fatima@example.org) afmelden voor ‘Buurtavond’?" in admin_text(confirm)
    assert "Dit kun je niet ongedaan maken." in admin_text(confirm)
    assert soup(confirm).find("form", action=delete_url(fatima)).button.get_text(strip=True) == (
        "Ja, afmelden en verwijderen"
    )
    assert not EventRegistration.objects.filter(email="fatima@example.org").exists()
    shown = admin_text(response)
    assert "Fatima El Amrani is afgemeld. De gegevens van de aanmelding zijn verwijderd." in shown
    assert "Er is nu een plaats vrij. Geef die aan iemand op de wachtlijst." in shown
    assert "fatima@example.org" not in response.content.decode()
    # Nobody moves up by themselves: the editor gives the place.
    assert registration_of("henk@example.org").status == "waiting"
    assert row_buttons(response, "Henk Bosman") == ["Plaats geven", "Afmelden / verwijderen"]


@pytest.mark.django_db
def test_giving_a_free_place_registers_and_mails_them(
    client, central_editor, registrations, django_capture_on_commit_callbacks
):
    client.force_login(central_editor)
    client.post(delete_url(registration_of("fatima@example.org")))
    henk = registration_of("henk@example.org")  # his waiting-list mail had failed

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(give_place_url(henk), follow=True)

    henk.refresh_from_db()
    assert (henk.status, henk.mail_failed) == ("registered", False)
    assert "Henk Bosman heeft nu een plaats en krijgt daarover een e-mail." in admin_text(response)
    assert table_names(response, "aangemeld") == ['=HYPERLINK("http://x")', "Henk Bosman"]
    assert "Niemand staat op de wachtlijst." in admin_text(response)
    [message] = mail.outbox
    assert message.to == ["henk@example.org"]
    assert message.subject == "Er is een plaats voor je: Buurtavond"
    assert "Goed nieuws: er is een plaats vrijgekomen bij ‘Buurtavond’." in message.body
    assert "je bent nu aangemeld" in message.body


@pytest.mark.django_db
def test_a_failing_mail_server_flags_the_place_given(
    client, central_editor, registrations, settings, django_capture_on_commit_callbacks
):
    client.force_login(central_editor)
    client.post(delete_url(registration_of("fatima@example.org")))
    settings.EMAIL_BACKEND = "tests.stories.test_event_registration.BrokenMailServer"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(give_place_url(registration_of("henk@example.org")))

    henk = registration_of("henk@example.org")
    assert (henk.status, henk.mail_failed) == ("registered", True)


@pytest.mark.django_db
def test_no_place_can_be_given_when_it_is_full(
    client, central_editor, registrations, django_capture_on_commit_callbacks
):
    client.force_login(central_editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(give_place_url(registration_of("henk@example.org")), follow=True)

    assert "Henk Bosman kan geen plaats krijgen: de bijeenkomst is vol." in admin_text(response)
    assert registration_of("henk@example.org").status == "waiting"
    assert registrations.registered_count() == 2
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url", "organiser_sees"),
    [
        ("get", manage_url, "Wachtlijst"),
        ("get", delete_url, "Wil je Henk Bosman (henk@example.org) afmelden voor ‘Buurtavond’?"),
        ("post", delete_url, "Henk Bosman is afgemeld."),
        ("post", give_place_url, "Henk Bosman heeft nu een plaats en krijgt daarover een e-mail."),
    ],
    ids=["list", "confirm", "delete", "give a place"],
)
def test_a_correspondent_of_another_region_may_not_manage_the_registrants(
    client, editorial_teams, registrations, method, url, organiser_sees
):
    client.force_login(editorial_teams.other_correspondent)
    henk = registration_of("henk@example.org")
    client.post(delete_url(registration_of("fatima@example.org")))  # refused too: the place stays taken
    target = registrations if url is manage_url else henk

    response = getattr(client, method)(url(target))

    assert_refused(response)
    assert "henk@example.org" not in response.content.decode()
    assert statuses_of(registrations) == {"registered": 2, "waiting": 1}

    # An organiser frees the place and makes the same request.
    client.force_login(editorial_teams.central_editor)
    client.post(delete_url(registration_of("fatima@example.org")))
    response = getattr(client, method)(url(target), follow=True)
    assert organiser_sees in admin_text(response)
    assert "Henk Bosman" in admin_text(response)


def statuses_of(event):
    return {status: event.registrations.filter(status=status).count() for status in ("registered", "waiting")}


@pytest.mark.django_db
def test_cancelling_and_giving_a_place_purge_the_event_page(
    client, central_editor, registrations, settings, django_capture_on_commit_callbacks
):
    """The cached event page says how many places are left."""
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.test_caching.RecordingBackend"}}
    client.force_login(central_editor)
    event_url = f"http://localhost{registrations.url}"

    purged = []
    for url in (delete_url(registration_of("fatima@example.org")), give_place_url(registration_of("henk@example.org"))):
        RecordingBackend.purged = []
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url)
        purged.append(event_url in RecordingBackend.purged)

    assert purged == [True, True]
