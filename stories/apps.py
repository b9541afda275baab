from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Verhalen en kennis"

    def ready(self):
        from django.db.models.signals import pre_save
        from wagtail.signals import page_published, page_unpublished

        from correspondents.models import RegionalNewsPage
        from stories import purging
        from stories.events import EventPage
        from stories.models import PracticeStoryPage

        # Stories and gatherings are listed on theme hubs: the ones their live version had are purged too.
        for model in (PracticeStoryPage, EventPage):
            pre_save.connect(purging.remember_live_links, sender=model)
        for model in (PracticeStoryPage, RegionalNewsPage, EventPage):
            page_published.connect(purging.purge_listings, sender=model)
            page_unpublished.connect(purging.purge_listings, sender=model)
