"""Story, theme and knowledge pages: served at their URL, showing what a reader expects, creatable in the admin."""

import datetime

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from correspondents.models import Municipality
from stories.models import (
    KnowledgeIndexPage,
    KnowledgePage,
    PracticeStoryPage,
    StoryBuurtmaker,
    StoryIndexPage,
    ThemeHubPage,
    ThemeIndexPage,
)
from tests import factories
from tests.helpers import (
    CONSENT,
    approve,
    get_page,
    heading,
    links,
    post_new_page,
    soup,
    story_form_data,
    submit_new_page,
    text,
)

pytestmark = pytest.mark.django_db


# Rendering ---------------------------------------------------------------------------------------


def test_story_index_lists_live_stories(client, site_tree):
    story = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Buurtkamer in de flat")
    factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Nog niet af", live=False)

    response = get_page(client, site_tree.stories)

    assert heading(response) == "Praktijkverhalen"
    assert ("Buurtkamer in de flat", story.url) in links(response)
    assert "Nog niet af" not in text(response)


def test_story_shows_its_people_place_and_text(client, site_tree, region, theme):
    author = factories.CorrespondentProfileFactory(name="Joris Verbeek", region=region)
    story = factories.PracticeStoryPageFactory(
        parent=region,
        title="Soep op woensdag",
        intro="Hoe een pan soep de buurt weer bij elkaar bracht.",
        municipality=Municipality.objects.get(name="Nieuwegein"),
        author=author,
        themes=[theme],
        buurtmakers=[StoryBuurtmaker(name="Fatima El Amrani", role="bewoner", organisation="Buurthuis De Schakel")],
        body__1__pull_quote__quote="Iedereen kwam terug.",
    )

    response = get_page(client, story)
    page_text = text(response)

    assert heading(response) == "Soep op woensdag"
    assert "Hoe een pan soep de buurt weer bij elkaar bracht." in page_text
    assert "Fatima El Amrani" in page_text
    assert "Buurthuis De Schakel" in page_text
    assert "Nieuwegein" in page_text
    assert ("regio Utrecht", region.url) in links(response)
    assert "Joris Verbeek" in page_text
    assert "Iedereen kwam terug." in page_text
    assert ("Eenzaamheid", theme.url) in links(response)


def test_story_without_author_is_by_the_central_team(client, site_tree, theme):
    story = factories.PracticeStoryPageFactory(parent=site_tree.stories, themes=[theme], author=None)

    assert "Centrale redactie" in text(get_page(client, story))


def test_story_renders_every_body_block(client, site_tree, theme):
    story = factories.PracticeStoryPageFactory(parent=site_tree.stories, themes=[theme], **factories.full_story_body())

    response = get_page(client, story)
    page_text = text(response)
    html = response.content.decode()

    assert "Op een koude woensdagavond" in page_text  # paragraph
    assert "We wachtten niet op de gemeente." in page_text  # pull quote
    assert 'alt="Bewoners drinken koffie aan een lange tafel"' in html  # image
    assert "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ" in html  # video, without tracking cookies
    assert "Looptijd" in page_text and "sinds 2022" in page_text  # key facts
    assert ("Bekijk de methode", "https://www.example.org/methode") in links(response)  # call to action
    assert "Verslag van de eerste bijeenkomst" in page_text  # document
    assert "Betrek je de gemeente al in het begin, of pas als het loopt?" in page_text  # dilemma
    assert "Koffie en soep als vaste start" in page_text and "Flyers in de bus" in page_text  # lessons


def test_theme_index_lists_its_themes(client, site_tree):
    theme = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Samen koken")

    response = get_page(client, site_tree.themes)

    assert heading(response) == "Thema's"
    assert ("Samen koken", theme.url) in links(response)


def test_theme_index_counts_each_themes_live_stories(client, site_tree, theme, region):
    cooking = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Samen koken")
    factories.ThemeHubPageFactory(parent=site_tree.themes, title="Groen in de wijk")
    for title, themes in (("Eettafel", [theme, cooking]), ("Soep op woensdag", [cooking]), ("Wandelen", [theme])):
        factories.PracticeStoryPageFactory(parent=region, title=title, themes=themes)
    factories.PracticeStoryPageFactory(parent=region, title="Concept", themes=[cooking], live=False)
    factories.KnowledgePageFactory(parent=site_tree.knowledge, title="Over koken", themes=[cooking])

    cards = {
        card.find("h2").get_text(strip=True): card.select_one(".card__meta").get_text(strip=True)
        for card in soup(get_page(client, site_tree.themes)).select(".theme-card")
    }

    # Live stories only: not the draft, nor the knowledge page about cooking.
    assert cards == {"Eenzaamheid": "2 verhalen", "Groen in de wijk": "0 verhalen", "Samen koken": "2 verhalen"}


def test_theme_hub_shows_intro_stories_and_knowledge(client, site_tree, theme):
    story = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Eettafel voor ouderen", themes=[theme])
    method = factories.KnowledgePageFactory(
        parent=site_tree.knowledge, title="Asset based community development", themes=[theme]
    )

    response = get_page(client, theme)

    assert heading(response) == "Eenzaamheid"
    assert "Wat we weten over dit thema, volgens de redactie." in text(response)
    assert ("Eettafel voor ouderen", story.url) in links(response)
    assert ("Asset based community development", method.url) in links(response)


def test_knowledge_index_lists_knowledge_pages(client, site_tree):
    page = factories.KnowledgePageFactory(parent=site_tree.knowledge, title="De geschiedenis van het opbouwwerk")

    response = get_page(client, site_tree.knowledge)

    assert heading(response) == "Kennis"
    assert ("De geschiedenis van het opbouwwerk", page.url) in links(response)


def test_knowledge_page_shows_text_author_and_sources(client, site_tree):
    page = factories.KnowledgePageFactory(
        parent=site_tree.knowledge,
        title="Bowling alone",
        intro="Waarom sociale verbanden in buurten verzwakken.",
        author_name="Robert Putnam",
    )

    response = get_page(client, page)
    page_text = text(response)

    assert heading(response) == "Bowling alone"
    assert "Waarom sociale verbanden in buurten verzwakken." in page_text
    assert "Robert Putnam" in page_text
    assert "Putnam, R. (2000). Bowling Alone." in page_text


# Creating through the admin ----------------------------------------------------------------------


def test_superuser_creates_index_pages(admin_client, home):
    for model, title, slug in [
        (StoryIndexPage, "Praktijkverhalen", "praktijkverhalen"),
        (ThemeIndexPage, "Thema's", "themas"),
        (KnowledgeIndexPage, "Kennis", "kennis"),
    ]:
        data = nested_form_data({"title": title, "slug": slug, "intro": rich_text("<p>Welkom.</p>")})
        response = post_new_page(admin_client, model, home, data)

        assert response.status_code == 302
        page = model.objects.get(slug=slug)
        assert page.live and page.get_parent().pk == home.pk
        assert page.title == title and "Welkom." in page.intro


@pytest.mark.parametrize("where", ["national", "regional"])
def test_central_editor_writes_a_story_that_goes_live_through_the_chain(
    client, editorial_teams, site_tree, region, theme, where
):
    teams = editorial_teams
    parent = site_tree.stories if where == "national" else region
    municipality = Municipality.objects.get(name="Nieuwegein") if where == "regional" else None
    client.force_login(teams.central_editor)

    data = story_form_data(theme, municipality=str(municipality.pk) if municipality else "", **CONSENT)
    response = submit_new_page(client, PracticeStoryPage, parent, data)

    assert response.status_code == 302
    assert not PracticeStoryPage.objects.get(slug="soep-op-woensdag").live
    if where == "regional":
        client.force_login(teams.regional_editor)
        approve(client, PracticeStoryPage.objects.get(slug="soep-op-woensdag"))
    client.force_login(teams.second_central_editor)  # the writer does not approve their own work
    approve(client, PracticeStoryPage.objects.get(slug="soep-op-woensdag"))

    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")
    assert story.live
    assert story.get_parent().pk == parent.pk
    assert story.owner == teams.central_editor
    assert story.intro == "Hoe een pan soep de buurt weer bij elkaar bracht."
    assert [block.block_type for block in story.body] == ["paragraph", "pull_quote", "lessons"]
    assert story.body[1].value["quote"] == "Iedereen kwam terug."
    assert list(story.body[2].value["worked"]) == ["Vaste dag"]
    assert list(story.themes.all()) == [theme]
    assert story.municipality == municipality
    assert (story.period_start, story.period_end) == (datetime.date(2023, 1, 1), datetime.date(2024, 6, 30))
    assert [(b.name, b.role) for b in story.buurtmakers.all()] == [("Fatima El Amrani", "bewoner")]
    assert (story.consent_given_by, story.consent_method) == ("Fatima El Amrani", "email")


@pytest.mark.parametrize("where", ["national", "regional"])
def test_central_editors_publish_button_saves_a_draft_and_submits_nothing(
    client, editorial_teams, site_tree, region, theme, where
):
    parent = site_tree.stories if where == "national" else region
    client.force_login(editorial_teams.central_editor)

    response = post_new_page(client, PracticeStoryPage, parent, story_form_data(theme, **CONSENT))

    assert response.status_code == 302
    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")
    assert not story.live and story.last_published_at is None
    assert story.get_latest_revision().user == editorial_teams.central_editor
    assert not story.workflow_states.exists()


def test_story_saved_as_draft_is_not_live(admin_client, site_tree, theme):
    response = post_new_page(admin_client, PracticeStoryPage, site_tree.stories, story_form_data(theme), publish=False)

    assert response.status_code == 302
    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")
    assert not story.live
    assert story.get_latest_revision() is not None


def test_superuser_creates_a_theme(admin_client, site_tree, theme):
    data = nested_form_data(
        {
            "title": "Samen koken",
            "slug": "samen-koken",
            "intro": rich_text("<p>Eten verbindt.</p>"),
            "curated_picks": inline_formset([], max=6),
        }
    )
    data["related_themes"] = [str(theme.pk)]

    response = post_new_page(admin_client, ThemeHubPage, site_tree.themes, data)

    assert response.status_code == 302
    page = ThemeHubPage.objects.get(slug="samen-koken")
    assert page.live and "Eten verbindt." in page.intro
    assert list(page.related_themes.all()) == [theme]


def test_superuser_creates_a_knowledge_page(admin_client, site_tree, theme):
    data = nested_form_data(
        {
            "title": "Asset based community development",
            "slug": "abcd",
            "kind": "method",
            "intro": "Uitgaan van wat een buurt al heeft.",
            "body": streamfield([("paragraph", rich_text("<p>Kretzmann en McKnight beschreven het in 1993.</p>"))]),
            "author_name": "John McKnight",
            "sources": streamfield([("source", {"citation": "Kretzmann & McKnight (1993)", "url": ""})]),
        }
    )
    data["themes"] = [str(theme.pk)]

    response = post_new_page(admin_client, KnowledgePage, site_tree.knowledge, data)

    assert response.status_code == 302
    page = KnowledgePage.objects.get(slug="abcd")
    assert page.live and page.kind == KnowledgePage.Kind.METHOD
    assert page.author_name == "John McKnight"
    assert page.sources[0].value["citation"] == "Kretzmann & McKnight (1993)"
    assert list(page.themes.all()) == [theme]
