"""The read-only JSON API for partners (/api/v2/): only live, public stories, themes and regions, never a draft."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from stories.models import StoryBuurtmaker
from tests import factories
from tests.helpers import background_work_done

pytestmark = pytest.mark.django_db

STORIES = "/api/v2/verhalen/"
THEMES = "/api/v2/themas/"
REGIONS = "/api/v2/regios/"


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, f"{url} answered {response.status_code}: {response.content[:300]!r}"
    assert response["Content-Type"] == "application/json"
    return response.json()


def titles(client, url, **params):
    return [item["title"] for item in get_json(client, url, **params)["items"]]


def restrict(page, kind):
    if kind == "password":
        return PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.fixture
def other_theme(site_tree):
    return factories.ThemeHubPageFactory(parent=site_tree.themes, title="Armoede")


def uploaded_image(**kwargs):
    """An image large enough for the API's 800x450 crop, whose renditions the background worker has made."""
    with background_work_done():
        return factories.ImageFactory(file__width=800, file__height=450, **kwargs)


@pytest.fixture
def soep(region, theme, other_theme):
    """A complete regional story: themes, municipality, buurtmakers, a correspondent and a listing image."""
    author = factories.CorrespondentProfileFactory(name="Joris Verbeek", region=region)
    story = factories.PracticeStoryPageFactory(
        parent=region,
        title="Soep op woensdag",
        slug="soep-op-woensdag",
        intro="Hoe een pan soep de buurt weer bij elkaar bracht.",
        themes=[theme, other_theme],
        municipality=region.municipalities.get(name="Nieuwegein"),
        author=author,
        listing_image=uploaded_image(title="Lange tafel in de buurtkamer"),
        buurtmakers=[StoryBuurtmaker(name="Fatima El Amrani", role="bewoner", organisation="Buurthuis De Klop")],
        consent_given_by="Fatima El Amrani",
        first_published_at=factories.days_ago(2),
    )
    return story


@pytest.fixture
def hidden(site_tree, region, theme):
    """Stories the API must never show, by what keeps them from the public."""
    draft = factories.PracticeStoryPageFactory(parent=region, title="Concept", live=False, first_published_at=None)
    unpublished = factories.PracticeStoryPageFactory(parent=region, title="Teruggetrokken", themes=[theme])
    unpublished.unpublish()
    with_password = factories.PracticeStoryPageFactory(parent=region, title="Met wachtwoord", themes=[theme])
    restrict(with_password, "password")
    login_only = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Alleen ingelogd", themes=[theme])
    restrict(login_only, "login")
    private_region = factories.RegionPageFactory(parent=site_tree.regions, title="Besloten regio")
    restrict(private_region, "login")
    under_private_parent = factories.PracticeStoryPageFactory(
        parent=private_region, title="Onder een besloten regio", themes=[theme]
    )
    return {
        "draft": draft,
        "unpublished": unpublished,
        "password": with_password,
        "login": login_only,
        "private parent": under_private_parent,
    }


# What the API shows ---------------------------------------------------------------------------------


def test_story_listing_gives_partners_what_a_card_needs(client, site_tree, soep, theme, other_theme, region):
    national = factories.PracticeStoryPageFactory(
        parent=site_tree.stories,
        title="Het buurtfonds",
        first_published_at=factories.days_ago(5),
    )

    data = get_json(client, STORIES)

    assert data["meta"]["total_count"] == 2
    first, second = data["items"]
    assert [first["title"], second["title"]] == ["Soep op woensdag", "Het buurtfonds"]  # newest first
    assert first["meta"]["html_url"] == soep.get_full_url()
    assert first["meta"]["html_url"].startswith("http")
    assert first["meta"]["first_published_at"]
    assert first["intro"] == "Hoe een pan soep de buurt weer bij elkaar bracht."
    assert first["themes"] == [
        {"id": other_theme.pk, "title": "Armoede", "slug": other_theme.slug, "url": other_theme.get_full_url()},
        {"id": theme.pk, "title": "Eenzaamheid", "slug": theme.slug, "url": theme.get_full_url()},
    ]
    assert first["region"] == {"id": region.pk, "title": "Utrecht", "slug": region.slug, "url": region.get_full_url()}
    assert first["municipality"] == {"id": soep.municipality_id, "name": "Nieuwegein"}
    assert first["buurtmakers"] == [
        {"name": "Fatima El Amrani", "role": "bewoner", "organisation": "Buurthuis De Klop"}
    ]
    assert first["author"] == "Joris Verbeek"
    image = first["listing_image"]
    assert (image["width"], image["height"], image["alt"]) == (800, 450, "Lange tafel in de buurtkamer")
    assert image["full_url"].startswith("http") and image["full_url"].endswith(".jpg")
    assert "body" not in first  # the body is in the detail view only
    assert (second["region"], second["municipality"], second["author"]) == (None, None, "Centrale redactie")
    assert national.pk == second["id"]


def test_story_detail_has_the_body_as_html_and_no_consent_record(client, soep):
    data = get_json(client, f"{STORIES}{soep.pk}/")

    assert data["title"] == "Soep op woensdag"
    assert data["meta"]["parent"]["title"] == "Utrecht"
    paragraph, quote = data["body"]
    assert paragraph["type"] == "paragraph"
    assert "<p>" in paragraph["value"]
    assert quote["type"] == "pull_quote"
    assert "consent_given_by" not in data
    assert client.get(STORIES, {"fields": "consent_given_by"}).status_code == 400


def test_rich_text_is_plain_html_with_real_links(client, site_tree, soep):
    theme = factories.ThemeHubPageFactory(
        parent=site_tree.themes,
        title="Koken",
        intro=f'<p>Lees <a linktype="page" id="{soep.pk}">het verhaal over soep</a>.</p>',
    )

    data = get_json(client, f"{THEMES}{theme.pk}/")

    assert f'<a href="{soep.url}">het verhaal over soep</a>' in data["intro"]
    assert "linktype" not in data["intro"]
    assert "linktype" in get_json(client, f"{THEMES}{theme.pk}/", rich_text_format="db_html")["intro"]


def test_themes_and_regions(client, soep, theme, other_theme, region, other_region, site_tree):
    theme.related_themes = [other_theme, factories.ThemeHubPageFactory(parent=site_tree.themes, live=False)]
    theme.save()

    themes = get_json(client, THEMES)
    regions = get_json(client, REGIONS)
    detail = get_json(client, f"{THEMES}{theme.pk}/")

    assert [item["title"] for item in themes["items"]] == ["Armoede", "Eenzaamheid"]
    assert themes["items"][1]["intro"] == "<p>Wat we weten over dit thema, volgens de redactie.</p>"
    assert [related["title"] for related in detail["related_themes"]] == ["Armoede"]  # not the draft theme
    assert [item["title"] for item in regions["items"]] == ["Groningen", "Utrecht"]
    assert [m["name"] for m in regions["items"][1]["municipalities"]] == ["Nieuwegein", "Utrecht"]


def test_filters_by_theme_region_and_municipality(client, soep, theme, other_theme, region, other_region):
    factories.PracticeStoryPageFactory(
        parent=other_region,
        title="Ijsbaan in het dorp",
        themes=[theme],
        municipality=other_region.municipalities.get(),
    )

    assert titles(client, STORIES, theme=theme.slug) == ["Ijsbaan in het dorp", "Soep op woensdag"]
    assert titles(client, STORIES, theme=other_theme.slug) == ["Soep op woensdag"]
    assert titles(client, STORIES, region="groningen") == ["Ijsbaan in het dorp"]
    assert titles(client, STORIES, municipality=soep.municipality_id) == ["Soep op woensdag"]
    assert titles(client, STORIES, descendant_of=region.pk) == ["Soep op woensdag"]
    assert titles(client, STORIES, theme="bestaat-niet") == []
    assert titles(client, STORIES, region="bestaat-niet") == []
    assert titles(client, STORIES, search="woensdag") == ["Soep op woensdag"]


@pytest.mark.parametrize(
    "params",
    [
        {"type": "correspondents.RegionalNewsPage"},  # another page model through the story endpoint
        {"municipality": "Utrecht"},
        {"first_published_at": "gisteren"},
        {"themes": "abc"},  # filter with ?theme=<slug>
        {"order": "themes"},
        {"order": "consent_given_by"},
        {"fields": "owner"},
        {"onbekend": "1"},
    ],
)
def test_bad_parameters_give_400_not_an_error(client, soep, params):
    response = client.get(STORIES, params)

    assert response.status_code == 400
    assert "message" in response.json()
    assert titles(client, STORIES) == ["Soep op woensdag"]  # the same listing without the bad parameter


def test_bad_parameters_on_themes_and_regions_give_400(client, theme, region):
    assert client.get(THEMES, {"related_themes": "abc"}).status_code == 400
    assert client.get(REGIONS, {"municipalities": "abc"}).status_code == 400
    assert client.get(REGIONS, {"order": "municipalities"}).status_code == 400
    # The same listings without the bad parameters.
    assert titles(client, THEMES) == ["Eenzaamheid"]
    assert titles(client, REGIONS) == ["Utrecht"]


def test_the_api_is_read_only(client, admin_client, soep):
    for http_client in (client, admin_client):
        for method in ("post", "put", "patch", "delete"):
            for url in (STORIES, f"{STORIES}{soep.pk}/"):
                response = getattr(http_client, method)(url, {"title": "Gewijzigd"}, content_type="application/json")
                assert response.status_code == 405, f"{method.upper()} {url} answered {response.status_code}"

    soep.refresh_from_db()
    assert soep.title == "Soep op woensdag"


def test_any_site_may_fetch_it_from_a_browser(client, soep):
    response = client.get(STORIES, HTTP_ORIGIN="https://www.welzijnsorganisatie.nl")

    assert response["Access-Control-Allow-Origin"] == "*"


# What the API never shows ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["draft", "unpublished", "password", "login", "private parent"])
def test_no_draft_or_private_story_in_listing_or_detail(client, admin_client, soep, hidden, theme, kind):
    page = hidden[kind]

    for http_client in (client, admin_client):  # an editor with access to everything sees no more
        assert titles(http_client, STORIES) == ["Soep op woensdag"]
        assert titles(http_client, STORIES, theme=theme.slug) == ["Soep op woensdag"]
        assert http_client.get(f"{STORIES}{page.pk}/").status_code == 404
        assert http_client.get(f"{STORIES}find/", {"id": page.pk}).status_code == 404
        assert http_client.get(f"{STORIES}find/", {"html_path": page.url_path.split("/", 2)[2]}).status_code == 404
        # The same three requests for the live, public story find it.
        assert get_json(http_client, f"{STORIES}{soep.pk}/")["title"] == "Soep op woensdag"
        for params in ({"id": soep.pk}, {"html_path": soep.url_path.split("/", 2)[2]}):
            found = http_client.get(f"{STORIES}find/", params, follow=True)
            assert found.status_code == 200 and found.json()["title"] == "Soep op woensdag", params


def test_a_visitor_who_entered_the_password_still_gets_no_private_story(client, soep, hidden):
    restriction = PageViewRestriction.objects.get(page=hidden["password"])
    session = client.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()

    assert titles(client, STORIES) == ["Soep op woensdag"]
    assert client.get(f"{STORIES}{hidden['password'].pk}/").status_code == 404
    assert get_json(client, f"{STORIES}{soep.pk}/")["title"] == "Soep op woensdag"


def test_private_regions_and_draft_themes_are_left_out(client, site_tree, soep, hidden, theme, region):
    draft_theme = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Concepthema", live=False)
    private_theme = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Besloten thema")
    restrict(private_theme, "password")
    soep.themes.add(draft_theme, private_theme)
    soep.save()

    assert titles(client, THEMES) == ["Armoede", "Eenzaamheid"]
    assert titles(client, REGIONS) == ["Utrecht"]
    assert client.get(f"{REGIONS}{hidden['private parent'].get_parent().pk}/").status_code == 404
    assert client.get(f"{THEMES}{draft_theme.pk}/").status_code == 404
    assert get_json(client, f"{REGIONS}{region.pk}/")["title"] == "Utrecht"
    assert get_json(client, f"{THEMES}{theme.pk}/")["title"] == "Eenzaamheid"
    story = get_json(client, f"{STORIES}{soep.pk}/")
    assert [t["title"] for t in story["themes"]] == ["Armoede", "Eenzaamheid"]


def test_a_newer_draft_never_shows_only_the_live_content(client, soep):
    soep.title = "Nieuwe titel in concept"
    soep.intro = "Een inleiding die nog niet gepubliceerd is."
    soep.save_revision()

    listing = get_json(client, STORIES)["items"][0]
    detail = get_json(client, f"{STORIES}{soep.pk}/")

    for item in (listing, detail):
        assert item["title"] == "Soep op woensdag"
        assert item["intro"] == "Hoe een pan soep de buurt weer bij elkaar bracht."


def test_an_endpoint_shows_only_its_own_page_type(client, soep, theme, region):
    assert client.get(f"{STORIES}{theme.pk}/").status_code == 404
    assert client.get(f"{THEMES}{soep.pk}/").status_code == 404
    assert client.get(f"{REGIONS}{soep.pk}/").status_code == 404

    # Each page at its own endpoint.
    assert get_json(client, f"{STORIES}{soep.pk}/")["title"] == "Soep op woensdag"
    assert get_json(client, f"{THEMES}{theme.pk}/")["title"] == "Eenzaamheid"
    assert get_json(client, f"{REGIONS}{region.pk}/")["title"] == "Utrecht"


def test_an_image_still_being_cropped_is_null_until_the_worker_has_made_it(client, site_tree, theme):
    image = factories.ImageFactory(file__width=800, file__height=450)  # uploaded, the worker not yet done
    factories.PracticeStoryPageFactory(parent=site_tree.stories, themes=[theme], listing_image=image)

    with background_work_done():  # the request queues the crop; the worker makes it
        (story,) = get_json(client, STORIES)["items"]
    assert story["listing_image"] is None

    (story,) = get_json(client, STORIES)["items"]
    assert (story["listing_image"]["width"], story["listing_image"]["height"]) == (800, 450)


# Cost ----------------------------------------------------------------------------------------------------


def add_stories(count, site_tree, region, themes):
    municipality = region.municipalities.first()
    author = factories.CorrespondentProfileFactory(region=region)
    for n in range(count):
        factories.PracticeStoryPageFactory(
            parent=region if n % 2 else site_tree.stories,
            themes=themes,
            municipality=municipality if n % 2 else None,
            author=author if n % 2 else None,
            listing_image=factories.ImageFactory(),
            buurtmakers=[StoryBuurtmaker(name=f"Buurtmaker {n}"), StoryBuurtmaker(name="Henk")],
        )


def listing_queries(client, url):
    with background_work_done():  # warm up: the worker makes the image renditions the first view queued
        get_json(client, url)
    with CaptureQueriesContext(connection) as queries:
        data = get_json(client, url)
    return len(queries), len(data["items"])


def test_listings_cost_the_same_with_5_and_50_stories(client, site_tree, region, other_region, theme, other_theme):
    add_stories(5, site_tree, region, [theme, other_theme])
    few = {url: listing_queries(client, url) for url in (STORIES, THEMES, REGIONS)}

    add_stories(45, site_tree, region, [theme, other_theme])
    many = {url: listing_queries(client, url) for url in (STORIES, THEMES, REGIONS)}

    assert few[STORIES][1] == 5 and many[STORIES][1] == 20  # one page of the listing
    assert {url: count for url, (count, _) in many.items()} == {url: count for url, (count, _) in few.items()}
