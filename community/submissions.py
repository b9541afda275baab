""" "Deel je verhaal": a buurtmaker tells their story through a guided public form; an editor coaches it to publication.

A submission becomes, in one transaction, a draft PracticeStoryPage in the section of the region that owns the
chosen municipality (the national stories index when the municipality is not listed), its photos as Wagtail images
in that region's collection, and a private StorySubmission with the submitter's contact details and consents. Only
after that commits do the mails go out: to the region's editors (or the central team) and a confirmation to the
submitter (to the central team when the region has no editors to reach). The editors pick the submission up on their
dashboard (community.submission_admin). The StorySubmission lives as long as its draft: deleting the page, or moving
it to another region, takes the submitter's data and photos along (forget_submitter, follow_moved_drafts).

Everything the submitter typed is stored as text: the rich text of the draft is built with escaping, so HTML or
script in an answer shows as the characters typed, never as markup.
"""

import logging
from http import HTTPMethod

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html, linebreaks
from django.utils.text import Truncator, slugify
from wagtail.actions.delete_page import DeletePageAction
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.models import Collection

from core.antispam import SpamCheckedMixin, rate_limited, too_many_requests
from core.mail import flag_mail_failed, message, send_after_commit
from core.pages import BasePage
from correspondents.chain.provisioning import CENTRAL_TEAM
from correspondents.regions import Municipality
from stories.models import PracticeStoryPage, StoryIndexPage, ThemeHubPage

logger = logging.getLogger("buurtwijs.submissions")

RATE_LIMIT_SCOPE = "story_submission"
SENT_PARAMETER = "verstuurd"
MAX_PHOTOS = 5
NOT_LISTED = "anders"  # the municipality choice "my municipality is not listed"
LONG_ANSWER = 5000
LESSON_LINE = 300  # core.blocks.LessonsBlock: one point is a CharBlock of at most 300 characters
MAX_LESSONS = 10

DEFAULT_PRIVACY_STATEMENT = (
    "<p>Wat je hier invult, komt bij de redactie van Buurtwijs terecht. Je naam, e-mailadres en telefoonnummer "
    "gebruiken we alleen om contact met je op te nemen over je verhaal. Ze komen nooit op de website.</p>"
    "<p>Je verhaal en je foto's worden een concept. Een redacteur maakt het samen met jou af. Pas als jij "
    "het eens bent met de tekst, publiceren we het.</p>"
    "<p>Wil je dat we je gegevens en je verhaal weggooien? Mail dan naar redactie@buurtwijs.nl. We verwijderen "
    "alles binnen vier weken. Is je verhaal al gepubliceerd, dan halen we het op jouw verzoek offline.</p>"
)


class StorySubmissionPage(BasePage):
    """The public "Deel je verhaal" form; what is sent becomes a draft story and a private StorySubmission."""

    intro = RichTextField("inleiding", features=["bold", "italic", "link"], blank=True)
    privacy_statement = RichTextField(
        "privacyverklaring",
        features=["bold", "italic", "link", "ul"],
        default=DEFAULT_PRIVACY_STATEMENT,
        help_text="Wat er met de gegevens gebeurt. Staat op de pagina, naast het formulier.",
    )
    thank_you_text = RichTextField(
        "tekst na het versturen",
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text="Leeg: een standaardtekst over wat er nu gebeurt.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("privacy_statement"),
        FieldPanel("thank_you_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    page_description = "Het formulier waarmee buurtmakers zelf hun verhaal insturen; de redactie coacht het verder."

    allowed_http_methods = [*BasePage.allowed_http_methods, HTTPMethod.POST]  # its form

    class Meta:
        app_label = "stories"  # tables and migrations stayed with the stories app
        verbose_name = "Deel je verhaal-pagina"
        verbose_name_plural = "Deel je verhaal-pagina's"

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if rate_limited(request, RATE_LIMIT_SCOPE):
                return too_many_requests(request, RATE_LIMIT_SCOPE)
            form = StorySubmissionForm(request.POST, request.FILES)
            if form.is_valid():
                if not form.is_bot:  # a bot is told it succeeded, and nothing is stored or mailed
                    submission = create_submission({**form.cleaned_data, "photos": form.photos()})
                    notify_new_submission(submission)
                response = HttpResponseRedirect(f"{self.url}?{SENT_PARAMETER}=1")
                add_never_cache_headers(response)
                return response
        else:
            form = StorySubmissionForm()
        context = self.get_context(request, *args, **kwargs)
        context.update(form=form, sent=request.GET.get(SENT_PARAMETER) == "1")
        response = TemplateResponse(request, self.get_template(request, *args, **kwargs), context)
        # Never kept by a browser or shared cache: the form holds a CSRF token and a fresh start time.
        add_never_cache_headers(response)
        return response


class StorySubmission(models.Model):
    """The private side of a submission: who sent it, how to reach them, what they agreed to. Never public."""

    created_at = models.DateTimeField("ingestuurd op", auto_now_add=True)
    page = models.OneToOneField(
        "stories.PracticeStoryPage",
        verbose_name="conceptverhaal",
        null=True,
        on_delete=models.CASCADE,  # a deleted draft takes the submitter's data along (see forget_submitter)
        related_name="submission",
    )
    region = models.ForeignKey(
        "correspondents.RegionPage",
        verbose_name="regio",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leeg: een landelijke inzending, voor de centrale redactie.",
    )
    images = models.ManyToManyField("home.BuurtwijsImage", verbose_name="foto's", blank=True, related_name="+")
    name = models.CharField("naam", max_length=120)
    email = models.EmailField("e-mailadres")
    phone = models.CharField("telefoonnummer", max_length=30, blank=True)
    role = models.CharField("wat doet de inzender in de buurt", max_length=120, blank=True)
    organisation = models.CharField("organisatie", max_length=150, blank=True)
    other_municipality = models.CharField("gemeente (niet in de lijst)", max_length=100, blank=True)
    consent_publication = models.BooleanField("toestemming voor publicatie", default=False)
    consent_contact = models.BooleanField("toestemming voor contact", default=False)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="coach",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coached_submissions",
    )
    claimed_at = models.DateTimeField("coach sinds", null=True, blank=True)
    mail_failed = models.BooleanField(
        "e-mail mislukt", default=False, help_text="Een e-mail over deze inzending kon niet verstuurd worden."
    )

    class Meta:
        app_label = "stories"  # tables and migrations stayed with the stories app
        ordering = ["-created_at", "-pk"]
        verbose_name = "inzending"
        verbose_name_plural = "inzendingen"

    def __str__(self):
        return self.page.title if self.page else f"Inzending van {self.created_at:%d-%m-%Y}"


# Forgetting the submitter ------------------------------------------------------------------------


def forget_submitter(submission, user):
    """Delete on request: the submitter's record goes, and the draft with its photos if it was never published.

    Returns whether the draft went too; a story that was ever published stays, for the editors to take offline.
    Deleting the draft any other way (in the page tree, or with its region) forgets the submitter the same way:
    the record goes with the page (CASCADE) and delete_submitted_photos removes the photos.
    """
    with transaction.atomic():
        if deletes_draft(submission.page):
            DeletePageAction(submission.page.specific, user=user).execute(skip_permission_checks=True)
            return True
        submission.delete()
        return False


def deletes_draft(page):
    return page is not None and page.first_published_at is None and not page.live


# The form ----------------------------------------------------------------------------------------


def required(message):
    return {"required": message}


def long_text(label, help_text, required_message=None, max_length=LONG_ANSWER):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=max_length,
        required=required_message is not None,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": required_message or "",
            "max_length": f"Dit antwoord is te lang: maak het korter dan {max_length} tekens "
            "(het zijn er nu %(show_value)d). Je kunt de rest later aan je coach vertellen.",
        },
    )


def short_text(label, max_length, required_message=None, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=max_length,
        required=required_message is not None,
        error_messages={
            "required": required_message or "",
            "max_length": f"Dit is te lang: gebruik hoogstens {max_length} tekens (het zijn er nu %(show_value)d).",
        },
    )


def municipality_choices():
    choices = [("", "Kies je gemeente")]
    choices += [(str(pk), name) for pk, name in Municipality.objects.order_by("name").values_list("pk", "name")]
    choices.append((NOT_LISTED, "Mijn gemeente staat er niet bij"))
    return choices


def theme_queryset():
    return ThemeHubPage.objects.live().public().order_by("title")


class StorySubmissionForm(SpamCheckedMixin, forms.Form):
    """The guided questions, in the order the page asks them. Fields are grouped in ``fieldsets()``."""

    name = short_text("Je naam", 120, "Vul je naam in.")
    email = forms.EmailField(
        label="Je e-mailadres",
        max_length=254,
        help_text="Hierop krijg je een bevestiging, en hiermee neemt je coach contact met je op.",
        error_messages={
            "required": "Vul je e-mailadres in, zodat we je kunnen bereiken.",
            "invalid": "Dit e-mailadres klopt niet. Een e-mailadres ziet eruit als naam@voorbeeld.nl.",
            "max_length": "Dit e-mailadres is te lang.",
        },
    )
    phone = short_text("Je telefoonnummer (mag leeg blijven)", 30, help_text="Als je liever gebeld wordt.")
    role = short_text(
        "Wat doe je in de buurt? (mag leeg blijven)",
        120,
        help_text="Bijvoorbeeld: bewoner, vrijwilliger of opbouwwerker.",
    )
    organisation = short_text("Je organisatie of initiatief (mag leeg blijven)", 150)

    neighbourhood = short_text(
        "In welke buurt of wijk?", 120, "Vul de buurt of wijk in.", help_text="Bijvoorbeeld: Overvecht."
    )
    municipality = forms.ChoiceField(
        label="In welke gemeente?",
        error_messages={
            "required": "Kies je gemeente. Staat hij er niet bij? Kies dan ‘Mijn gemeente staat er niet bij’.",
            "invalid_choice": "Kies een gemeente uit de lijst.",
        },
    )
    other_municipality = short_text(
        "Welke gemeente is het dan?",
        100,
        help_text="Alleen invullen als je gemeente niet in de lijst staat.",
    )

    title = short_text(
        "Geef je verhaal een titel",
        200,
        "Geef je verhaal een titel.",
        help_text="Kort en duidelijk, bijvoorbeeld: Soep op woensdag.",
    )
    summary = long_text(
        "Waar gaat je verhaal over?",
        "In twee of drie zinnen.",
        "Vertel in twee of drie zinnen waar je verhaal over gaat.",
        max_length=600,
    )
    what_we_did = long_text(
        "Wat deden jullie?",
        "Vertel wat er gebeurde, wie meededen en hoe het begon.",
        "Vertel wat jullie deden.",
    )
    why = long_text(
        "Waarom pakten jullie het zo aan?",
        "Wat wilden jullie bereiken, en waarom kozen jullie deze aanpak?",
        "Vertel waarom jullie het zo aanpakten.",
    )
    worked = long_text(
        "Wat werkte?",
        f"Zet elk punt op een eigen regel. Hoogstens {MAX_LESSONS} punten van elk {LESSON_LINE} tekens.",
        "Vertel wat werkte. Eén punt is genoeg.",
        max_length=MAX_LESSONS * (LESSON_LINE + 2),
    )
    did_not_work = long_text(
        "Wat werkte niet? (mag leeg blijven)",
        f"Zet elk punt op een eigen regel. Hoogstens {MAX_LESSONS} punten van elk {LESSON_LINE} tekens.",
        max_length=MAX_LESSONS * (LESSON_LINE + 2),
    )
    dilemma_question = short_text(
        "Tegen welk dilemma liep je aan?",
        300,
        "Vertel tegen welk dilemma je aanliep.",
        help_text="Een lastige keuze, als vraag. Bijvoorbeeld: Vragen we de gemeente om geld, of doen we het zelf?",
    )
    dilemma_considerations = long_text("Wat sprak ervoor, en wat ertegen?", "", "Vertel wat je afwoog bij het dilemma.")
    dilemma_choice = long_text("Wat kozen jullie? (mag leeg blijven)", "")
    themes = forms.ModelMultipleChoiceField(
        label="Over welke thema's gaat je verhaal?",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één thema.", "invalid_choice": "Kies een thema uit de lijst."},
    )

    consent_publication = forms.BooleanField(
        label="Ik geef toestemming om mijn verhaal en foto's op Buurtwijs te publiceren, "
        "nadat ik de tekst met de redactie heb afgestemd.",
        error_messages=required("Zonder jouw toestemming kunnen we je verhaal niet publiceren. Vink het vakje aan."),
    )
    consent_contact = forms.BooleanField(
        label="Ik vind het goed dat een redacteur van Buurtwijs contact met mij opneemt over mijn verhaal.",
        error_messages=required(
            "Een redacteur maakt je verhaal samen met jou af; daarvoor nemen we contact met je op. Vink het vakje aan."
        ),
    )

    fieldset_layout = [
        ("Over jou", ["name", "email", "phone", "role", "organisation"]),
        ("Waar speelt je verhaal?", ["neighbourhood", "municipality", "other_municipality"]),
        ("Je verhaal", ["title", "summary", "what_we_did", "why"]),
        ("Wat werkte en wat niet", ["worked", "did_not_work"]),
        ("Het dilemma", ["dilemma_question", "dilemma_considerations", "dilemma_choice"]),
        ("Thema's", ["themes"]),
    ]
    consent_fields = ["consent_publication", "consent_contact"]
    # A gentle tip above a group's questions: static text, nothing checked or stored (the coach sees the language
    # level of the draft: community.submission_admin.coaching_view).
    fieldset_hints = {
        "Je verhaal": "Tip: korte zinnen lezen makkelijker. Schrijf zoals je het aan een buurman zou vertellen. "
        "Het hoeft niet perfect: je coach helpt je met de tekst.",
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = municipality_choices()
        self.fields["themes"].queryset = theme_queryset()
        for number in range(1, MAX_PHOTOS + 1):
            self.add_photo_fields(number)

    def add_photo_fields(self, number):
        photo = WagtailImageField(
            label="Kies een foto",
            required=False,
            error_messages={
                "invalid_image": "Dit bestand is geen foto, of het is beschadigd. Kies een foto in JPG, PNG, GIF, "
                "WEBP of AVIF."
            },
        )
        # Wagtail sets its own help text in __init__; ours is plainer.
        photo.help_text = f"Een foto in JPG, PNG, GIF, WEBP of AVIF, van hoogstens {photo.max_upload_size_text}."
        self.fields[f"photo_{number}"] = photo
        self.fields[f"photo_{number}_alt"] = short_text(
            "Wat is er op de foto te zien?",
            250,
            help_text="Voor wie de foto niet kan zien. Bijvoorbeeld: Bewoners schenken soep in het buurthuis.",
        )
        self.fields[f"photo_{number}_people"] = forms.ChoiceField(
            label="Staan er mensen herkenbaar op de foto?",
            required=False,
            widget=forms.RadioSelect,
            choices=photo_people_choices(),
            error_messages={"invalid_choice": "Kies een van de twee antwoorden."},
        )
        self.fields[f"photo_{number}_photographer"] = short_text("Wie maakte de foto? (mag leeg blijven)", 120)

    # What the template shows --------------------------------------------------------------------

    def fieldsets(self):
        return [
            (legend, self.fieldset_hints.get(legend, ""), [self[name] for name in names])
            for legend, names in self.fieldset_layout
        ]

    def photo_fieldsets(self):
        return [
            (
                f"Foto {number}",
                [self[f"photo_{number}{suffix}"] for suffix in ("", "_alt", "_people", "_photographer")],
            )
            for number in range(1, MAX_PHOTOS + 1)
        ]

    def consent_bound_fields(self):
        return [self[name] for name in self.consent_fields]

    @property
    def photos_to_choose_again(self):
        """Files cannot come back in a re-shown form: the person chooses the photos again."""
        return self.is_bound and any(self.files.get(f"photo_{n}") for n in range(1, MAX_PHOTOS + 1))

    # Validation ---------------------------------------------------------------------------------

    def clean_title(self):
        # One line: the title is also the subject of the editors' mail.
        return " ".join(self.cleaned_data["title"].split())

    def clean_worked(self):
        return self.lesson_lines("worked")

    def clean_did_not_work(self):
        return self.lesson_lines("did_not_work")

    def lesson_lines(self, name):
        lines = [line.strip(" -•*\t") for line in self.cleaned_data[name].splitlines()]
        lines = [line for line in lines if line]
        if self.fields[name].required and not lines:
            raise ValidationError(self.fields[name].error_messages["required"])
        if len(lines) > MAX_LESSONS:
            raise ValidationError(
                f"Dat zijn {len(lines)} punten. Houd het bij hoogstens {MAX_LESSONS}: kies de belangrijkste."
            )
        too_long = [number for number, line in enumerate(lines, start=1) if len(line) > LESSON_LINE]
        if too_long:
            raise ValidationError(
                f"Punt {too_long[0]} is te lang. Gebruik per regel hoogstens {LESSON_LINE} tekens, "
                "of zet het over meer regels."
            )
        return lines

    def clean(self):
        cleaned_data = super().clean()
        if self.is_bot:
            return cleaned_data
        if cleaned_data.get("municipality") == NOT_LISTED and not cleaned_data.get("other_municipality"):
            self.add_error("other_municipality", "Vul in in welke gemeente je verhaal speelt.")
        for number in range(1, MAX_PHOTOS + 1):
            self.clean_photo(number, cleaned_data)
        return cleaned_data

    def clean_photo(self, number, cleaned_data):
        if not cleaned_data.get(f"photo_{number}"):
            return
        if not cleaned_data.get(f"photo_{number}_alt"):
            self.add_error(f"photo_{number}_alt", f"Vertel wat er op foto {number} te zien is.")
        if not cleaned_data.get(f"photo_{number}_people"):
            self.add_error(
                f"photo_{number}_people",
                f"Vertel of er mensen herkenbaar op foto {number} staan, en of ze het goedvinden.",
            )

    def photos(self):
        """The valid photos, each as a dict with file, alt text, people consent and photographer."""
        data = self.cleaned_data
        return [
            {
                "file": data[f"photo_{n}"],
                "alt_text": data[f"photo_{n}_alt"],
                "people_consent": data[f"photo_{n}_people"],
                "photographer": data[f"photo_{n}_photographer"],
            }
            for n in range(1, MAX_PHOTOS + 1)
            if data.get(f"photo_{n}")
        ]


def photo_people_choices():
    PeopleConsent = get_image_model().PeopleConsent
    return [
        (PeopleConsent.NO_PEOPLE, "Nee, er staan geen herkenbare mensen op"),
        (PeopleConsent.CONSENTED, "Ja, en zij vinden het goed dat de foto op Buurtwijs komt"),
    ]


# Building the draft ------------------------------------------------------------------------------


def placement(data):
    """(municipality, region, parent page, image collection) for the submission: its region, else national."""
    if data["municipality"] != NOT_LISTED:
        municipality = Municipality.objects.select_related("region", "region__collection").get(pk=data["municipality"])
        region = municipality.region
        return municipality, region, region, region.collection or Collection.get_first_root_node()
    return None, None, StoryIndexPage.objects.get(), Collection.get_first_root_node()


def text_html(text):
    """Plain text as escaped rich-text paragraphs: HTML in the answer is shown as typed, never as markup."""
    return linebreaks(text, autoescape=True)


def section_html(heading, text):
    return format_html("<h2>{}</h2>", heading) + text_html(text)


def story_body(data, images):
    where = [data["neighbourhood"], data["municipality_name"]]
    body = [
        {
            "type": "key_facts",
            "value": {
                "heading": "Kerngegevens",
                "facts": [{"label": "Buurt", "value": where[0]}, {"label": "Gemeente", "value": where[1]}],
            },
        },
        {"type": "paragraph", "value": section_html("Wat we deden", data["what_we_did"])},
        {"type": "paragraph", "value": section_html("Waarom we het zo aanpakten", data["why"])},
        {"type": "lessons", "value": {"worked": data["worked"], "did_not_work": data["did_not_work"]}},
        {
            "type": "dilemma",
            "value": {
                "question": data["dilemma_question"],
                "considerations": text_html(data["dilemma_considerations"]),
                "choice": text_html(data["dilemma_choice"]) if data["dilemma_choice"] else "",
            },
        },
    ]
    body += [
        {"type": "image", "value": {"image": image.pk, "alt_text": alt_text, "caption": "", "credit": ""}}
        for image, alt_text in images
    ]
    return body


def save_image(photo, title, collection):
    image = get_image_model()(
        title=Truncator(title).chars(255),
        file=photo["file"],
        collection=collection,
        people_consent=photo["people_consent"],
        photographer=photo["photographer"],
    )
    image._set_image_file_metadata()
    image.save()
    return image


def create_submission(data):
    """Store the draft story, its images and the private record, all or nothing. Returns the StorySubmission."""
    saved_images = []
    try:
        with transaction.atomic():
            return _create_submission(data, saved_images)
    except BaseException:
        # The rows are rolled back; the files the images wrote to storage must go too.
        for image in saved_images:
            image.file.delete(save=False)
        raise


def _create_submission(data, saved_images):
    municipality, region, parent, collection = placement(data)
    data = {**data, "municipality_name": municipality.name if municipality else data["other_municipality"]}
    images = []
    for number, photo in enumerate(data["photos"], start=1):
        image = save_image(photo, f"{data['title']} – foto {number}", collection)
        saved_images.append(image)
        images.append((image, photo["alt_text"]))

    page = PracticeStoryPage(
        title=data["title"],
        slug=slugify(data["title"])[:80] or "verhaal",
        intro=data["summary"],
        body=story_body(data, images),
        municipality=municipality,
        live=False,
        owner=None,  # nobody until an editor claims it as coach
    )
    page.themes = list(data["themes"])
    page.slug = available_slug(parent, page.slug)
    parent.add_child(instance=page)
    page.save_revision(user=None, log_action=True)

    submission = StorySubmission.objects.create(
        page=page,
        region=region,
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        role=data["role"],
        organisation=data["organisation"],
        other_municipality="" if municipality else data["other_municipality"],
        consent_publication=data["consent_publication"],
        consent_contact=data["consent_contact"],
    )
    submission.images.set([image for image, _alt in images])
    return submission


def available_slug(parent, slug):
    taken = set(parent.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


# Mail --------------------------------------------------------------------------------------------


def editors_of(region):
    """The active people with an e-mail address who coach submissions in this region: its editors; the central
    team for national submissions, and for a region without (reachable) editors, so a submission never goes unseen.
    """
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if region is not None and region.editors_group_id:
        regional = users.filter(groups=region.editors_group_id)
        if regional.exists():
            return regional
    return users.filter(groups__name=CENTRAL_TEAM)


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


MAILS = "stories/mail/"


def notify_new_submission(submission):
    """After commit: the region's editors hear of it, the submitter gets a confirmation."""
    submission_id = submission.pk

    def build_messages():
        submission = StorySubmission.objects.select_related("page", "region").get(pk=submission_id)
        context = {
            "submission": submission,
            "title": submission.page.title,
            "region_name": submission.region.title if submission.region else "landelijk",
            "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=[submission.page_id])),
            "dashboard_url": admin_url(reverse("wagtailadmin_home")),
        }
        editors = [user.email for user in editors_of(submission.region).distinct()]
        mails = [message(f"{MAILS}submission_confirmation.txt", "Bedankt voor je verhaal", [submission.email], context)]
        if editors:
            subject = f"Nieuwe inzending: {submission.page.title}"
            mails.append(message(f"{MAILS}submission_new.txt", subject, editors, context))
        return mails

    send_after_commit(build_messages, on_failure=flag_mail_failed(submission))


def notify_coach_claimed(submission):
    """After commit: the submitter hears who their coach is."""
    submission_id = submission.pk

    def build_messages():
        submission = StorySubmission.objects.select_related("page", "coach").get(pk=submission_id)
        context = {"submission": submission, "title": submission.page.title, "coach_name": coach_name(submission)}
        return [message(f"{MAILS}submission_claimed.txt", "Je verhaal heeft een coach", [submission.email], context)]

    send_after_commit(build_messages, on_failure=flag_mail_failed(submission))


def coach_name(submission):
    coach = submission.coach
    return coach.get_full_name() or coach.get_username() if coach else ""
