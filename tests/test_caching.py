"""Caching in front of the site: Cache-Control of public and private responses, and the frontend cache purge
when a story or a regional news item is published or unpublished (every page that lists it)."""

import runpy
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import resolve, reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django_tasks.signals import task_enqueued
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from buurtwijs.middleware import PublicCacheControlMiddleware
from core.sitemaps import section_path
from correspondents.models import Municipality, RegionalNewsPage
from home.models import InformationPage
from stories.models import PracticeStoryPage, StoryKnowledgeLink
from tests import factories
from tests.correspondents.test_pages import news_form_data
from tests.helpers import (
    CONSENT,
    approve,
    edit_url,
    get_page,
    heading,
    links,
    post_new_page,
    story_form_data,
    submit_new_page,
)

pytestmark = pytest.mark.django_db

SHARED = "public, max-age=60, s-maxage=600"


def cache_control(response):
    return {directive.strip() for directive in response.get("Cache-Control", "").split(",") if directive.strip()}


def vary(response):
    return {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}


# Cache-Control ------------------------------------------------------------------------------------


@pytest.fixture
def public_site(site_tree, theme, region):
    """One live page of every public page type, and the URLs of the other public views."""
    knowledge = factories.KnowledgePageFactory(parent=site_tree.knowledge, title="Asset based community development")
    story = factories.PracticeStoryPageFactory(parent=region, title="Soep op woensdag", themes=[theme])
    national = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Koffie op maandag", themes=[theme])
    news = factories.RegionalNewsPageFactory(parent=region, title="Buurtkamer verhuisd")
    pages = [site_tree.home, site_tree.stories, site_tree.themes, site_tree.knowledge, site_tree.regions]
    pages += [theme, knowledge, region, story, national, news]
    views = [
        "/zoeken/",
        "/zoeken/?q=soep",
        "/feeds/verhalen/rss/",
        "/feeds/verhalen/atom/",
        f"/feeds/themas/{theme.slug}/rss/",
        f"/feeds/themas/{theme.slug}/atom/",
        f"/feeds/regios/{region.slug}/rss/",
        f"/feeds/regios/{region.slug}/atom/",
        "/sitemap.xml",
        section_path(story),  # a family sitemap
        "/robots.txt",
    ]
    return [page.url for page in pages] + views


def test_anonymous_visitors_get_shared_cache_headers_on_every_public_page_type(client, public_site):
    for url in public_site:
        response = client.get(url)

        assert response.status_code == 200, url
        assert response["Cache-Control"] == SHARED, url
        # One site language: no copy per browser language, and nothing that depends on a cookie.
        assert vary(response).isdisjoint({"cookie", "accept-language"}), url
        assert not response.cookies, url


def test_head_requests_and_not_found_pages_are_shared_too(client, public_site):
    assert client.head(public_site[0])["Cache-Control"] == SHARED

    # A page that is not there yet may be published any moment: only the shared cache, which is purged, keeps it.
    not_found = "public, max-age=0, s-maxage=600"
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404 and response["Cache-Control"] == not_found
    assert client.get("/feeds/themas/bestaat-niet/rss/")["Cache-Control"] == not_found


def test_a_post_to_a_page_is_not_cached(client, site_tree):
    intake = factories.StorySubmissionPageFactory(parent=site_tree.home)  # a page that takes a POST

    response = client.post(intake.url, {})

    assert response.status_code == 200  # the form again, with its errors
    assert "public" not in response.get("Cache-Control", "")
    # A page that takes no POST refuses it, also uncached.
    refused = client.post(site_tree.home.url)
    assert refused.status_code == 405 and "Cache-Control" not in refused


def test_logged_in_users_get_private_responses(client, public_site):
    client.force_login(factories.UserFactory())

    for url in public_site:
        assert cache_control(client.get(url)) == {"private"}, url


def test_admin_is_never_cached(client, admin_client, home):
    for response in (admin_client.get(reverse("wagtailadmin_home")), client.get(reverse("wagtailadmin_home"))):
        assert {"private", "no-store"} <= cache_control(response)
        assert "s-maxage" not in response["Cache-Control"]


def test_preview_is_private(admin_client, region):
    author = factories.CorrespondentProfileFactory(region=region, name="Joris Verbeek")
    news = factories.RegionalNewsPageFactory(parent=region, title="Buurtkamer verhuisd", slug="buurtkamer-verhuisd")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[news.pk])
    admin_client.post(preview_url, {**news_form_data(author), "title": "Buurtkamer weer open"})

    response = admin_client.get(preview_url)

    assert response.status_code == 200 and "Buurtkamer weer open" in response.content.decode()
    assert "private" in cache_control(response)
    assert "s-maxage" not in response["Cache-Control"]


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_pages_with_view_restrictions_are_never_shared(client, admin_client, site_tree, restriction_type):
    private = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Besloten")
    PageViewRestriction.objects.create(page=private, restriction_type=restriction_type, password="geheim")

    # A password form or a redirect to the login page for a visitor; the page, or its password form, for an editor.
    for response in (client.get(private.url), admin_client.get(private.url)):
        assert response.status_code in (200, 302)
        assert {"private", "no-store"} <= cache_control(response)
        assert "s-maxage" not in response["Cache-Control"]


def middleware_response(response, path="/"):
    """What the middleware makes of ``response``, as the answer to an anonymous GET of ``path``."""
    request = RequestFactory().get(path)
    request.resolver_match = resolve(path)
    request.user = AnonymousUser()
    return PublicCacheControlMiddleware(lambda request: response)(request)


def test_responses_that_set_a_cookie_or_vary_on_it_are_not_shared(home):
    with_cookie = HttpResponse("Welkom")
    with_cookie.set_cookie("csrftoken", "abc")
    varies = HttpResponse("Welkom")
    patch_vary_headers(varies, ["Cookie"])

    assert "Cache-Control" not in middleware_response(with_cookie)
    assert "Cache-Control" not in middleware_response(varies)
    assert middleware_response(HttpResponse("Welkom"))["Cache-Control"] == SHARED


def test_shared_responses_vary_on_what_they_depend_on_but_not_on_the_one_site_language(home):
    compressed = HttpResponse("Welkom")
    patch_vary_headers(compressed, ["Accept-Encoding", "Accept-Language"])

    assert middleware_response(compressed)["Vary"] == "Accept-Encoding"


def test_responses_with_their_own_cache_control_keep_it(home):
    never_cached = HttpResponse("Formulier")
    add_never_cache_headers(never_cached)
    own = never_cached["Cache-Control"]

    assert middleware_response(never_cached)["Cache-Control"] == own


def test_only_public_views_and_answers_are_shared(home):
    assert "Cache-Control" not in middleware_response(HttpResponse(status=302))
    assert "Cache-Control" not in middleware_response(HttpResponse(status=500))
    assert "Cache-Control" not in middleware_response(HttpResponse(), path="/documenten/1/werkblad.pdf")
    assert middleware_response(HttpResponse(status=301))["Cache-Control"] == SHARED


# Purging ------------------------------------------------------------------------------------------


class RecordingBackend(BaseBackend):
    """A frontend cache that writes down what it was asked to purge."""

    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


@pytest.fixture
def purged(settings):
    """The URLs purged from the (recording) frontend cache, as a set, from the moment the fixture is used."""
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.test_caching.RecordingBackend"}}
    RecordingBackend.purged = []

    def purged():
        urls = set(RecordingBackend.purged)
        RecordingBackend.purged = []
        return urls

    return purged


def site_urls(*paths):
    return {f"http://localhost{path}" for path in paths}


SECTIONS = site_urls("/", "/praktijkverhalen/", "/themas/", "/kennis/", "/regios/", "/zoeken/", "/sitemap.xml")


def sitemap_of(page):
    """The one family sitemap that lists ``page`` (tests/test_sitemap_robots.py shows it does)."""
    return site_urls(section_path(page))


ALL_STORIES_FEEDS = site_urls("/feeds/verhalen/rss/", "/feeds/verhalen/atom/")
UTRECHT = site_urls("/regios/utrecht/", "/feeds/regios/utrecht/rss/", "/feeds/regios/utrecht/atom/")


def theme_urls(slug):
    return site_urls(f"/themas/{slug}/", f"/feeds/themas/{slug}/rss/", f"/feeds/themas/{slug}/atom/")


@pytest.fixture
def method(site_tree):
    return factories.KnowledgePageFactory(parent=site_tree.knowledge, title="Buurtcirkels", slug="buurtcirkels")


@pytest.fixture
def research(site_tree):
    return factories.KnowledgePageFactory(parent=site_tree.knowledge, title="Bowling alone", slug="bowling-alone")


@pytest.fixture
def other_theme(site_tree):
    return factories.ThemeHubPageFactory(parent=site_tree.themes, title="Armoede", slug="armoede")


def story_data(theme, knowledge_page, **fields):
    links = [{"knowledge_page": str(knowledge_page.pk), "relation": StoryKnowledgeLink.Relation.APPLIES_METHOD}]
    municipality = Municipality.objects.get(name="Nieuwegein")
    return story_form_data(theme, knowledge_links=links, municipality=str(municipality.pk), **fields)


@pytest.fixture
def publish_story(admin_client, region, theme, method):
    """Publish "Soep op woensdag" in Utrecht through the admin, about ``theme``, building on ``method``."""

    def publish_story():
        response = post_new_page(admin_client, PracticeStoryPage, region, story_data(theme, method))
        assert response.status_code == 302, "the add view refused the story"
        story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")
        assert story.live
        return story

    return publish_story


STORY = site_urls("/regios/utrecht/soep-op-woensdag/")


def test_publishing_a_story_purges_the_story_and_every_page_that_lists_it(
    purged, publish_story, other_region, other_theme, research
):
    story = publish_story()  # another region, theme and knowledge page exist, and are left alone

    assert purged() == (
        STORY
        | SECTIONS
        | sitemap_of(story)
        | UTRECHT
        | theme_urls("eenzaamheid")
        | site_urls("/kennis/buurtcirkels/")
        | ALL_STORIES_FEEDS
    )


def test_the_chains_final_approval_purges_the_story_and_every_page_that_lists_it(
    purged, client, editorial_teams, region, theme, method, other_theme, research
):
    """The editorial chain's own publish: Utrecht's correspondent submits, the regional editor approves, and the
    central team approves the last step in the admin, not an administrator publishing directly."""
    client.force_login(editorial_teams.correspondent)
    response = submit_new_page(client, PracticeStoryPage, region, story_data(theme, method, **CONSENT))
    assert response.status_code == 302, "the add view refused the story"
    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")
    client.force_login(editorial_teams.regional_editor)
    approve(client, story)

    assert not PracticeStoryPage.objects.get(pk=story.pk).live
    assert purged() == set()  # nothing is public yet, so nothing is purged

    client.force_login(editorial_teams.central_editor)
    approve(client, story)

    assert heading(get_page(Client(), PracticeStoryPage.objects.get(pk=story.pk))) == "Soep op woensdag"
    # Groningen, the theme Armoede and the knowledge page Bowling alone exist, and are left alone.
    assert purged() == (
        STORY
        | SECTIONS
        | sitemap_of(story)
        | UTRECHT
        | theme_urls("eenzaamheid")
        | site_urls("/kennis/buurtcirkels/")
        | ALL_STORIES_FEEDS
    )


def test_unpublishing_a_story_purges_the_same_pages_and_the_hubs_that_pick_it(
    purged, admin_client, publish_story, other_theme
):
    story = publish_story()
    factories.ThemeCuratedPickFactory(theme=other_theme, page=story)
    purged()

    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[story.pk]))

    assert response.status_code == 302
    assert not PracticeStoryPage.objects.get(pk=story.pk).live
    assert purged() == (
        STORY
        | SECTIONS
        | sitemap_of(story)
        | UTRECHT
        | theme_urls("eenzaamheid")
        | site_urls("/themas/armoede/")  # its hub picks the story; its feeds list only stories about poverty
        | site_urls("/kennis/buurtcirkels/")
        | ALL_STORIES_FEEDS
    )


def test_new_themes_and_knowledge_links_purge_the_pages_that_listed_the_live_version_too(
    purged, admin_client, publish_story, other_theme, method, research
):
    story = publish_story()
    purged()

    old_link = story.knowledge_links.get()
    links = [
        {"id": str(old_link.pk), "knowledge_page": str(method.pk), "relation": old_link.relation, "DELETE": "1"},
        {"knowledge_page": str(research.pk), "relation": StoryKnowledgeLink.Relation.BUILDS_ON_RESEARCH},
    ]
    data = {
        **story_data(other_theme, research),
        **nested_form_data({"knowledge_links": inline_formset(links, initial=1)}),
        "action-publish": "action-publish",
    }
    response = admin_client.post(edit_url(story), data)

    assert response.status_code == 302
    story = PracticeStoryPage.objects.get(pk=story.pk)
    assert [theme.slug for theme in story.themes.all()] == ["armoede"]
    assert [link.knowledge_page.slug for link in story.knowledge_links.all()] == ["bowling-alone"]
    assert purged() == (
        STORY
        | SECTIONS
        | sitemap_of(story)
        | UTRECHT
        | theme_urls("eenzaamheid")  # the live version was about loneliness
        | theme_urls("armoede")
        | site_urls("/kennis/buurtcirkels/", "/kennis/bowling-alone/")
        | ALL_STORIES_FEEDS
    )


def test_a_draft_purges_nothing(purged, admin_client, publish_story, other_theme, research):
    story = publish_story()
    purged()

    response = admin_client.post(edit_url(story), story_data(other_theme, research))

    assert response.status_code == 302
    assert purged() == set()
    # The same edit published purges the story and what lists it.
    response = admin_client.post(edit_url(story), {**story_data(other_theme, research), "action-publish": "1"})
    assert response.status_code == 302
    assert STORY | theme_urls("armoede") | site_urls("/kennis/bowling-alone/") <= purged()


def test_publishing_and_unpublishing_regional_news_purges_its_region_and_the_sections(purged, admin_client, region):
    author = factories.CorrespondentProfileFactory(region=region, name="Joris Verbeek")
    post_new_page(admin_client, RegionalNewsPage, region, news_form_data(author))
    news = RegionalNewsPage.objects.get(slug="buurtkamer-verhuisd")
    expected = site_urls("/regios/utrecht/buurtkamer-verhuisd/", "/regios/utrecht/") | SECTIONS | sitemap_of(news)

    assert news.live
    assert purged() == expected

    admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[news.pk]))

    assert purged() == expected


def test_without_a_frontend_cache_publishing_enqueues_no_purge_of_the_listings(publish_story):
    """The page cache is invalidated in the request (tests/test_page_cache.py); no CDN, no purge task for it."""
    purges = []

    def record(sender, task_result, **kwargs):
        if task_result.task.module_path == purge_urls_from_cache_task.module_path:
            purges.append(task_result.args[0])

    task_enqueued.connect(record)
    try:
        publish_story()
    finally:
        task_enqueued.disconnect(record)

    # Only Wagtail's own purge of the story itself, which reaches no backend.
    assert purges == [sorted(STORY)]


# Configuration from the environment --------------------------------------------------------------

BASE_SETTINGS = Path(__file__).resolve().parent.parent / "buurtwijs" / "settings" / "base.py"
FRONTEND_CACHE_VARIABLES = [
    "FRONTEND_CACHE_VARNISH_URL",
    "FRONTEND_CACHE_CLOUDFLARE_ZONEID",
    "FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN",
    "CACHE_MAX_AGE",
    "CACHE_S_MAXAGE",
]


@pytest.fixture
def environment(monkeypatch):
    """Settings as base.py computes them from the given environment variables."""
    for name in FRONTEND_CACHE_VARIABLES:
        monkeypatch.delenv(name, raising=False)

    def settings_with(**variables):
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(BASE_SETTINGS))

    return settings_with


def test_no_frontend_cache_and_default_lifetimes_without_environment_variables(environment):
    settings = environment()

    assert settings["WAGTAILFRONTENDCACHE"] == {}
    assert (settings["CACHE_MAX_AGE"], settings["CACHE_S_MAXAGE"]) == (60, 600)


def test_frontend_caches_and_lifetimes_from_environment_variables(environment):
    settings = environment(
        FRONTEND_CACHE_VARNISH_URL="http://varnish:6081",
        FRONTEND_CACHE_CLOUDFLARE_ZONEID="zone",
        FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN="token",
        CACHE_MAX_AGE="30",
        CACHE_S_MAXAGE="3600",
    )

    assert settings["WAGTAILFRONTENDCACHE"] == {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish:6081",
        },
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone",
            "BEARER_TOKEN": "token",
        },
    }
    assert (settings["CACHE_MAX_AGE"], settings["CACHE_S_MAXAGE"]) == (30, 3600)


def test_a_cloudflare_zone_without_a_token_refuses_to_start(environment):
    with pytest.raises(ImproperlyConfigured, match="FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"):
        environment(FRONTEND_CACHE_CLOUDFLARE_ZONEID="zone")


# Purging every other page type (stories/purging.py) -----------------------------------------------


@pytest.fixture
def linked_site(site_tree, theme, region):
    """Eenzaamheid, the knowledge page Buurtcirkels about it, the story Soep op woensdag in Utrecht about it and
    building on Buurtcirkels, and the hub Armoede, which names Eenzaamheid as related and picks Buurtcirkels."""
    knowledge = factories.KnowledgePageFactory(
        parent=site_tree.knowledge, title="Buurtcirkels", slug="buurtcirkels", themes=[theme]
    )
    story = factories.PracticeStoryPageFactory(parent=region, title="Soep op woensdag", themes=[theme])
    factories.StoryKnowledgeLinkFactory(story=story, knowledge_page=knowledge)
    poverty = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Armoede", slug="armoede")
    poverty.related_themes.add(theme)
    poverty.save()
    factories.ThemeCuratedPickFactory(theme=poverty, page=knowledge)
    return {"knowledge": knowledge, "story": story, "theme": theme, "region": region, "poverty": poverty}


def every_page_of(site):
    """What a change that every page shows purges on the linked site: each live page, its sitemap, every feed."""
    pages = [Page.objects.get(pk=page.pk) for page in Page.objects.live().filter(depth__gt=1)]
    return (
        site_urls(*(page.url for page in pages))
        | set().union(*(sitemap_of(page) for page in pages))
        | site_urls("/zoeken/", "/sitemap.xml")
        | ALL_STORIES_FEEDS
        | theme_urls("eenzaamheid")
        | theme_urls("armoede")
        | site_urls("/feeds/regios/utrecht/rss/", "/feeds/regios/utrecht/atom/")
    )


KNOWLEDGE = site_urls("/kennis/buurtcirkels/")
# The pages that list or link Buurtcirkels: its theme, the story that builds on it, the hub that picks it.
LISTING_KNOWLEDGE = site_urls("/themas/eenzaamheid/", "/regios/utrecht/soep-op-woensdag/", "/themas/armoede/")


def republish(page, **fields):
    page = page.specific_class.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_publishing_a_knowledge_page_purges_every_page_that_lists_or_links_it(purged, linked_site):
    knowledge = republish(linked_site["knowledge"], intro="Kleine kringen van bewoners die elkaar helpen.")

    assert purged() == KNOWLEDGE | SECTIONS | sitemap_of(knowledge) | LISTING_KNOWLEDGE


@pytest.mark.parametrize("action", ["unpublish", "delete"])
def test_unpublishing_or_deleting_a_knowledge_page_purges_the_same_pages(purged, admin_client, linked_site, action):
    knowledge = linked_site["knowledge"]
    purged()

    response = admin_client.post(reverse(f"wagtailadmin_pages:{action}", args=[knowledge.pk]))

    assert response.status_code == 302
    assert not Page.objects.live().filter(pk=knowledge.pk).exists()
    assert purged() == KNOWLEDGE | SECTIONS | sitemap_of(knowledge) | LISTING_KNOWLEDGE


def test_a_knowledge_page_with_a_new_slug_also_purges_its_old_address(
    purged, linked_site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        knowledge = republish(linked_site["knowledge"], slug="kringen")

    new = site_urls("/kennis/kringen/")
    redirect = site_urls("/kennis/buurtcirkels")  # Wagtail's purge of the redirect it leaves there
    assert purged() == KNOWLEDGE | new | redirect | SECTIONS | sitemap_of(knowledge) | LISTING_KNOWLEDGE


def test_a_theme_republished_purges_its_listings_and_renamed_every_page(purged, linked_site):
    theme = republish(linked_site["theme"], intro="<p>Wie kent zijn buren nog?</p>")

    # The hub, its feeds, the sections, and Armoede, which names it as related.
    assert purged() == theme_urls("eenzaamheid") | SECTIONS | sitemap_of(theme) | site_urls("/themas/armoede/")

    republish(theme, title="Samen leven")

    # Its name is on every card and page about it, and those are listed everywhere.
    assert purged() == every_page_of(linked_site)


def test_a_region_republished_purges_its_listings_and_renamed_or_unpublished_every_page(
    purged, admin_client, linked_site
):
    region = republish(linked_site["region"], intro="<p>De provincie Utrecht.</p>")

    assert purged() == UTRECHT | SECTIONS | sitemap_of(region)

    republish(region, title="Provincie Utrecht")
    assert purged() == every_page_of(linked_site)

    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[region.pk]), {"include_descendants": ""})
    assert response.status_code == 302
    # The region's page, feeds and sitemap go; the rest of the site no longer names it.
    assert purged() == every_page_of(linked_site) | UTRECHT | sitemap_of(region)


def test_an_information_page_republished_purges_its_listings_and_renamed_every_page(purged, site_tree, linked_site):
    statement = site_tree.home.add_child(
        instance=InformationPage(title="Toegankelijkheid", slug="toegankelijkheid", intro="Wij doen ons best.")
    )
    purged()

    republish(statement, intro="Wij voldoen aan WCAG 2.2 AA.")
    # The page, right below the home page, is one of the sections.
    assert purged() == SECTIONS | site_urls("/toegankelijkheid/") | sitemap_of(statement)

    republish(statement, title="Toegankelijkheidsverklaring")
    # Every page's footer names it.
    assert purged() == every_page_of(linked_site)


def test_a_story_moved_to_another_region_purges_its_listings_at_both_places(
    purged, admin_client, linked_site, other_region
):
    story = linked_site["story"]
    purged()

    response = admin_client.post(reverse("wagtailadmin_pages:move_confirm", args=[story.pk, other_region.pk]))

    assert response.status_code == 302
    assert purged() == (
        STORY  # its old address, now a redirect (Wagtail purges that redirect too)
        | site_urls("/regios/utrecht/soep-op-woensdag")
        | site_urls("/regios/groningen/soep-op-woensdag/")
        | UTRECHT
        | site_urls("/regios/groningen/", "/feeds/regios/groningen/rss/", "/feeds/regios/groningen/atom/")
        | SECTIONS
        | sitemap_of(story)
        | theme_urls("eenzaamheid")
        | KNOWLEDGE
        | ALL_STORIES_FEEDS
    )


def test_a_partner_changed_purges_the_pages_that_name_it(purged, linked_site):
    story = linked_site["story"]
    partner = factories.PartnerFactory(name="Humanitas")
    story.partners.add(partner)
    story.save()
    purged()

    partner.url = "https://www.humanitas.nl/"
    partner.save()

    # The story naming it with its listings, and the home page with the sections (the partners page is one).
    assert purged() == (
        STORY
        | SECTIONS
        | sitemap_of(story)
        | sitemap_of(story.get_parent().get_parent().get_parent())
        | UTRECHT
        | theme_urls("eenzaamheid")
        | KNOWLEDGE
        | ALL_STORIES_FEEDS
    )


def hrefs(response):
    return {href for _text, href in links(response)}


def test_story_and_knowledge_pages_and_cards_never_link_an_unpublished_theme_region_or_knowledge_page(
    client, admin_client, linked_site
):
    story, knowledge, other_theme = linked_site["story"], linked_site["knowledge"], linked_site["poverty"]
    story.themes.add(other_theme)
    story.save()
    knowledge.themes.add(other_theme)
    knowledge.save()
    pages = [story.url, knowledge.url, "/regios/utrecht/", "/praktijkverhalen/", "/themas/eenzaamheid/"]
    # Positive control: while live, the theme Armoede, the region and the knowledge page are linked.
    assert "/themas/armoede/" in hrefs(get_page(client, story))
    assert "/themas/armoede/" in hrefs(get_page(client, knowledge))
    assert "/themas/armoede/" in hrefs(client.get("/themas/eenzaamheid/"))  # the story's card
    assert {"/regios/utrecht/", "/kennis/buurtcirkels/"} <= hrefs(get_page(client, story))

    for page in (other_theme, knowledge, linked_site["region"]):
        response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]), {})
        assert response.status_code == 302

    for page_url in pages:
        response = client.get(page_url)
        if response.status_code == 404:  # the knowledge page and the region itself
            assert page_url in (knowledge.url, "/regios/utrecht/")
            continue
        assert not {"/themas/armoede/", "/regios/utrecht/", "/kennis/buurtcirkels/"} & hrefs(response), page_url
