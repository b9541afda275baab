"""Stories for the pages of the floor below: a region page (correspondents) shows its newest stories and the
number of stories per municipality through these tags, so the regions floor never imports the stories floor
(docs/architecture.md, "Floors")."""

from django import template
from django.db.models import Count, Q

from correspondents.regions import with_regions
from stories.models import PracticeStoryPage

register = template.Library()


@register.simple_tag
def newest_stories_below(page, limit):
    """The newest live, public stories below ``page``, ready for story cards (regions attached)."""
    return with_regions(PracticeStoryPage.objects.for_listing().descendant_of(page)[:limit])


@register.simple_tag
def municipalities_with_story_counts(region):
    """The region's municipalities by name, each with ``story_count``, its number of live stories."""
    return region.municipalities.annotate(story_count=Count("stories", filter=Q(stories__live=True))).order_by("name")
