"""A region's editorial team outlives the region page, and the command repairs every team."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection, GroupPagePermission, Workflow, WorkflowPage

from correspondents.chain.provisioning import CENTRAL_TEAM, CENTRAL_WORKFLOW, CHAIN_WORKFLOW, provision_region
from correspondents.models import RegionPage

pytestmark = pytest.mark.django_db


def test_deleting_a_region_keeps_its_groups_and_says_so(admin_client, region):
    correspondents, editors, collection = provision_region(region)

    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[region.pk]))

    assert response.status_code == 302
    assert not RegionPage.objects.filter(pk=region.pk).exists()
    assert Group.objects.filter(pk__in=[correspondents.pk, editors.pk]).count() == 2
    assert Collection.objects.filter(pk=collection.pk).exists()
    shown = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "‘Correspondenten Utrecht’ en ‘Regioredactie Utrecht’" in shown
    assert "blijven bestaan" in shown


def test_command_repairs_workflows_and_every_regions_team(site_tree, region, other_region):
    provision_region(region)
    Group.objects.filter(name="Regioredactie Utrecht").delete()  # someone removed it by hand

    call_command("provision_editorial_teams", verbosity=0)
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    call_command("provision_editorial_teams", verbosity=0)

    region.refresh_from_db()
    assert region.editors_group.name == "Regioredactie Utrecht"
    assert GroupPagePermission.objects.filter(group=region.editors_group, page=region).count() == 2
    assert RegionPage.objects.get(pk=other_region.pk).correspondents_group.name == "Correspondenten Groningen"
    assert Group.objects.filter(name=CENTRAL_TEAM).exists()
    assert WorkflowPage.objects.get(page=site_tree.regions).workflow.name == CHAIN_WORKFLOW
    assert WorkflowPage.objects.get(page=site_tree.home).workflow.name == CENTRAL_WORKFLOW
    assert [task.name for task in Workflow.objects.get(name=CHAIN_WORKFLOW).tasks] == [
        "Regionale redactie",
        "Centrale redactie",
    ]
    assert (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count()) == counts
