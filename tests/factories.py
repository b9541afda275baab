"""One factory per page, snippet and orderable type, with Dutch content that looks like the real thing.

Pages need a parent: ``PracticeStoryPageFactory(parent=story_index)``. Clusterable relations go in as
lists: ``themes=[theme]``, ``buurtmakers=[StoryBuurtmaker(name="Fatima")]``. Stories get a StreamField
body with a paragraph and a pull quote; ``**full_story_body()`` gives one block of every StoryBodyBlock type.
"""

import datetime
from dataclasses import dataclass

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Site
from wagtail.rich_text import RichText

from community.events import EventIndexPage, EventPage
from core import blocks
from correspondents.chain.provisioning import ensure_central_team, ensure_workflows, provision_region
from correspondents.models import (
    CorrespondentProfile,
    Municipality,
    RegionalNewsPage,
    RegionIndexPage,
    RegionPage,
)
from home.models import BuurtwijsImage, HomeFeaturedTheme, HomePage
from stories.models import (
    KennispleinPage,
    KnowledgeIndexPage,
    KnowledgePage,
    Partner,
    PracticeStoryPage,
    StoryBuurtmaker,
    StoryIndexPage,
    StoryKnowledgeLink,
    TargetGroup,
    ThemeCuratedPick,
    ThemeHubPage,
    ThemeIndexPage,
)

# Media -------------------------------------------------------------------------------------------


def root_collection():
    return Collection.get_first_root_node()


class ImageFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Buurtfoto {n}")
    file = factory.django.ImageField(width=64, height=48, color="green")
    collection = factory.LazyFunction(root_collection)
    photographer = "Sanne de Vries"
    people_consent = BuurtwijsImage.PeopleConsent.NO_PEOPLE

    class Meta:
        model = BuurtwijsImage


class DocumentFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Werkblad {n}")
    file = factory.django.FileField(filename="werkblad.pdf", data=b"%PDF-1.4 buurtwijs")
    collection = factory.LazyFunction(root_collection)

    class Meta:
        model = get_document_model()


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Janssen{n}")
    password = factory.django.Password("wachtwoord")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


# Blocks ------------------------------------------------------------------------------------------


class RichTextBlockFactory(wagtail_factories.blocks.BlockFactory):
    value = "<p>Bewoners besloten het zelf te doen.</p>"

    class Meta:
        model = blocks.ParagraphBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return RichText(kwargs["value"])


class ParagraphBlockFactory(RichTextBlockFactory):
    value = "<h2>Hoe het begon</h2><p>Op een koude woensdagavond zaten tien bewoners in het buurthuis.</p>"


class PullQuoteBlockFactory(wagtail_factories.StructBlockFactory):
    quote = "We wachtten niet op de gemeente. We begonnen gewoon met koffie."
    attribution = "Henk, buurtmaker"

    class Meta:
        model = blocks.PullQuoteBlock


class ImageChooserBlockFactory(wagtail_factories.ImageChooserBlockFactory):
    image = factory.SubFactory(ImageFactory)


class ImageBlockFactory(wagtail_factories.StructBlockFactory):
    image = factory.SubFactory(ImageChooserBlockFactory)
    alt_text = "Bewoners drinken koffie aan een lange tafel"
    caption = "De eerste koffieochtend"
    credit = ""

    class Meta:
        model = blocks.ImageBlock


class VideoBlockFactory(wagtail_factories.StructBlockFactory):
    url = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    title = "Een wandeling door de wijk"
    caption = ""

    class Meta:
        model = blocks.VideoBlock


class KeyFactBlockFactory(wagtail_factories.StructBlockFactory):
    label = "Deelnemers"
    value = "ongeveer 40 bewoners"

    class Meta:
        model = blocks.KeyFactBlock


class KeyFactsBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Kerngegevens"
    facts = wagtail_factories.ListBlockFactory(KeyFactBlockFactory)

    class Meta:
        model = blocks.KeyFactsBlock


class CallToActionBlockFactory(wagtail_factories.StructBlockFactory):
    title = "Zelf aan de slag?"
    text = "Lees hoe andere buurten begonnen."
    button_label = "Bekijk de methode"
    page = None
    url = "https://www.example.org/methode"

    class Meta:
        model = blocks.CallToActionBlock


class DocumentChooserBlockFactory(wagtail_factories.DocumentChooserBlockFactory):
    document = factory.SubFactory(DocumentFactory)


class DocumentBlockFactory(wagtail_factories.StructBlockFactory):
    document = factory.SubFactory(DocumentChooserBlockFactory)
    title = "Verslag van de eerste bijeenkomst"
    description = ""

    class Meta:
        model = blocks.DocumentBlock


class DilemmaBlockFactory(wagtail_factories.StructBlockFactory):
    question = "Betrek je de gemeente al in het begin, of pas als het loopt?"
    considerations = factory.SubFactory(RichTextBlockFactory, value="<p>Geld maakt veel mogelijk.</p>")
    choice = factory.SubFactory(RichTextBlockFactory, value="<p>We wachtten een half jaar.</p>")

    class Meta:
        model = blocks.DilemmaBlock


class LessonsBlockFactory(wagtail_factories.StructBlockFactory):
    worked = wagtail_factories.ListBlockFactory(wagtail_factories.CharBlockFactory)
    did_not_work = wagtail_factories.ListBlockFactory(wagtail_factories.CharBlockFactory)

    class Meta:
        model = blocks.LessonsBlock


class ArticleBodyBlockFactory(wagtail_factories.StreamBlockFactory):
    paragraph = factory.SubFactory(ParagraphBlockFactory)
    pull_quote = factory.SubFactory(PullQuoteBlockFactory)
    image = factory.SubFactory(ImageBlockFactory)
    video = factory.SubFactory(VideoBlockFactory)
    key_facts = factory.SubFactory(KeyFactsBlockFactory)
    call_to_action = factory.SubFactory(CallToActionBlockFactory)
    document = factory.SubFactory(DocumentBlockFactory)

    class Meta:
        model = blocks.ArticleBodyBlock


class StoryBodyBlockFactory(ArticleBodyBlockFactory):
    dilemma = factory.SubFactory(DilemmaBlockFactory)
    lessons = factory.SubFactory(LessonsBlockFactory)

    class Meta:
        model = blocks.StoryBodyBlock


class SourceBlockFactory(wagtail_factories.StructBlockFactory):
    citation = "Putnam, R. (2000). Bowling Alone. New York: Simon & Schuster."
    url = ""

    class Meta:
        model = blocks.SourceBlock


class SourcesBlockFactory(wagtail_factories.StreamBlockFactory):
    source = factory.SubFactory(SourceBlockFactory)

    class Meta:
        model = blocks.SourcesBlock


def story_body(*block_names):
    """Keyword arguments for a story body with one default block of each named type, in order."""
    return {f"body__{index}": name for index, name in enumerate(block_names)}


def full_story_body():
    """Keyword arguments for a story body that uses every StoryBodyBlock type once."""
    names = list(blocks.StoryBodyBlock.base_blocks)
    key_facts, lessons = names.index("key_facts"), names.index("lessons")
    return {
        **story_body(*names),
        f"body__{key_facts}__key_facts__facts__0__label": "Looptijd",
        f"body__{key_facts}__key_facts__facts__0__value": "sinds 2022",
        f"body__{lessons}__lessons__worked__0": "Koffie en soep als vaste start",
        f"body__{lessons}__lessons__did_not_work__0": "Flyers in de bus",
    }


# Pages -------------------------------------------------------------------------------------------


class BasePageFactory(wagtail_factories.PageFactory):
    """Live pages that look published: listings sort on first_published_at."""

    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        abstract = True


class HomePageFactory(BasePageFactory):
    title = "Buurtwijs"
    slug = "buurtwijs"
    intro = "<p>Verhalen van buurtmakers uit heel Nederland.</p>"

    class Meta:
        model = HomePage


class StoryIndexPageFactory(BasePageFactory):
    title = "Praktijkverhalen"
    intro = "<p>Alle verhalen uit de praktijk.</p>"

    class Meta:
        model = StoryIndexPage


class ThemeIndexPageFactory(BasePageFactory):
    title = "Thema's"
    slug = "themas"
    intro = "<p>Verhalen geordend naar thema.</p>"

    class Meta:
        model = ThemeIndexPage


class ThemeHubPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Thema {n}")
    intro = "<p>Wat we weten over dit thema, volgens de redactie.</p>"

    class Meta:
        model = ThemeHubPage


class KennispleinPageFactory(BasePageFactory):
    title = "Kennisplein"
    slug = "kennisplein"
    intro = "<p>Alles wat Buurtwijs weet, op één plek.</p>"

    class Meta:
        model = KennispleinPage


class KnowledgeIndexPageFactory(BasePageFactory):
    title = "Kennis"
    intro = "<p>Onderzoek, theorie en geschiedenis van buurtwerk.</p>"

    class Meta:
        model = KnowledgeIndexPage


class KnowledgePageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Kennispagina {n}")
    kind = KnowledgePage.Kind.METHOD
    intro = "Een methode om bewoners zelf eigenaar te laten zijn van hun buurt."
    body = wagtail_factories.StreamFieldFactory(ArticleBodyBlockFactory)
    author_name = "Lies van den Berg"
    sources = wagtail_factories.StreamFieldFactory(SourcesBlockFactory)
    body__0 = "paragraph"
    sources__0 = "source"

    class Meta:
        model = KnowledgePage


class RegionIndexPageFactory(BasePageFactory):
    title = "Regio's"
    slug = "regios"
    intro = "<p>Correspondenten in het hele land.</p>"

    class Meta:
        model = RegionIndexPage


class RegionPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Regio {n}")
    intro = "<p>De redactie van deze regio bericht over wat er in de buurten gebeurt.</p>"

    class Meta:
        model = RegionPage


class PracticeStoryPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Praktijkverhaal {n}")
    intro = "Hoe bewoners met koffie en soep hun buurt weer leerden kennen."
    body = wagtail_factories.StreamFieldFactory(StoryBodyBlockFactory)
    body__0 = "paragraph"
    body__1 = "pull_quote"

    class Meta:
        model = PracticeStoryPage


class RegionalNewsPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Nieuws uit de regio {n}")
    intro = "De buurtkamer is verhuisd naar de oude bibliotheek."
    body = wagtail_factories.StreamFieldFactory(ArticleBodyBlockFactory)
    body__0 = "paragraph"

    class Meta:
        model = RegionalNewsPage


# Snippets, profiles and orderables ---------------------------------------------------------------


class TargetGroupFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"doelgroep {n}")

    class Meta:
        model = TargetGroup


class PartnerFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Welzijnsorganisatie {n}")
    url = "https://www.example.org/"
    description = "Ondersteunt bewonersinitiatieven."

    class Meta:
        model = Partner


class MunicipalityFactory(DjangoModelFactory):
    """Needs a region: ``MunicipalityFactory(region=region)``."""

    name = factory.Sequence(lambda n: f"Gemeente {n}")

    class Meta:
        model = Municipality


class CorrespondentProfileFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Correspondent {n}")
    bio = "Schrijft over bewonersinitiatieven in de regio."
    role = CorrespondentProfile.Role.CORRESPONDENT

    class Meta:
        model = CorrespondentProfile


class StoryBuurtmakerFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Buurtmaker {n}")
    role = "bewoner"
    organisation = ""

    class Meta:
        model = StoryBuurtmaker


class StoryKnowledgeLinkFactory(DjangoModelFactory):
    relation = StoryKnowledgeLink.Relation.APPLIES_METHOD

    class Meta:
        model = StoryKnowledgeLink


class ThemeCuratedPickFactory(DjangoModelFactory):
    class Meta:
        model = ThemeCuratedPick


class HomeFeaturedThemeFactory(DjangoModelFactory):
    class Meta:
        model = HomeFeaturedTheme


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


# The site tree ------------------------------------------------------------------------------------


@dataclass
class SiteTree:
    home: HomePage
    stories: StoryIndexPage
    themes: ThemeIndexPage
    knowledge: KnowledgeIndexPage
    regions: RegionIndexPage


def create_home():
    """A HomePage as the root of the default Site, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    welcome_pages = list(root.get_children())
    home = HomePageFactory(parent=root)
    Site.objects.filter(is_default_site=True).update(root_page=home)
    for page in welcome_pages:
        page.delete()
    return home


def create_site_tree(home=None):
    """The home page and the sections under it, as in "The page tree" of docs/architecture.md."""
    home = home or create_home()
    return SiteTree(
        home=home,
        stories=StoryIndexPageFactory(parent=home),
        themes=ThemeIndexPageFactory(parent=home),
        knowledge=KnowledgeIndexPageFactory(parent=home),
        regions=RegionIndexPageFactory(parent=home),
    )


# The editorial teams ------------------------------------------------------------------------------

User = get_user_model()


@dataclass
class EditorialTeams:
    """Utrecht's and Groningen's teams, two central editors and an administrator, the workflows in place."""

    correspondent: User  # of Utrecht
    colleague: User  # a second correspondent of Utrecht
    regional_editor: User  # of Utrecht
    second_regional_editor: User  # of Utrecht
    other_correspondent: User  # of Groningen
    other_regional_editor: User  # of Groningen
    central_editor: User
    second_central_editor: User
    admin: User


def create_editorial_teams(site_tree, region, other_region):
    """Provision both regions and the workflows as the provisioning command does, and one person per role."""
    correspondents, editors, _ = provision_region(region)
    other_correspondents, other_editors, _ = provision_region(other_region)
    ensure_workflows(site_tree.home, site_tree.regions)
    central = ensure_central_team(site_tree.home)
    return EditorialTeams(
        correspondent=UserFactory(first_name="Joris", last_name="Verbeek", groups=[correspondents]),
        colleague=UserFactory(first_name="Eva", last_name="Bakker", groups=[correspondents]),
        regional_editor=UserFactory(first_name="Anouk", last_name="de Wit", groups=[editors]),
        second_regional_editor=UserFactory(first_name="Bas", last_name="Kok", groups=[editors]),
        other_correspondent=UserFactory(first_name="Jelle", last_name="Dijkstra", groups=[other_correspondents]),
        other_regional_editor=UserFactory(first_name="Wubbo", last_name="Smit", groups=[other_editors]),
        central_editor=UserFactory(first_name="Lies", last_name="van den Berg", groups=[central]),
        second_central_editor=UserFactory(first_name="Mark", last_name="Visser", groups=[central]),
        admin=UserFactory(first_name="Beheer", last_name="Buurtwijs", is_superuser=True, is_staff=True),
    )


# Bijeenkomsten (community/events.py) ----------------------------------------------------------------


class EventIndexPageFactory(BasePageFactory):
    title = "Bijeenkomsten"
    slug = "bijeenkomsten"
    intro = "<p>Praat mee over wat werkt in de buurt.</p>"

    class Meta:
        model = EventIndexPage


class EventPageFactory(BasePageFactory):
    """Needs a parent EventIndexPage; by default a gathering in a week, 19.30–21.30, in a community centre."""

    title = factory.Sequence(lambda n: f"Buurtavond {n}")
    intro = "Een avond over wat werkt in de buurt, met buurtmakers uit het hele land."
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    venue = "Buurthuis De Boog"
    address = "Boogstraat 1, Utrecht"

    class Meta:
        model = EventPage


# Deel je verhaal (community/submissions.py) ---------------------------------------------------------


class StorySubmissionPageFactory(BasePageFactory):
    title = "Deel je verhaal"
    slug = "deel-je-verhaal"
    intro = "<p>Vertel andere buurtmakers wat jij deed, wat werkte en wat niet.</p>"

    class Meta:
        model = "stories.StorySubmissionPage"
