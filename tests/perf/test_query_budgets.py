"""Query budgets for every public page type, filter state, search, feed and the sitemap (docs/architecture.md,
"Tests and query budgets").

Each URL costs the same number of queries with 5 and with 500 stories, within its budget: nothing costs a query
per story. One test does the whole comparison: it builds the site with 5 stories, made with the factories in every
region and theme, measures every URL, grows the site to 500 stories with 495 generated ones
(demo/generated_content.py, the generator of `make bench`), measures again and compares. Each URL is
fetched by a first visitor with empty caches, twice to warm up (the worker makes the image renditions the first
view queues, the second finds them), then counted; every page must show a text that proves it is not empty. The
counts are printed at the end of the run (tests/perf/conftest.py).

Every page type of the project needs a budget here and a page in build_site(): a new page type without one fails
test_every_page_type_has_a_query_budget.
"""

from types import SimpleNamespace
from xml.etree import ElementTree

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from community.events import EventPage
from community.partners import PartnerIndexPage
from core.sitemaps import section_path
from correspondents.models import CorrespondentProfile, RegionalNewsPage
from demo.generated_content import add_generated_stories
from demo.management.commands.bench import public_page_models
from home.models import InformationPage
from stories.models import KnowledgePage, PracticeStoryPage, Reaction, StoryBuurtmaker, StoryKnowledgeLink
from tests import factories
from tests.helpers import background_work_done, text
from tests.perf.conftest import QUERY_COUNTS_PROPERTY

FEW, MANY = 5, 500

# A repeated request with the app's caches warm: the page cache answers it without a query (core/pagecache.py);
# a page with a form (Deel je verhaal: its CSRF cookie) is never kept and renders in fewer than this.
WARM_BUDGET = 12

BUDGETS = {  # the counts measured (the same on SQLite and PostgreSQL), plus 3: a request after the caches were
    # emptied costs up to 3 more (Wagtail's cached site root paths and renditions)
    "home.HomePage": 15,
    "home.InformationPage": 10,
    "stories.StoryIndexPage": 15,
    "stories.PracticeStoryPage": 23,  # with its approved reactions (one query, however many)
    "stories.ThemeIndexPage": 11,
    "stories.ThemeHubPage": 25,  # the editors' picks (first page only), a card query per kind on the page
    "stories.ThemeHubPage, filtered": 18,
    "stories.KnowledgeIndexPage": 12,
    "stories.KnowledgePage": 15,  # with its approved reactions (one query, however many)
    "stories.KennispleinPage": 22,  # a card query per kind on the page; every count in one query
    "stories.KennispleinPage, filtered": 18,
    "stories.EventIndexPage": 14,
    "stories.EventPage": 18,
    "stories.StorySubmissionPage": 12,
    "correspondents.RegionIndexPage": 11,
    "correspondents.RegionPage": 18,
    "correspondents.RegionalNewsPage": 11,
    "stories.PartnerIndexPage": 14,
    "search": 25,  # on PostgreSQL with the statements of its transaction (search/views.py)
    "search, filtered": 25,
    "RSS feed": 7,
    "theme feed": 7,
    "region feed": 7,
    "iCalendar feed": 4,
    "sitemap": 7,  # the index of the family sitemaps
    "sitemap, stories": 7,  # a family sitemap
}


def shown_text(response):
    """What a reader or feed reader gets: the page's text, or every text node of a feed or sitemap."""
    if "xml" in response["Content-Type"]:
        return " ".join(ElementTree.fromstring(response.content).itertext())  # noqa: S314 -- our own response
    return text(response)


def newest_title(pages):
    page = pages.order_by("-first_published_at", "-pk").first()
    assert page is not None, "build_site() has no page for this filter state"
    return page.title


def build_site():
    """A site with every page type filled the way the demo fills it, and FEW live stories made with the factories.

    Returns what grow_site() and pages_to_measure() need.
    """
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
            factories.RegionalNewsPageFactory(  # between the stories: the Kennisplein's first page mixes all kinds
                parent=region,
                listing_image=factories.ImageFactory(),
                title=f"Nieuws {n}",
                first_published_at=factories.days_ago(2 * n + 1),
            )
        regions.append(region)
    kennisplein = factories.KennispleinPageFactory(parent=tree.home)
    submission_page = factories.StorySubmissionPageFactory(parent=tree.home)
    information = tree.home.add_child(
        instance=InformationPage(
            title="Toegankelijkheid",
            slug="toegankelijkheid",
            body=[("paragraph", "<p>Buurtwijs wil voor iedereen toegankelijk zijn.</p>")],
        )
    )

    target_group, partner = factories.TargetGroupFactory(), factories.PartnerFactory(logo=factories.ImageFactory())
    partner_page = tree.home.add_child(instance=PartnerIndexPage(title="Partners", slug="partners"))
    stories = []
    for n in range(FEW):
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
    # Gatherings: two upcoming (one with own registration, on two themes, with partners and stories), one past.
    event_index = factories.EventIndexPageFactory(parent=tree.home)
    event = factories.EventPageFactory(
        parent=event_index,
        title="Buurtavond over eenzaamheid",
        listing_image=factories.ImageFactory(),
        municipality=municipalities[regions[0]][0],
        themes=themes[:2],
        partners=[partner],
        related_stories=stories[:3],
        dilemma="Hoe vind je de buren die nooit buiten komen?",
        registration_open=True,
        capacity=20,
    )
    factories.EventPageFactory(parent=event_index, title="Online over geld", venue="", online_url="https://x.test/")
    factories.EventPageFactory(
        parent=event_index,
        title="Vorig jaar",
        themes=[themes[0]],
        start=factories.days_ago(365),
        end=factories.days_ago(364.9),
    )
    for page in (stories[1], stories[2], knowledge[1]):
        factories.ThemeCuratedPickFactory(theme=themes[0], page=page)
    for theme in themes:
        factories.HomeFeaturedThemeFactory(home=tree.home, theme=theme)
    for page in (stories[1], knowledge[0]):  # Het gesprek: approved reactions, with an editorial response
        for n in range(3):
            Reaction.objects.create(
                page=page, name=f"Lezer {n}", email="lezer@example.org", text="Herkenbaar!", status="approved"
            )
        Reaction.objects.filter(page=page).update(editorial_response="Dank je wel!")
    return SimpleNamespace(
        tree=tree,
        themes=themes,
        knowledge=knowledge,
        regions=regions,
        municipalities=municipalities,
        kennisplein=kennisplein,
        submission_page=submission_page,
        information=information,
        partners=[partner],
        partner_page=partner_page,
        stories=stories,
        event_index=event_index,
        event=event,
    )


def grow_site(site, story_count):
    """Add generated stories until the site has ``story_count``, and more partners with more stories: the generated
    stories take partners from every one there is."""
    while len(site.partners) < 1 + story_count // 100:
        site.partners.append(factories.PartnerFactory(logo=factories.ImageFactory()))
    add_generated_stories(story_count - PracticeStoryPage.objects.count())


def pages_to_measure(site):
    """{page type: (URL, a text the page must show)}, so that an empty page cannot pass for a cheap one."""
    tree, themes, knowledge, regions, stories = site.tree, site.themes, site.knowledge, site.regions, site.stories
    kennisplein, submission_page, information = site.kennisplein, site.submission_page, site.information
    partners, partner_page, event_index, event = site.partners, site.partner_page, site.event_index, site.event
    utrecht, nieuwegein = regions[0], site.municipalities[regions[0]][1]
    year = timezone.localtime(stories[1].first_published_at).year  # a story in Utrecht
    listed = PracticeStoryPage.objects.for_listing()
    in_utrecht = listed.filter(path__startswith=utrecht.path, themes=themes[0])
    everything = sum(model.objects.live().public().count() for model in (PracticeStoryPage, KnowledgePage))
    everything += RegionalNewsPage.objects.live().public().count() + EventPage.objects.live().public().count()
    regional_story = stories[1]
    news = utrecht.get_children().first()
    return {
        "home.HomePage": (tree.home.url, newest_title(listed)),
        "home.InformationPage": (information.url, "Buurtwijs wil voor iedereen toegankelijk zijn."),
        "stories.StoryIndexPage": (tree.stories.url, newest_title(listed)),
        "stories.PracticeStoryPage": (regional_story.url, "Buurtmaker 1"),
        "stories.ThemeIndexPage": (tree.themes.url, "Groen in de wijk"),
        "stories.ThemeHubPage": (themes[0].url, newest_title(listed.filter(themes=themes[0]))),
        "stories.ThemeHubPage, filtered": (
            f"{themes[0].url}?regio={utrecht.slug}&gemeente=nieuwegein&soort=praktijkverhaal",
            newest_title(in_utrecht.filter(municipality=nieuwegein)),
        ),
        "stories.KnowledgeIndexPage": (tree.knowledge.url, "Kennis 2"),
        "stories.StorySubmissionPage": (submission_page.url, "Groen in de wijk"),  # a theme to choose
        "stories.KnowledgePage": (
            knowledge[0].url,
            newest_title(listed.filter(knowledge_links__knowledge_page=knowledge[0])),
        ),
        "stories.KennispleinPage": (kennisplein.url, f"{everything} resultaten"),
        "stories.KennispleinPage, filtered": (
            f"{kennisplein.url}?soort=praktijkverhaal&thema={themes[0].slug}&regio={utrecht.slug}&jaar={year}",
            newest_title(in_utrecht.filter(first_published_at__year=year)),
        ),
        "stories.EventIndexPage": (event_index.url, "Vorig jaar"),
        "stories.EventPage": (event.url, "Hoe vind je de buren die nooit buiten komen?"),
        "correspondents.RegionIndexPage": (tree.regions.url, "Twente"),
        "correspondents.RegionPage": (utrecht.url, "Nieuwegein"),
        "correspondents.RegionalNewsPage": (news.url, news.title),
        "stories.PartnerIndexPage": (partner_page.url, partners[-1].name),
        # The results are fetched with one query per page type on the page of results: "koffie" is only in
        # stories, so that page holds stories alone with 5 and with 500. Ranking differs per database.
        "search": (reverse("search") + "?q=koffie", "resultaten voor ‘koffie’"),
        "search, filtered": (
            reverse("search") + f"?q=koffie&soort=praktijkverhaal&thema={themes[0].slug}&regio={utrecht.slug}",
            "resultaten voor ‘koffie’",
        ),
        "RSS feed": (reverse("feeds:stories_rss"), newest_title(listed)),
        "theme feed": (
            reverse("feeds:theme_rss", args=[themes[1].slug]),
            newest_title(listed.filter(themes=themes[1])),
        ),
        "region feed": (reverse("feeds:region_rss", args=[utrecht.slug]), newest_title(listed.descendant_of(utrecht))),
        "sitemap": (reverse("sitemap"), section_path(regional_story)),
        "sitemap, stories": (section_path(regional_story), regional_story.url),
        "iCalendar feed": (reverse("events_ical"), "SUMMARY:Buurtavond over eenzaamheid"),
    }


def test_every_page_type_has_a_query_budget():
    missing = [model._meta.label for model in public_page_models() if model._meta.label not in BUDGETS]
    assert not missing, (
        f"No query budget for {', '.join(missing)}: add each to BUDGETS, and a page of that type to build_site(), "
        "in tests/perf/test_query_budgets.py."
    )


def measure(pages):
    """{page type: the queries its URL costs}: each fetched by a first visitor with empty caches, twice to warm up
    (the worker makes the image renditions the first view queues, the second finds them), then counted; each must
    show its text."""
    queries = {}
    for page_type, (url, expected_text) in pages.items():
        for cache in caches.all():
            cache.clear()
        client = Client()
        with background_work_done():  # warm up: the worker makes the image renditions the first view queued,
            client.get(url)
        client.get(url)  # and the next view finds them
        caches["pages"].clear()  # counted: the render, as after a change that invalidated this page
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, f"{page_type}: {url} answered {response.status_code}"
        assert expected_text in shown_text(response), f"{page_type}: {url} does not show {expected_text!r}"
        queries[page_type] = captured.captured_queries
        with CaptureQueriesContext(connection) as repeated:
            repeat = Client().get(url)
        assert shown_text(repeat) == shown_text(response), f"{page_type}: a repeat of {url} shows something else"
        assert len(repeated) <= WARM_BUDGET, f"{page_type}: a repeat of {url} costs {len(repeated)} queries"
    return queries


@pytest.mark.django_db
def test_every_page_costs_the_same_queries_with_5_and_500_stories(record_property):
    site = build_site()
    pages = pages_to_measure(site)
    missing = [page_type for page_type in BUDGETS if page_type not in pages]
    assert not missing, f"build_site() makes no {', '.join(missing)} to measure"
    assert PracticeStoryPage.objects.live().count() == FEW
    few = measure(pages)

    grow_site(site, MANY)
    assert PracticeStoryPage.objects.live().count() == MANY
    many = measure(pages_to_measure(site))

    # For the table at the end of the run only (tests/perf/conftest.py): what this test asserts, it takes from its
    # own two measurements.
    record_property(
        QUERY_COUNTS_PROPERTY,
        {
            page_type: ({FEW: len(few[page_type]), MANY: len(many[page_type])}, BUDGETS[page_type])
            for page_type in BUDGETS
        },
    )
    over_budget = [
        f"{page_type} costs {len(queries[page_type])} queries with {count} stories, over its budget of "
        f"{BUDGETS[page_type]}:\n" + "\n".join(query["sql"] for query in queries[page_type])
        for count, queries in ((FEW, few), (MANY, many))
        for page_type in BUDGETS
        if len(queries[page_type]) > BUDGETS[page_type]
    ]
    assert not over_budget, "\n\n".join(over_budget)
    per_item = [
        f"{page_type} costs {len(many[page_type])} queries with {MANY} stories and {len(few[page_type])} with {FEW}"
        for page_type in BUDGETS
        if len(many[page_type]) != len(few[page_type])
    ]
    assert not per_item, "something costs a query per item:\n" + "\n".join(per_item)
