"""How a page is found and guarded: routing, view restrictions and the breadcrumb, as core/pages.py does them in a
fixed number of queries (BasePage.route, get_view_restrictions, in_private_section) and navigation_tags.py shows them.
"""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests import factories
from tests.helpers import get_page, links, soup, story_form_data, text

pytestmark = pytest.mark.django_db


def breadcrumb(response):
    trail = soup(response).find("nav", attrs={"aria-label": "Kruimelpad"})
    return [item.get_text(" ", strip=True) for item in trail.find_all("li")]


def test_a_page_is_found_at_its_own_path_only(client, site_tree, region, other_region):
    story = factories.PracticeStoryPageFactory(parent=region, title="Soep op woensdag", slug="soep-op-woensdag")

    assert story.url == "/regios/utrecht/soep-op-woensdag/"
    assert "Soep op woensdag" in text(get_page(client, story))
    # The same slug under another region, under the national stories or one level too deep is no page.
    for path in (
        "/regios/groningen/soep-op-woensdag/",
        "/praktijkverhalen/soep-op-woensdag/",
        "/regios/soep-op-woensdag/",
        "/regios/utrecht/soep-op-woensdag/soep-op-woensdag/",
    ):
        assert client.get(path).status_code == 404, path


def test_a_draft_is_not_served_and_its_published_version_is(client, site_tree, region):
    story = factories.PracticeStoryPageFactory(parent=region, title="Nog niet af", live=False)

    assert client.get(story.url).status_code == 404

    story.save_revision().publish()
    assert "Nog niet af" in text(get_page(client, story))


def test_a_gathering_routes_its_own_registration_form(client, site_tree):
    event_index = factories.EventIndexPageFactory(parent=site_tree.home)
    event = factories.EventPageFactory(parent=event_index, title="Buurtavond", registration_open=True, capacity=10)

    response = client.get(f"{event.url}aanmelden/")

    assert response.status_code == 200
    assert soup(response).find("form", method="post") is not None
    assert client.get(f"{event.url}afmelden/").status_code == 404


def test_the_breadcrumb_leads_from_the_home_page_to_the_page(client, admin_client, site_tree, region, theme):
    story = factories.PracticeStoryPageFactory(parent=region, title="Soep op woensdag", themes=[theme])
    expected = ["Voorpagina", "Regio's", "Utrecht", "Soep op woensdag"]

    response = get_page(client, story)
    assert breadcrumb(response) == expected
    assert ("Utrecht", region.url) in links(response)

    # The editor's preview, which is not reached by routing, shows the same path.
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk])
    admin_client.post(preview_url, story_form_data(theme, title="Soep op woensdag", slug=story.slug))
    assert breadcrumb(admin_client.get(preview_url)) == expected


@pytest.mark.parametrize("restricted", ["region", "story"])
def test_a_page_in_a_password_protected_section_asks_for_the_password(client, site_tree, region, theme, restricted):
    story = factories.PracticeStoryPageFactory(
        parent=region, title="Besloten buurtkamer", intro="Alleen voor de buurt.", themes=[theme]
    )
    restriction = PageViewRestriction.objects.create(
        page=region if restricted == "region" else story,
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",
    )

    response = client.get(story.url)
    assert soup(response).find("input", type="password") is not None
    assert "Alleen voor de buurt." not in text(response)
    for listing in (site_tree.stories, theme):
        assert "Besloten buurtkamer" not in text(get_page(client, listing))

    restriction.delete()
    response = get_page(client, story)
    assert soup(response).find("input", type="password") is None
    assert "Alleen voor de buurt." in text(response)
    for listing in (site_tree.stories, theme):
        assert "Besloten buurtkamer" in text(get_page(client, listing))
