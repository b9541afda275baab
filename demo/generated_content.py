"""Generated practice stories, by the thousand: ``add_generated_stories(count)``.

Used by ``manage.py bench`` and by the query-budget tests, on a site that already has its sections,
regions (with municipalities and correspondents), themes and images: the demo content or the tests'
factories. Every story is live and public, in a region (with one of its municipalities and a
correspondent as author) or in the national story index, about 1-3 themes, with buurtmakers, a short
body (paragraph, dilemma, lessons), a listing image reused from the site's images, a publication date
between 2019 and now, and an entry in the search index.

Stories go in the way fixtures load, not through ``add_child``: tree paths are computed here (treebeard's
own rules), the Page rows are inserted in bulk and each story's own row with a raw save, which the
signal handlers of the search and reference index skip; the search index is then filled in bulk through
the search backend itself: about 2 ms a story on SQLite, where ``add_child`` with its index updates takes
about 40 ms. Not made: revisions, log entries and reference-index rows, which no public page reads.
"""

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.backends import get_search_backends
from wagtail.models import Locale, Page

from correspondents.models import CorrespondentProfile, Municipality, RegionPage
from home.models import BuurtwijsImage
from stories.models import (
    KnowledgePage,
    Partner,
    PracticeStoryPage,
    StoryBuurtmaker,
    StoryIndexPage,
    StoryKnowledgeLink,
    TargetGroup,
    ThemeHubPage,
)

BATCH_SIZE = 250
FIRST_PUBLISHED = datetime(2019, 1, 1, tzinfo=UTC)

ACTIVITIES = [
    "Soep op woensdag",
    "Een moestuin tussen de flats",
    "De buurtkamer blijft open",
    "Taalmaatjes aan de keukentafel",
    "Jongeren bouwen hun eigen hangplek",
    "Repair Café in de oude school",
    "Samen tegen de hoge energierekening",
    "Een buurtbudget dat bewoners zelf verdelen",
    "Wandelen tegen eenzaamheid",
    "Het plein terug van de auto's",
    "Een huiskamer voor mantelzorgers",
    "Portiekgesprekken in de flat",
    "Buurtconciërges op de fiets",
    "De straat speelt weer",
    "Koken met nieuwe buren",
    "Schuldhulp begint met koffie",
    "Een buurtkrant van en voor bewoners",
    "Groene tegels in plaats van grijs",
    "Ouderen en scholieren schrijven elkaar",
    "De buurtbus rijdt op vrijwilligers",
]
OPENINGS = [
    "Het begon met een paar buren die vonden dat het anders moest.",
    "Niemand had verwacht dat er zoveel mensen op af zouden komen.",
    "Na de sluiting van het buurthuis was er geen plek meer om elkaar te zien.",
    "Een opbouwwerker klopte aan bij honderd voordeuren en luisterde.",
    "Op een koude woensdagavond zaten tien bewoners in de kantine van de sportclub.",
    "Bewoners wilden niet langer wachten op plannen van de gemeente.",
]
OUTCOMES = [
    "Twee jaar later draait het volledig op vrijwilligers.",
    "Inmiddels doen er elke week zo'n veertig buurtgenoten mee.",
    "Het liep niet altijd zoals gepland, maar de buurt kent elkaar nu.",
    "De aanpak is overgenomen door drie andere wijken.",
    "Wat bleef, is een netwerk van mensen die elkaar weten te vinden.",
]
DILEMMAS = [
    "Vraag je subsidie aan, of blijf je onafhankelijk?",
    "Betrek je de gemeente al in het begin, of pas als het loopt?",
    "Houd je de groep klein, of zet je de deur wijd open?",
    "Laat je professionals het trekken, of wacht je tot bewoners het oppakken?",
]
WORKED = [
    "Een vaste dag en een vast tijdstip",
    "Persoonlijk uitnodigen, aan de deur",
    "Koffie en iets lekkers als begin",
    "Bewoners die zelf de sleutel hebben",
    "Kleine successen vieren",
]
DID_NOT_WORK = ["Flyers in de bus", "Bijeenkomsten overdag", "Lange vergaderingen", "Een oproep op de website"]
FIRST_NAMES = ["Fatima", "Henk", "Anouk", "Mohamed", "Ingrid", "Jelle", "Priscilla", "Bram", "Sevda", "Kees", "Lotte"]
LAST_NAMES = ["de Vries", "El Amrani", "Jansen", "Yilmaz", "Bakker", "Hoekstra", "Martina", "Visser", "Smit"]
ROLES = ["bewoner", "vrijwilliger", "opbouwwerker", "buurtconciërge", "wijkagent", "mantelzorger"]
ORGANISATIONS = ["", "", "Welzijn in de Wijk", "Bewonersvereniging", "Stichting Buurtkracht"]


@dataclass
class Material:
    """What generated stories are made of: the site's own sections, people, themes and images."""

    story_index: StoryIndexPage
    regions: list
    municipalities: dict  # region pk -> [Municipality]
    authors: dict  # region pk -> [CorrespondentProfile]
    themes: list
    images: list
    knowledge_pages: list
    target_groups: list
    partners: list

    @classmethod
    def from_site(cls):
        story_index = StoryIndexPage.objects.live().first()
        regions = list(RegionPage.objects.live().order_by("path"))
        themes = list(ThemeHubPage.objects.live().order_by("path"))
        if story_index is None or not regions or not themes:
            raise ValueError("Generated stories need a story index, regions and themes: load the demo content first.")
        municipalities, authors = {}, {}
        for municipality in Municipality.objects.order_by("name"):
            municipalities.setdefault(municipality.region_id, []).append(municipality)
        for profile in CorrespondentProfile.objects.filter(role=CorrespondentProfile.Role.CORRESPONDENT):
            authors.setdefault(profile.region_id, []).append(profile)
        images = BuurtwijsImage.objects.order_by("pk")
        scenes = images.filter(people_consent=BuurtwijsImage.PeopleConsent.NO_PEOPLE)  # portraits are no listing images
        return cls(
            story_index=story_index,
            regions=regions,
            municipalities=municipalities,
            authors=authors,
            themes=themes,
            images=list(scenes) or list(images),
            knowledge_pages=list(KnowledgePage.objects.live().order_by("path")),
            target_groups=list(TargetGroup.objects.all()),
            partners=list(Partner.objects.all()),
        )


def add_generated_stories(count, seed=0, progress=None):
    """Add ``count`` live practice stories, in batches; ``progress(done)`` is called after each batch.

    The same seed and the same site give the same stories. Returns the new stories' page ids.
    """
    material = Material.from_site()
    first_number = PracticeStoryPage.objects.count() + 1
    rng = random.Random(f"{seed}-{first_number}")  # noqa: S311 -- made-up content, no secret
    ids = []
    for start in range(0, count, BATCH_SIZE):
        numbers = range(first_number + start, first_number + min(start + BATCH_SIZE, count))
        with transaction.atomic():
            stories = [generated_story(material, rng, number) for number in numbers]
            insert_stories(stories)
            index_for_search([story.pk for story, _ in stories])
        ids += [story.pk for story, _ in stories]
        if progress:
            progress(len(ids))
    return ids


def generated_story(material, rng, number):
    """An unsaved story and its related rows: (story, {"parent", "themes", "buurtmakers", ...})."""
    parent = rng.choice([material.story_index, *material.regions])
    in_region = parent is not material.story_index
    municipalities = (
        material.municipalities.get(parent.pk, [])
        if in_region
        else [m for ms in material.municipalities.values() for m in ms]
    )
    municipality = rng.choice(municipalities) if municipalities else None
    authors = material.authors.get(parent.pk, []) if in_region else []
    author = rng.choice(authors) if authors else None  # national stories are written by the central team
    published_at = FIRST_PUBLISHED + (timezone.now() - FIRST_PUBLISHED) * rng.random()
    activity = rng.choice(ACTIVITIES)
    title = f"{activity} in {municipality.name}" if municipality else activity
    people = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(rng.randint(1, 3))]
    story = PracticeStoryPage(
        title=title,
        slug=f"{slugify(title)}-{number}",
        intro=f"{rng.choice(OPENINGS)} {rng.choice(OUTCOMES)}",
        body=story_body(rng, activity),
        listing_image=rng.choice(material.images) if material.images else None,
        municipality=municipality,
        author=author,
        owner=author.user if author else None,
        first_published_at=published_at,
        last_published_at=published_at,
        latest_revision_created_at=published_at,
        live=True,
        has_unpublished_changes=False,
        period_start=(published_at - timedelta(days=rng.randint(60, 900))).date(),
        consent_given_by=", ".join(people),
        consent_method=rng.choice(PracticeStoryPage.ConsentMethod.values),
        consent_date=(published_at - timedelta(days=14)).date(),
    )
    related = {
        "parent": parent,
        "themes": rng.sample(material.themes, rng.randint(1, min(3, len(material.themes)))),
        "target_groups": rng.sample(material.target_groups, min(rng.randint(1, 2), len(material.target_groups))),
        "partners": rng.sample(material.partners, min(rng.randint(0, 1), len(material.partners))),
        "buurtmakers": [
            StoryBuurtmaker(name=name, role=rng.choice(ROLES), organisation=rng.choice(ORGANISATIONS), sort_order=n)
            for n, name in enumerate(people)
        ],
        "knowledge_links": [
            StoryKnowledgeLink(
                knowledge_page=knowledge_page, relation=rng.choice(StoryKnowledgeLink.Relation.values), sort_order=n
            )
            for n, knowledge_page in enumerate(
                rng.sample(material.knowledge_pages, min(rng.randint(0, 2), len(material.knowledge_pages)))
            )
        ],
    }
    return story, related


def story_body(rng, activity):
    """A short StreamField body: a paragraph, a dilemma and the lessons, as raw block data."""

    def block(block_type, value):
        return {"type": block_type, "value": value, "id": str(uuid.UUID(int=rng.getrandbits(128)))}

    def items(texts):
        return [{"type": "item", "value": text, "id": str(uuid.UUID(int=rng.getrandbits(128)))} for text in texts]

    return [
        block(
            "paragraph",
            f"<h2>Hoe het begon</h2><p>{rng.choice(OPENINGS)} Zo ontstond het idee: {activity.lower()}.</p>"
            f"<p>{rng.choice(OUTCOMES)}</p>",
        ),
        block(
            "dilemma",
            {
                "question": rng.choice(DILEMMAS),
                "considerations": "<p>Geld maakt veel mogelijk, maar bewoners wilden eerst zelf eigenaar zijn.</p>",
                "choice": "<p>We kozen voor de langzame weg, en kregen er een sterkere groep voor terug.</p>",
            },
        ),
        block(
            "lessons",
            {
                "worked": items(rng.sample(WORKED, rng.randint(1, 3))),
                "did_not_work": items(rng.sample(DID_NOT_WORK, rng.randint(1, 2))),
            },
        ),
    ]


def insert_stories(stories):
    """Insert the stories as the last children of their parents, with their themes, people and links.

    ``stories``: (unsaved story, {"parent": page, and optionally "themes", "target_groups", "partners",
    "buurtmakers", "knowledge_links"}) pairs. Nothing is indexed, logged or validated; see index_for_search().
    """
    content_type = ContentType.objects.get_for_model(PracticeStoryPage)
    locale = Locale.get_default()
    by_parent = {}
    for story, related in stories:
        by_parent.setdefault(related["parent"].pk, (related["parent"], []))[1].append(story)
    for parent, children in by_parent.values():
        last_child = parent.get_last_child()
        first_step = last_child._get_lastpos_in_path() + 1 if last_child else 1
        for step, story in enumerate(children, first_step):
            story.path = Page._get_path(parent.path, parent.depth + 1, step)
            story.depth, story.numchild, story.url_path = parent.depth + 1, 0, f"{parent.url_path}{story.slug}/"
            story.draft_title, story.content_type, story.locale = story.title, content_type, locale
            story.translation_key = uuid.uuid4()
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(children))

    page_fields = Page._meta.concrete_fields
    rows = Page.objects.bulk_create(
        [Page(**{field.attname: getattr(story, field.attname) for field in page_fields}) for story, _ in stories]
    )
    for row, (story, _) in zip(rows, stories, strict=True):
        story.id = story.page_ptr_id = row.pk
        story.save_base(raw=True, force_insert=True)

    for field_name in ("themes", "target_groups", "partners"):
        field = PracticeStoryPage._meta.get_field(field_name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        through.objects.bulk_create(
            [
                through(**{source: story.pk, target: item.pk})
                for story, related in stories
                for item in related.get(field_name, ())
            ]
        )
    for model, name in ((StoryBuurtmaker, "buurtmakers"), (StoryKnowledgeLink, "knowledge_links")):
        rows = [row for story, related in stories for row in related.get(name, ())]
        for story, related in stories:
            for row in related.get(name, ()):
                row.story_id = story.pk
        model.objects.bulk_create(rows)


def index_for_search(page_ids):
    """Add the stories to every search backend that Wagtail updates on save, in one go per backend."""
    stories = list(PracticeStoryPage.get_indexed_objects().filter(pk__in=page_ids))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(PracticeStoryPage, stories)
