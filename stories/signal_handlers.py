"""The stories app's signal handlers, connected by StoriesConfig.ready(): purge what lists a story or a regional
news item when it is published or unpublished (stories/purging.py)."""

from django.db.models.signals import pre_save
from wagtail.signals import page_published, page_unpublished

from correspondents.regions import RegionalNewsPage
from stories import purging
from stories.models import PracticeStoryPage


def connect():
    # A story is listed on theme hubs: the ones its live version had are purged too.
    pre_save.connect(purging.remember_live_links, sender=PracticeStoryPage)
    for model in (PracticeStoryPage, RegionalNewsPage):
        page_published.connect(purging.purge_listings, sender=model)
        page_unpublished.connect(purging.purge_listings, sender=model)
