"""Query budgets for every public page type (STYLE.md point 8): the same budget with 5 and with 40 stories.

Each page is fetched once to warm up (image renditions are made on first view), then counted. The counts
are printed at the end of the run (tests/perf/conftest.py); the budgets are the counts measured with the
first templates plus a small margin.
"""

import pytest
from django.urls import reverse

from correspondents.models import CorrespondentProfile, RegionPage
from stories.models import PracticeStoryPage, StoryBuurtmaker, StoryKnowledgeLink
from tests import factories
from tests.helpers import rolled_back, text
from tests.perf.conftest import QUERY_COUNTS

BUDGETS = {  # measured + 3
    "home": 20,
    "story index": 19,
    "story": 28,
    "theme index": 15,
    "theme hub": 31,
    "knowledge index": 16,
    "knowledge page": 18,
    "region index": 15,
    "region": 26,
    "regional news": 19,
    "search results": 11,
}


def build_site(story_count):
    """A site with every page type filled the way the demo fills it: images, people, links, picks."""
    tree = factories.create_site_tree()
    themes = [
        factories.ThemeHubPageFactory(parent=tree.themes, title=title, listing_image=factories.ImageFactory())
        for title in ("Eenzaamheid", "Samen koken", "Groen in de wijk")
    ]
    knowledge = [
        factories.KnowledgePageFactory(
            parent=tree.knowledge, title=f"Kennis {n}", themes=themes[:2], listing_image=factories.ImageFactory()
        )
        for n in range(3)
    ]
    regions, municipalities, authors = [], {}, {}
    for title, names in (("Utrecht", ["Utrecht", "Nieuwegein"]), ("Twente", ["Enschede", "Almelo"])):
        region = factories.RegionPageFactory(parent=tree.regions, title=title, listing_image=factories.ImageFactory())
        municipalities[region] = [factories.MunicipalityFactory(region=region, name=name) for name in names]
        authors[region], _regional_editor = (
            factories.CorrespondentProfileFactory(region=region, photo=factories.ImageFactory(), role=role)
            for role in CorrespondentProfile.Role
        )
        for n in range(5):
            factories.RegionalNewsPageFactory(
                parent=region, listing_image=factories.ImageFactory(), title=f"Nieuws {n}"
            )
        regions.append(region)

    target_group, partner = factories.TargetGroupFactory(), factories.PartnerFactory()
    stories = []
    for n in range(story_count):
        region = [None, *regions][n % 3]
        stories.append(
            factories.PracticeStoryPageFactory(
                parent=region or tree.stories,
                title=f"Verhaal {n}",
                first_published_at=factories.days_ago(n),
                listing_image=factories.ImageFactory(),
                themes=[themes[0], themes[1 + n % 2]],
                municipality=municipalities[region][n % 2] if region else None,
                author=authors.get(region),
                target_groups=[target_group],
                partners=[partner],
                buurtmakers=[StoryBuurtmaker(name=f"Buurtmaker {n}", role="bewoner") for _ in range(2)],
                knowledge_links=[
                    StoryKnowledgeLink(
                        knowledge_page=knowledge[0], relation=StoryKnowledgeLink.Relation.APPLIES_METHOD
                    ),
                    StoryKnowledgeLink(knowledge_page=knowledge[1], relation=StoryKnowledgeLink.Relation.IN_TRADITION),
                ],
                **factories.full_story_body(),
            )
        )
    for page in (stories[1], stories[2], knowledge[1]):
        factories.ThemeCuratedPickFactory(theme=themes[0], page=page)
    for theme in themes:
        factories.HomeFeaturedThemeFactory(home=tree.home, theme=theme)

    regional_story = next(story for story in stories if story.get_parent().specific_class is RegionPage)
    news = regions[0].get_children().first()
    # page type: (URL, a text the page must show, so that an empty page cannot pass for a cheap one)
    return {
        "home": (tree.home.url, "Verhaal 0"),
        "story index": (tree.stories.url, "Verhaal 0"),
        "story": (regional_story.url, "Buurtmaker"),
        "theme index": (tree.themes.url, "Groen in de wijk"),
        "theme hub": (themes[0].url, "Verhaal 0"),
        "knowledge index": (tree.knowledge.url, "Kennis 2"),
        "knowledge page": (knowledge[0].url, "Verhaal 0"),
        "region index": (tree.regions.url, "Twente"),
        "region": (regions[0].url, "Nieuwegein"),
        "regional news": (news.url, news.title),
        "search results": (reverse("search") + "?q=verhaal", "Verhaal "),  # ranking differs per database
    }


@pytest.fixture(scope="module", params=[5, 40], ids=lambda count: f"{count}-stories")
def site(request, django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield request.param, build_site(request.param)


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", list(BUDGETS), ids=lambda page_type: page_type.replace(" ", "-"))
def test_page_stays_within_its_query_budget(client, site, page_type, django_assert_max_num_queries):
    story_count, pages = site
    url, expected_text = pages[page_type]
    assert PracticeStoryPage.objects.live().count() == story_count
    client.get(url)  # warm up: image renditions are made on the first view

    captured = None
    try:
        with django_assert_max_num_queries(BUDGETS[page_type]) as captured:
            response = client.get(url)
    finally:
        if captured is not None:
            QUERY_COUNTS.setdefault(page_type, {})[story_count] = len(captured)

    assert response.status_code == 200
    assert expected_text in text(response)
