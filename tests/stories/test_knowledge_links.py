"""A story names the knowledge it builds on once; both pages show the link, with the kind of relation."""

import pytest

from core.listing import LISTING_PAGE_SIZE
from stories.models import PracticeStoryPage, StoryKnowledgeLink
from tests import factories
from tests.helpers import assert_link_with_label, get_page, post_new_page, soup, story_form_data, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def method(site_tree):
    return factories.KnowledgePageFactory(parent=site_tree.knowledge, title="Asset based community development")


def test_link_entered_on_the_story_shows_on_both_pages(client, admin_client, site_tree, theme, method):
    links = [{"knowledge_page": str(method.pk), "relation": StoryKnowledgeLink.Relation.APPLIES_METHOD}]
    post_new_page(admin_client, PracticeStoryPage, site_tree.stories, story_form_data(theme, knowledge_links=links))
    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")
    assert story.live and story.knowledge_links.get().knowledge_page == method

    assert_link_with_label(get_page(client, story), method.url, method.title, "past deze methode toe")
    assert_link_with_label(get_page(client, method), story.url, "Soep op woensdag", "past deze methode toe")


@pytest.mark.parametrize("relation", StoryKnowledgeLink.Relation)
def test_each_relation_shows_its_label(client, site_tree, method, relation):
    story = factories.PracticeStoryPageFactory(
        parent=site_tree.stories, knowledge_links=[StoryKnowledgeLink(knowledge_page=method, relation=relation)]
    )

    assert_link_with_label(get_page(client, story), method.url, method.title, relation.label)
    assert_link_with_label(get_page(client, method), story.url, story.title, relation.label)


def test_draft_story_is_not_shown_on_the_knowledge_page(client, site_tree, method):
    factories.PracticeStoryPageFactory(
        parent=site_tree.stories,
        title="Nog in de maak",
        live=False,
        first_published_at=None,
        knowledge_links=[StoryKnowledgeLink(knowledge_page=method, relation=StoryKnowledgeLink.Relation.IN_TRADITION)],
    )

    page_text = text(get_page(client, method))

    assert method.title in page_text
    assert "Nog in de maak" not in page_text
    assert "staat in deze traditie" not in page_text


def test_draft_knowledge_page_is_not_shown_on_the_story(client, site_tree):
    draft = factories.KnowledgePageFactory(parent=site_tree.knowledge, title="Concepttekst", live=False)
    story = factories.PracticeStoryPageFactory(
        parent=site_tree.stories,
        knowledge_links=[StoryKnowledgeLink(knowledge_page=draft, relation=StoryKnowledgeLink.Relation.APPLIES_METHOD)],
    )

    page_text = text(get_page(client, story))

    assert "Concepttekst" not in page_text
    assert "past deze methode toe" not in page_text


def test_many_stories_on_a_knowledge_page_are_paginated_newest_first(client, site_tree, method):
    for n in range(LISTING_PAGE_SIZE + 2):
        factories.PracticeStoryPageFactory(
            parent=site_tree.stories,
            title=f"Verhaal {n}",
            first_published_at=factories.days_ago(n),
            knowledge_links=[StoryKnowledgeLink(knowledge_page=method, relation="applies_method")],
        )

    first = get_page(client, method)
    second = soup(get_page(client, method, pagina=2))

    assert f"Deze {LISTING_PAGE_SIZE + 2} verhalen van buurtmakers bouwen voort op" in text(first)
    first = soup(first)
    titles = [[a.get_text(strip=True) for a in page.select(".link-list__title a")] for page in (first, second)]
    assert titles == [[f"Verhaal {n}" for n in range(LISTING_PAGE_SIZE)], ["Verhaal 12", "Verhaal 13"]]
    assert "Pagina 2 van 2" in second.select_one(".pagination").get_text(" ")
