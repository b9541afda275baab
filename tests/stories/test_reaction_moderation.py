"""Het gesprek, the editors' side: the moderation queue in the Wagtail admin (who sees which reactions), approving,
rejecting and marking spam one at a time and in bulk, the filters, the editors' response, the mail to the page's
author, and the frontend cache purge of the pages whose reactions change."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.http import urlencode

from stories.models import Reaction
from tests import factories
from tests.helpers import admin_text, assert_refused, get_page, soup
from tests.test_caching import purged  # noqa: F401 -- the recording frontend cache fixture

pytestmark = pytest.mark.django_db

LIST_URL = reverse("wagtailsnippets_stories_reaction:list")


def edit_url(reaction):
    return reverse("wagtailsnippets_stories_reaction:edit", args=[reaction.pk])


def action_url(action, *reactions, next_url=LIST_URL):
    url = reverse("wagtail_bulk_action", args=["stories", "reaction", action])
    return f"{url}?{urlencode([('id', reaction.pk) for reaction in reactions] + [('next', next_url)])}"


@pytest.fixture
def author(editorial_teams, region):
    """The correspondent who wrote the Utrecht story, with an account."""
    return factories.CorrespondentProfileFactory(
        name="Joris Verbeek", region=region, user=editorial_teams.correspondent
    )


@pytest.fixture
def story(region, theme, author):
    return factories.PracticeStoryPageFactory(
        parent=region, title="Soep op woensdag", themes=[theme], author=author, slug="soep-op-woensdag"
    )


@pytest.fixture
def other_story(other_region, theme):
    return factories.PracticeStoryPageFactory(parent=other_region, title="IJsbaan in het dorp", themes=[theme])


@pytest.fixture
def knowledge(site_tree, editorial_teams):
    return factories.KnowledgePageFactory(
        parent=site_tree.knowledge, title="Buurtcirkels", owner=editorial_teams.central_editor
    )


def react(page, name, text="Goed idee!", status=Reaction.Status.PENDING, **fields):
    return Reaction.objects.create(page=page, name=name, email=f"{name.lower()}@example.org", text=text, status=status)


@pytest.fixture
def queue(story, other_story, knowledge):
    """A pending reaction on a Utrecht story, one on a Groningen story and one on a national knowledge page."""
    return {
        "utrecht": react(story, "Els", "In Utrecht werkte dit ook."),
        "groningen": react(other_story, "Harm", "Bij ons in het dorp ook."),
        "national": react(knowledge, "Ans", "Een mooie methode."),
    }


def listed_names(response):
    """The names in the queue's table, in order."""
    table = soup(response).find("table", class_="listing")
    if table is None:
        return []
    return [row.find_all("td")[1].a.get_text(strip=True) for row in table.tbody.find_all("tr")]


def messages_of(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


# Who sees the queue -------------------------------------------------------------------------------


def test_the_central_team_sees_every_reaction_with_its_page_region_and_status(client, editorial_teams, queue):
    client.force_login(editorial_teams.central_editor)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert sorted(listed_names(response)) == ["Ans", "Els", "Harm"]
    page_text = admin_text(response)
    assert "Soep op woensdag" in page_text and "Utrecht" in page_text and "Landelijk" in page_text
    assert "wacht op moderatie" in page_text
    assert LIST_URL in client.get(reverse("wagtailadmin_home")).content.decode()  # the menu item


def test_a_regional_editor_sees_and_moderates_only_their_regions_reactions(client, editorial_teams, queue):
    client.force_login(editorial_teams.regional_editor)

    assert listed_names(client.get(LIST_URL)) == ["Els"]
    assert client.get(edit_url(queue["groningen"])).status_code == 404
    assert "In Utrecht werkte dit ook." in admin_text(client.get(edit_url(queue["utrecht"])))  # the own one opens

    # Asking to approve another region's reaction (or a national one) changes nothing.
    confirmation = admin_text(client.get(action_url("approve", queue["groningen"], queue["national"])))
    assert "2 reacties mag je niet modereren. Die blijven zoals ze zijn." in confirmation
    assert "Harm" not in confirmation and "Ans" not in confirmation  # counted, never named
    client.post(action_url("approve", queue["groningen"], queue["national"]))
    assert set(Reaction.objects.values_list("status", flat=True)) == {Reaction.Status.PENDING}
    # The same approval of the region's own reaction goes through.
    client.post(action_url("approve", queue["utrecht"]))
    assert Reaction.objects.get(pk=queue["utrecht"].pk).status == Reaction.Status.APPROVED

    client.force_login(editorial_teams.other_regional_editor)
    assert listed_names(client.get(LIST_URL)) == ["Harm"]


@pytest.mark.parametrize("person", ["correspondent", "other_correspondent"])
def test_correspondents_have_no_queue(client, editorial_teams, queue, person):
    client.force_login(getattr(editorial_teams, person))

    assert_refused(client.get(LIST_URL))
    assert client.get(edit_url(queue["utrecht"])).status_code == 404  # as if there were no such reaction
    assert LIST_URL not in client.get(reverse("wagtailadmin_home")).content.decode()  # no menu item
    client.post(action_url("approve", queue["utrecht"]))
    assert Reaction.objects.get(pk=queue["utrecht"].pk).status == Reaction.Status.PENDING

    # Utrecht's regional editor has the queue, its menu item and the reaction, and the same approval goes through.
    client.force_login(editorial_teams.regional_editor)
    assert listed_names(client.get(LIST_URL)) == ["Els"]
    assert LIST_URL in client.get(reverse("wagtailadmin_home")).content.decode()
    assert "In Utrecht werkte dit ook." in admin_text(client.get(edit_url(queue["utrecht"])))
    client.post(action_url("approve", queue["utrecht"]))
    assert Reaction.objects.get(pk=queue["utrecht"].pk).status == Reaction.Status.APPROVED


# Filters ------------------------------------------------------------------------------------------


def test_the_queue_filters_by_page_region_and_status(client, editorial_teams, queue, story):
    react(story, "Kees", status=Reaction.Status.APPROVED)
    client.force_login(editorial_teams.central_editor)

    assert sorted(listed_names(client.get(LIST_URL, {"page": story.pk}))) == ["Els", "Kees"]
    groningen = queue["groningen"].page.get_parent()
    assert listed_names(client.get(LIST_URL, {"region": groningen.pk})) == ["Harm"]
    assert listed_names(client.get(LIST_URL, {"status": "approved"})) == ["Kees"]
    assert listed_names(client.get(LIST_URL, {"status": "pending", "page": story.pk})) == ["Els"]


def test_a_regional_editor_is_offered_only_their_own_region_and_pages_to_filter_on(client, editorial_teams, queue):
    client.force_login(editorial_teams.regional_editor)

    page = soup(client.get(LIST_URL))

    regions = [option.get_text(strip=True) for option in page.select("select[name=region] option")]
    pages = [option.get_text(strip=True) for option in page.select("select[name=page] option")]
    assert regions == ["Alle regio's", "Utrecht"]
    assert pages == ["Alle pagina's", "Soep op woensdag"]


# Approve, reject, spam ----------------------------------------------------------------------------


def test_approving_one_reaction_shows_it_counts_it_and_mails_the_author(
    client, editorial_teams, queue, story, region, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(editorial_teams.regional_editor)
    reaction = queue["utrecht"]

    listing = soup(client.get(LIST_URL))
    approve_link = listing.find("a", href=action_url("approve", reaction, next_url=LIST_URL))
    assert approve_link is not None and "Goedkeuren" in approve_link.get_text()
    confirmation = client.get(action_url("approve", reaction))
    assert "Deze reacties goedkeuren?" in admin_text(confirmation)
    assert "In Utrecht werkte dit ook." in admin_text(confirmation)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url("approve", reaction))

    assert response.status_code == 302 and response.url == LIST_URL
    assert "1 reactie(s) goedgekeurd." in messages_of(response)
    stored = Reaction.objects.get(pk=reaction.pk)
    assert (stored.status, stored.moderated_by, stored.mail_failed) == (
        Reaction.Status.APPROVED,
        editorial_teams.regional_editor,
        False,
    )
    [mail] = mailoutbox
    assert mail.to == [editorial_teams.correspondent.email]
    assert mail.subject == "Nieuwe reactie op ‘Soep op woensdag’"
    assert "Els schreef:" in mail.body and "In Utrecht werkte dit ook." in mail.body
    assert f"http://localhost/regios/utrecht/soep-op-woensdag/#reactie-{reaction.pk}" in mail.body
    assert "els@example.org" not in mail.body

    page = get_page(client.__class__(), story)
    assert "In Utrecht werkte dit ook." in page.content.decode()
    card = soup(get_page(client.__class__(), region)).find("a", string="Soep op woensdag").find_parent("article")
    assert "1 reactie" in card.get_text()


def test_a_knowledge_page_without_an_author_mails_its_owner_unless_they_approved_it(
    client, editorial_teams, queue, knowledge, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(editorial_teams.second_central_editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url("approve", queue["national"]))

    assert [mail.to for mail in mailoutbox] == [[editorial_teams.central_editor.email]]

    own = react(knowledge, "Kees")
    client.force_login(editorial_teams.central_editor)  # the page's owner
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url("approve", own))

    assert Reaction.objects.get(pk=own.pk).status == Reaction.Status.APPROVED
    assert len(mailoutbox) == 1  # nobody is mailed about their own action


def test_a_failing_mail_server_keeps_the_approval_and_flags_the_reaction(
    client, editorial_teams, queue, story, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(self, messages):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken)
    client.force_login(editorial_teams.central_editor)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url("approve", queue["utrecht"]))

    stored = Reaction.objects.get(pk=queue["utrecht"].pk)
    assert (stored.status, stored.mail_failed) == (Reaction.Status.APPROVED, True)
    assert "De mail aan de auteur van de pagina is niet verstuurd." in admin_text(client.get(edit_url(stored)))


@pytest.mark.parametrize(
    ("action", "status", "message"),
    [
        ("reject", Reaction.Status.REJECTED, "1 reactie(s) afgewezen."),
        ("spam", Reaction.Status.SPAM, "1 reactie(s) gemarkeerd als spam."),
    ],
)
def test_rejecting_or_marking_spam_takes_an_approved_reaction_off_the_page(
    client, editorial_teams, story, action, status, message, mailoutbox
):
    shown = react(story, "Kees", "Koop nu goedkope horloges", status=Reaction.Status.APPROVED)
    client.force_login(editorial_teams.regional_editor)

    response = client.post(action_url(action, shown))

    assert message in messages_of(response)
    assert Reaction.objects.get(pk=shown.pk).status == status
    page = get_page(client.__class__(), story)
    assert "Koop nu goedkope horloges" not in page.content.decode()
    assert "Nog geen reacties." in page.content.decode()
    assert mailoutbox == []


def test_bulk_actions_moderate_a_selection(
    client, editorial_teams, story, other_story, django_capture_on_commit_callbacks
):
    first = react(story, "Els", "Eerste")
    second = react(story, "Ans", "Tweede")
    spam = react(other_story, "Bot", "Goedkope pillen")
    client.force_login(editorial_teams.central_editor)

    confirmation = admin_text(client.get(action_url("approve", first, second)))
    assert "Els" in confirmation and "Ans" in confirmation
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url("approve", first, second))
    assert "2 reactie(s) goedgekeurd." in messages_of(response)
    client.post(action_url("spam", spam))

    statuses = dict(Reaction.objects.values_list("name", "status"))
    assert statuses == {"Els": "approved", "Ans": "approved", "Bot": "spam"}
    section = soup(get_page(client.__class__(), story)).find("section", class_="reactions")
    assert [item.h3.get_text() for item in section.find_all("li", class_="reaction")] == ["Els", "Ans"]
    assert "Goedkope pillen" not in get_page(client.__class__(), other_story).content.decode()

    client.post(action_url("reject", first, second))
    assert set(Reaction.objects.filter(page=story).values_list("status", flat=True)) == {"rejected"}


# The editors' response ----------------------------------------------------------------------------


def test_an_editor_adds_a_response_that_shows_highlighted_under_the_reaction(client, editorial_teams, story):
    reaction = react(story, "Els", "Hoe vonden jullie de vrijwilligers?", status=Reaction.Status.APPROVED)
    client.force_login(editorial_teams.regional_editor)

    form = admin_text(client.get(edit_url(reaction)))
    assert "Hoe vonden jullie de vrijwilligers?" in form and "els@example.org" in form
    response = client.post(edit_url(reaction), {"editorial_response": "Via de buurtkrant, lees het verhaal."})

    assert response.status_code == 302
    item = soup(get_page(client.__class__(), story)).find("li", class_="reaction")
    box = item.find(class_="reaction__response")
    assert " ".join(box.get_text(" ").split()) == "Reactie van de redactie Via de buurtkrant, lees het verhaal."


# Purging the frontend cache -----------------------------------------------------------------------

STORY_AND_LISTINGS = {
    "http://localhost/regios/utrecht/soep-op-woensdag/",
    "http://localhost/regios/utrecht/",
    "http://localhost/",
    "http://localhost/praktijkverhalen/",
    "http://localhost/regios/",
    "http://localhost/themas/",
    "http://localhost/kennis/",
    "http://localhost/sitemap.xml",
}


def test_changes_that_readers_see_purge_the_page_and_its_listings(
    client,
    editorial_teams,
    queue,
    purged,  # noqa: F811 -- the fixture imported above
    django_capture_on_commit_callbacks,
):
    client.force_login(editorial_teams.central_editor)
    reaction = queue["utrecht"]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url("approve", reaction))
    assert STORY_AND_LISTINGS <= purged()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(reaction), {"editorial_response": "Dank je!"})
    assert STORY_AND_LISTINGS <= purged()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url("reject", reaction))
    assert STORY_AND_LISTINGS <= purged()

    # What readers never saw needs no purge.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url("spam", queue["groningen"]))
    assert purged() == set()


# No reaction data outside one's own queue -------------------------------------------------------

ADMIN_PREFIX = "/admin/snippets/stories/reaction/"
CHOOSER_PREFIX = "/admin/snippets/choose/stories/reaction/"


def views_of(reaction):
    """Every admin URL Wagtail has (or had) for one reaction, besides the list, edit and delete views."""
    return [
        f"{CHOOSER_PREFIX}",
        f"{CHOOSER_PREFIX}results/",
        f"{CHOOSER_PREFIX}chosen/{reaction.pk}/",
        f"{ADMIN_PREFIX}history/{reaction.pk}/",
        f"{ADMIN_PREFIX}history-results/{reaction.pk}/",
        f"{ADMIN_PREFIX}usage/{reaction.pk}/",
        f"{ADMIN_PREFIX}inspect/{reaction.pk}/",
    ]


@pytest.fixture
def private_reaction(story):
    return react(story, "Wilhelmina Zonneveld", "Mijn buurman drinkt te veel.")


@pytest.mark.parametrize("person", ["correspondent", "other_correspondent", "other_regional_editor"])
def test_no_admin_view_shows_a_reaction_outside_ones_queue(client, editorial_teams, private_reaction, person):
    client.force_login(getattr(editorial_teams, person))

    leaks = []
    for url in views_of(private_reaction):
        response = client.get(url)
        html = response.content.decode()
        if "Wilhelmina" in html or "Mijn buurman" in html or response.status_code not in {302, 404}:
            leaks.append((url, response.status_code))
        elif response.status_code == 302:
            assert_refused(response)
    assert leaks == []

    # In its own queue, Utrecht's regional editor opens the reaction and its history.
    client.force_login(editorial_teams.regional_editor)
    assert "Mijn buurman drinkt te veel." in admin_text(client.get(edit_url(private_reaction)))
    history = admin_text(client.get(f"{ADMIN_PREFIX}history/{private_reaction.pk}/"))
    assert f"Reactie #{private_reaction.pk} op ‘Soep op woensdag’" in history


def test_the_chooser_is_off_and_history_and_usage_stay_with_the_own_queue(
    client, editorial_teams, private_reaction, story
):
    client.force_login(editorial_teams.central_editor)
    assert client.get(CHOOSER_PREFIX).status_code == 404  # nothing links to a reaction, so no chooser at all

    client.force_login(editorial_teams.regional_editor)
    history = client.get(f"{ADMIN_PREFIX}history/{private_reaction.pk}/")
    usage = client.get(f"{ADMIN_PREFIX}usage/{private_reaction.pk}/")

    assert history.status_code == usage.status_code == 200
    assert f"Reactie #{private_reaction.pk} op ‘Soep op woensdag’" in admin_text(history)
    assert "Wilhelmina" not in history.content.decode()  # the title names no reader


def test_a_reaction_is_titled_by_its_page_never_by_the_reader(client, editorial_teams, private_reaction):
    client.force_login(editorial_teams.central_editor)

    form = soup(client.get(edit_url(private_reaction)))

    title = f"Reactie #{private_reaction.pk} op ‘Soep op woensdag’"
    assert title in form.title.get_text()
    assert "Wilhelmina" not in form.title.get_text() and "Mijn buurman" not in form.title.get_text()
    assert "Wilhelmina Zonneveld" in admin_text(client.get(LIST_URL))  # the queue shows the name in its own column


# Select all in the listing ----------------------------------------------------------------------


def select_all_url(action, **filters):
    """The bulk action URL Wagtail's script builds for "select all in listing": the listing's query string (its
    filters), id=all and the listing to return to."""
    listing = f"{LIST_URL}?{urlencode(filters)}" if filters else LIST_URL
    url = reverse("wagtail_bulk_action", args=["stories", "reaction", action])
    return f"{url}?{urlencode([*filters.items(), ('id', 'all'), ('next', listing)])}"


@pytest.fixture
def mixed_queue(queue, story):
    """The queue, plus a Utrecht reaction already marked as spam."""
    return {**queue, "spam": react(story, "Bot", "Goedkope horloges", status=Reaction.Status.SPAM)}


def statuses():
    return dict(Reaction.objects.values_list("name", "status"))


def test_select_all_moderates_only_what_the_filtered_listing_shows(
    client, editorial_teams, mixed_queue, django_capture_on_commit_callbacks
):
    client.force_login(editorial_teams.regional_editor)
    assert listed_names(client.get(LIST_URL, {"status": "pending"})) == ["Els"]

    confirmation = admin_text(client.get(select_all_url("approve", status="pending")))
    assert "In Utrecht werkte dit ook." in confirmation
    assert not {"Bot", "Harm", "Ans"} & set(confirmation.split())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(select_all_url("approve", status="pending"))

    assert "1 reactie(s) goedgekeurd." in messages_of(response)
    assert statuses() == {"Els": "approved", "Bot": "spam", "Harm": "pending", "Ans": "pending"}


def test_select_all_never_reaches_another_regions_reactions(client, editorial_teams, mixed_queue):
    client.force_login(editorial_teams.other_regional_editor)

    confirmation = admin_text(client.get(select_all_url("spam")))
    assert "Bij ons in het dorp ook." in confirmation
    assert not {"Els", "Bot", "Ans"} & set(confirmation.split())
    client.post(select_all_url("spam"))
    assert statuses() == {"Els": "pending", "Bot": "spam", "Harm": "spam", "Ans": "pending"}

    # A filter on another region's page selects nothing, rather than everything.
    utrecht_story = mixed_queue["utrecht"].page
    client.post(select_all_url("approve", page=utrecht_story.pk))
    assert statuses() == {"Els": "pending", "Bot": "spam", "Harm": "spam", "Ans": "pending"}


def test_select_all_honours_the_region_filter_for_the_central_team(client, editorial_teams, mixed_queue):
    client.force_login(editorial_teams.central_editor)
    groningen = mixed_queue["groningen"].page.get_parent()

    client.post(select_all_url("reject", region=groningen.pk))

    assert statuses() == {"Els": "pending", "Bot": "spam", "Harm": "rejected", "Ans": "pending"}


def test_select_all_deletes_only_the_filtered_reactions(client, editorial_teams, mixed_queue):
    client.force_login(editorial_teams.central_editor)

    confirmation = admin_text(client.get(select_all_url("delete", status="spam")))
    assert f"Reactie #{mixed_queue['spam'].pk} op ‘Soep op woensdag’" in confirmation
    client.post(select_all_url("delete", status="spam"))

    assert statuses() == {"Els": "pending", "Harm": "pending", "Ans": "pending"}


# Deleting -----------------------------------------------------------------------------------------


def delete_url(reaction):
    return reverse("wagtailsnippets_stories_reaction:delete", args=[reaction.pk])


@pytest.mark.parametrize("how", ["delete view", "bulk delete"])
def test_deleting_an_approved_reaction_purges_its_page_and_listings(
    client,
    editorial_teams,
    story,
    queue,
    how,
    purged,  # noqa: F811 -- the fixture imported above
    django_capture_on_commit_callbacks,
):
    shown = react(story, "Kees", "Koop nu goedkope horloges", status=Reaction.Status.APPROVED)
    client.force_login(editorial_teams.central_editor)

    def delete(*reactions):
        with django_capture_on_commit_callbacks(execute=True):
            if how == "delete view":
                [reaction] = reactions
                return client.post(delete_url(reaction))
            return client.post(action_url("delete", *reactions))

    response = delete(shown)

    assert response.status_code == 302
    assert not Reaction.objects.filter(pk=shown.pk).exists()
    assert STORY_AND_LISTINGS <= purged()
    assert "Koop nu goedkope horloges" not in get_page(client.__class__(), story).content.decode()

    # A reaction that readers never saw needs no purge.
    delete(queue["utrecht"])
    assert not Reaction.objects.filter(pk=queue["utrecht"].pk).exists()
    assert purged() == set()
