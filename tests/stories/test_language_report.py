"""The central team's language-level overview (stories/language_report.py, Reports > Taalniveau): every checked page
with its indication, the furthest from their target first, filters, the summary per region and theme, who may see
it, and a fixed number of queries. The scores are stored per revision (stories/language_scores.py): by the worker
after a save or a change of the jargon list, or by the overview itself when the worker has not done it yet."""

import contextlib
import re

import pytest
from django.core import serializers
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import rich_text

from core.models import JargonTerm, jargon, jargon_fingerprint
from stories.models import LanguageScore
from tests import factories
from tests.core.calibration import KNOWLEDGE_B2, STORY_A2, STORY_B1, STORY_C1
from tests.helpers import (
    CONSENT,
    admin_text,
    assert_refused,
    background_work_done,
    edit_url,
    soup,
    story_form_data,
)

URL = reverse("stories_language_level")


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def story(parent, title, text, themes=(), **fields):
    return factories.PracticeStoryPageFactory(
        parent=parent, title=title, intro="Over de buurt.", body=body(text), themes=list(themes), **fields
    )


@pytest.fixture
def second_theme(site_tree):
    return factories.ThemeHubPageFactory(parent=site_tree.themes, title="Wonen")


@pytest.fixture
def pages(site_tree, region, other_region, theme, second_theme):
    """Live and draft pages at each level, in Utrecht, Groningen and nationally."""
    c1 = story(region, "Kookactiviteit ter bevordering van cohesie", STORY_C1, [theme])
    b1 = story(site_tree.stories, "Soep op woensdag", STORY_B1, [theme, second_theme])
    a2 = story(other_region, "Samen koken", STORY_A2, [second_theme])
    # Live in A2, but the latest revision (a draft change) is C1: that is what is scored.
    changed = story(region, "Buurttuin", STORY_A2, [second_theme])
    changed.body = body(STORY_C1)
    changed.save_revision()
    draft = story(region, "Nieuw concept", STORY_B1, [theme], live=False, first_published_at=None)
    draft.save_revision()
    knowledge = factories.KnowledgePageFactory(
        parent=site_tree.knowledge, title="Wat werkt tegen eenzaamheid", intro="Over de buurt.", body=body(KNOWLEDGE_B2)
    )
    return {"c1": c1, "b1": b1, "a2": a2, "changed": changed, "draft": draft, "knowledge": knowledge}


def rows(response):
    table = soup(response).find(id="buurtwijs-language-list")
    return [] if table is None else [" ".join(row.get_text(" ").split()) for row in table.tbody.find_all("tr")]


def titles(response):
    table = soup(response).find(id="buurtwijs-language-list")
    return [] if table is None else [row.find("a").get_text(strip=True) for row in table.tbody.find_all("tr")]


def summary(response, caption):
    table = next(
        t
        for t in soup(response).find(id="buurtwijs-language-summary").find_all("table")
        if t.caption.get_text(strip=True) == caption
    )
    return [" ".join(row.get_text(" ").split()) for row in table.tbody.find_all("tr")]


def menu_offers_report(response):
    return '"Taalniveau"' in soup(response).find(id="wagtail-sidebar-props").string


def test_the_central_team_sees_the_pages_furthest_from_their_target_first(client, editorial_teams, pages):
    client.force_login(editorial_teams.central_editor)
    assert menu_offers_report(client.get(reverse("wagtailadmin_home")))
    response = client.get(URL)
    assert response.status_code == 200
    shown = rows(response)
    # Both C1 texts first (the harder title first: a lower Flesch-Douma).
    assert titles(response)[:2] == ["Kookactiviteit ter bevordering van cohesie", "Buurttuin"]
    assert shown[1].startswith("Buurttuin Praktijkverhaal · 2 lange zinnen")
    assert "live, met wijzigingen in concept Utrecht Wonen waarschijnlijk hoger B1 2 niveaus te hoog" in shown[1]
    assert "live Utrecht Eenzaamheid waarschijnlijk hoger B1 2 niveaus te hoog" in shown[0]
    by_title = dict(zip(titles(response), shown, strict=True))
    assert "concept Utrecht Eenzaamheid waarschijnlijk B1 B1 op doel" in by_title["Nieuw concept"]
    assert "live landelijk Eenzaamheid, Wonen waarschijnlijk B1 B1 op doel" in by_title["Soep op woensdag"]
    assert "live Groningen Wonen" in by_title["Samen koken"] and "op doel" in by_title["Samen koken"]
    assert "landelijk – waarschijnlijk B2 B2 op doel" in by_title["Wat werkt tegen eenzaamheid"]
    assert len(shown) == 6
    text = admin_text(response)
    assert "Dit is een indicatie, geen oordeel" in text

    # The summary: per region and per theme, the number of pages and the share at or below target.
    assert summary(response, "Per regio") == ["Groningen 1 1 100%", "Landelijk 2 2 100%", "Utrecht 3 3 33%"]
    assert summary(response, "Per thema") == ["Eenzaamheid 3 3 67%", "Wonen 3 3 67%", "Zonder thema 1 1 100%"]


def test_filters_on_region_and_theme(client, editorial_teams, pages, region, second_theme):
    client.force_login(editorial_teams.central_editor)
    response = client.get(URL, {"regio": region.pk})
    assert titles(response) == ["Kookactiviteit ter bevordering van cohesie", "Buurttuin", "Nieuw concept"]
    assert summary(response, "Per regio") == ["Utrecht 3 3 33%"]

    response = client.get(URL, {"thema": second_theme.pk})
    assert titles(response) == ["Buurttuin", "Soep op woensdag", "Samen koken"]

    response = client.get(URL, {"regio": "landelijk", "thema": second_theme.pk})
    assert titles(response) == ["Soep op woensdag"]

    # A filter that is not in the list: a Dutch message, and everything is shown.
    response = client.get(URL, {"regio": "Atlantis", "thema": "x"})
    assert response.status_code == 200
    text = admin_text(response)
    assert "Kies een regio uit de lijst." in text and "Kies een thema uit de lijst." in text
    assert len(titles(response)) == 6


def row_of(response, title):
    return dict(zip(titles(response), rows(response), strict=True))[title]


def jargon_hits(row):
    found = re.search(r"(\d+) moeilijke? woord", row)
    return int(found.group(1)) if found else 0


@pytest.mark.parametrize("worker_ran", [True, False], ids=["worker", "no-worker"])
def test_the_jargon_list_changes_the_overview(client, editorial_teams, pages, worker_ran):
    """Scores stored with another jargon list are not used: after an edit of the list in the admin the overview
    counts the new words, whether the worker has scored the pages again or not."""
    client.force_login(editorial_teams.central_editor)
    response = client.get(URL)  # and the scores are stored
    assert "moeilijk" not in row_of(response, "Nieuw concept")
    hard_words = jargon_hits(row_of(response, "Buurttuin"))
    assert LanguageScore.objects.count() == 2  # the two pages with a revision ("Buurttuin", "Nieuw concept")

    def work():
        return background_work_done() if worker_ran else contextlib.nullcontext()

    with work():
        response = client.post(reverse("wagtailsnippets_core_jargonterm:add"), {"term": "vrijwilligers"})
    assert response.status_code == 302
    current = LanguageScore.objects.filter(jargon_fingerprint=jargon_fingerprint(jargon()))
    assert current.count() == (2 if worker_ran else 0)  # the worker scored them again, or nobody did yet
    response = client.get(URL)
    assert "1 moeilijk woord" in row_of(response, "Nieuw concept")
    assert "1 moeilijk woord" in row_of(response, "Soep op woensdag")  # no revision: scored on its own row

    # A word of the C1 text in its place: "Buurttuin" (its draft is C1) counts one more, the B1 pages none.
    term = JargonTerm.objects.get(term="vrijwilligers")
    with work():
        client.post(reverse("wagtailsnippets_core_jargonterm:edit", args=[term.pk]), {"term": "kookactiviteit"})
    response = client.get(URL)
    assert "moeilijk" not in row_of(response, "Nieuw concept")
    assert jargon_hits(row_of(response, "Buurttuin")) == hard_words + 1

    with work():
        client.post(reverse("wagtailsnippets_core_jargonterm:delete", args=[term.pk]))
    assert jargon_hits(row_of(client.get(URL), "Buurttuin")) == hard_words
    assert LanguageScore.objects.count() == 2  # replaced, not added


@pytest.mark.parametrize("worker_ran", [True, False], ids=["worker", "no-worker"])
def test_a_new_draft_shows_with_its_own_indication(client, editorial_teams, region, theme, worker_ran):
    """An editor saves a draft with long sentences: the overview shows its indication, whether the worker scored
    the revision (after the commit) or the overview scores it itself and stores the score."""
    page = story(region, "Soep op woensdag", STORY_B1, [theme])
    page.save_revision()
    client.force_login(editorial_teams.central_editor)
    assert "waarschijnlijk B1 B1 op doel" in row_of(client.get(URL), "Soep op woensdag")

    draft = story_form_data(theme, body=[("paragraph", rich_text(f"<p>{STORY_C1}</p>"))], slug=page.slug, **CONSENT)
    with background_work_done() if worker_ran else contextlib.nullcontext():
        assert client.post(edit_url(page), draft).status_code == 302  # "Concept opslaan"
    page.refresh_from_db()

    def stored():
        return list(LanguageScore.objects.filter(revision=page.latest_revision).values_list("level", flat=True))

    assert stored() == (["hoger"] if worker_ran else [])

    shown = row_of(client.get(URL), "Soep op woensdag")
    assert shown.startswith("Soep op woensdag Praktijkverhaal · 2 lange zinnen")
    assert "live, met wijzigingen in concept Utrecht Eenzaamheid waarschijnlijk hoger B1 2 niveaus te hoog" in shown
    assert stored() == ["hoger"]


def test_an_autosave_that_overwrites_the_draft_is_scored_again(client, editorial_teams, region, theme):
    """Wagtail's autosave overwrites the latest revision in place: its stored score is then out of date."""
    page = story(region, "Soep op woensdag", STORY_B1, [theme])
    client.force_login(editorial_teams.central_editor)
    assert client.post(edit_url(page), story_form_data(theme, slug=page.slug, **CONSENT)).status_code == 302
    page.refresh_from_db()
    revision = page.latest_revision
    assert "waarschijnlijk B1 B1 op doel" in row_of(client.get(URL), "Soep op woensdag")
    assert LanguageScore.objects.filter(revision=revision).exists()

    autosave = story_form_data(theme, body=[("paragraph", rich_text(f"<p>{STORY_C1}</p>"))], slug=page.slug, **CONSENT)
    response = client.post(
        edit_url(page), {**autosave, "overwrite_revision_id": revision.pk}, headers={"accept": "application/json"}
    )
    assert response.json()["success"]
    page.refresh_from_db()
    assert page.latest_revision == revision  # overwritten, not a new one

    assert "waarschijnlijk hoger B1 2 niveaus te hoog" in row_of(client.get(URL), "Soep op woensdag")


def test_a_second_visit_scores_nothing(client, editorial_teams, pages):
    client.force_login(editorial_teams.central_editor)
    client.get(URL)  # the session and the content types are warm

    def visit():
        with CaptureQueriesContext(connection) as context:
            response = client.get(URL)
        return rows(response), len(context.captured_queries)

    LanguageScore.objects.all().delete()
    first, first_queries = visit()  # scores the pages with a revision and stores them
    stored = list(LanguageScore.objects.order_by("pk").values_list("pk", "revision_created_at", "level"))
    assert len(stored) == 2

    second, second_queries = visit()
    assert second == first
    assert list(LanguageScore.objects.order_by("pk").values_list("pk", "revision_created_at", "level")) == stored
    assert second_queries < first_queries


def waiting_notice(response):
    notice = soup(response).find(id="buurtwijs-language-waiting")
    return "" if notice is None else " ".join(notice.get_text(" ").split())


def test_a_visit_scores_a_bounded_number_and_shows_older_scores_until_the_worker_is_done(
    client, editorial_teams, pages, monkeypatch
):
    """A large site after a jargon edit: a visit scores at most INLINE_LIMIT pages itself (all of 10,000 would take
    longer than gunicorn lets a request run), queues the rest, shows it with its older score and says how many wait.
    Here the limit is 1 of the two pages with a revision."""
    client.force_login(editorial_teams.central_editor)
    response = client.get(URL)  # scores the two and stores them
    assert not waiting_notice(response)
    hard_words = jargon_hits(row_of(response, "Buurttuin"))
    monkeypatch.setattr("stories.language_report.INLINE_LIMIT", 1)
    assert not waiting_notice(client.get(URL))  # control: nothing to score

    client.post(reverse("wagtailsnippets_core_jargonterm:add"), {"term": "kookactiviteit"})  # the worker is slow
    with background_work_done():  # the worker, once it gets there, does what this visit left
        response = client.get(URL)
        assert "Het taalniveau van 1 pagina wordt nog (opnieuw) bepaald" in waiting_notice(response)
        assert {"Buurttuin", "Nieuw concept"} <= set(titles(response))  # the one left waiting: its older score
        current = LanguageScore.objects.filter(jargon_fingerprint=jargon_fingerprint(jargon()))
        assert current.count() == 1

    response = client.get(URL)
    assert not waiting_notice(response)
    assert jargon_hits(row_of(response, "Buurttuin")) == hard_words + 1
    assert LanguageScore.objects.filter(jargon_fingerprint=jargon_fingerprint(jargon())).count() == 2


def test_a_page_never_scored_waits_for_the_worker_when_the_visit_has_scored_its_share(
    client, editorial_teams, pages, monkeypatch
):
    monkeypatch.setattr("stories.language_report.INLINE_LIMIT", 0)
    client.force_login(editorial_teams.central_editor)
    response = client.get(URL)
    assert "Het taalniveau van 2 pagina's wordt nog (opnieuw) bepaald" in waiting_notice(response)
    assert "Nieuw concept" not in titles(response) and "Buurttuin" not in titles(response)
    monkeypatch.setattr("stories.language_report.INLINE_LIMIT", 2)  # control: now it scores both
    assert {"Nieuw concept", "Buurttuin"} <= set(titles(client.get(URL)))


def test_pages_without_a_revision_are_scored_up_to_the_limit_and_the_rest_is_named(
    client, editorial_teams, pages, monkeypatch
):
    """Pages made in code (as the bench's generated stories) have no revision to store a score on: a visit scores
    at most INLINE_LIMIT of them and says how many it left out."""
    client.force_login(editorial_teams.central_editor)
    response = client.get(URL)
    assert soup(response).find(id="buurtwijs-language-unscored") is None  # control: all four scored
    assert {"Soep op woensdag", "Samen koken", "Wat werkt tegen eenzaamheid"} <= set(titles(response))

    monkeypatch.setattr("stories.language_report.INLINE_LIMIT", 1)
    response = client.get(URL)
    notice = " ".join(soup(response).find(id="buurtwijs-language-unscored").get_text(" ").split())
    assert notice.startswith("3 pagina's zonder bewaarde versie")
    assert len(titles(response)) == 3  # one of the four, and the two pages with a revision


def test_a_new_suggestion_for_a_word_keeps_the_stored_scores(client, editorial_teams, pages):
    """A score counts the list's words, not their suggestions: a new suggestion changes no score and makes none
    stale; a new word does (the control)."""
    JargonTerm.objects.create(term="vrijwilligers", suggestion="mensen die helpen")
    client.force_login(editorial_teams.central_editor)
    client.get(URL)
    fingerprint = jargon_fingerprint(jargon())
    term = JargonTerm.objects.get(term="vrijwilligers")
    client.post(
        reverse("wagtailsnippets_core_jargonterm:edit", args=[term.pk]),
        {"term": "vrijwilligers", "suggestion": "buren die meedoen"},
    )
    assert JargonTerm.objects.get(pk=term.pk).suggestion == "buren die meedoen"
    assert jargon_fingerprint(jargon()) == fingerprint
    client.post(reverse("wagtailsnippets_core_jargonterm:edit", args=[term.pk]), {"term": "vrijwilliger"})
    assert jargon_fingerprint(jargon()) != fingerprint


@pytest.mark.parametrize("role", ["correspondent", "regional_editor", "other_regional_editor"])
def test_only_the_central_team_and_administrators_see_it(client, editorial_teams, pages, role):
    # Positive controls: the central team and an administrator.
    for user in (editorial_teams.central_editor, editorial_teams.admin):
        client.force_login(user)
        assert menu_offers_report(client.get(reverse("wagtailadmin_home")))
        assert client.get(URL).status_code == 200
    client.force_login(getattr(editorial_teams, role))
    assert not menu_offers_report(client.get(reverse("wagtailadmin_home")))
    response = client.get(URL)
    assert_refused(response)  # Wagtail's admin: back to the dashboard with its message
    assert "Kookactiviteit" not in admin_text(client.get(response.url))
    assert client.get(URL, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403


def test_the_overview_costs_the_same_number_of_queries_for_few_or_many_pages(
    client, editorial_teams, pages, region, theme, site_tree
):
    client.force_login(editorial_teams.central_editor)
    client.get(URL)  # the session and the content types are warm

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL).status_code == 200
        return len(context.captured_queries)

    few = queries()
    for number in range(8):
        page = story(region, f"Nog een verhaal {number}", STORY_C1 if number % 2 else STORY_B1, [theme])
        page.save_revision()
        factories.KnowledgePageFactory(parent=site_tree.knowledge, body=body(KNOWLEDGE_B2))
    client.get(URL)  # scores the new revisions and stores them: a few queries more, once
    assert queries() == few


def test_rows_loaded_as_they_are_queue_no_scoring_and_a_saved_word_does(home):
    """loaddata (and a test's restored database) saves rows raw: nothing changed, so nothing is queued; with an
    inline task backend every word loaded would otherwise score every page again."""
    term = JargonTerm(term="buurtregisseur", suggestion="wie het regelt")
    loaded = next(serializers.deserialize("json", serializers.serialize("json", [term])))
    with TestCase.captureOnCommitCallbacks() as queued:
        loaded.save()
    assert queued == [] and JargonTerm.objects.filter(term="buurtregisseur").exists()
    with TestCase.captureOnCommitCallbacks() as queued:
        JargonTerm.objects.create(term="wijkarrangement", suggestion="afspraak in de wijk")
    assert len(queued) == 1
