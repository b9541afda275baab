"""The page cache (core/pagecache.py): a reader's repeated request is answered without a render, and the next
request after any change that readers would see shows the change (the purge map, stories/purging.py).

Each test warms the pages a reader would look at, proves they are served from the cache (no query at all),
makes a change the way an editor or a reader makes it, and then reads the pages again as a new reader.
"""

import uuid

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from buurtwijs.cache import redis_caches
from community.events import EventIndexPage, EventPage
from core import pagecache
from correspondents.models import RegionIndexPage
from home.models import SiteSettings
from stories.models import KnowledgeIndexPage, Reaction, ThemeIndexPage
from tests import factories
from tests.helpers import as_person, soup, text
from tests.test_redis_cache import LOCAL_REDIS, needs_local_redis

pytestmark = pytest.mark.django_db


def read(url):
    """What a new anonymous reader gets at ``url``: (status, text, number of queries it cost)."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    return response.status_code, text(response) if response.status_code == 200 else "", len(queries)


def warm(*urls):
    """Read each page twice; the second read must come from the page cache (no query), or the tests below
    could not tell a fresh page from an unchanged cache."""
    for url in urls:
        status, _text, _queries = read(url)
        assert status == 200, f"{url} answered {status}"
        assert read(url)[2] == 0, f"{url} was not served from the page cache"


def shows(url, words):
    status, page_text, _queries = read(url)
    return status == 200 and words in page_text


def links_to(url, href):
    response = Client().get(url)
    return any(a.get("href") == href for a in soup(response).find_all("a"))


@pytest.fixture
def site(site_tree, theme, region, other_region):
    """Two stories about the same theme in two regions (each in the other's "Elders in het land"), a knowledge
    page the Utrecht story builds on, and a gathering about the theme that names the Groningen story."""
    knowledge = factories.KnowledgePageFactory(parent=site_tree.knowledge, title="Buurtcirkels", themes=[theme])
    utrecht_story = factories.PracticeStoryPageFactory(parent=region, title="Soep op woensdag", themes=[theme])
    groningen_story = factories.PracticeStoryPageFactory(parent=other_region, title="Koffie op maandag", themes=[theme])
    factories.StoryKnowledgeLinkFactory(story=utrecht_story, knowledge_page=knowledge)
    events = factories.EventIndexPageFactory(parent=site_tree.home)
    event = factories.EventPageFactory(parent=events, title="Buurtavond over eenzaamheid", themes=[theme])
    event.related_stories.add(groningen_story)
    event.save()
    return {
        "tree": site_tree,
        "theme": theme,
        "region": other_region,
        "knowledge": knowledge,
        "story": groningen_story,
        "utrecht_story": utrecht_story,
        "event": event,
        "events": events,
    }


def url(page):
    return Page.objects.get(pk=page.pk).url


# Which pages show each kind of page, and where it can move to -------------------------------------

WATCHERS = {
    # kind: the pages (by fixture name or URL) that show its title
    "story": ["utrecht_story", "region", "theme", "event", "/"],
    "theme": ["utrecht_story", "/themas/", "knowledge"],
    "knowledge": ["utrecht_story", "/kennis/"],
    "region": ["/regios/", "story"],
    "event": ["/bijeenkomsten/", "theme"],
}
SECOND_PARENT = {
    "story": lambda site: site["tree"].regions.get_children().exclude(pk=site["region"].pk).get(),
    "theme": lambda site: site["tree"].home.add_child(instance=ThemeIndexPage(title="Oude thema's", slug="oud")),
    "knowledge": lambda site: site["tree"].home.add_child(instance=KnowledgeIndexPage(title="Archief", slug="archief")),
    "region": lambda site: site["tree"].home.add_child(instance=RegionIndexPage(title="Proef", slug="proef")),
    "event": lambda site: site["tree"].home.add_child(instance=EventIndexPage(title="Eerder", slug="eerder")),
}
NEW_TITLES = {
    "story": "Thee op vrijdag",
    "theme": "Samen leven",
    "knowledge": "Buurtnetwerken",
    "region": "Drenthe",
    "event": "Zomerfeest in de wijk",
}


def watched_urls(site, kind):
    return [name if name.startswith("/") else url(site[name]) for name in WATCHERS[kind]]


KINDS = list(WATCHERS)


def assert_as_fresh(*urls):
    """Each page as a reader gets it now is what a render with an empty page cache gives."""
    served = {page_url: read(page_url)[:2] for page_url in urls}
    caches["pages"].clear()
    for page_url in urls:
        assert served[page_url] == read(page_url)[:2], f"{page_url} was served from a stale copy"


@pytest.mark.parametrize("kind", KINDS)
def test_a_rename_shows_on_every_page_that_names_it(site, kind):
    page = site[kind].specific
    old_title = page.title
    watched = [url(page), *watched_urls(site, kind)]
    warm(*watched)
    assert all(shows(watched_url, old_title) for watched_url in watched)

    page.title = NEW_TITLES[kind]
    page.save_revision().publish()

    for watched_url in watched:
        assert shows(watched_url, NEW_TITLES[kind]), f"{watched_url} does not show the new title"
    assert_as_fresh(*watched)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("action", ["unpublish", "delete"])
def test_unpublished_or_deleted_it_leaves_every_page(admin_client, site, kind, action):
    page = site[kind]
    old_url = url(page)
    watched = [u for u in watched_urls(site, kind) if u != old_url]
    warm(old_url, *watched)

    response = admin_client.post(reverse(f"wagtailadmin_pages:{action}", args=[page.pk]))

    assert response.status_code == 302
    assert read(old_url)[0] == 404
    assert_as_fresh(*watched)


@pytest.mark.parametrize("kind", KINDS)
def test_after_a_move_every_page_links_to_the_new_address(admin_client, site, kind):
    page = site[kind]
    target = SECOND_PARENT[kind](site)
    old_url = url(page)
    watched = [u for u in watched_urls(site, kind) if u != old_url]
    warm(old_url, *watched)

    response = admin_client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, target.pk]))

    assert response.status_code == 302
    new_url = url(page)
    assert new_url != old_url
    moved = Client().get(old_url)  # Wagtail leaves a permanent redirect at the old address
    assert (moved.status_code, moved["Location"]) == (301, new_url)
    assert shows(new_url, page.title)
    assert_as_fresh(*watched)


# Publishing new content: precise, not the whole site ----------------------------------------------


def test_a_new_story_shows_on_its_listings_and_elsewhere_in_the_land_and_leaves_other_pages_cached(site):
    """The story in Utrecht lists stories about the same theme from other regions ("Elders in het land")."""
    listings = [url(site["utrecht_story"]), url(site["region"]), url(site["theme"]), "/", "/praktijkverhalen/"]
    unrelated = [url(site["knowledge"]), url(site["event"]), "/regios/utrecht/"]
    warm(*listings, *unrelated, "/zoeken/?q=rommelmarkt")

    story = factories.PracticeStoryPageFactory(
        parent=site["region"], title="Rommelmarkt op zaterdag", themes=[site["theme"]], live=False
    )
    story.save_revision().publish()

    for listing in listings:
        assert shows(listing, "Rommelmarkt op zaterdag"), f"{listing} does not show the new story"
    assert shows("/zoeken/?q=rommelmarkt", "Rommelmarkt op zaterdag")
    # The Utrecht region page lists no Groningen story, and the gathering names its own stories only: kept.
    for page_url in unrelated:
        assert read(page_url)[2] == 0, f"{page_url} was rendered again for a story it does not show"


def test_a_new_gathering_shows_on_its_overview_and_theme(site):
    warm("/bijeenkomsten/", url(site["theme"]), "/")
    event = factories.EventPageFactory(parent=site["events"], title="Buurtlunch", themes=[site["theme"]], live=False)
    event.save_revision().publish()
    for listing in ("/bijeenkomsten/", url(site["theme"])):
        assert shows(listing, "Buurtlunch")


# Settings, navigation, reactions, registrations ----------------------------------------------------


def test_a_changed_site_setting_shows_on_every_page(site):
    pages = ["/", url(site["story"]), "/kennis/", "/zoeken/?q=soep"]
    warm(*pages)
    settings = SiteSettings.for_site(site["tree"].home.get_site())
    settings.footer_text = "Buurtwijs is een platform van en voor buurtmakers."
    settings.save()
    for page_url in pages:
        assert shows(page_url, "Buurtwijs is een platform van en voor buurtmakers.")


def main_menu(page_url):
    nav = soup(Client().get(page_url)).find("nav", class_="main-nav")
    return [a.get_text(strip=True) for a in nav.find_all("a")] if nav else []


def test_a_section_taken_out_of_the_menu_leaves_every_menu(site):
    knowledge_index = site["tree"].knowledge
    knowledge_index.show_in_menus = True
    knowledge_index.save_revision().publish()
    pages = ["/", url(site["story"]), "/themas/"]
    warm(*pages)
    assert all("Kennis" in " ".join(main_menu(page_url)) for page_url in pages)

    knowledge_index.show_in_menus = False
    knowledge_index.save_revision().publish()

    for page_url in pages:
        assert knowledge_index.title not in main_menu(page_url)


def moderation_url(action, reaction):
    return reverse("wagtail_bulk_action", args=["stories", "reaction", action]) + f"?id={reaction.pk}"


def test_an_approved_and_then_deleted_reaction(site, admin_client, django_capture_on_commit_callbacks):
    story = site["story"]
    reaction = Reaction.objects.create(
        page=story, name="Kees", email="kees@example.org", text="Wij doen dit ook, op dinsdag."
    )
    warm(url(story), url(site["region"]))

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(moderation_url("approve", reaction))
    assert Reaction.objects.get(pk=reaction.pk).status == Reaction.Status.APPROVED
    assert shows(url(story), "Wij doen dit ook, op dinsdag.")

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(moderation_url("delete", reaction))
    assert not shows(url(story), "Wij doen dit ook, op dinsdag.")


def test_a_registration_that_fills_a_gathering_shows_it_is_full(site, django_capture_on_commit_callbacks):
    event = EventPage.objects.get(pk=site["event"].pk)
    event.registration_open = True
    event.capacity = 1
    event.save_revision().publish()
    warm(url(event))
    assert shows(url(event), "Nog 1 plaats vrij.")

    form_url = url(event) + "aanmelden/"
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(form_url, as_person({"name": "Fatima", "email": "fatima@example.org"}))
    assert response.status_code == 302, "the registration was refused"

    assert shows(url(event), "Deze bijeenkomst is vol")


# Never served from or kept in the page cache --------------------------------------------------------


def test_a_logged_in_editor_is_never_served_from_or_kept_in_the_page_cache(site, admin_client):
    story_url = url(site["story"])
    admin_client.get(story_url)
    assert read(story_url)[2] > 0  # the editor's view was not kept for readers

    warm(story_url)  # positive control: the readers' copy is kept
    with CaptureQueriesContext(connection) as queries:
        editor_view = admin_client.get(story_url)
    assert len(queries) > 0
    assert "private" in editor_view["Cache-Control"]


def test_a_page_behind_a_password_is_never_kept(site):
    story = site["story"]
    PageViewRestriction.objects.create(page=story, restriction_type="password", password="geheim")
    for _ in range(2):
        status, page_text, queries = read(url(story))
        assert queries > 0  # rendered each time: never from the cache
        assert "Hoe bewoners met koffie en soep" not in page_text
    # Positive control: the same page without a password is kept.
    PageViewRestriction.objects.filter(page=story).delete()
    warm(url(story))


def test_a_draft_and_a_preview_never_reach_readers(site, admin_client):
    story = site["story"].specific
    warm(url(story))
    story.title = "Conceptitel"
    story.save_revision()
    preview = admin_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk]))
    assert preview.status_code in (200, 405)
    status, page_text, _queries = read(url(story))
    assert "Conceptitel" not in page_text and "Koffie op maandag" in page_text


def test_a_form_with_a_csrf_token_is_never_kept(site):
    event = EventPage.objects.get(pk=site["event"].pk)
    event.registration_open = True
    event.save_revision().publish()
    form_url = url(event) + "aanmelden/"
    first, second = Client().get(form_url), Client().get(form_url)
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert first.cookies and second.cookies  # each visitor gets a token of their own: nothing was kept
    with CaptureQueriesContext(connection) as queries:
        Client().get(form_url)
    assert len(queries) > 0


# The cache itself -------------------------------------------------------------------------------------


def test_pages_are_served_when_the_page_cache_cannot_be_reached(site, settings):
    unreachable = redis_caches("redis://127.0.0.1:1/0")["pages"]
    settings.CACHES = {**settings.CACHES, "pages": unreachable}
    for _ in range(2):
        status, page_text, queries = read(url(site["story"]))
        assert status == 200 and "Koffie op maandag" in page_text
        assert queries > 0


@pytest.mark.xdist_group("local-redis")
@needs_local_redis
def test_every_app_server_sees_an_invalidation_through_redis(site, settings):
    """The production shape: the page cache in the local Redis, shared by every worker."""
    prefix = f"test-pages-{uuid.uuid4()}"  # never clear(): that empties the whole Redis database
    settings.CACHES = {**settings.CACHES, "pages": {**redis_caches(LOCAL_REDIS)["pages"], "KEY_PREFIX": prefix}}
    story_url = url(site["story"])
    warm(story_url)
    story = site["story"].specific
    story.title = "Koffie op dinsdag"
    story.save_revision().publish()
    assert shows(story_url, "Koffie op dinsdag")
    assert read(story_url)[2] == 0  # and kept again


def test_a_deploy_that_changes_a_template_never_serves_the_old_html(site, settings, tmp_path):
    """Each app server keys its copies by a fingerprint of the code and templates it runs: a page whose template
    changed in a deploy is rendered anew, without a purge and without waiting for CACHE_S_MAXAGE."""
    templates = tmp_path / "templates"
    templates.mkdir()
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [templates, *settings.TEMPLATES[0]["DIRS"]]}]
    release = pagecache.release_fingerprint()
    assert pagecache.release_fingerprint() == release  # the same for every app server of one deploy
    story_url = url(site["story"])
    warm(story_url)

    (templates / "extra.html").write_text("<p>Nieuw in deze versie</p>")

    assert pagecache.release_fingerprint() != release
    status, _text, queries = read(story_url)  # a new Client: the app server of the new release
    assert status == 200 and queries > 0  # rendered anew
    assert read(story_url)[2] == 0  # and kept for the new release
