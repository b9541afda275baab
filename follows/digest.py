"""What a digest holds, and how it reads.

``Candidates`` loads, once per batch, everything published in the edition's window that a digest may show (new
stories, knowledge pages, regional news, gatherings) with what matching needs (themes, region, municipality): a
fixed number of queries however many subscribers the batch has. ``digest_items`` then picks, in Python, what one
subscriber follows and what is new since their last digest; each item once, however many follows match it.
``build_message`` makes the mail (plain text and HTML, ``lang="nl"``, no images: it reads the same without them).
Every link carries only the edition (``?bron=nieuwsbrief-<nummer>``): no per-person tracking.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlsplit

from community.events import EventPage
from core.mail import html_message
from correspondents.regions import Municipality, RegionalNewsPage, region_pages
from follows.models import Follow
from follows.subscriptions import preferences_url, unsubscribe_url
from stories.models import KnowledgePage, PracticeStoryPage

# The sections of a digest, in order: (kind, heading).
SECTIONS = [
    ("story", "Nieuwe praktijkverhalen"),
    ("knowledge", "Nieuwe kennis"),
    ("news", "Nieuws uit de regio"),
    ("event", "Bijeenkomsten"),
]
MODELS = {"story": PracticeStoryPage, "knowledge": KnowledgePage, "news": RegionalNewsPage, "event": EventPage}
# A digest reaches back at most this far (a monthly reader, or one back from a pause).
LONGEST_WINDOW = timedelta(days=35)
ELSEWHERE_WINDOW = timedelta(days=7)


@dataclass
class Item:
    kind: str
    pk: int
    title: str
    url: str
    intro: str
    published_at: object
    theme_ids: frozenset = field(default_factory=frozenset)
    region_id: int | None = None
    region_title: str = ""
    municipality_id: int | None = None


def window_start(subscriber, cutoff):
    """Since when a subscriber's digest shows news: their last digest, at most LONGEST_WINDOW back; a first digest
    shows the week before."""
    start = subscriber.last_digest_at or (cutoff - ELSEWHERE_WINDOW)
    return max(start, cutoff - LONGEST_WINDOW)


class Candidates:
    """Every item published in (``since``, ``until``]: one query per kind, one per kind for the themes, one for the
    regions and one for the municipalities."""

    def __init__(self, since, until, source_tag):
        self.until = until
        regions = list(region_pages())
        region_titles = {region.pk: region.title for region in regions}
        municipality_regions = dict(Municipality.objects.values_list("pk", "region_id"))
        self.items = []
        for kind, model in MODELS.items():
            pages = list(
                model.objects.live()
                .public()
                .filter(first_published_at__gt=since, first_published_at__lte=until)
                .defer_streamfields()
                .order_by("-first_published_at", "-pk")
            )
            themes = {}
            if any(field.name == "themes" for field in model._meta.get_fields()):
                relation = model._meta.get_field("themes")
                through = relation.remote_field.through.objects.filter(
                    **{f"{relation.m2m_field_name()}__in": [page.pk for page in pages]}
                )
                for page_id, theme_id in through.values_list(
                    f"{relation.m2m_field_name()}_id", f"{relation.m2m_reverse_field_name()}_id"
                ):
                    themes.setdefault(page_id, set()).add(theme_id)
            for page in pages:
                region = next((r for r in regions if page.path.startswith(r.path)), None)
                municipality_id = getattr(page, "municipality_id", None)
                region_id = region.pk if region else municipality_regions.get(municipality_id)
                self.items.append(
                    Item(
                        kind=kind,
                        pk=page.pk,
                        title=page.title,
                        url=tagged(page.get_full_url(), source_tag),
                        intro=getattr(page, "intro", "") or "",
                        published_at=page.first_published_at,
                        theme_ids=frozenset(themes.get(page.pk, ())),
                        region_id=region_id,
                        region_title=region_titles.get(region_id, ""),
                        municipality_id=municipality_id,
                    )
                )

    def for_subscriber(self, follows, since):
        """(the items they follow that are new since ``since``, newest first; one story from elsewhere or None)."""
        keys = {follow.key for follow in follows}
        everything = Follow.EVERYTHING in keys
        themes = {follow.theme_id for follow in follows if follow.theme_id}
        regions = {follow.region_id for follow in follows if follow.region_id}
        municipalities = {follow.municipality_id for follow in follows if follow.municipality_id}
        chosen = [
            item
            for item in self.items
            if item.published_at > since
            and (
                everything
                or item.theme_ids & themes
                or item.region_id in regions
                or (item.municipality_id and item.municipality_id in municipalities)
            )
        ]
        if not chosen or everything:
            return chosen, None
        # "Elders in het land": a recent story from a region they do not follow.
        near = regions | {item.region_id for item in chosen if item.municipality_id in municipalities}
        chosen_ids = {item.pk for item in chosen}
        elsewhere = next(
            (
                item
                for item in self.items
                if item.kind == "story"
                and item.region_id
                and item.region_id not in near
                and item.pk not in chosen_ids
                and item.published_at > self.until - ELSEWHERE_WINDOW
            ),
            None,
        )
        return chosen, elsewhere


def tagged(url, source_tag):
    return f"{url}{'&' if urlsplit(url).query else '?'}bron={source_tag}"


def sections(items):
    return [
        {"heading": heading, "items": [item for item in items if item.kind == kind]}
        for kind, heading in SECTIONS
        if any(item.kind == kind for item in items)
    ]


def edition_context(edition):
    """What every digest of the edition shares: the intro and the story of the week (live only)."""
    story = edition.story_of_the_week
    if story is not None and not (story.live and PracticeStoryPage.objects.filter(pk=story.pk).public().exists()):
        story = None
    return {
        "edition": edition,
        "story_of_the_week": story,
        "story_of_the_week_url": tagged(story.get_full_url(), edition.source_tag) if story else "",
    }


def digest_context(shared, items, elsewhere, follow_labels, preferences, unsubscribe):
    return {
        **shared,
        "sections": sections(items),
        "elsewhere": elsewhere,
        "item_count": len(items),
        "follows": sorted(follow_labels),
        "preferences_url": preferences,
        "unsubscribe_url": unsubscribe,
    }


def build_message(edition, to, context, message_key, domain):
    """The digest mail: plain text and HTML, with RFC 8058 one-click unsubscribe."""
    headers = {
        "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"Buurtwijs deze week <nieuwsbrief.{domain}>",
        # One Message-ID per edition and subscriber: a receiving server can recognise a resend.
        "Message-ID": f"<nieuwsbrief-{edition.number}.{message_key}@{domain}>",
    }
    return html_message("follows/mail/digest.txt", "follows/mail/digest.html", edition.title, [to], context, headers)


def subscriber_message(edition, subscriber, candidates, shared, domain):
    """(the digest for one subscriber, number of items); (None, 0) when nothing is new for them: no empty digests.
    ``subscriber.follows`` must be prefetched (confirmed follows only)."""
    follows = list(subscriber.follows.all())
    items, elsewhere = candidates.for_subscriber(follows, window_start(subscriber, candidates.until))
    if not items:
        return None, 0
    context = digest_context(
        shared,
        items,
        elsewhere,
        [follow.label for follow in follows],
        preferences_url(subscriber),
        unsubscribe_url(subscriber),
    )
    return build_message(edition, subscriber.email, context, subscriber.pk, domain), len(items)
