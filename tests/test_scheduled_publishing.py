"""A story with a go-live date, approved through the whole editorial chain, waits for its date and then goes live
when `publish_scheduled` runs (cron or a systemd timer, docs/deployment.md).

Time passing is simulated by moving Django's clock (``django.utils.timezone.now``) forward while the real
`publish_scheduled` command runs; nothing in the database is touched by hand.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from correspondents.models import Municipality
from stories.models import PracticeStoryPage
from tests.helpers import CONSENT, approve, get_page, heading, story_form_data, submit_new_page, text

pytestmark = pytest.mark.django_db


def in_the_editor(moment):
    """A date and time as the page editor's "Publicatiedatum" field takes it (local time)."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def reload(page):
    return PracticeStoryPage.objects.get(pk=page.pk)


def public_status(page):
    return Client().get(reload(page).url).status_code


def publish_scheduled_at(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled")


@pytest.fixture
def go_live():
    return (timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)


@pytest.fixture
def scheduled_story(client, editorial_teams, region, theme, go_live):
    """ "Soep op woensdag" with a go-live date in two days: submitted by the correspondent, approved by the
    regional editor and then by the central editor, all through the admin views."""
    client.force_login(editorial_teams.correspondent)
    data = story_form_data(
        theme,
        municipality=str(Municipality.objects.get(name="Nieuwegein").pk),
        go_live_at=in_the_editor(go_live),
        **CONSENT,
    )
    response = submit_new_page(client, PracticeStoryPage, region, data)
    assert response.status_code == 302, f"the add view answered {response.status_code}"
    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")
    for approver in (editorial_teams.regional_editor, editorial_teams.central_editor):
        client.force_login(approver)
        approve(client, story)
    return reload(story)


def test_an_approved_story_with_a_go_live_date_waits_for_it(scheduled_story, go_live):
    story = scheduled_story

    assert not story.live and public_status(story) == 404
    assert story.current_workflow_state is None, "the chain is finished"
    assert story.status_string == "gepland"
    assert story.scheduled_revision.approved_go_live_at == go_live

    publish_scheduled_at(go_live - timedelta(minutes=1))

    assert not reload(story).live and public_status(story) == 404
    # The same command after the date publishes it.
    publish_scheduled_at(go_live + timedelta(minutes=1))
    assert heading(get_page(Client(), reload(story))) == "Soep op woensdag"


def test_a_scheduled_story_goes_live_when_publish_scheduled_runs_after_the_date(
    scheduled_story, go_live, editorial_teams
):
    publish_scheduled_at(go_live + timedelta(minutes=1))

    story = reload(scheduled_story)
    assert story.live and story.status_string == "live"
    assert story.live_revision.user == editorial_teams.correspondent
    assert story.scheduled_revision is None
    response = get_page(Client(), story)
    assert heading(response) == "Soep op woensdag"
    assert "Hoe een pan soep de buurt weer bij elkaar bracht." in text(response)
