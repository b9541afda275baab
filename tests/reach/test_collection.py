"""Bereik's collection (reach/collect.py): what a beacon counts, what it never keeps, and what it refuses."""

import datetime
import io

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from reach.models import DailyReach, DaySalt, ReaderMark
from reach.rotation import rotate
from tests import factories
from tests.reach.conftest import CHROME_LINUX, FIREFOX_LINUX, READER_IP, send_beacon

pytestmark = pytest.mark.django_db


def totals(page=None):
    rows = DailyReach.objects.all() if page is None else DailyReach.objects.filter(page=page)
    return {
        "views": sum(row.views for row in rows),
        "readers": sum(row.readers for row in rows),
        "finished": sum(row.finished for row in rows),
    }


def test_beacon_answers_empty_uncached_and_without_cookie_while_the_story_stays_public(client, story):
    page = client.get(story.url)
    assert "public" in page["Cache-Control"]
    assert 'src="/static/js/bereik.js"' in page.content.decode()
    assert f'data-page="{story.pk}"' in page.content.decode()

    response = send_beacon(client, story)

    assert response.status_code == 204
    assert response.content == b""
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert totals(story) == {"views": 1, "readers": 1, "finished": 0}
    # The page itself is still the public copy the page cache and a CDN keep.
    again = client.get(story.url)
    assert "public" in again["Cache-Control"] and "private" not in again["Cache-Control"]


def test_one_reader_counts_once_a_day_another_browser_again_and_the_next_day_again(client, story, clock):
    send_beacon(client, story)
    send_beacon(client, story)
    assert totals(story) == {"views": 2, "readers": 1, "finished": 0}

    send_beacon(client, story, user_agent=FIREFOX_LINUX)  # same address, another browser family
    assert totals(story) == {"views": 3, "readers": 2, "finished": 0}

    # The same network (/24) and browser: the same reader.
    send_beacon(client, story, ip="203.0.113.99")
    assert totals(story) == {"views": 4, "readers": 2, "finished": 0}

    clock.tomorrow()
    rotate()
    send_beacon(client, story)
    assert totals(story) == {"views": 5, "readers": 3, "finished": 0}
    assert DailyReach.objects.filter(page=story).values("day").distinct().count() == 2


def test_uitgelezen_counts_once_per_reader_and_only_after_a_view(client, story):
    send_beacon(client, story, event="end")  # an end without a view: nothing
    assert totals(story) == {"views": 0, "readers": 0, "finished": 0}

    send_beacon(client, story)
    send_beacon(client, story, event="end")
    send_beacon(client, story, event="end")
    assert totals(story) == {"views": 1, "readers": 1, "finished": 1}


def test_rotation_keeps_no_mark_older_than_yesterday_and_at_most_two_salts(client, story, clock):
    start = timezone.now()
    for day in range(4):
        clock.at(start + datetime.timedelta(days=day))
        send_beacon(client, story)
        assert DaySalt.objects.count() <= 2
        rotate()
        today = timezone.localdate()
        assert list(DaySalt.objects.values_list("day", flat=True)) == [today]
        assert not ReaderMark.objects.filter(day__lt=today - datetime.timedelta(days=1)).exists()
        assert ReaderMark.objects.filter(day=today).exists()
    assert totals(story)["readers"] == 4  # a new salt every day: the same reader counts again


def test_rotation_happens_at_midnight_in_amsterdam(client, story, clock):
    amsterdam = timezone.get_default_timezone()
    clock.at(datetime.datetime(2026, 6, 1, 23, 58, tzinfo=amsterdam))
    send_beacon(client, story)
    clock.at(datetime.datetime(2026, 6, 2, 0, 1, tzinfo=amsterdam))  # 22:01 UTC on 1 June
    send_beacon(client, story)
    assert sorted(DaySalt.objects.values_list("day", flat=True)) == [
        datetime.date(2026, 6, 1),
        datetime.date(2026, 6, 2),
    ]
    assert totals(story)["readers"] == 2


def every_stored_value():
    """Every value of every column of every table in the database, as text."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            values += [str(value) for row in cursor.fetchall() for value in row]
    return values


def cached_keys():
    """The keys in the default cache (the rate limits'): a local-memory cache in the tests."""
    return list(getattr(caches["default"], "_cache", {}))


def test_no_address_user_agent_or_referrer_path_is_stored_anywhere(client, story, site_tree):
    knowledge = factories.KnowledgePageFactory(parent=site_tree.knowledge)
    factories.StoryKnowledgeLinkFactory(story=story, knowledge_page=knowledge)
    knowledge.save_revision().publish()
    send_beacon(client, story, referrer="www.example.org")
    send_beacon(client, knowledge, referrer=story.url)
    for event in ("view", "end"):
        send_beacon(client, story, event=event, ip="2001:db8:85a3:8d3:1319:8a2e:370:7348", user_agent=FIREFOX_LINUX)
    assert totals()["views"] == 3 and totals()["finished"] == 1  # positive control: these beacons were counted

    stored = "\n".join(every_stored_value() + [str(key) for key in cached_keys()])
    for secret in (READER_IP, "203.0.113", "2001:db8", CHROME_LINUX, FIREFOX_LINUX, "Chrome/131", "Firefox/133"):
        assert secret not in stored, secret
    assert "example.org" in stored  # the host of another site is kept, as its source


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_GPC": "1"},
        {"HTTP_DNT": "1"},
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"user_agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
        {"user_agent": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"},
        {"user_agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0.0.0 Safari/537.36"},
        {"user_agent": ""},
        {"HTTP_ORIGIN": "https://elders.example"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
    ids=[
        "gpc",
        "dnt",
        "sec-purpose",
        "purpose",
        "prerender",
        "googlebot",
        "facebook",
        "headless",
        "no-ua",
        "origin",
        "site",
    ],
)
def test_readers_who_opt_out_prefetches_crawlers_and_other_sites_change_nothing(client, story, headers):
    response = send_beacon(client, story, **headers)
    assert response.status_code == 204
    assert "no-store" in response["Cache-Control"]
    assert totals() == {"views": 0, "readers": 0, "finished": 0}
    assert not ReaderMark.objects.exists() and not DaySalt.objects.exists()

    send_beacon(client, story)  # positive control: the same beacon without it counts
    assert totals() == {"views": 1, "readers": 1, "finished": 0}


def test_a_logged_in_editor_is_not_counted(client, story, central_editor):
    client.force_login(central_editor)
    assert send_beacon(client, story).status_code == 204
    assert totals() == {"views": 0, "readers": 0, "finished": 0}

    client.logout()  # positive control
    send_beacon(client, story)
    assert totals() == {"views": 1, "readers": 1, "finished": 0}


@pytest.mark.parametrize(
    "body",
    [
        "garbage",
        "p=abc&e=view",
        "p=-3&e=view",
        "p=1.5&e=view",
        "p=٣&e=view",  # an Arabic-Indic digit: isdigit() says yes
        "p=99999999999999&e=view",
        "p=1&e=delete",
        "p=1",
        "e=view",
        "p=1&e=view&r=" + "x" * 400,
        "p=1&e=view&b=" + "x" * 400,
        "p=1&e=view&" + "x" * 2000,
        "\x00\xff\xfe",
    ],
)
def test_bad_beacons_get_400_and_store_nothing(client, story, body):
    body = body.replace("p=1", f"p={story.pk}") if body.startswith("p=1&") or body == "p=1" else body
    response = client.post(
        "/bereik/",
        body,
        content_type="application/x-www-form-urlencoded",
        REMOTE_ADDR=READER_IP,
        HTTP_USER_AGENT=CHROME_LINUX,
    )
    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]
    assert not DailyReach.objects.exists() and not ReaderMark.objects.exists()

    assert send_beacon(client, story).status_code == 204  # positive control
    assert totals()["views"] == 1


def test_wrong_content_types_and_methods_get_400(client, story):
    for response in (
        client.get("/bereik/", {"p": story.pk, "e": "view"}),
        client.post("/bereik/", {"p": story.pk, "e": "view"}, content_type="application/json"),
        client.post("/bereik/", f'{{"p": {story.pk}, "e": "view"}}', content_type="text/plain"),
        client.post("/bereik/", b"--x\r\n", content_type="multipart/form-data; boundary=x"),
    ):
        assert response.status_code == 400
    assert not DailyReach.objects.exists()
    assert send_beacon(client, story).status_code == 204


def test_unknown_draft_and_deleted_pages_count_nothing(client, story, site_tree):
    draft = factories.PracticeStoryPageFactory(parent=site_tree.stories, live=False)
    for page_id in (987654, draft.pk):
        assert send_beacon(client, page_id).status_code == 204
    assert not DailyReach.objects.exists() and not ReaderMark.objects.exists()
    send_beacon(client, story)
    assert totals()["views"] == 1


def test_a_flood_from_one_address_is_limited(client, story, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "reach": (5, 60)}
    for _ in range(8):
        assert send_beacon(client, story).status_code == 204
    assert totals()["views"] == 5
    send_beacon(client, story, ip="198.51.100.7")  # positive control: another address is counted
    assert totals()["views"] == 6


def test_the_limit_fails_open_when_the_cache_is_down(client, story, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "reach": (1, 60)}
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    caches["default"].close()
    for _ in range(3):
        assert send_beacon(client, story).status_code == 204
    assert totals()["views"] == 3


def test_a_beacon_costs_at_most_three_queries(client, story, site_tree, django_assert_max_num_queries):
    knowledge = factories.KnowledgePageFactory(parent=site_tree.knowledge)
    factories.StoryKnowledgeLinkFactory(story=story, knowledge_page=knowledge)
    knowledge.save_revision().publish()
    send_beacon(client, story)  # the day's first beacon makes the salt; Wagtail caches the site root paths
    for kwargs in (
        {"page": story},
        {"page": story, "referrer": "www.google.nl"},
        {"page": knowledge, "referrer": story.url},
        {"page": knowledge, "referrer": story.url, "event": "end"},
        {"page": story, "event": "end"},
        {"page": story, "user_agent": FIREFOX_LINUX},
    ):
        with django_assert_max_num_queries(3):
            assert send_beacon(client, **kwargs).status_code == 204
    assert totals(knowledge) == {"views": 1, "readers": 1, "finished": 1}


def test_the_scheduler_command_rotates(client, story, clock):
    send_beacon(client, story)
    clock.tomorrow()
    call_command("rotate_reach_salts", stdout=(out := io.StringIO()))
    assert "1 oude daggeheimen" in out.getvalue()
    assert list(DaySalt.objects.values_list("day", flat=True)) == [timezone.localdate()]
    call_command("rotate_reach_salts", stdout=(again := io.StringIO()))
    assert again.getvalue() == ""  # nothing to do: silent, as it runs every minute
