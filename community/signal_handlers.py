"""The community's signal handlers, connected by CommunityConfig.ready(): a story takes its submitted photos along
when it goes, and a "Deel je verhaal" submission keeps in step with its draft story. (Gatherings are purged with
every other page type: stories/purging.py.)"""

from django.db.models.signals import pre_delete
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import post_page_move

from community.submissions import StorySubmission
from correspondents.regions import with_regions
from stories.models import PracticeStoryPage


def connect():
    pre_delete.connect(delete_submitted_photos, sender=PracticeStoryPage)
    post_page_move.connect(follow_moved_drafts)


def delete_submitted_photos(sender, instance, **kwargs):
    """A story that goes takes the photos its submitter uploaded along (the images delete their own files), except
    those an editor has since used elsewhere: Wagtail's reference index knows where each image is used."""
    uploaded = StorySubmission.images.through.objects.filter(storysubmission__page=instance.pk)
    image_ids = [str(pk) for pk in uploaded.values_list("buurtwijsimage_id", flat=True)]
    if not image_ids:
        return
    Image = get_image_model()
    used_elsewhere = (
        ReferenceIndex.objects.filter(
            to_content_type=ReferenceIndex._get_base_content_type(Image), to_object_id__in=image_ids
        )
        .exclude(base_content_type=ReferenceIndex._get_base_content_type(Page), object_id=str(instance.pk))
        .values_list("to_object_id", flat=True)
    )
    Image.objects.filter(pk__in=set(image_ids) - set(used_elsewhere)).delete()


def follow_moved_drafts(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """A story moved to another region is that region's to coach: the submission's region follows the page."""
    if parent_page_before.pk == parent_page_after.pk:
        return
    submissions = list(StorySubmission.objects.filter(page__path__startswith=instance.path).select_related("page"))
    with_regions([submission.page for submission in submissions])
    for submission in submissions:
        region = submission.page._region
        if submission.region_id != (region.pk if region else None):
            StorySubmission.objects.filter(pk=submission.pk).update(region=region)
