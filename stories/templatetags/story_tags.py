"""Stories for the pages of the floor below: a region page (correspondents) lists its newest stories through this
tag, so the regions floor never imports the stories floor (docs/architecture.md, "Floors")."""

from django import template

from correspondents.regions import with_regions
from stories.models import PracticeStoryPage

register = template.Library()


@register.simple_tag
def newest_stories_below(page, limit):
    """The newest live, public stories below ``page``, ready for story cards (regions attached)."""
    return with_regions(PracticeStoryPage.objects.for_listing().descendant_of(page)[:limit])
