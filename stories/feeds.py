"""RSS and Atom feeds of the newest practice stories: all of them, per theme and per region.

Every feed costs the same few queries however many stories there are: the stories come from
``PracticeStoryPage.objects.for_listing()`` (themes prefetched, author selected) and the full URLs
from Wagtail's site root paths, which are looked up once per request.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Page

from correspondents.regions import RegionPage
from stories.models import PracticeStoryPage, StoryIndexPage, ThemeHubPage

FEED_SIZE = 20
FEED_TITLE = "Buurtwijs — praktijkverhalen"


@dataclass
class FeedSubject:
    """What a feed is about: every story (``page`` None), or the stories of one theme or region."""

    request: HttpRequest
    page: Page | None = None


class StoryFeed(Feed):
    """The newest live, public stories of the whole site, as RSS 2.0."""

    author_name = "Buurtwijs"

    def get_object(self, request, *args, **kwargs):
        return FeedSubject(request)

    def stories(self, subject):
        return PracticeStoryPage.objects.for_listing()

    def title(self, subject):
        return FEED_TITLE

    def description(self, subject):
        return "De nieuwste verhalen van buurtmakers uit heel Nederland: wat ze deden, wat werkte en wat niet."

    def link(self, subject):
        if subject.page is not None:
            return subject.page.get_full_url(subject.request)
        index = StoryIndexPage.objects.live().public().first()
        return index.get_full_url(subject.request) if index else "/"

    def items(self, subject):
        stories = list(self.stories(subject)[:FEED_SIZE])
        for story in stories:
            # Item methods only receive the item; the request makes the URL absolute without a query per story.
            story.feed_url = story.get_full_url(subject.request)
        return stories

    def item_title(self, story):
        return story.title

    def item_link(self, story):
        return story.feed_url

    def item_description(self, story):
        return story.summary

    def item_pubdate(self, story):
        return story.first_published_at

    def item_updateddate(self, story):
        return story.last_published_at or story.first_published_at

    def item_author_name(self, story):
        return story.author_name

    def item_categories(self, story):
        return sorted(theme.title for theme in story.themes.all() if theme.live)


class ThemeStoryFeed(StoryFeed):
    """The newest stories about one theme, found by the theme hub's slug; an unknown theme is a 404."""

    def get_object(self, request, slug):
        return FeedSubject(request, ThemeHubPage.objects.live().public().get(slug=slug))

    def stories(self, subject):
        return super().stories(subject).filter(themes=subject.page)

    def title(self, subject):
        return f"{FEED_TITLE} over {subject.page.title}"

    def description(self, subject):
        return f"De nieuwste verhalen van buurtmakers over het thema {subject.page.title}."


class RegionStoryFeed(StoryFeed):
    """The newest stories from one region, found by the region page's slug; an unknown region is a 404."""

    def get_object(self, request, slug):
        return FeedSubject(request, RegionPage.objects.live().public().get(slug=slug))

    def stories(self, subject):
        return super().stories(subject).descendant_of(subject.page)

    def title(self, subject):
        return f"{FEED_TITLE} uit regio {subject.page.title}"

    def description(self, subject):
        return f"De nieuwste verhalen van buurtmakers uit de regio {subject.page.title}."


class AtomFeedMixin:
    """The same feed as Atom 1.0: the description becomes the subtitle."""

    feed_type = Atom1Feed

    def subtitle(self, subject):
        return self.description(subject)


class StoryAtomFeed(AtomFeedMixin, StoryFeed):
    pass


class ThemeStoryAtomFeed(AtomFeedMixin, ThemeStoryFeed):
    pass


class RegionStoryAtomFeed(AtomFeedMixin, RegionStoryFeed):
    pass
