from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Verhalen en kennis"

    def ready(self):
        from django.db.models.signals import pre_save
        from wagtail.signals import page_published, page_unpublished

        from correspondents.models import RegionalNewsPage
        from stories import purging
        from stories.models import PracticeStoryPage

        pre_save.connect(purging.remember_live_links, sender=PracticeStoryPage)
        for model in (PracticeStoryPage, RegionalNewsPage):
            page_published.connect(purging.purge_listings, sender=model)
            page_unpublished.connect(purging.purge_listings, sender=model)
