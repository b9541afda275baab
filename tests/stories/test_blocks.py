"""Every story body block shows editors a preview in the block picker, with or without media in the library."""

import pytest
from django.urls import reverse

from stories.models import PracticeStoryPage
from tests import factories

pytestmark = pytest.mark.django_db


def preview(client, block):
    response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("with_media", [False, True], ids=["empty library", "with image and document"])
def test_every_block_has_a_preview_in_the_block_picker(admin_client, with_media):
    if with_media:
        factories.ImageFactory(title="Buurthuis")
        factories.DocumentFactory(title="Verslag")
    body_blocks = PracticeStoryPage._meta.get_field("body").stream_block.child_blocks

    for name, block in body_blocks.items():
        assert block.is_previewable, f"{name} has no preview in the block picker"
        assert block.meta.label and block.meta.icon and block.meta.description, name
        assert f'class="w-block-{name} block-{name}"' in preview(admin_client, block)

    if with_media:
        assert 'alt="Bewoners drinken samen koffie in het buurthuis"' in preview(admin_client, body_blocks["image"])
        assert "Verslag van de buurtavond" in preview(admin_client, body_blocks["document"])
    assert "Hoe het begon" in preview(admin_client, body_blocks["paragraph"])
