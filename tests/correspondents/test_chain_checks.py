"""`manage.py check` warns of a setup in which a page could skip the chain or a story could wait for nobody
(correspondents/chain/checks.py), and Wagtail's default groups are gone (correspondents migration 0004)."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from correspondents.chain.checks import chain_cannot_be_bypassed
from tests import factories

pytestmark = pytest.mark.django_db

default_groups = importlib.import_module("correspondents.migrations.0004_wagtail_default_groups")


def warnings_by_id():
    return {(warning.id, str(warning.obj)) for warning in chain_cannot_be_bypassed(None)}


def test_a_provisioned_site_passes(editorial_teams):
    assert warnings_by_id() == set()
    call_command("check", "--fail-level", "WARNING")  # raises SystemCheckError on any warning


def test_a_group_that_can_publish_delete_in_bulk_or_unlock_is_reported(editorial_teams, site_tree):
    team = Group.objects.get(name="Correspondenten Utrecht")
    for permission_type in ("publish", "bulk_delete", "unlock"):
        GroupPagePermission.objects.create(group=team, page=site_tree.regions, permission_type=permission_type)
    GroupPagePermission.objects.create(group=team, page=site_tree.regions, permission_type="lock")  # harmless

    warnings = chain_cannot_be_bypassed(None)

    assert [w.id for w in warnings] == ["correspondents.W001"] * 3
    assert {w.msg.split("'")[3] for w in warnings} == {"publish_page", "bulk_delete_page", "unlock_page"}


def test_a_region_without_an_active_editor_is_reported(editorial_teams, region):
    editorial_teams.regional_editor.is_active = False
    editorial_teams.regional_editor.save()
    assert warnings_by_id() == set()  # Bas is still there

    editorial_teams.second_regional_editor.groups.clear()

    assert warnings_by_id() == {("correspondents.W002", "Utrecht")}


def test_a_region_outside_the_chain_workflow_is_reported(editorial_teams, region):
    shortcut = Workflow.objects.create(name="Snel", active=True)
    WorkflowPage.objects.create(page=region, workflow=shortcut)

    [warning] = chain_cannot_be_bypassed(None)

    assert (warning.id, str(warning.obj)) == ("correspondents.W003", "Utrecht")
    assert "'Snel'" in warning.msg


def test_wagtails_default_groups_are_gone_after_migrating():
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


def test_a_default_group_with_members_stays_without_its_publish_permission(home):
    root = home.get_parent()
    moderators, editors = Group.objects.create(name="Moderators"), Group.objects.create(name="Editors")
    for permission_type in ("add", "change", "publish", "unlock"):
        GroupPagePermission.objects.create(group=moderators, page=root, permission_type=permission_type)
    factories.UserFactory(groups=[moderators])

    default_groups.remove_wagtail_default_groups(apps, None)

    assert not Group.objects.filter(pk=editors.pk).exists()  # no members: removed
    kept = {grant.permission.codename for grant in GroupPagePermission.objects.filter(group=moderators)}
    assert kept == {"add_page", "change_page"}
