"""StreamField blocks for stories, knowledge pages, regional news, gatherings and information pages.

Every block has a Dutch label, an icon, its own template and a preview value, so editors see in
the block picker what a block will look like before they add it.
"""

import re

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


def first_image():
    """An existing image for the block picker's previews (None on an empty site)."""
    from wagtail.images import get_image_model

    return get_image_model().objects.order_by("pk").first()


def first_document():
    """An existing document for the block picker's previews (None on an empty site)."""
    from wagtail.documents import get_document_model

    return get_document_model().objects.order_by("pk").first()


PARAGRAPH_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        label = "Alinea"
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        description = "Lopende tekst met tussenkoppen (h2 tot en met h4), lijsten en links."
        preview_value = (
            "<h2>Hoe het begon</h2><p>Op een koude woensdagavond zaten tien bewoners in het "
            "buurthuis. Niemand wist precies waarom ze er waren, maar iedereen bleef.</p>"
        )


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Citaat", help_text="De uitspraak zelf, zonder aanhalingstekens.")
    attribution = blocks.CharBlock(
        label="Van wie", required=False, max_length=200, help_text="Naam en rol, bijvoorbeeld 'Fatima, bewoner'."
    )

    class Meta:
        label = "Citaat"
        icon = "openquote"
        template = "blocks/pull_quote.html"
        description = "Een uitspraak die je wilt laten opvallen, met wie het zei."
        preview_value = {
            "quote": "We wachtten niet op de gemeente. We begonnen gewoon met koffie.",
            "attribution": "Henk, buurtmaker in Overvecht",
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Afbeelding")
    alt_text = blocks.CharBlock(
        label="Alternatieve tekst",
        max_length=250,
        help_text="Beschrijf wat er op de foto te zien is, voor wie hem niet kan zien.",
    )
    caption = blocks.CharBlock(label="Bijschrift", required=False, max_length=250)
    credit = blocks.CharBlock(
        label="Fotograaf",
        required=False,
        max_length=120,
        help_text="Laat leeg om de fotograaf uit de beeldbank te tonen.",
    )

    def get_preview_value(self):
        # The block picker's preview needs a real image: use the first one in the library.
        return self.normalize(
            {
                "image": first_image(),
                "alt_text": "Bewoners drinken samen koffie in het buurthuis",
                "caption": "Elke woensdag koffie in het buurthuis.",
                "credit": "",
            }
        )

    class Meta:
        label = "Afbeelding"
        icon = "image"
        template = "blocks/image.html"
        description = "Een foto met alternatieve tekst, bijschrift en fotograaf."


VIDEO_PATTERNS = [
    (
        re.compile(r"(?:youtube\.com/watch\?(?:.*&)?v=|youtu\.be/|youtube\.com/embed/)([\w-]{11})"),
        "https://www.youtube-nocookie.com/embed/{}",
    ),
    (re.compile(r"vimeo\.com/(?:video/)?(\d+)"), "https://player.vimeo.com/video/{}?dnt=1"),
]


def video_embed_url(url):
    """The privacy-friendly player address for a YouTube or Vimeo link, or None."""
    for pattern, embed in VIDEO_PATTERNS:
        match = pattern.search(url or "")
        if match:
            return embed.format(match.group(1))
    return None


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video, embedded without tracking cookies.

    The player address is derived from the link, so rendering never calls out to an oEmbed service.
    """

    url = blocks.URLBlock(label="Link naar de video", help_text="Een link naar YouTube of Vimeo.")
    title = blocks.CharBlock(label="Titel van de video", max_length=200, help_text="Voor schermlezers.")
    caption = blocks.CharBlock(label="Bijschrift", required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not video_embed_url(value["url"]):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError("Gebruik een link naar een video op YouTube of Vimeo.")}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = video_embed_url(value["url"])
        return context

    class Meta:
        label = "Video"
        icon = "media"
        template = "blocks/video.html"
        description = "Een video van YouTube of Vimeo, ingesloten zonder volgcookies."
        preview_value = {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "Voorbeeldvideo",
            "caption": "Zo ziet een ingesloten video eruit.",
        }


class DilemmaBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Het dilemma", max_length=300, help_text="Als vraag geformuleerd.")
    considerations = blocks.RichTextBlock(
        label="Afwegingen", features=["bold", "italic", "ol", "ul", "link"], help_text="Wat sprak ervoor, wat ertegen?"
    )
    choice = blocks.RichTextBlock(label="Wat we kozen", features=["bold", "italic", "ol", "ul", "link"], required=False)

    class Meta:
        label = "Dilemma"
        icon = "help"
        template = "blocks/dilemma.html"
        description = "Een lastige keuze: de vraag, de afwegingen en wat er gekozen is."
        preview_value = {
            "question": "Betrek je de gemeente al in het begin, of pas als het loopt?",
            "considerations": "<p>Geld maakt veel mogelijk, maar bewoners wilden eerst zelf eigenaar zijn.</p>",
            "choice": "<p>We wachtten een half jaar en kwamen toen met resultaten.</p>",
        }


class LessonsBlock(blocks.StructBlock):
    worked = blocks.ListBlock(blocks.CharBlock(label="Punt", max_length=300), label="Wat werkte")
    did_not_work = blocks.ListBlock(blocks.CharBlock(label="Punt", max_length=300), label="Wat werkte niet")

    class Meta:
        label = "Wat werkte / wat werkte niet"
        icon = "list-ul"
        template = "blocks/lessons.html"
        description = "Twee lijstjes: wat werkte en wat niet."
        preview_value = {
            "worked": ["Koffie en soep als vaste start", "Bewoners die elkaar uitnodigen"],
            "did_not_work": ["Flyers in de bus", "Bijeenkomsten overdag"],
        }


class KeyFactBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="Wat", max_length=80)
    value = blocks.CharBlock(label="Waarde", max_length=200)

    class Meta:
        label = "Feit"
        icon = "tick"


class KeyFactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Kop", max_length=80, default="Kerngegevens")
    facts = blocks.ListBlock(KeyFactBlock(), label="Feiten", min_num=1)

    class Meta:
        label = "Kerngegevens"
        icon = "table"
        template = "blocks/key_facts.html"
        description = "Een overzicht van de belangrijkste feiten in het kort."
        preview_value = {
            "heading": "Kerngegevens",
            "facts": [
                {"label": "Deelnemers", "value": "ongeveer 40 bewoners"},
                {"label": "Looptijd", "value": "sinds 2022"},
            ],
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Kop", max_length=120)
    text = blocks.TextBlock(label="Tekst", required=False)
    button_label = blocks.CharBlock(label="Tekst op de knop", max_length=60)
    page = blocks.PageChooserBlock(label="Pagina op Buurtwijs", required=False)
    url = blocks.URLBlock(label="Of een link elders", required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value["page"]) == bool(value["url"]):
            message = ValidationError("Kies een pagina op Buurtwijs of vul een link in, niet allebei.")
            raise StructBlockValidationError(block_errors={"page": message, "url": message})
        return value

    class Meta:
        label = "Oproep"
        icon = "link"
        template = "blocks/call_to_action.html"
        description = "Een opvallende oproep met een knop naar een pagina of website."
        preview_value = {
            "title": "Zelf aan de slag?",
            "text": "Lees hoe andere buurten begonnen.",
            "button_label": "Bekijk de methode",
            "url": "https://www.buurtwijs.nl/",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    title = blocks.CharBlock(
        label="Titel", required=False, max_length=200, help_text="Laat leeg voor de documenttitel."
    )
    description = blocks.TextBlock(label="Omschrijving", required=False)

    def get_preview_value(self):
        # The block picker's preview needs a real document: use the first one in the library.
        return self.normalize(
            {
                "document": first_document(),
                "title": "Verslag van de buurtavond",
                "description": "Wat bewoners vertelden, en wat we ermee doen.",
            }
        )

    class Meta:
        label = "Document om te downloaden"
        icon = "doc-full"
        template = "blocks/document.html"
        description = "Een document (bijvoorbeeld een verslag of werkblad) om te downloaden."


class ArticleBodyBlock(blocks.StreamBlock):
    """The body of knowledge pages and regional news."""

    paragraph = ParagraphBlock()
    pull_quote = PullQuoteBlock()
    image = ImageBlock()
    video = VideoBlock()
    key_facts = KeyFactsBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()


class StoryBodyBlock(ArticleBodyBlock):
    """The body of a practice story: everything an article has, plus the dilemma and the lessons."""

    dilemma = DilemmaBlock()
    lessons = LessonsBlock()


class SourceBlock(blocks.StructBlock):
    citation = blocks.CharBlock(
        label="Bron", max_length=400, help_text="Auteur(s), jaar, titel, uitgever: zoals je hem zou citeren."
    )
    url = blocks.URLBlock(label="Link", required=False)

    class Meta:
        label = "Bron"
        icon = "doc-full"
        template = "blocks/source.html"
        preview_value = {"citation": "Putnam, R. (2000). Bowling Alone. New York: Simon & Schuster.", "url": ""}


class SourcesBlock(blocks.StreamBlock):
    source = SourceBlock()


# The migrations name these blocks by their first home, stories.blocks (which still re-exports them): keep
# that path in deconstruct(), so moving the module needs no migration (Wagtail reads DECONSTRUCT_ALIASES).
DECONSTRUCT_ALIASES = {
    block: f"stories.blocks.{block.__name__}"
    for block in (
        ParagraphBlock,
        PullQuoteBlock,
        ImageBlock,
        VideoBlock,
        DilemmaBlock,
        LessonsBlock,
        KeyFactBlock,
        KeyFactsBlock,
        CallToActionBlock,
        DocumentBlock,
        ArticleBodyBlock,
        StoryBodyBlock,
        SourceBlock,
        SourcesBlock,
    )
}
