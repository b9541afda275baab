"""axe-core over Volg de buurt in Debian's Chromium: the follow form (also with its errors), the pages behind the links
in its mails, the newsletter archive, and the digest itself as a mail program shows it (its HTML part, images off)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from follows.digest import Item, build_message, digest_context, edition_context
from follows.models import Edition, Follow, Subscriber
from follows.tokens import confirm_token, personal_token
from tests import factories
from tests.e2e.test_accessibility import AXE_OPTIONS, VIEWPORTS, axe_page, describe, run_axe  # noqa: F401 -- a fixture

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def digest_html(edition, story):
    items = [
        Item("story", story.pk, story.title, f"https://buurtwijs.nl{story.url}?bron=nieuwsbrief-1", story.intro, None),
        Item("news", 0, "Buurtkamer open", "https://buurtwijs.nl/nieuws/?bron=nieuwsbrief-1", "Kom langs.", None),
    ]
    context = digest_context(
        edition_context(edition),
        items,
        items[0],
        ["Thema Eenzaamheid"],
        "https://buurtwijs.nl/i/",
        "https://buurtwijs.nl/a/",
    )
    return build_message(edition, "lezer@voorbeeld.nl", context, 1, "buurtwijs.nl").alternatives[0][0]


def test_the_follow_pages_and_the_digest_have_no_axe_violations(live_server, axe_page):  # noqa: F811
    tree = factories.create_site_tree()
    theme = factories.ThemeHubPageFactory(parent=tree.themes, title="Eenzaamheid")
    story = factories.PracticeStoryPageFactory(parent=tree.stories, title="Soep in de buurt", themes=[theme])
    subscriber = Subscriber.objects.create(email="lezer@voorbeeld.nl", status=Subscriber.Status.ACTIVE)
    follow = Follow.objects.create(subscriber=subscriber, key=f"thema-{theme.pk}", theme=theme)
    now = timezone.now()
    edition = Edition.objects.create(
        number=1,
        send_on=now.date() - datetime.timedelta(days=now.weekday()),
        intro="Deze week: soep en een buurtkamer.",
        story_of_the_week=story,
        cutoff=now,
        started_at=now,
        finished_at=now,
        ready=True,
    )
    token = personal_token(subscriber)
    paths = [
        ("volgformulier", f"{reverse('follow')}?pagina={story.pk}"),
        ("bevestigen", reverse("follow_confirm", args=[confirm_token(subscriber, [follow])])),
        ("instellingen", reverse("follow_preferences", args=[token])),
        ("afmelden", reverse("follow_unsubscribe", args=[token])),
        ("archief", reverse("newsletter_archive")),
        ("editie", reverse("newsletter_edition", args=[1])),
    ]
    page = axe_page
    results = []
    for viewport_name, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        for name, path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, f"{name}: HTTP {response.status}"
            results.append((f"{name}, {viewport_name}", path, run_axe(page, AXE_OPTIONS)))
        # The form sent empty: the error summary and the fields' errors.
        page.goto(f"{live_server.url}{paths[0][1]}")
        page.get_by_role("button", name="Volgen").click()
        assert page.locator(".error-summary").count()
        results.append((f"volgformulier met fouten, {viewport_name}", paths[0][1], run_axe(page, AXE_OPTIONS)))
        # The digest as a mail program shows it: the HTML part on its own, no images.
        page.set_content(digest_html(edition, story))
        assert page.locator("html[lang=nl]").count() and not page.locator("img").count()
        results.append((f"nieuwsbrief, {viewport_name}", "(e-mail)", run_axe(page, AXE_OPTIONS)))

    print("Needs review (axe 'incomplete'):\n" + (describe(results, "incomplete") or "    none"))
    violations = describe(results, "violations")
    assert not violations, "axe-core violations:\n" + violations
