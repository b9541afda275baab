"""A region's editorial team: two groups, their page permissions and an image collection, made idempotently."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Revision

from correspondents.chain.provisioning import CENTRAL_TEAM, ensure_central_team, provision_region
from correspondents.models import RegionPage
from stories.models import PracticeStoryPage
from tests import factories
from tests.helpers import assert_refused, post_new_page, story_form_data

pytestmark = pytest.mark.django_db


def page_permissions(group):
    return {(p.page_id, p.permission.codename) for p in GroupPagePermission.objects.filter(group=group)}


def collection_permissions(group):
    return {(p.collection.name, p.permission.codename) for p in GroupCollectionPermission.objects.filter(group=group)}


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Group, GroupPagePermission, GroupCollectionPermission, Collection, Page, Revision)
    } | {"group permissions": Group.permissions.through.objects.count()}


def test_provisioning_creates_the_regions_groups_permissions_and_collection(region):
    correspondents, editors, collection = provision_region(region)

    assert correspondents.name == "Correspondenten Utrecht"
    assert editors.name == "Regioredactie Utrecht"
    assert page_permissions(correspondents) == {(region.pk, "add_page")}
    assert page_permissions(editors) == {(region.pk, "add_page"), (region.pk, "change_page")}
    assert collection.name == "Regio Utrecht"
    assert collection.get_parent() == Collection.get_first_root_node()
    for group in (correspondents, editors):
        assert group.permissions.filter(codename="access_admin").exists()
        assert collection_permissions(group) == {
            ("Regio Utrecht", "add_buurtwijsimage"),
            ("Regio Utrecht", "change_buurtwijsimage"),
            ("Regio Utrecht", "choose_image"),
            ("Root", "choose_image"),
            ("Root", "choose_document"),
        }
    region = RegionPage.objects.get(pk=region.pk)
    assert (region.correspondents_group, region.editors_group, region.collection) == (
        correspondents,
        editors,
        collection,
    )


def test_provisioning_does_not_touch_the_region_page_itself(region):
    before = RegionPage.objects.values("latest_revision_created_at", "last_published_at", "live").get(pk=region.pk)

    provision_region(region)

    assert (
        RegionPage.objects.values("latest_revision_created_at", "last_published_at", "live").get(pk=region.pk) == before
    )
    assert not Revision.objects.filter(object_id=str(region.pk)).exists()


def test_provisioning_twice_changes_nothing(region):
    first = provision_region(region)
    before = counts()

    second = provision_region(RegionPage.objects.get(pk=region.pk))

    assert counts() == before
    assert second == first


def test_renamed_region_renames_its_groups_and_collection(region):
    correspondents, editors, collection = provision_region(region)
    before = counts()
    region = RegionPage.objects.get(pk=region.pk)
    region.title = "Utrecht-Zuid"
    region.save_revision().publish()

    provision_region(RegionPage.objects.get(pk=region.pk))

    assert Group.objects.get(pk=correspondents.pk).name == "Correspondenten Utrecht-Zuid"
    assert Group.objects.get(pk=editors.pk).name == "Regioredactie Utrecht-Zuid"
    assert Collection.objects.get(pk=collection.pk).name == "Regio Utrecht-Zuid"
    assert {k: v for k, v in counts().items() if k != "Revision"} == {
        k: v for k, v in before.items() if k != "Revision"
    }


def test_central_team_is_made_once_and_edits_everywhere_without_publish_permission(home):
    group = ensure_central_team(home)
    before = counts()

    assert ensure_central_team(home) == group
    assert counts() == before
    assert group.name == CENTRAL_TEAM
    # No "publish": with it the team could publish directly and skip the regional step. It publishes by
    # approving the chain's last step (correspondents.chain.publishing).
    assert page_permissions(group) == {
        (home.pk, "add_page"),
        (home.pk, "change_page"),
        (home.pk, "lock_page"),
    }


def test_central_team_loses_a_publish_permission_granted_by_an_older_version(home):
    group = ensure_central_team(home)
    GroupPagePermission.objects.create(group=group, page=home, permission_type="publish")

    ensure_central_team(home)

    assert "publish_page" not in {codename for _, codename in page_permissions(group)}


def test_correspondent_writes_a_draft_in_their_own_region_only(client, region, other_region, theme):
    correspondents, _, _ = provision_region(region)
    provision_region(other_region)
    client.force_login(factories.UserFactory(groups=[correspondents]))

    post_new_page(client, PracticeStoryPage, region, story_form_data(theme))
    refused = post_new_page(client, PracticeStoryPage, other_region, story_form_data(theme, slug="elders"))

    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")
    assert story.get_parent().pk == region.pk
    assert not story.live  # "publish" without publish permission saves a draft
    assert_refused(refused)
    assert not PracticeStoryPage.objects.filter(slug="elders").exists()
