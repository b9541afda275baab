"""Following with double opt-in: the link on the (cached) pages, the form on its own URL, the confirmation mail, and
the button behind its link. Nothing is active or sent before the button is pressed."""

import datetime
import time

import pytest
from django.core import signing
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from follows.models import CONSENT_VERSION, Follow, Subscriber
from follows.tokens import CONFIRM_SALT
from tests import factories
from tests.follows.helpers import confirm_link
from tests.helpers import as_person, get_page, soup, text

pytestmark = pytest.mark.django_db


def follow_url(page):
    return f"{reverse('follow')}?pagina={page.pk}"


def test_theme_hub_region_story_and_knowledge_pages_link_to_the_follow_form_without_a_form_or_cookie(
    client, site_tree, theme, region
):
    municipality = region.municipalities.get(name="Utrecht")
    story = factories.PracticeStoryPageFactory(parent=region, themes=[theme], municipality=municipality)
    knowledge = factories.KnowledgePageFactory(parent=site_tree.knowledge, themes=[theme])
    for page, label in [
        (theme, "Volg dit thema"),
        (region, "Volg deze regio"),
        (story, "Volg de gemeente en thema's van dit verhaal"),
        (knowledge, "Volg de thema's van deze kennis"),
    ]:
        response = get_page(client, page)
        link = soup(response).find("a", string=label)
        assert link is not None and link["href"] == follow_url(page), page
        assert "csrftoken" not in response.cookies and "csrfmiddlewaretoken" not in response.content.decode()
        assert "public" in response["Cache-Control"]

    # What the form offers: the story's municipality and its themes.
    form = soup(client.get(follow_url(story)))
    assert [label.get_text(" ", strip=True) for label in form.select("#id_targets label")] == [
        "Gemeente Utrecht",
        "Thema Eenzaamheid",
    ]
    assert "no-cache" in client.get(follow_url(story))["Cache-Control"]
    assert form.find("meta", attrs={"name": "robots"})["content"] == "noindex"  # noindex_page.html
    assert soup(get_page(client, story)).find("meta", attrs={"name": "robots"}) is None  # the story is indexed


def test_a_story_without_municipality_or_theme_offers_no_follow_link(client, site_tree, theme):
    bare = factories.PracticeStoryPageFactory(parent=site_tree.stories, themes=[])
    themed = factories.PracticeStoryPageFactory(parent=site_tree.stories, themes=[theme])

    assert soup(get_page(client, bare)).select(".follow-link") == []  # its form would have nothing to offer
    link = soup(get_page(client, themed)).find("a", string="Volg de thema's van dit verhaal")  # positive control
    assert link is not None and client.get(link["href"]).status_code == 200


def test_a_page_that_offers_nothing_to_follow_has_no_form(client, site_tree):
    assert client.get(follow_url(site_tree.stories)).status_code == 404
    for nonsense in ("abc", "²", "①", "-1", "9" * 30):  # digits that are no number, and numbers no page has
        assert client.get(f"{reverse('follow')}?pagina={nonsense}").status_code == 404
    assert client.get(reverse("follow")).status_code == 404


def test_following_stores_evidence_sends_only_a_confirmation_and_activates_only_on_the_button(
    client, post, site_tree, theme, outbox
):
    response = post(
        follow_url(theme),
        as_person({"email": "Anna@Voorbeeld.nl ", "targets": [f"thema-{theme.pk}"], "frequency": "weekly"}),
    )
    assert response.status_code == 302 and response["Location"] == reverse("follow_sent")
    assert "Kijk in je mailbox" in text(client.get(response["Location"]))

    subscriber = Subscriber.objects.get()
    follow = Follow.objects.get()
    assert subscriber.email == "anna@voorbeeld.nl"
    assert subscriber.status == Subscriber.Status.PENDING and subscriber.confirmed_at is None
    assert follow.confirmed_at is None and follow.asked_at is not None
    assert follow.page_id == theme.pk and follow.page_url == theme.url_path
    assert follow.consent_version == CONSENT_VERSION
    assert not Subscriber.objects.receiving().exists()

    # One mail: the confirmation, in Dutch, with the link.
    assert len(outbox) == 1
    assert outbox[0].to == ["anna@voorbeeld.nl"]
    assert outbox[0].subject == "Bevestig dat je Buurtwijs wilt volgen"
    assert "Thema Eenzaamheid" in outbox[0].body
    link = confirm_link(outbox[0].body)

    # Opening the link (as a mail scanner does) confirms nothing.
    page = client.get(link)
    assert page.status_code == 200
    assert "Ja, ik wil volgen" in text(page)
    client.head(link)
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert Follow.objects.get().confirmed_at is None

    # The button does, without a cookie.
    done = Client(enforce_csrf_checks=True).post(link)
    assert done.status_code == 200
    assert "Gelukt" in text(done)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE and subscriber.confirmed_at is not None
    assert Follow.objects.get().confirmed_at is not None
    assert list(Subscriber.objects.receiving()) == [subscriber]
    assert len(outbox) == 1  # still only the confirmation


def test_expired_and_tampered_confirmation_links_are_refused_in_dutch(
    client, post, site_tree, theme, outbox, monkeypatch
):
    post(
        follow_url(theme),
        as_person({"email": "bo@voorbeeld.nl", "targets": [f"thema-{theme.pk}"], "frequency": "weekly"}),
    )
    link = confirm_link(outbox[0].body)
    token = link.rstrip("/").rsplit("/", 1)[1]

    tampered = link.replace(token, token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    response = client.post(tampered)
    assert response.status_code == 400
    assert "Deze link klopt niet" in text(response)

    # A genuine token made 49 hours ago.
    subscriber = Subscriber.objects.get()
    now = time.time()
    with monkeypatch.context() as patched:
        patched.setattr(signing.time, "time", lambda: now - 49 * 3600)
        old = signing.dumps({"s": subscriber.pk, "f": [Follow.objects.get().pk]}, salt=CONFIRM_SALT)
    response = client.post(reverse("follow_confirm", args=[old]))
    assert response.status_code == 400
    assert "Deze link is verlopen" in text(response)
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    # Positive control: the genuine, fresh link works.
    assert client.post(link).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE


def test_asking_again_for_an_active_address_adds_the_new_follow_only_after_its_own_confirmation(
    client, post, site_tree, theme, region, outbox
):
    post(
        follow_url(theme),
        as_person({"email": "cas@voorbeeld.nl", "targets": [f"thema-{theme.pk}"], "frequency": "weekly"}),
    )
    post(confirm_link(outbox[0].body))
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(minutes=6))
    post(
        follow_url(region),
        as_person({"email": "cas@voorbeeld.nl", "targets": [f"regio-{region.pk}"], "frequency": "weekly"}),
    )
    assert len(outbox) == 2
    assert sorted(Follow.objects.filter(confirmed_at__isnull=False).values_list("key", flat=True)) == [
        f"thema-{theme.pk}"
    ]
    post(confirm_link(outbox[1].body))
    assert Follow.objects.filter(confirmed_at__isnull=False).count() == 2


def test_one_confirmation_mail_per_address_per_five_minutes_however_often_the_form_is_sent(
    post, site_tree, theme, region, outbox
):
    for page, target in ((theme, f"thema-{theme.pk}"), (region, f"regio-{region.pk}"), (theme, f"thema-{theme.pk}")):
        cache.clear()  # as from other addresses: the rate limit per address does not stop this
        response = post(
            follow_url(page), as_person({"email": "flo@voorbeeld.nl", "targets": [target], "frequency": "weekly"})
        )
        assert response.status_code == 302
    assert len(outbox) == 1
    # Five minutes on, the next request sends one mail that confirms everything asked.
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(minutes=6))
    post(
        follow_url(theme),
        as_person({"email": "flo@voorbeeld.nl", "targets": [f"thema-{theme.pk}"], "frequency": "weekly"}),
    )
    assert len(outbox) == 2
    assert "Thema Eenzaamheid" in outbox[1].body and "Regio Utrecht" in outbox[1].body
    post(confirm_link(outbox[1].body))
    assert Follow.objects.filter(confirmed_at__isnull=False).count() == 2


def test_a_follow_asked_within_five_minutes_of_a_confirmation_mail_gets_its_own_once_they_have_passed(
    post, site_tree, theme, region, outbox, django_capture_on_commit_callbacks
):
    for page, target in ((theme, f"thema-{theme.pk}"), (region, f"regio-{region.pk}")):
        cache.clear()
        post(follow_url(page), as_person({"email": "gus@voorbeeld.nl", "targets": [target], "frequency": "weekly"}))
    assert len(outbox) == 1 and "Regio Utrecht" not in outbox[0].body
    post(confirm_link(outbox[0].body))  # the theme only: the region was asked after that mail

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests")
    assert len(outbox) == 1  # positive control: not before five minutes have passed
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(minutes=6))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests")
        call_command("send_digests")  # once
    assert len(outbox) == 2 and "Regio Utrecht" in outbox[1].body and "Thema Eenzaamheid" not in outbox[1].body
    post(confirm_link(outbox[1].body))
    assert Follow.objects.filter(confirmed_at__isnull=False).count() == 2


def test_the_form_checks_spam_and_rate_limits_like_the_other_public_forms(
    client, post, site_tree, theme, outbox, settings
):
    data = {"email": "dirk@voorbeeld.nl", "targets": [f"thema-{theme.pk}"], "frequency": "weekly"}
    # A bot fills the honeypot: it is told it worked, nothing is stored or sent.
    bot = post(follow_url(theme), {**as_person(data), "homepage": "http://spam.example"})
    assert bot.status_code == 302
    assert not Subscriber.objects.exists() and outbox == []
    # Too fast.
    fast = post(follow_url(theme), as_person(data, seconds_ago=0))
    assert fast.status_code == 200 and "Dat ging wel erg snel" in text(fast)
    assert not Subscriber.objects.exists()
    # Too many.
    cache.clear()
    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "follow": (1, 3600)}
    assert post(follow_url(theme), as_person(data)).status_code == 302  # positive control
    assert post(follow_url(theme), as_person(data)).status_code == 429
    assert Subscriber.objects.count() == 1
