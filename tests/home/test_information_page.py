"""Information pages (the accessibility statement at /toegankelijkheid/): linked from every page's footer,
written by the central team through its one-step workflow."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from correspondents.chain.provisioning import CENTRAL_TASK, CENTRAL_WORKFLOW
from home.models import InformationPage
from stories.models import StoryIndexPage
from tests import factories
from tests.helpers import (
    add_url,
    approve,
    assert_refused,
    edit_url,
    get_page,
    heading,
    resubmit,
    soup,
    submit_new_page,
    text,
)

pytestmark = pytest.mark.django_db

STATEMENT = "<p>Buurtwijs wil dat iedereen de website kan gebruiken.</p>"


class InformationPageFactory(factories.BasePageFactory):
    title = "Toegankelijkheid"
    slug = "toegankelijkheid"
    intro = "Hoe toegankelijk Buurtwijs is, en wat je kunt doen als iets niet werkt."
    body = factories.wagtail_factories.StreamFieldFactory(factories.ArticleBodyBlockFactory)
    body__0 = "paragraph"

    class Meta:
        model = InformationPage


@pytest.fixture
def statement(site_tree):
    return InformationPageFactory(
        parent=site_tree.home,
        first_published_at=datetime(2024, 3, 1, 9, 0, tzinfo=UTC),
        last_published_at=datetime(2024, 6, 1, 9, 0, tzinfo=UTC),
    )


def form_data(title="Toegankelijkheid", slug="toegankelijkheid", body=STATEMENT):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "Hoe toegankelijk Buurtwijs is.",
            "body": streamfield([("paragraph", rich_text(body))]),
        }
    )


def footer_links(response):
    return [(a.get_text(strip=True), a["href"]) for a in soup(response).find("footer").find_all("a")]


def test_statement_is_served_at_toegankelijkheid_and_says_when_it_was_updated(client, statement):
    assert statement.url == "/toegankelijkheid/"

    response = get_page(client, statement)

    assert heading(response) == "Toegankelijkheid"
    assert "Hoe toegankelijk Buurtwijs is, en wat je kunt doen als iets niet werkt." in text(response)
    assert "Op een koude woensdagavond zaten tien bewoners in het buurthuis." in text(response)
    assert "Laatst bijgewerkt: 1 juni 2024" in text(response)
    assert soup(response).find("time")["datetime"] == "2024-06-01"


def test_every_page_links_the_statement_in_its_footer(client, statement, site_tree, theme, region):
    story = factories.PracticeStoryPageFactory(parent=region, themes=[theme])

    for page in (site_tree.home, site_tree.stories, theme, region, story, statement):
        assert ("Toegankelijkheid", "/toegankelijkheid/") in footer_links(get_page(client, page))
    assert ("Toegankelijkheid", "/toegankelijkheid/") in footer_links(client.get("/zoeken/", {"q": "soep"}))


@pytest.mark.usefixtures("render_every_time")
def test_footer_link_costs_no_query(client, site_tree, theme):
    def queries():
        get_page(client, theme)
        with CaptureQueriesContext(connection) as captured:
            response = get_page(client, theme)
        return len(captured), footer_links(response)

    without_statement, links_before = queries()
    InformationPageFactory(parent=site_tree.home)
    with_statement, links_after = queries()

    assert ("Toegankelijkheid", "/toegankelijkheid/") not in links_before
    assert ("Toegankelijkheid", "/toegankelijkheid/") in links_after
    assert with_statement == without_statement


def test_draft_statement_is_not_in_the_footer(client, site_tree):
    InformationPageFactory(parent=site_tree.home, live=False, first_published_at=None)

    assert ("Toegankelijkheid", "/toegankelijkheid/") not in footer_links(get_page(client, site_tree.home))


def test_information_pages_live_only_under_the_home_page():
    assert InformationPage.parent_page_types == ["home.HomePage"]
    assert InformationPage.subpage_types == []
    assert InformationPage.can_create_at(Page()) is False
    assert "home.InformationPage" not in StoryIndexPage.subpage_types


def test_central_editor_writes_the_statement_and_a_colleague_approves_it(client, editorial_teams, site_tree):
    teams = editorial_teams
    client.force_login(teams.central_editor)

    response = submit_new_page(client, InformationPage, site_tree.home, form_data())

    assert response.status_code == 302
    statement = InformationPage.objects.get(slug="toegankelijkheid")
    state = statement.current_workflow_state
    assert (state.workflow.name, statement.current_workflow_task.name) == (CENTRAL_WORKFLOW, CENTRAL_TASK)
    assert not statement.live
    assert client.get(statement.url).status_code == 404  # not yet published

    client.force_login(teams.second_central_editor)
    approve(client, statement)

    response = get_page(client, InformationPage.objects.get(pk=statement.pk))
    assert "Buurtwijs wil dat iedereen de website kan gebruiken." in text(response)


def test_central_editor_edits_the_live_statement_through_the_workflow(client, editorial_teams, statement):
    teams = editorial_teams
    client.force_login(teams.central_editor)

    assert client.get(edit_url(statement)).status_code == 200
    response = resubmit(client, statement, form_data(body="<p>Nieuw: de site werkt ook met spraakbediening.</p>"))

    assert response.status_code == 302
    assert InformationPage.objects.get(pk=statement.pk).current_workflow_task.name == CENTRAL_TASK
    assert "spraakbediening" not in text(get_page(client, statement))  # the live text until it is approved

    client.force_login(teams.second_central_editor)
    approve(client, statement)

    assert "Nieuw: de site werkt ook met spraakbediening." in text(get_page(client, statement))


@pytest.mark.parametrize("person", ["correspondent", "regional_editor"])
def test_regional_teams_cannot_write_or_edit_the_statement(client, editorial_teams, site_tree, statement, person):
    client.force_login(getattr(editorial_teams, person))

    assert_refused(client.get(edit_url(statement)))
    assert_refused(resubmit(client, statement, form_data(body="<p>Gewijzigd.</p>")))
    assert_refused(client.get(add_url(InformationPage, site_tree.home)))
    assert_refused(submit_new_page(client, InformationPage, site_tree.home, form_data("Privacy", "privacy")))

    assert not InformationPage.objects.filter(slug="privacy").exists()
    assert "Gewijzigd." not in text(get_page(client, statement))

    # The central team opens the same views and submits the same change.
    client.force_login(editorial_teams.central_editor)
    assert heading(client.get(edit_url(statement))) == "Bewerk Informatiepagina: Toegankelijkheid"
    assert heading(client.get(add_url(InformationPage, site_tree.home))) == "Nieuw: Informatiepagina"
    assert resubmit(client, statement, form_data(body="<p>Gewijzigd.</p>")).status_code == 302
    assert InformationPage.objects.get(pk=statement.pk).current_workflow_task.name == CENTRAL_TASK
