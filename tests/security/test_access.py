"""Nobody outside sees a draft: the admin, previews, revisions and compare views refuse anonymous visitors and the
editors of another region; the public API shows live pages only; the admin's own API needs a login."""

import pytest
from django.urls import reverse

from tests import factories
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Geheim concept over de moestuin"


@pytest.fixture
def draft(editorial_teams, region):
    """A never-published story in Utrecht by Utrecht's correspondent, with two revisions."""
    story = factories.PracticeStoryPageFactory(
        parent=region, title=DRAFT_TITLE, live=False, owner=editorial_teams.correspondent
    )
    story.save_revision(user=editorial_teams.correspondent)
    story.title = f"{DRAFT_TITLE} (tweede versie)"
    story.save_revision(user=editorial_teams.correspondent)
    return story


def draft_views(story):
    """Every admin view that shows (part of) the draft."""
    first, latest = story.revisions.order_by("pk")
    return {
        "edit": reverse("wagtailadmin_pages:edit", args=[story.pk]),
        "preview": reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk]),
        "view draft": reverse("wagtailadmin_pages:view_draft", args=[story.pk]),
        "revision": reverse("wagtailadmin_pages:revisions_view", args=[story.pk, first.pk]),
        "compare": reverse("wagtailadmin_pages:revisions_compare", args=[story.pk, first.pk, latest.pk]),
        "history": reverse("wagtailadmin_pages:history", args=[story.pk]),
        "admin api": reverse("wagtailadmin_api:pages:detail", args=[story.pk]),
    }


def assert_the_draft_is_shown(client, story):
    """Every draft view shows the draft to whoever ``client`` is logged in as."""
    for name, url in draft_views(story).items():
        response = client.get(url)
        assert response.status_code == 200, f"{name} answered {response.status_code}"
        if name != "preview":  # a preview GET without posted form data shows Wagtail's "save first" notice
            assert DRAFT_TITLE in response.content.decode(), f"{name} does not show the draft"


def test_anonymous_visitors_are_sent_to_the_login(client, draft, editorial_teams):
    for name, url in draft_views(draft).items():
        response = client.get(url)
        assert response.status_code == 302, f"{name} answered {response.status_code}"
        assert response.url == f"{reverse('wagtailadmin_login')}?next={url}", name
    # The preview also refuses what an editor would post to it.
    response = client.post(draft_views(draft)["preview"], {"title": "Nep"})
    assert response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login"))

    # Logged in as the region's own correspondent, the same views show the draft.
    client.force_login(editorial_teams.correspondent)
    assert_the_draft_is_shown(client, draft)


@pytest.mark.parametrize("person", ["other_correspondent", "other_regional_editor"])
def test_the_editors_of_another_region_are_refused(client, draft, editorial_teams, person):
    client.force_login(getattr(editorial_teams, person))
    for name, url in draft_views(draft).items():
        if name == "admin api":
            continue  # below
        response = client.get(url)
        assert DRAFT_TITLE not in response.content.decode(), name
        assert response.status_code == 302, f"{name} answered {response.status_code}"
        assert_refused(response)
    # Posting form data to the preview (what the editor's preview panel does) is refused as well.
    response = client.post(draft_views(draft)["preview"], {"title": "Nep"})
    assert DRAFT_TITLE not in response.content.decode()
    assert_refused(response)

    # The refusals are about the region, not about the views being broken: its own correspondent sees the draft.
    client.force_login(editorial_teams.correspondent)
    assert_the_draft_is_shown(client, draft)


def test_the_region_s_own_correspondent_does_see_the_draft(client, draft, editorial_teams):
    client.force_login(editorial_teams.correspondent)
    assert_the_draft_is_shown(client, draft)


def test_the_public_api_never_shows_the_draft(client, draft):
    listing = client.get("/api/v2/verhalen/").json()
    assert listing["meta"]["total_count"] == 0
    assert client.get(f"/api/v2/verhalen/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/verhalen/{draft.pk}/", {"draft": "1"}).status_code == 404

    # Once published, the same requests show the story.
    draft.get_latest_revision().publish()
    published_title = f"{DRAFT_TITLE} (tweede versie)"
    assert [item["title"] for item in client.get("/api/v2/verhalen/").json()["items"]] == [published_title]
    assert client.get(f"/api/v2/verhalen/{draft.pk}/").json()["title"] == published_title
