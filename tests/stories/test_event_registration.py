"""Registering for a gathering on Buurtwijs: the form on its own never-cached URL, places and the waiting list,
the confirmation mail, closed registration, bad input, spam, and no overbooking under concurrent requests.
"""

import datetime
import threading
import time

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from community.events import ALREADY_REGISTERED, EventPage, EventRegistration
from core.antispam import TOO_FAST
from tests import factories
from tests.helpers import as_person, get_page, heading, links, soup, text

# Threads can share the test database on PostgreSQL, and on SQLite when the test database is a file.
SQLITE_TEST_FILE = django_settings.DATABASES["default"].get("TEST", {}).get("NAME")
SHARED_DATABASE = connection.vendor == "postgresql" or bool(SQLITE_TEST_FILE)
FULL = "Deze bijeenkomst is vol: je komt op de wachtlijst."


@pytest.fixture
def event_index(site_tree):
    return factories.EventIndexPageFactory(parent=site_tree.home)


@pytest.fixture
def event(event_index):
    """'Buurtavond' in a week, 19.30–21.30, with Buurtwijs's own registration and two places."""
    return factories.EventPageFactory(
        parent=event_index, title="Buurtavond", slug="buurtavond", registration_open=True, capacity=2
    )


def form_url(event):
    return f"{event.url}aanmelden/"


def person(n=1, **fields):
    return as_person(
        {"name": f"Deelnemer {n}", "email": f"deelnemer{n}@example.org", "organisation": "", "remarks": "", **fields}
    )


def register(client, event, data):
    return client.post(form_url(event), data, follow=True)


def field_error(response, name):
    field = soup(response).find(attrs={"name": name}).find_parent(class_="form__field")
    return [error.get_text(strip=True) for error in field.select(".form__error")]


def statuses(event):
    return list(event.registrations.order_by("pk").values_list("name", "status"))


# The form -------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_form_asks_in_dutch_and_says_how_many_places_are_left(client, event):
    response = client.get(form_url(event))
    page = soup(response)

    assert response.status_code == 200
    assert heading(response) == "Buurtavond"
    assert event.when in text(response)
    assert "Nog 2 plaatsen vrij." in text(response)
    labels = [label.get_text(" ", strip=True) for label in page.select(".form__field label")]
    assert labels == [
        "Je naam (verplicht)",
        "Je e-mailadres (verplicht)",
        "Organisatie (als je die hebt)",
        "Wil je ons nog iets laten weten? (niet verplicht)",
    ]
    assert page.select_one("form.form button[type=submit]").get_text(strip=True) == "Meld je aan"
    assert "no-store" in response["Cache-Control"]
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


@pytest.mark.django_db
def test_the_form_refuses_a_post_without_the_csrf_token(event):
    client = Client(enforce_csrf_checks=True)

    response = client.post(form_url(event), person())

    assert response.status_code == 403
    assert heading(response) == "Je formulier is verlopen"
    assert not EventRegistration.objects.exists()

    # The same post with the token of the form the browser was shown registers.
    token = soup(client.get(form_url(event))).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    response = client.post(form_url(event), {**person(), "csrfmiddlewaretoken": token}, follow=True)
    assert "Je bent aangemeld" in text(response)
    assert statuses(event) == [("Deelnemer 1", "registered")]


@pytest.mark.django_db
def test_a_gathering_without_own_registration_has_no_form(client, event_index, event):
    external = factories.EventPageFactory(parent=event_index, registration_url="https://www.example.org/aanmelden")
    walk_in = factories.EventPageFactory(parent=event_index)

    assert client.get(form_url(external)).status_code == 404
    assert client.post(form_url(walk_in), person()).status_code == 404
    assert not EventRegistration.objects.exists()

    # A gathering with its own registration has the form, and the same post registers.
    assert heading(client.get(form_url(event))) == "Buurtavond"
    assert "Je bent aangemeld" in text(register(client, event, person()))
    assert statuses(event) == [("Deelnemer 1", "registered")]


@pytest.mark.django_db
def test_the_missing_form_is_never_kept_by_a_cache(client, event_index):
    """Switching registration on must show the form at once: the CDN may not keep the "not found" (nothing purges
    ``aanmelden/`` on publish)."""
    walk_in = factories.EventPageFactory(parent=event_index)

    response = client.get(form_url(walk_in))

    assert response.status_code == 404
    assert heading(response) == "Deze pagina bestaat niet (meer)"
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert "s-maxage" not in cache_control and "public" not in cache_control

    # Switched on and published, the same address shows the form at once.
    walk_in.registration_open = True
    walk_in.save_revision().publish()
    response = client.get(form_url(walk_in))
    assert heading(response) == walk_in.title
    assert soup(response).select_one("form.form button[type=submit]").get_text(strip=True) == "Meld je aan"


# Places, the waiting list and the confirmation mail ---------------------------------------------------------------


@pytest.mark.django_db
def test_registering_takes_a_place_and_sends_a_confirmation(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url(event), person(organisation="Buurthuis De Boog", remarks="Ik eet vegetarisch"))

    assert response.status_code == 302
    assert response.url == f"{form_url(event)}?status=aangemeld"
    confirmation = client.get(response.url)
    assert "Je bent aangemeld Fijn dat je komt!" in text(confirmation)
    assert ("Terug naar de bijeenkomst", event.url) in links(confirmation)
    registration = EventRegistration.objects.get()
    assert (registration.name, registration.organisation, registration.remarks, registration.status) == (
        "Deelnemer 1",
        "Buurthuis De Boog",
        "Ik eet vegetarisch",
        "registered",
    )
    assert not registration.mail_failed
    [message] = mail.outbox
    assert message.to == ["deelnemer1@example.org"]
    assert message.subject == "Je bent aangemeld: Buurtavond"
    assert "Beste Deelnemer 1," in message.body
    assert "Je bent aangemeld voor ‘Buurtavond’. Fijn dat je komt!" in message.body
    assert f"Wanneer: {event.when}" in message.body
    assert "Waar: Buurthuis De Boog, Boogstraat 1, Utrecht" in message.body
    assert event.full_url in message.body


@pytest.mark.django_db
def test_when_it_is_full_you_are_put_on_the_waiting_list_and_told_so(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for n in (1, 2):
            register(client, event, person(n))
        form = client.get(form_url(event))
        waiting = register(client, event, person(3))

    assert FULL in text(form)
    assert soup(form).select_one("form.form button[type=submit]").get_text(strip=True) == "Zet me op de wachtlijst"
    assert "Je staat op de wachtlijst" in text(waiting)
    assert "De bijeenkomst is vol." in text(waiting)
    assert statuses(event) == [("Deelnemer 1", "registered"), ("Deelnemer 2", "registered"), ("Deelnemer 3", "waiting")]
    assert [message.subject for message in mail.outbox] == [
        "Je bent aangemeld: Buurtavond",
        "Je bent aangemeld: Buurtavond",
        "Je staat op de wachtlijst: Buurtavond",
    ]
    assert "Je staat op de wachtlijst: je bent dus nog niet aangemeld." in mail.outbox[2].body
    assert "Deze bijeenkomst is vol" in text(get_page(client, event))


@pytest.mark.django_db
def test_without_a_maximum_everyone_gets_a_place(client, event_index):
    event = factories.EventPageFactory(parent=event_index, registration_open=True, capacity=None)

    for n in range(5):
        register(client, event, person(n))

    assert {status for _, status in statuses(event)} == {"registered"}


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.mark.django_db
def test_a_failing_mail_server_keeps_the_registration_and_flags_it(
    client, event, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailServer"

    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, event, person())

    assert "Je bent aangemeld" in text(response)
    assert EventRegistration.objects.get().mail_failed
    assert "Sending mail failed" in caplog.text


# Refused registrations ------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["deelnemer1@example.org", "Deelnemer1@Example.ORG"])
def test_one_registration_per_email_address(client, event, email):
    register(client, event, person())

    response = register(client, event, person(name="Nog een keer", email=email))

    assert field_error(response, "email") == [ALREADY_REGISTERED]
    assert soup(response).find("input", attrs={"name": "name"})["value"] == "Nog een keer"
    assert event.registrations.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "closed",
    [
        {"registration_deadline": -1},  # the deadline passed an hour ago
        {"start": -1},  # it started an hour ago (and ends in an hour)
    ],
    ids=["after the deadline", "after the start"],
)
def test_registration_closes_at_the_deadline_or_when_it_starts(client, event_index, closed):
    now = timezone.now()
    fields = {key: now + datetime.timedelta(hours=hours) for key, hours in closed.items()}
    event = factories.EventPageFactory(parent=event_index, registration_open=True, capacity=10, **fields)

    form = client.get(form_url(event))
    response = register(client, event, person())

    for shown in (form, response):
        assert "Aanmelden is gesloten Je kunt je voor deze bijeenkomst niet meer aanmelden." in text(shown)
        assert soup(shown).find("form", class_="form") is None
    assert "Aanmelden is gesloten." in text(get_page(client, event))
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field", "error"),
    [
        ({"name": ""}, "name", "Vul je naam in."),
        ({"email": ""}, "email", "Vul je e-mailadres in, dan sturen we je een bevestiging."),
        (
            {"email": "deelnemer@example"},
            "email",
            "Dit e-mailadres klopt niet. Kijk het nog even na, bijvoorbeeld: naam@voorbeeld.nl.",
        ),
        ({"remarks": "x" * 100_000}, "remarks", "Je opmerking is te lang: hooguit 1000 tekens (nu 100000)."),
        ({"name": "n" * 500}, "name", "Je naam is te lang: hooguit 120 tekens."),
        ({"name": "<script>alert(1)</script>"}, "name", "Gebruik geen < of > in je naam."),
    ],
    ids=["no name", "no email", "invalid email", "long remarks", "long name", "html in the name"],
)
def test_bad_input_is_explained_in_dutch_and_kept(client, event, fields, field, error):
    answers = {"organisation": "Buurthuis <b>De Boog</b>", "remarks": "<i>hoi</i>", **fields}
    data = person(**answers)

    response = register(client, event, data)
    html = response.content.decode()

    assert response.status_code == 200
    summary = soup(response).find(class_="error-summary")  # at the top, each error linked to its field
    assert error in summary.get_text(" ") and summary.find("a", href=f"#id_{field}")
    assert field_error(response, field) == [error]
    kept = soup(response)
    assert kept.find("input", attrs={"name": "organisation"})["value"] == "Buurthuis <b>De Boog</b>"
    assert kept.find("textarea", attrs={"name": "remarks"}).get_text().removeprefix("\n") == fields.get(
        "remarks", "<i>hoi</i>"
    )
    assert "<script>alert(1)</script>" not in html and "<b>De Boog</b>" not in html and "<i>hoi</i>" not in html
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_remarks_with_html_are_stored_as_text(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event, person(remarks="<b>Rolstoel</b> & hulphond"))

    assert EventRegistration.objects.get().remarks == "<b>Rolstoel</b> & hulphond"
    assert "Beste Deelnemer 1," in mail.outbox[0].body  # plain text, nothing escaped or run


# Spam -----------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_bot_filling_the_honeypot_is_told_it_worked_but_nothing_is_stored(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, event, {**person(), "homepage": "https://spam.example"})

    assert "Je bent aangemeld" in text(response)
    assert not EventRegistration.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_form_sent_within_seconds_is_shown_again(client, event):
    response = register(client, event, as_person(person(), seconds_ago=1) | {"name": "Snelle Sanne"})

    assert TOO_FAST in text(response)
    assert soup(response).find("input", attrs={"name": "name"})["value"] == "Snelle Sanne"
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_too_many_registrations_from_one_address_are_refused(client, event_index, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "registration": (3, 3600)}
    event = factories.EventPageFactory(parent=event_index, registration_open=True)

    answers = [client.post(form_url(event), person(n)).status_code for n in range(4)]

    assert answers == [302, 302, 302, 429]
    refused = client.post(form_url(event), person(9))
    assert "Even geduld, je hebt dit formulier vaak verstuurd" in text(refused)
    assert refused["Retry-After"] == "3600"
    assert event.registrations.count() == 3


# Concurrent registrations ---------------------------------------------------------------------------------------


def register_at_once(event, count):
    """``count`` people post the form at the same moment, each from their own address and connection."""
    return post_at_once([(visitor(n), form_url(event), person(n)) for n in range(count)])


def visitor(n):
    return lambda: Client(REMOTE_ADDR=f"10.0.0.{n + 1}")


def post_at_once(posts):
    """Each (make_client, url, data) is posted at the same moment, each on its own connection."""
    start = threading.Barrier(len(posts))
    answers = []

    def post(make_client, url, data):
        try:
            client = make_client()
            start.wait(timeout=30)
            answers.append(client.post(url, data).status_code)
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=post, args=args) for args in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


@pytest.mark.skipif(
    not SHARED_DATABASE,
    reason="the SQLite test database is in memory, where a second connection answers 'table is locked' at once "
    "instead of waiting; with a file (DATABASES TEST NAME) SQLite's BEGIN IMMEDIATE serialises the writers",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_never_overbook(event_index):
    event = factories.EventPageFactory(parent=event_index, registration_open=True, capacity=5)

    answers = register_at_once(event, 12)

    assert answers == [302] * 12
    counts = {status: event.registrations.filter(status=status).count() for status in EventRegistration.Status}
    assert counts == {"registered": 5, "waiting": 7}


@pytest.mark.skipif(not SHARED_DATABASE, reason="the SQLite test database is in memory (see above)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_giving_a_place_while_people_register_never_overbooks(event_index, central_editor, monkeypatch):
    """An editor gives the last place to someone on the waiting list while six people post the form."""
    # Widen the window between counting the free places and taking one, so a missing lock shows.
    count_places = EventPage.places_left
    monkeypatch.setattr(EventPage, "places_left", lambda event: (count_places(event), time.sleep(0.2))[0])
    event = factories.EventPageFactory(parent=event_index, registration_open=True, capacity=1)
    waiting = EventRegistration.objects.create(
        event=event, name="Wachtende", email="wacht@example.org", status=EventRegistration.Status.WAITING
    )

    class LateEditor(Client):
        """Posts while the first registrant holds the lock, between counting and taking the place."""

        def post(self, *args, **kwargs):
            time.sleep(0.3)
            return super().post(*args, **kwargs)

    def editor():
        client = LateEditor()
        client.force_login(central_editor)
        return client

    give_place = reverse("event_registration_give_place", args=[event.pk, waiting.pk])
    answers = post_at_once([(editor, give_place, {})] + [(visitor(n), form_url(event), person(n)) for n in range(6)])

    assert answers == [302] * 7
    assert event.registrations.filter(status=EventRegistration.Status.REGISTERED).count() == 1
    assert event.registrations.count() == 7


@pytest.mark.django_db
def test_errors_and_hints_are_tied_to_their_field_for_screen_readers(client, event):
    response = register(client, event, person(email="geen-adres"))
    email = soup(response).find("input", attrs={"name": "email"})

    assert email["aria-invalid"] == "true"
    described_by = [
        soup(response).find(id=part).get_text(" ", strip=True) for part in email["aria-describedby"].split()
    ]
    assert described_by == [
        "Hierheen sturen we de bevestiging. We gebruiken je adres alleen voor deze bijeenkomst.",
        "Dit e-mailadres klopt niet. Kijk het nog even na, bijvoorbeeld: naam@voorbeeld.nl.",
    ]
