"""Het gesprek, the reader's side: reacting on a story or knowledge page on the form's own URL, what goes wrong and
what is said about it, spam, and what the (shared-cache) pages show of the approved reactions."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from stories.models import Reaction
from tests import factories
from tests.helpers import as_person, get_page, links, soup, text

pytestmark = pytest.mark.django_db

REACTION = {"name": "Henk Bosman", "email": "henk@example.org", "text": "Bij ons werkte een vaste dag ook goed."}


def form_url(page):
    return reverse("reaction_form", args=[page.pk])


def thanks_url(page):
    return reverse("reaction_thanks", args=[page.pk])


def cache_control(response):
    return {directive.strip() for directive in response.get("Cache-Control", "").split(",") if directive.strip()}


@pytest.fixture
def story(region, theme):
    return factories.PracticeStoryPageFactory(
        parent=region, title="Soep op woensdag", themes=[theme], **factories.story_body("paragraph", "dilemma")
    )


@pytest.fixture
def knowledge(site_tree, theme):
    return factories.KnowledgePageFactory(
        parent=site_tree.knowledge, title="Asset based community development", themes=[theme]
    )


def approved(page, name, text="Mooi verhaal.", **fields):
    return Reaction.objects.create(
        page=page, name=name, email="lezer@example.org", text=text, status=Reaction.Status.APPROVED, **fields
    )


def field_error(response, name):
    error = soup(response).find(id=f"id_{name}_error")
    return " ".join(error.get_text(" ").split()) if error else None


LABELS = {"name": "Je naam", "email": "Je e-mailadres", "text": "Je reactie"}


def summary(response):
    box = soup(response).find(class_="error-summary")
    assert box is not None, "no error summary"
    return [(" ".join(item.get_text(" ").split()), item.a["href"] if item.a else None) for item in box.find_all("li")]


def kept(response, name):
    field = soup(response).find(attrs={"name": name})
    return field.get_text() if field.name == "textarea" else field.get("value", "")


# The form -----------------------------------------------------------------------------------------


def test_the_story_links_to_its_form_and_invites_reactions_on_its_dilemma(client, story):
    response = get_page(client, story)

    section = soup(response).find("section", class_="reactions")
    assert section.h2.get_text() == "Wat zou jij doen?"
    assert "Betrek je de gemeente al in het begin, of pas als het loopt?" in section.get_text()
    assert "Nog geen reacties." in section.get_text()
    assert ("Reageer op ‘Soep op woensdag’", form_url(story)) in links(response)
    # Kept by shared caches: no form, no CSRF token on the page itself.
    assert soup(response).find("input", attrs={"name": "csrfmiddlewaretoken"}) is None
    assert "public" in cache_control(response) and "s-maxage=600" in cache_control(response)
    assert not response.cookies


def test_a_knowledge_page_has_the_conversation_without_a_dilemma(client, knowledge):
    response = get_page(client, knowledge)

    section = soup(response).find("section", class_="reactions")
    assert section.h2.get_text() == "Het gesprek"
    assert ("Reageer op ‘Asset based community development’", form_url(knowledge)) in links(response)


def test_the_form_is_never_cached_and_names_the_page_and_its_dilemma(client, story):
    response = client.get(form_url(story))

    assert response.status_code == 200
    assert {"no-cache", "no-store", "must-revalidate", "private"} <= cache_control(response)
    assert "public" not in cache_control(response)
    page = soup(response)
    assert page.h1.get_text() == "Reageer op ‘Soep op woensdag’"
    assert "Wat zou jij doen? Betrek je de gemeente al in het begin" in text(response)
    assert page.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None
    labels = {label.get_text(strip=True): label["for"] for label in page.select("form label")}
    assert {"Je naam": "id_name", "Je e-mailadres": "id_email", "Je reactie": "id_text"}.items() <= labels.items()
    assert not page.find_all("script") and not page.select("[style]")
    # Not for search engines or sharing (noindex_page.html), unlike the story it belongs to.
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not page.find("meta", attrs={"property": "og:title"})
    assert soup(client.get(story.url)).find("meta", attrs={"property": "og:title"}) is not None


@pytest.mark.parametrize("status", ["draft", "restricted", "other type", "missing"])
def test_only_live_public_stories_and_knowledge_pages_have_a_form(client, site_tree, region, story, knowledge, status):
    if status == "draft":
        page = factories.PracticeStoryPageFactory(parent=region, live=False)
    elif status == "restricted":
        page = factories.PracticeStoryPageFactory(parent=region)
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif status == "other type":
        page = factories.RegionalNewsPageFactory(parent=region)
    else:
        page = factories.PracticeStoryPageFactory(parent=region)
        page.delete()

    assert client.get(form_url(page)).status_code == 404
    assert client.post(form_url(page), as_person(REACTION)).status_code == 404
    assert not Reaction.objects.exists()

    # A live, public story and knowledge page have the form, and the same post is taken.
    for open_page in (story, knowledge):
        assert soup(client.get(form_url(open_page))).h1.get_text() == f"Reageer op ‘{open_page.title}’"
        thanks = client.post(form_url(open_page), as_person(REACTION), follow=True)
        assert soup(thanks).h1.get_text() == "Bedankt voor je reactie"
    assert sorted(Reaction.objects.values_list("page_id", "status")) == sorted(
        [(story.pk, Reaction.Status.PENDING), (knowledge.pk, Reaction.Status.PENDING)]
    )


def test_a_reaction_is_stored_pending_and_not_shown_until_it_is_approved(client, story):
    response = client.post(form_url(story), as_person(REACTION), follow=True)

    assert response.redirect_chain == [(thanks_url(story), 302)]
    assert soup(response).h1.get_text() == "Bedankt voor je reactie"
    assert "Tot die tijd zie je hem nog niet op de pagina." in text(response)
    assert "public" not in cache_control(response)
    reaction = Reaction.objects.get()
    assert (reaction.page_id, reaction.name, reaction.email, reaction.text, reaction.status) == (
        story.pk,
        "Henk Bosman",
        "henk@example.org",
        "Bij ons werkte een vaste dag ook goed.",
        Reaction.Status.PENDING,
    )
    assert "Bij ons werkte een vaste dag ook goed." not in text(get_page(client, story))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Vul je naam in."),
        ({"email": ""}, "email", "Vul je e-mailadres in."),
        ({"text": "   "}, "text", "Schrijf je reactie."),
        ({"email": "henk@"}, "email", "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
        ({"email": "<script>@example.org"}, "email", "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
        ({"name": "H" * 81}, "name", "Je naam is te lang: hoogstens 80 tekens (nu 81)."),
        (
            {"text": "a" * 100_000},
            "text",
            "Je reactie is te lang: hoogstens 5000 tekens (nu 100000). Maak hem wat korter.",
        ),
    ],
)
def test_bad_input_is_explained_in_dutch_and_every_answer_is_kept(client, story, changes, field, message):
    data = {**REACTION, **changes}

    response = client.post(form_url(story), as_person(data))

    assert response.status_code == 200
    assert not Reaction.objects.exists()
    assert summary(response) == [(f"{LABELS[field]}: {message}", f"#id_{field}")]
    assert field_error(response, field) == f"Fout: {message}"
    page = soup(response)
    widget = page.find(id=f"id_{field}")
    assert widget["aria-invalid"] == "true"
    # The field is described by its hint and its error, both on the page.
    assert widget["aria-describedby"].split() == [f"id_{field}_helptext", f"id_{field}_error"]
    assert all(page.find(id=described) for described in widget["aria-describedby"].split())
    for other in {"name", "email", "text"} - {field}:  # a field without an error: its hint only
        assert page.find(id=f"id_{other}")["aria-describedby"] == f"id_{other}_helptext"
    for name, value in data.items():
        assert kept(response, name).strip() == value.strip(), name
    assert soup(response).title.get_text().startswith("Fout:")


def test_every_missing_field_is_listed_at_the_top_with_a_link(client, story):
    response = client.post(form_url(story), as_person({"name": "", "email": "", "text": ""}))

    assert summary(response) == [
        ("Je naam: Vul je naam in.", "#id_name"),
        ("Je e-mailadres: Vul je e-mailadres in.", "#id_email"),
        ("Je reactie: Schrijf je reactie.", "#id_text"),
    ]


def test_markup_is_stored_as_text_and_shown_escaped(client, story, django_capture_on_commit_callbacks):
    markup = {"name": "<b>Henk</b>", "email": "henk@example.org", "text": "<script>alert('x')</script>\nTweede regel"}
    client.post(form_url(story), as_person(markup))
    reaction = Reaction.objects.get()
    assert (reaction.name, reaction.text) == ("<b>Henk</b>", "<script>alert('x')</script>\nTweede regel")
    # Shown again after an error, still as text:
    again = client.post(form_url(story), as_person({**markup, "email": "fout"}))
    assert "<script>alert" not in again.content.decode() and "&lt;script&gt;" in again.content.decode()

    reaction.status = Reaction.Status.APPROVED
    reaction.editorial_response = "<img src=x onerror=alert(1)>"
    reaction.save()
    response = get_page(client, story)

    html = response.content.decode()
    assert "<script>alert" not in html and "<b>Henk</b>" not in html and "<img src=x" not in html
    item = soup(response).find("li", class_="reaction")
    assert item.h3.get_text() == "<b>Henk</b>"
    assert "<script>alert('x')</script>" in item.get_text() and "Tweede regel" in item.get_text()
    assert "<img src=x onerror=alert(1)>" in item.get_text()


# Spam ---------------------------------------------------------------------------------------------


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(client, story, mailoutbox):
    response = client.post(form_url(story), {**as_person(REACTION), "homepage": "https://spam.example"}, follow=True)

    assert response.redirect_chain == [(thanks_url(story), 302)]
    assert soup(response).h1.get_text() == "Bedankt voor je reactie"
    assert not Reaction.objects.exists()
    assert mailoutbox == []


def test_a_form_sent_too_fast_is_refused_with_the_answers_kept(client, story):
    response = client.post(form_url(story), as_person(REACTION, seconds_ago=1))

    assert response.status_code == 200
    assert not Reaction.objects.exists()
    [(message, _link)] = summary(response)
    assert message.startswith("Dat ging wel erg snel.")
    assert kept(response, "text").strip() == REACTION["text"]

    # The same answers after the time a person takes to write them are taken.
    thanks = client.post(form_url(story), as_person(REACTION), follow=True)
    assert soup(thanks).h1.get_text() == "Bedankt voor je reactie"
    assert Reaction.objects.get().text == REACTION["text"]


def test_a_form_left_open_for_more_than_a_day_is_refused_with_the_answers_kept(client, story):
    response = client.post(form_url(story), as_person(REACTION, seconds_ago=25 * 60 * 60))

    assert not Reaction.objects.exists()
    [(message, _link)] = summary(response)
    assert message.startswith("Dit formulier stond lang open.")
    assert kept(response, "text").strip() == REACTION["text"]

    # The same answers from a form shown a few minutes ago are taken.
    thanks = client.post(form_url(story), as_person(REACTION), follow=True)
    assert soup(thanks).h1.get_text() == "Bedankt voor je reactie"


def test_too_many_reactions_from_one_address_get_a_dutch_429(client, story, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "reaction": (2, 600)}
    for _ in range(2):
        assert client.post(form_url(story), as_person(REACTION)).status_code == 302

    response = client.post(form_url(story), as_person(REACTION))

    assert response.status_code == 429
    assert "Even geduld, je hebt dit formulier vaak verstuurd" in text(response)
    assert response["Retry-After"] == "600"
    assert "public" not in cache_control(response)
    assert Reaction.objects.count() == 2


# What the pages show ------------------------------------------------------------------------------


def test_approved_reactions_show_oldest_first_with_the_editors_response(client, story):
    approved(story, "Els", "Eerste reactie.", created_at=factories.days_ago(3))
    approved(story, "Ans", "Tweede reactie.", created_at=factories.days_ago(2), editorial_response="Dank je, Ans!")
    approved(story, "Kees", "Derde reactie.", created_at=factories.days_ago(1))
    for status in (Reaction.Status.PENDING, Reaction.Status.REJECTED, Reaction.Status.SPAM):
        Reaction.objects.create(
            page=story, name=f"Niet {status}", email="x@example.org", text="Verborgen", status=status
        )

    response = get_page(client, story)

    section = soup(response).find("section", class_="reactions")
    assert [item.h3.get_text() for item in section.find_all("li", class_="reaction")] == ["Els", "Ans", "Kees"]
    assert "3 reacties" in section.get_text()
    assert "Verborgen" not in text(response)
    response_box = section.find(class_="reaction__response")
    assert " ".join(response_box.get_text(" ").split()) == "Reactie van de redactie Dank je, Ans!"
    assert response_box.find_parent("li").h3.get_text() == "Ans"
    assert "lezer@example.org" not in response.content.decode()  # the e-mail address is never shown


def test_listing_cards_show_the_number_of_approved_reactions(client, site_tree, region, theme, story, knowledge):
    quiet = factories.PracticeStoryPageFactory(parent=region, title="Nog stil", themes=[theme])
    approved(story, "Els")
    approved(story, "Ans")
    approved(knowledge, "Kees")
    Reaction.objects.create(page=quiet, name="Wacht", email="x@example.org", text="Nog niet gelezen")

    def card_text(response, title):
        link = soup(response).find("a", string=title)
        return " ".join(link.find_parent("article").get_text(" ").split())

    for page in (site_tree.home, site_tree.stories, region, theme):
        response = get_page(client, page)
        assert "2 reacties" in card_text(response, "Soep op woensdag"), page.url
        assert "reactie" not in card_text(response, "Nog stil"), page.url
    assert "1 reactie" in card_text(get_page(client, site_tree.knowledge), "Asset based community development")
    assert "1 reactie" in card_text(get_page(client, theme, soort="kennis"), "Asset based community development")
