"""The stories app's signal handlers, connected by StoriesConfig.ready(): the purge map (stories/purging.py) for
every page type, with stories and regional news purged precisely, with the pages that list them."""

from correspondents.regions import RegionalNewsPage
from stories import purging
from stories.models import PracticeStoryPage


def connect():
    purging.connect()
    for model in (PracticeStoryPage, RegionalNewsPage):
        purging.connect_listed_page(model)
