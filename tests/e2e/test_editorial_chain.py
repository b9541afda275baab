"""The editorial chain in a real browser, on the demo content: write and submit, approve twice, read it live.

A correspondent of Utrecht writes a story in Wagtail's page editor and submits it to "Redactieketen"; the
region's editor approves the regional step; the central editorial team approves the last step, which publishes;
an anonymous reader then finds the story at its public URL.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect
from wagtail.models import TaskState, WorkflowState

from correspondents.models import RegionPage
from stories.models import PracticeStoryPage
from tests.e2e.admin import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Een bankje voor de flat in Overvecht"
PARAGRAPH = "Sinds er een bankje voor de flat staat, maken de buren weer een praatje."


def log_out(page, username):
    """Through the account menu in the sidebar, named after the user's first name."""
    first_name = get_user_model().objects.get(username=username).first_name
    page.get_by_role("button", name=first_name, exact=True).click()
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def run_workflow_action(page, label):
    """Pick a workflow action from the editor footer's "Meer acties" menu."""
    page.get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name=label, exact=True).click()


def write_story(page, site_url, region):
    """As a correspondent: a new story in the region, through the page explorer and the real page editor."""
    page.goto(f"{site_url}/admin/pages/{region.pk}/")
    page.get_by_role("link", name="Voeg onderliggende pagina toe").click()
    page.get_by_role("link", name=re.compile(r"^Praktijkverhaal")).click()

    page.get_by_role("textbox", name=re.compile(r"^Titel")).fill(TITLE)
    page.get_by_role("textbox", name=re.compile(r"^Inleiding")).fill(
        "Een bewoner zette een bankje voor haar flat. Nu zitten er elke middag buren."
    )
    # The body is a StreamField: insert a paragraph block, then type into its Draftail editor.
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Blok invoegen").click()
    page.get_by_role("option", name="Alinea").click()
    body.get_by_role("textbox").click()
    page.keyboard.type(PARAGRAPH)

    page.get_by_role("checkbox", name="Sociale cohesie", exact=True).check()
    page.get_by_label("Gemeente").select_option(label="Utrecht")
    # The story names a buurtmaker, so the consent record must be complete before the regional step passes.
    page.get_by_role("button", name="Voeg Buurtmakers in dit verhaal toe").click()
    buurtmakers = page.get_by_role("region", name="Buurtmakers", exact=True)
    buurtmakers.get_by_role("textbox", name=re.compile(r"^Naam")).fill("Gerda Smit")
    page.get_by_label("Toestemming gegeven door").fill("Gerda Smit")
    page.get_by_label("Hoe", exact=True).select_option(label="per e-mail")
    page.get_by_label("Wanneer", exact=True).fill("2026-11-02")
    page.keyboard.press("Escape")  # closes the date picker


def mailed_about_the_story(username):
    """Whether a chain notification naming the story reached the user (mail goes to memory in tests)."""
    address = get_user_model().objects.get(username=username).email
    return any(TITLE in message.subject and address in message.to for message in mail.outbox)


def current_step(story):
    task_state = story.current_workflow_task_state
    return task_state.task.name if task_state else None


def test_a_story_goes_from_correspondent_through_both_editors_to_the_public_site(demo_site, page, steady_editor):
    utrecht = RegionPage.objects.get(slug="utrecht")
    assert mail.outbox == []  # loading the demo's history mailed nobody

    # The correspondent writes the story and submits it to the chain.
    log_in(page, demo_site.url, "correspondent-utrecht")
    write_story(page, demo_site.url, utrecht)
    run_workflow_action(page, "Stuur door naar Redactieketen")
    expect(page.get_by_text(f"Pagina '{TITLE}' aangemaakt en ingediend voor controle.")).to_be_visible()
    story = PracticeStoryPage.objects.get(title=TITLE)
    assert story.get_parent().pk == utrecht.pk
    assert current_step(story) == "Regionale redactie"
    assert story.current_workflow_state.requested_by.username == "correspondent-utrecht"
    assert mailed_about_the_story("redacteur-utrecht")
    log_out(page, "correspondent-utrecht")

    # The regional editor finds it on the dashboard and approves the regional step.
    log_in(page, demo_site.url, "redacteur-utrecht")
    page.get_by_role("link", name=TITLE).click()
    run_workflow_action(page, "Goedkeuren")
    expect(page.get_by_text(f"Pagina '{TITLE}' is gewijzigd.")).to_be_visible()
    assert current_step(story) == "Centrale redactie"
    assert mailed_about_the_story("redactie")
    log_out(page, "redacteur-utrecht")
    assert page.goto(f"{demo_site.url}{story.url}").status == 404  # approved once: not public yet

    # The central editorial team approves the last step, which publishes the story.
    log_in(page, demo_site.url, "redactie")
    page.get_by_role("link", name=TITLE).click()
    run_workflow_action(page, "Goedkeuren en publiceren")
    expect(page.get_by_text(f"Pagina '{TITLE}' is gewijzigd.")).to_be_visible()
    story.refresh_from_db()
    assert story.live
    workflow_state = WorkflowState.objects.get(base_content_type=story.get_base_content_type(), object_id=str(story.pk))
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    steps = workflow_state.task_states.order_by("started_at")
    assert [(step.task.name, step.status, step.finished_by.username) for step in steps] == [
        ("Regionale redactie", TaskState.STATUS_APPROVED, "redacteur-utrecht"),
        ("Centrale redactie", TaskState.STATUS_APPROVED, "redactie"),
    ]
    assert mailed_about_the_story("correspondent-utrecht")
    log_out(page, "redactie")

    # An anonymous reader finds it on the public site.
    page.goto(f"{demo_site.url}{story.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("main")).to_contain_text(PARAGRAPH)
    page.goto(f"{demo_site.url}{utrecht.url}")
    expect(page.get_by_role("main").get_by_role("link", name=TITLE)).to_be_visible()


def test_a_reviewer_who_edits_and_approves_in_one_go_reads_that_the_edit_is_saved_and_who_approves_now(
    demo_site, page, steady_editor
):
    """The regional editor changes the introduction and presses "Goedkeuren" without saving first: the edit is
    saved, nothing is approved, and the editor says why in Dutch (the control, approving without an edit, is the
    regional step of the test above)."""
    utrecht = RegionPage.objects.get(slug="utrecht")
    log_in(page, demo_site.url, "correspondent-utrecht")
    write_story(page, demo_site.url, utrecht)
    run_workflow_action(page, "Stuur door naar Redactieketen")
    expect(page.get_by_text(f"Pagina '{TITLE}' aangemaakt en ingediend voor controle.")).to_be_visible()
    log_out(page, "correspondent-utrecht")

    log_in(page, demo_site.url, "redacteur-utrecht")
    page.get_by_role("link", name=TITLE).click()
    edited_intro = "Een bewoner zette een bankje voor haar flat. Nu zitten er elke middag buren, ook in de winter."
    page.get_by_role("textbox", name=re.compile(r"^Inleiding")).fill(edited_intro)
    run_workflow_action(page, "Goedkeuren")

    story = PracticeStoryPage.objects.get(title=TITLE)
    expect(page).to_have_url(re.compile(rf"/admin/pages/{story.pk}/edit/$"))
    expect(page.get_by_text("Je wijziging is opgeslagen, maar niet goedgekeurd")).to_be_visible()
    expect(
        page.get_by_text("Iemand anders van de stap ‘Regionale redactie’ moet deze versie nu beoordelen")
    ).to_be_visible()
    expect(page.get_by_text("Sorry, je hebt geen toegang tot dit gedeelte.")).to_have_count(0)
    assert current_step(story) == "Regionale redactie"
    assert story.get_latest_revision().user.username == "redacteur-utrecht"
    assert story.get_latest_revision_as_object().intro == edited_intro
