"""The digest through Django's SMTP backend to a real SMTP server on the loopback (aiosmtpd): what each subscriber
gets (exactly the followed items since their previous digest, each once, one story from elsewhere), the headers,
both parts and their links; no empty digests; retries and failures."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from follows import sending
from follows.models import Delivery, Edition, Subscriber
from follows.targets import EVERYTHING_TARGET, municipality_target, region_target, theme_target
from tests import factories
from tests.follows.helpers import subscribe

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 12, 14)


def ago(**kwargs):
    return timezone.now() - datetime.timedelta(**kwargs)


@pytest.fixture
def news(site_tree, theme, region, other_region):
    """A week of news: in Utrecht (the theme, the municipality), in Groningen, and old news from before."""
    utrecht = region.municipalities.get(name="Utrecht")
    nieuwegein = region.municipalities.get(name="Nieuwegein")
    other_theme = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Wonen")
    events = factories.EventIndexPageFactory(parent=site_tree.home)
    return {
        "story": factories.PracticeStoryPageFactory(
            parent=region, title="Soep in Utrecht", themes=[theme], municipality=utrecht, first_published_at=ago(days=2)
        ),
        "groningen": factories.PracticeStoryPageFactory(
            parent=other_region, title="Moestuin in Groningen", themes=[other_theme], first_published_at=ago(days=3)
        ),
        "knowledge": factories.KnowledgePageFactory(
            parent=site_tree.knowledge,
            title="Wat werkt tegen eenzaamheid",
            themes=[theme],
            first_published_at=ago(days=1),
        ),
        "news": factories.RegionalNewsPageFactory(
            parent=region, title="Buurtkamer open", municipality=utrecht, first_published_at=ago(days=4)
        ),
        "news_elsewhere": factories.RegionalNewsPageFactory(
            parent=region, title="Nieuws uit Nieuwegein", municipality=nieuwegein, first_published_at=ago(days=4)
        ),
        "event": factories.EventPageFactory(
            parent=events, title="Avond over eenzaamheid", themes=[theme], first_published_at=ago(days=1)
        ),
        "old": factories.PracticeStoryPageFactory(
            parent=region, title="Oud verhaal", themes=[theme], municipality=utrecht, first_published_at=ago(days=20)
        ),
        "other_theme": other_theme,
    }


def send_edition(django_capture_on_commit_callbacks, number=1, send_on=MONDAY, **fields):
    """Make an edition and send it as the worker would (the suite's task backend runs the batches inline)."""
    edition = Edition.objects.create(
        number=number, send_on=send_on, intro="Deze week: soep, moestuinen en een avond.", ready=True, **fields
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.start_edition(edition)
    edition.refresh_from_db()
    return edition


def parts(message):
    return {
        part.get_content_type(): part.get_content().replace("\r\n", "\n")
        for part in message.walk()
        if not part.is_multipart()
    }


def titles_in(text_part):
    return re.findall(r"^\* (.+?)(?: \(.+\))?$", text_part, re.MULTILINE)


def test_each_subscriber_gets_exactly_what_they_follow_once_with_the_headers_and_both_parts(
    smtp_server, site_tree, theme, region, other_region, news, django_capture_on_commit_callbacks
):
    anna = subscribe(
        "anna@voorbeeld.nl",
        [theme_target(theme), municipality_target(region.municipalities.get(name="Utrecht"))],
        last_digest_at=ago(days=7),
    )
    subscribe("bram@voorbeeld.nl", [region_target(other_region)])
    cor = subscribe("cor@voorbeeld.nl", [theme_target(factories.ThemeHubPageFactory(parent=site_tree.themes))])
    subscribe("dre@voorbeeld.nl", [theme_target(theme)], paused=True)
    subscribe("eef@voorbeeld.nl", [theme_target(theme)], confirmed=False)

    edition = send_edition(django_capture_on_commit_callbacks, story_of_the_week=news["groningen"])

    assert sorted(rcpt for rcpts, _ in smtp_server.messages for rcpt in rcpts) == [
        "anna@voorbeeld.nl",
        "bram@voorbeeld.nl",
    ]
    (message,) = smtp_server.to("anna@voorbeeld.nl")
    text_part, html_part = parts(message)["text/plain"], parts(message)["text/html"]

    # Each followed item once (the story matches the theme and the municipality), the old story not, nor the news
    # from Nieuwegein; and a story from a region Anna does not follow.
    assert titles_in(text_part) == [
        "Soep in Utrecht",
        "Wat werkt tegen eenzaamheid",
        "Buurtkamer open",
        "Avond over eenzaamheid",
        "Moestuin in Groningen",  # Elders in het land
    ]
    assert "ELDERS IN HET LAND\n* Moestuin in Groningen" in text_part
    assert "Oud verhaal" not in text_part and "Nieuwegein" not in text_part
    assert "VERHAAL VAN DE WEEK" in text_part and "Deze week: soep" in text_part

    # Headers: RFC 8058 one-click unsubscribe, a subject, one Message-ID per edition and reader.
    assert message["Subject"] == "Buurtwijs deze week"
    unsubscribe = re.fullmatch(r"<(.+)>", message["List-Unsubscribe"].strip()).group(1)  # may be folded
    assert "/volgen/afmelden/" in unsubscribe
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Message-ID"] == f"<nieuwsbrief-{edition.number}.{anna.pk}@buurtwijs.nl>"

    # The HTML part: Dutch, no images, the same items, and every link to the site carries only the edition.
    assert '<html lang="nl">' in html_part
    assert "<img" not in html_part
    links = re.findall(r'href="([^"]+)"', html_part)
    page_links = [link for link in links if "/volgen/" not in link]
    assert len(page_links) == 6  # story of the week, four items, elsewhere
    assert all(link.endswith(f"?bron=nieuwsbrief-{edition.number}") for link in page_links)
    assert any("/volgen/instellingen/" in link for link in links) and unsubscribe in links
    text_links = re.findall(r"https?://\S+", text_part)
    assert sorted(set(text_links)) == sorted(set(links))

    # Bram follows Groningen: its story, and a story from Utrecht as "elders".
    (bram_message,) = smtp_server.to("bram@voorbeeld.nl")
    assert titles_in(parts(bram_message)["text/plain"]) == ["Moestuin in Groningen", "Soep in Utrecht"]

    statuses = dict(Delivery.objects.values_list("subscriber__email", "status"))
    assert statuses == {"anna@voorbeeld.nl": "sent", "bram@voorbeeld.nl": "sent", "cor@voorbeeld.nl": "nothing_new"}
    assert Edition.objects.get().finished_at is not None
    anna.refresh_from_db()
    cor.refresh_from_db()
    assert anna.last_digest_at == edition.cutoff
    assert cor.last_digest_at is None  # nothing sent: next time the window still starts where it did

    # The one-click POST from the header, as a mail program sends it: no cookie, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        urlsplit(unsubscribe).path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscriber.objects.filter(email="anna@voorbeeld.nl").exists()


def test_the_next_digest_holds_only_what_is_new_since_the_previous_one(
    smtp_server, site_tree, theme, region, news, django_capture_on_commit_callbacks
):
    subscribe("anna@voorbeeld.nl", [theme_target(theme)])
    first = send_edition(django_capture_on_commit_callbacks)
    assert titles_in(parts(smtp_server.messages[0][1])["text/plain"])[:3] == [
        "Soep in Utrecht",
        "Wat werkt tegen eenzaamheid",
        "Avond over eenzaamheid",
    ]
    factories.PracticeStoryPageFactory(parent=region, title="Nieuw na de eerste", themes=[theme])
    second = send_edition(django_capture_on_commit_callbacks, number=2, send_on=MONDAY + datetime.timedelta(days=7))
    assert second.cutoff > first.cutoff
    second_text = parts(smtp_server.messages[1][1])["text/plain"]
    assert titles_in(second_text)[0] == "Nieuw na de eerste"
    assert "Soep in Utrecht" not in second_text.split("ELDERS IN HET LAND")[0]


def test_an_empty_week_sends_nothing(smtp_server, site_tree, theme, django_capture_on_commit_callbacks):
    subscribe("anna@voorbeeld.nl", [theme_target(theme)])
    subscribe("bram@voorbeeld.nl", [EVERYTHING_TARGET])
    factories.PracticeStoryPageFactory(parent=site_tree.stories, themes=[theme], first_published_at=ago(days=40))
    edition = send_edition(django_capture_on_commit_callbacks)
    assert smtp_server.messages == []
    assert set(Delivery.objects.values_list("status", flat=True)) == {"nothing_new"}
    assert edition.finished_at is not None
    # Positive control: one new story, and both get it.
    factories.PracticeStoryPageFactory(parent=site_tree.stories, themes=[theme])
    send_edition(django_capture_on_commit_callbacks, number=2, send_on=MONDAY + datetime.timedelta(days=7))
    assert len(smtp_server.messages) == 2


def test_monthly_readers_get_the_first_edition_of_the_month_only(
    smtp_server, site_tree, theme, news, django_capture_on_commit_callbacks
):
    subscribe("maand@voorbeeld.nl", [theme_target(theme)], frequency="monthly")
    subscribe("week@voorbeeld.nl", [theme_target(theme)])
    send_edition(django_capture_on_commit_callbacks, send_on=datetime.date(2026, 12, 14))
    assert [rcpts for rcpts, _ in smtp_server.messages] == [["week@voorbeeld.nl"]]
    send_edition(django_capture_on_commit_callbacks, number=2, send_on=datetime.date(2027, 1, 4))
    assert [rcpts for rcpts, _ in smtp_server.messages][1:] == [["maand@voorbeeld.nl"]]  # week: nothing new


def test_a_failing_mail_server_is_retried_with_backoff_and_given_up_visibly(
    smtp_server, site_tree, theme, news, django_capture_on_commit_callbacks, settings
):
    settings.DIGEST_MAX_ATTEMPTS = 3
    subscribe("goed@voorbeeld.nl", [theme_target(theme)])
    subscribe("later@voorbeeld.nl", [theme_target(theme)])
    subscribe("nooit@voorbeeld.nl", [theme_target(theme)])
    smtp_server.refuse = {"later@voorbeeld.nl": "451 4.3.0 Probeer later", "nooit@voorbeeld.nl": "550 5.1.1 Onbekend"}

    edition = send_edition(django_capture_on_commit_callbacks)
    later = Delivery.objects.get(subscriber__email="later@voorbeeld.nl")
    assert later.status == "pending" and later.attempts == 1 and "451" in later.last_error
    assert later.handed_over_at is None  # the server answered: no longer with it, so retried, not left uncertain
    assert later.next_attempt_at > timezone.now() + datetime.timedelta(seconds=settings.DIGEST_RETRY_SECONDS - 5)
    never = Delivery.objects.get(subscriber__email="nooit@voorbeeld.nl")
    assert never.status == "failed" and never.attempts == 1 and "550" in never.last_error  # permanent: at once
    assert edition.finished_at is None

    # Its time comes (moved forward here rather than waited for): the scheduler resumes the quiet edition, the
    # second attempt fails too, and the wait grows fourfold.
    Delivery.objects.filter(pk=later.pk).update(next_attempt_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        sending.run_schedule(now=timezone.now() + datetime.timedelta(hours=1))
    later.refresh_from_db()
    assert later.attempts == 2 and later.status == "pending"
    assert later.next_attempt_at > timezone.now() + datetime.timedelta(seconds=4 * settings.DIGEST_RETRY_SECONDS - 5)

    # The last attempt: given up, visible with its error; the server recovers only afterwards.
    Delivery.objects.filter(pk=later.pk).update(next_attempt_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        sending.run_schedule(now=timezone.now() + datetime.timedelta(hours=2))
    later.refresh_from_db()
    assert later.status == "failed" and later.attempts == 3
    assert Edition.objects.get().finished_at is not None
    assert [rcpts for rcpts, _ in smtp_server.messages] == [["goed@voorbeeld.nl"]]


def test_a_retry_that_succeeds_sends_once(smtp_server, site_tree, theme, news, django_capture_on_commit_callbacks):
    subscribe("later@voorbeeld.nl", [theme_target(theme)])
    smtp_server.refuse = {"later@voorbeeld.nl": "421 4.3.0 Druk"}
    send_edition(django_capture_on_commit_callbacks)
    assert smtp_server.messages == []
    smtp_server.refuse = {}
    Delivery.objects.update(next_attempt_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        sending.run_schedule(now=timezone.now() + datetime.timedelta(hours=1))
        sending.run_schedule(now=timezone.now() + datetime.timedelta(hours=2))
    assert [rcpts for rcpts, _ in smtp_server.messages] == [["later@voorbeeld.nl"]]
    assert Delivery.objects.get().status == "sent"


def test_queries_per_digest_are_constant(smtp_server, site_tree, theme, region, news, settings):
    """A batch costs a fixed number of queries plus the same few per digest, however many subscribers."""
    settings.DIGEST_BATCH_SIZE = 1000
    utrecht = region.municipalities.get(name="Utrecht")
    counts = {}
    for number, size in enumerate((5, 10, 20), start=1):
        Subscriber.objects.all().delete()
        for index in range(size):
            subscribe(
                f"lezer{number}-{index}@voorbeeld.nl",
                [theme_target(theme), municipality_target(utrecht)] if index % 2 else [region_target(region)],
            )
        edition = Edition.objects.create(number=number, send_on=MONDAY + datetime.timedelta(days=7 * number), intro="x")
        sending.start_edition(edition)  # the batches wait for the commit, which a test never reaches
        ids = sending.claim(edition)
        cache.clear()  # the site's address is looked up once a minute: in every batch here
        with CaptureQueriesContext(connection) as queries:
            sent = sending.deliver(Edition.objects.get(pk=edition.pk), ids)
        assert sent == size
        counts[size] = len(queries)
    per_digest = (counts[10] - counts[5]) / 5
    assert per_digest == (counts[20] - counts[10]) / 10
    # The lease renewed (one UPDATE), then two UPDATEs in a transaction (here a savepoint and its release): the
    # delivery and the reader's last digest.
    assert per_digest == 5, counts


def test_a_batch_that_outlived_its_lease_leaves_its_deliveries_to_the_batch_that_took_them(site_tree, theme):
    subscribe("lex@voorbeeld.nl", [theme_target(theme)])
    edition = Edition.objects.create(number=1, send_on=MONDAY, intro="x")
    sending.start_edition(edition)
    first_batch = sending.claimed_deliveries(sending.claim(edition))
    # A slow mail server: the first batch's lease runs out and the next run of the scheduler gives the delivery to a
    # second batch.
    Delivery.objects.update(claimed_until=timezone.now() - datetime.timedelta(seconds=1))
    second_batch = sending.claimed_deliveries(sending.claim(edition))
    assert [d.pk for d in second_batch] == [d.pk for d in first_batch]

    assert not sending.renew_lease(first_batch[0])  # the first batch does not send it again
    assert sending.renew_lease(second_batch[0])  # positive control: the batch that holds it does
