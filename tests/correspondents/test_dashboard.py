"""The editors' dashboards (correspondents/chain/dashboard.py), read as each person sees /admin/ after logging in.

Pages enter the chain through the real admin: a correspondent posts the add form with "Indienen", a
regional editor approves through the workflow action view. Only the ordering test moves timestamps.
"""

import pytest
from django.urls import reverse
from wagtail.models import TaskState

from correspondents.chain.provisioning import ensure_workflows, provision_region
from correspondents.models import CorrespondentProfile
from stories.models import PracticeStoryPage
from tests import factories
from tests.helpers import post_new_page, soup, story_form_data

pytestmark = pytest.mark.django_db

CONSENT = {"consent_given_by": "Fatima El Amrani", "consent_method": "written", "consent_date": "2024-05-01"}


@pytest.fixture
def teams(site_tree, region, other_region, central_editor):
    """Both regions with their editorial teams, and the workflows: what provisioning sets up."""
    ensure_workflows(site_tree.home, site_tree.regions)
    return {"Utrecht": provision_region(region), "Groningen": provision_region(other_region)}


def person(region, groups, role=CorrespondentProfile.Role.CORRESPONDENT, name="Joris Verbeek"):
    first_name, last_name = name.split(" ", 1)
    user = factories.UserFactory(groups=groups, first_name=first_name, last_name=last_name)
    factories.CorrespondentProfileFactory(user=user, region=region, role=role, name=name)
    return user


@pytest.fixture
def correspondent(teams, region):
    correspondents, _, _ = teams["Utrecht"]
    return person(region, [correspondents])


@pytest.fixture
def regional_editor(teams, region):
    _, editors, _ = teams["Utrecht"]
    return person(region, [editors], CorrespondentProfile.Role.REGIONAL_EDITOR, "Anouk de Wit")


def write_story(client, parent, theme, title, submit=False):
    """The correspondent logged in to ``client`` saves a new story as a draft, or submits it to the chain."""
    data = story_form_data(theme, title=title, slug=title.lower().replace(" ", "-"), **CONSENT)
    if submit:
        data["action-submit"] = "action-submit"
    response = post_new_page(client, PracticeStoryPage, parent, data, publish=False)
    assert response.status_code == 302, response.content.decode()[:500]
    story = PracticeStoryPage.objects.get(title=title)
    assert story.workflow_in_progress is submit
    return story


def act(client, page, action, comment=""):
    """Press a workflow action (approve, reject) on the page's current task, as the admin's modal posts it."""
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    response = client.post(url, {"comment": comment})
    assert response.status_code in (200, 302)
    assert TaskState.objects.get(pk=task_state.pk).status != TaskState.STATUS_IN_PROGRESS, f"{action} was refused"
    page.refresh_from_db()
    return task_state


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return soup(response)


def panel(page_soup, panel_id):
    """The panel with that id, or None if the dashboard does not show it."""
    return page_soup.find("section", id=f"{panel_id}-section")


def rows(section):
    """Each table row of a panel as the texts of its cells."""
    return [[" ".join(cell.get_text(" ").split()) for cell in row.find_all("td")] for row in section.select("tbody tr")]


def titles(section):
    return [cells[0] for cells in rows(section)] if section else []


def test_correspondent_sees_own_drafts_and_stories_in_the_chain_with_where_they_stand(
    client, correspondent, regional_editor, region, theme, teams
):
    client.force_login(correspondent)
    write_story(client, region, theme, "Soep op woensdag")
    write_story(client, region, theme, "Moestuin aan de Lek", submit=True)
    reworked = write_story(client, region, theme, "Repair Café Overvecht", submit=True)
    approved = write_story(client, region, theme, "Buurtkamer open", submit=True)
    somebody_else = person(region, [teams["Utrecht"][0]], name="Wim Bos")
    client.force_login(somebody_else)
    write_story(client, region, theme, "Niet van Joris")
    client.force_login(regional_editor)
    act(client, reworked, "reject", "Wie zijn de bewoners op de foto? Noem ze met naam.")
    act(client, approved, "approve")
    factories.PracticeStoryPageFactory(parent=region, title="Al gepubliceerd", owner=correspondent)
    reedited = factories.PracticeStoryPageFactory(parent=region, title="Opnieuw bewerkt", owner=correspondent)
    reedited.save_revision(user=correspondent)

    client.force_login(correspondent)
    page_soup = dashboard(client)

    section = panel(page_soup, "buurtwijs-own-pages")
    assert section is not None
    assert section.find("h2").get_text(strip=True) == "Jouw concepten en verhalen in de redactieketen"
    by_title = {cells[0]: cells for cells in rows(section)}
    assert set(by_title) == {
        "Soep op woensdag",
        "Moestuin aan de Lek",
        "Repair Café Overvecht",
        "Buurtkamer open",
        "Opnieuw bewerkt",
    }
    assert by_title["Opnieuw bewerkt"][2] == "Gepubliceerd, met wijzigingen in concept"
    assert by_title["Soep op woensdag"][1:3] == ["Utrecht", "Concept"]
    assert by_title["Moestuin aan de Lek"][2] == "Bij de regioredactie"
    assert by_title["Buurtkamer open"][2] == "Bij de centrale redactie"
    assert by_title["Repair Café Overvecht"][2] == (
        "Wijzigingen gevraagd door Anouk de Wit van de regioredactie "
        "“Wie zijn de bewoners op de foto? Noem ze met naam.”"
    )
    for title, link in ((a.get_text(strip=True), a["href"]) for a in section.select("tbody a")):
        assert link == reverse("wagtailadmin_pages:edit", args=[PracticeStoryPage.objects.get(title=title).pk])
        assert client.get(link).status_code == 200

    new_story = section.find("a", attrs={"data-new-story": True})
    assert " ".join(new_story.get_text().split()) == "Nieuw verhaal"
    assert new_story["href"] == f"/admin/pages/add/stories/practicestorypage/{region.pk}/"
    assert client.get(new_story["href"]).status_code == 200
    # The correspondent reviews nothing, and Wagtail's own list of "your pages in a workflow" is replaced.
    assert panel(page_soup, "buurtwijs-review") is None
    assert panel(page_soup, "buurtwijs-central-review") is None
    assert panel(page_soup, "objects-in-workflow") is None


def test_new_correspondent_gets_the_new_story_button_before_writing_anything(client, correspondent, region):
    client.force_login(correspondent)

    section = panel(dashboard(client), "buurtwijs-own-pages")

    assert "Je hebt geen concepten en geen verhalen in de redactieketen." in section.get_text()
    assert section.find("a", attrs={"data-new-story": True})["href"] == (
        f"/admin/pages/add/stories/practicestorypage/{region.pk}/"
    )


def test_regional_editor_sees_exactly_their_regions_pages_at_the_regional_step(
    client, correspondent, regional_editor, region, other_region, theme, teams
):
    client.force_login(correspondent)
    first = write_story(client, region, theme, "Moestuin aan de Lek", submit=True)
    second = write_story(client, region, theme, "Soep op woensdag", submit=True)
    write_story(client, region, theme, "Nog een concept")
    groningen_correspondents, groningen_editors, _ = teams["Groningen"]
    client.force_login(person(other_region, [groningen_correspondents], name="Wubbo Smit"))
    elsewhere = write_story(client, other_region, theme, "Wadloop met buren", submit=True)
    groningen_editor = person(other_region, [groningen_editors], CorrespondentProfile.Role.REGIONAL_EDITOR, "Lies Dijk")

    client.force_login(regional_editor)
    page_soup = dashboard(client)

    section = panel(page_soup, "buurtwijs-review")
    assert section.find("h2").get_text(strip=True) == "Wacht op jouw beoordeling"
    assert [cells[:3] for cells in rows(section)] == [
        ["Moestuin aan de Lek", "Utrecht", "De regioredactie"],
        ["Soep op woensdag", "Utrecht", "De regioredactie"],
    ]
    assert all(cells[3].startswith("Joris Verbeek ingediend") for cells in rows(section))
    links = {a.get_text(strip=True): a["href"] for a in section.select("tbody a")}
    assert links["Moestuin aan de Lek"] == reverse("wagtailadmin_pages:edit", args=[first.pk])
    assert links["Soep op woensdag"] == reverse("wagtailadmin_pages:edit", args=[second.pk])
    for href in [a["href"] for a in section.select("tbody a")]:
        assert client.get(href).status_code == 200
    # Wagtail's own "Awaiting your review" would list the same tasks again; the central panel is not theirs.
    assert panel(page_soup, "awaiting-review") is None
    assert panel(page_soup, "buurtwijs-central-review") is None

    client.force_login(groningen_editor)
    assert titles(panel(dashboard(client), "buurtwijs-review")) == [elsewhere.title]


def test_editor_whose_only_access_is_the_workflow_reaches_the_page_from_the_dashboard(
    client, correspondent, regional_editor, region, theme, teams
):
    _, editors, _ = teams["Utrecht"]
    editors.page_permissions.filter(permission__codename="change_page").delete()
    client.force_login(correspondent)
    story = write_story(client, region, theme, "Moestuin aan de Lek", submit=True)

    client.force_login(regional_editor)
    section = panel(dashboard(client), "buurtwijs-review")

    links = {a.get_text(strip=True): a["href"] for a in section.select("tbody a")}
    assert links == {
        "Moestuin aan de Lek": reverse("wagtailadmin_pages:edit", args=[story.pk]),
        "Voorbeeld": reverse(
            "wagtailadmin_pages:workflow_preview", args=[story.pk, story.current_workflow_task_state.task_id]
        ),
    }
    assert "change" not in story.permissions_for_user(regional_editor).permissions
    for href in links.values():
        assert client.get(href).status_code == 200


def test_regional_editor_with_nothing_to_review_is_told_so(client, regional_editor):
    client.force_login(regional_editor)

    section = panel(dashboard(client), "buurtwijs-review")

    assert rows(section) == []
    assert "Er wacht niets op jouw beoordeling." in section.get_text()


def test_central_team_sees_the_central_step_oldest_first_with_the_region(
    client, correspondent, regional_editor, region, other_region, theme, teams, central_editor, site_tree
):
    client.force_login(correspondent)
    utrecht = write_story(client, region, theme, "Moestuin aan de Lek", submit=True)
    waiting_regionally = write_story(client, region, theme, "Soep op woensdag", submit=True)
    groningen_correspondents, groningen_editors, _ = teams["Groningen"]
    client.force_login(person(other_region, [groningen_correspondents], name="Wubbo Smit"))
    groningen = write_story(client, other_region, theme, "Wadloop met buren", submit=True)
    colleague = factories.UserFactory(groups=central_editor.groups.all(), first_name="Ria", last_name="Vos")
    client.force_login(colleague)
    national = write_story(client, site_tree.stories, theme, "Buurtrecht in heel Nederland", submit=True)
    client.force_login(regional_editor)
    act(client, utrecht, "approve")
    client.force_login(person(other_region, [groningen_editors], CorrespondentProfile.Role.REGIONAL_EDITOR, "L Dijk"))
    act(client, groningen, "approve")
    # Reaching the central step in this order: Groningen, national, Utrecht (not the order they were made in).
    for days, story in ((3, groningen), (2, national), (1, utrecht)):
        TaskState.objects.filter(pk=story.current_workflow_task_state.pk).update(started_at=factories.days_ago(days))

    client.force_login(central_editor)
    page_soup = dashboard(client)

    section = panel(page_soup, "buurtwijs-central-review")
    assert section.find("h2").get_text(strip=True) == "Wacht op de centrale redactie"
    assert [(cells[0], cells[1]) for cells in rows(section)] == [
        ("Wadloop met buren", "Groningen"),
        ("Buurtrecht in heel Nederland", "landelijk"),
        ("Moestuin aan de Lek", "Utrecht"),
    ]
    submitters = [cells[2].split(" ingediend")[0] for cells in rows(section)]
    assert submitters == ["Wubbo Smit", "Ria Vos", "Joris Verbeek"]
    assert waiting_regionally.title not in section.get_text()
    for href in [a["href"] for a in section.select("tbody a")]:
        assert client.get(href).status_code == 200
    assert panel(page_soup, "buurtwijs-review") is None
    assert panel(page_soup, "awaiting-review") is None


def test_administrator_sees_both_steps_and_no_new_story_button(
    client, admin_user, correspondent, regional_editor, region, theme
):
    client.force_login(correspondent)
    at_central_step = write_story(client, region, theme, "Moestuin aan de Lek", submit=True)
    write_story(client, region, theme, "Soep op woensdag", submit=True)
    client.force_login(regional_editor)
    act(client, at_central_step, "approve")

    client.force_login(admin_user)
    page_soup = dashboard(client)

    assert titles(panel(page_soup, "buurtwijs-review")) == ["Soep op woensdag"]
    assert titles(panel(page_soup, "buurtwijs-central-review")) == ["Moestuin aan de Lek"]
    assert panel(page_soup, "buurtwijs-own-pages") is None  # nothing of their own, no region of their own
