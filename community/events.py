"""Bijeenkomsten: gatherings with partners, their pages and Buurtwijs's own registration with a waiting list.

The event page itself is cached by the CDN like every public page, so it holds no form and no CSRF token: the
registration form lives on its own never-cached route, ``aanmelden/`` below the event page.
"""

from http import HTTPMethod
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import dateformat, timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.defaults import page_not_found
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from core.antispam import SpamCheckedMixin, rate_limited, too_many_requests
from core.blocks import ArticleBodyBlock
from core.listing import paginate
from core.mail import flag_mail_failed, message, send_after_commit
from core.pagecache import depend_on
from core.pages import BasePage, BasePageQuerySet, SectionIndexPage
from correspondents.regions import municipality_field, with_regions
from stories.models import Partner, PracticeStoryPage, ThemeHubPage
from stories.purging import purge_pages


# The site's time zone (settings.TIME_ZONE, Europe/Amsterdam), for wall-clock times such as the demo content's.
def site_time(value):
    """``value`` in the site's time zone: as it is in the Netherlands, also in a mail built during an admin
    request (where Wagtail activates the editor's own time zone)."""
    return timezone.localtime(value, timezone.get_default_timezone())


def dutch_date(value):
    """'donderdag 29 oktober 2026' (in the active language: Dutch on this site)."""
    return dateformat.format(site_time(value), "l j F Y")


def dutch_time(value):
    """'19.30', as Dutch writes times."""
    return dateformat.format(site_time(value), "G.i")


class EventQuerySet(BasePageQuerySet):
    def upcoming(self, now=None):
        """Gatherings that have not ended yet (one that is going on now included)."""
        return self.filter(end__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now())

    def for_listing(self):
        """Live, public gatherings with what an event card shows and no StreamField body."""
        return (
            self.live()
            .public()
            .defer_streamfields()
            .select_related("listing_image", "municipality")
            .prefetch_related("listing_image__renditions")
        )


EventManager = PageManager.from_queryset(EventQuerySet)


class EventIndexPage(SectionIndexPage):
    search_fields = SectionIndexPage.search_fields + [index.SearchField("intro")]

    subpage_types = ["stories.EventPage"]
    page_description = "Het overzicht van alle bijeenkomsten: wat er binnenkort is en wat er geweest is."

    class Meta:
        app_label = "stories"  # tables and migrations stayed with the stories app
        verbose_name = "overzicht bijeenkomsten"
        verbose_name_plural = "overzichten bijeenkomsten"

    @staticmethod
    def own_paths():
        """For stories/purging.py: the calendar of all gatherings."""
        return [reverse("events_ical")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = EventPage.objects.child_of(self).for_listing()
        context["upcoming_events"] = events.upcoming(now).order_by("start", "pk")
        context["past_events"] = paginate(request, events.past(now).order_by("-start", "-pk"))
        return context


class EventPage(RoutablePageMixin, BasePage):
    intro = models.TextField(
        "inleiding", max_length=600, help_text="Waar gaat de bijeenkomst over? Twee tot vier zinnen, in gewone taal."
    )
    body = StreamField(ArticleBodyBlock(), verbose_name="meer informatie", blank=True)
    start = models.DateTimeField("begint op")
    end = models.DateTimeField("eindigt op")
    venue = models.CharField("locatie", max_length=150, blank=True, help_text="Bijvoorbeeld 'Buurthuis De Boog'.")
    address = models.CharField("adres", max_length=200, blank=True, help_text="Straat, huisnummer en plaats.")
    municipality = municipality_field("events")
    online_url = models.URLField(
        "link naar de online bijeenkomst", blank=True, help_text="Bijvoorbeeld een link naar Zoom of Teams."
    )
    partners = ParentalManyToManyField(
        "stories.Partner", verbose_name="partners", blank=True, related_name="events", help_text="Wie organiseren mee?"
    )
    themes = ParentalManyToManyField(
        "stories.ThemeHubPage", verbose_name="thema's", related_name="events", help_text="Kies één of meer thema's."
    )
    dilemma = models.CharField(
        "dilemma uit de praktijk",
        max_length=300,
        blank=True,
        help_text="Het dilemma dat we bespreken, als vraag. Bijvoorbeeld 'Hoe houd je vrijwilligers vast?'",
    )
    related_stories = ParentalManyToManyField(
        "stories.PracticeStoryPage",
        verbose_name="praktijkverhalen bij deze bijeenkomst",
        blank=True,
        related_name="events",
    )
    registration_url = models.URLField(
        "aanmelden via een andere website",
        blank=True,
        help_text="Vul dit in als mensen zich ergens anders aanmelden, bijvoorbeeld bij de partner.",
    )
    registration_open = models.BooleanField(
        "aanmelden via Buurtwijs",
        default=False,
        help_text="Mensen melden zich aan met een formulier op Buurtwijs. Jij kunt de aanmeldingen downloaden.",
    )
    capacity = models.PositiveIntegerField(
        "aantal plaatsen",
        null=True,
        blank=True,
        help_text="Leeg: geen maximum. Is het vol, dan komen nieuwe aanmeldingen op de wachtlijst.",
    )
    registration_deadline = models.DateTimeField(
        "aanmelden kan tot",
        null=True,
        blank=True,
        help_text="Leeg: aanmelden kan tot de bijeenkomst begint.",
    )

    objects = EventManager()
    select_related_when_served = [*BasePage.select_related_when_served, "municipality"]

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("address")]),
                FieldPanel("municipality", widget=forms.Select),
                FieldPanel("online_url"),
            ],
            heading="Wanneer en waar",
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("dilemma"),
                FieldPanel("related_stories"),
                FieldPanel("partners"),
            ],
            heading="Waar gaat het over",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_open"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
            ],
            heading="Aanmelden",
            help_text="Kies één manier: via een andere website, via Buurtwijs, of niets (vrije inloop).",
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("dilemma"),
        index.SearchField("venue"),
        index.RelatedFields("municipality", [index.SearchField("name")]),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    parent_page_types = ["stories.EventIndexPage"]
    subpage_types = []
    page_description = "Een bijeenkomst met partners: wanneer, waar, waarover en hoe je je aanmeldt."
    # In the Kennisplein, theme hubs and search (stories/facets.py): ?soort= value, label, place in the filter.
    facet_kind = ("bijeenkomst", "Bijeenkomst", 4)

    allowed_http_methods = [*BasePage.allowed_http_methods, HTTPMethod.POST]  # its form

    class Meta:
        app_label = "stories"  # tables and migrations stayed with the stories app
        verbose_name = "bijeenkomst"
        verbose_name_plural = "bijeenkomsten"

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "De bijeenkomst moet eindigen na het begin."
        if not self.venue and not self.online_url:
            errors["venue"] = "Vul een locatie in, of een link naar de online bijeenkomst."
        if self.registration_url and self.registration_open:
            errors["registration_open"] = (
                "Kies één manier van aanmelden: via een andere website of via Buurtwijs, niet allebei."
            )
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = "Aanmelden moet sluiten voordat de bijeenkomst begint."
        if errors:
            raise ValidationError(errors)

    @property
    def when(self):
        """'donderdag 29 oktober 2026, 19.30–21.30 uur'; across midnight or days, both dates."""
        start, end = site_time(self.start), site_time(self.end)
        if start.date() == end.date():
            return f"{dutch_date(start)}, {dutch_time(start)}–{dutch_time(end)} uur"
        return f"{dutch_date(start)}, {dutch_time(start)} uur tot {dutch_date(end)}, {dutch_time(end)} uur"

    @property
    def place(self):
        """Where, in a few words: the venue and the municipality, or 'online'."""
        if self.venue:
            return ", ".join(part for part in (self.venue, self.municipality and self.municipality.name) if part)
        return "Online"

    def is_past(self, now=None):
        return self.end < (now or timezone.now())

    def own_paths(self):
        """For stories/purging.py: the gathering's calendar file."""
        return [reverse("event_ical", args=[self.pk])]

    def listings_to_purge(self):
        """For stories/purging.py, what lists this gathering besides its sections: its theme hubs (also those of the
        live version it replaces) and the calendar of all gatherings."""
        themes = ThemeHubPage.objects.live().filter(Q(events=self) | Q(pk__in=getattr(self, "_live_theme_ids", ())))
        return Q(pk__in=themes.values("pk")), EventIndexPage.own_paths()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # By ids: a subquery on the saved choices, or a preview's unsaved choices (in memory, not in the database).
        partner_ids = self.partners.values_list("id", flat=True)
        story_ids = self.related_stories.values_list("id", flat=True)
        theme_ids = self.themes.values_list("id", flat=True)
        context["partners"] = (
            Partner.objects.filter(pk__in=partner_ids).select_related("logo").prefetch_related("logo__renditions")
        )
        context["related_stories"] = with_regions(PracticeStoryPage.objects.for_listing().filter(pk__in=story_ids))
        depend_on(request, context["related_stories"])  # their cards: titles, images, reaction counts
        context["themes"] = ThemeHubPage.objects.filter(pk__in=theme_ids).live().public().order_by("title")
        context["is_past"] = self.is_past()
        if self.registration_open:
            context["registration_is_open"] = self.registration_is_open()
            context["places_left"] = self.places_left()
        return context

    # Registration ----------------------------------------------------------------------------------------------

    @property
    def registration_closes(self):
        return self.registration_deadline or self.start

    def registration_is_open(self, now=None):
        return self.registration_open and (now or timezone.now()) < self.registration_closes

    def registered_count(self):
        return self.registrations.filter(status=EventRegistration.Status.REGISTERED).count()

    def places_left(self):
        """Free places, or None when there is no maximum."""
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.registered_count())

    @path("")
    def event(self, request):
        return self.render(request)

    @path("aanmelden/")
    def registration(self, request):
        return registration_view(request, self)


class EventRegistration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", "aangemeld"
        WAITING = "waiting", "wachtlijst"

    event = models.ForeignKey(
        EventPage, verbose_name="bijeenkomst", on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField("naam", max_length=120)
    email = models.EmailField("e-mailadres")
    organisation = models.CharField("organisatie", max_length=150, blank=True)
    remarks = models.TextField("opmerkingen", max_length=1000, blank=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.REGISTERED)
    created_at = models.DateTimeField("aangemeld op", auto_now_add=True)
    mail_failed = models.BooleanField(
        "bevestiging niet verstuurd", default=False, help_text="De bevestigingsmail kon niet worden verstuurd."
    )

    class Meta:
        app_label = "stories"  # tables and migrations stayed with the stories app
        ordering = ["created_at", "pk"]
        verbose_name = "aanmelding"
        verbose_name_plural = "aanmeldingen"
        constraints = [
            # The view checks this under the event's lock with a Dutch message; this is the database's backstop.
            models.UniqueConstraint("event", Lower("email"), name="one_registration_per_email"),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"


# Registration ----------------------------------------------------------------------------------------------------

ALREADY_REGISTERED = "Met dit e-mailadres ben je al aangemeld voor deze bijeenkomst. Je hoeft niets meer te doen."
CONFIRMED_STATES = {"aangemeld": EventRegistration.Status.REGISTERED, "wachtlijst": EventRegistration.Status.WAITING}
STATE_OF_STATUS = {status: state for state, status in CONFIRMED_STATES.items()}


class RegistrationForm(SpamCheckedMixin, forms.ModelForm):
    class Meta:
        model = EventRegistration
        fields = ["name", "email", "organisation", "remarks"]
        labels = {
            "name": "Je naam",
            "email": "Je e-mailadres",
            "organisation": "Organisatie (als je die hebt)",
            "remarks": "Wil je ons nog iets laten weten? (niet verplicht)",
        }
        help_texts = {
            "email": "Hierheen sturen we de bevestiging. We gebruiken je adres alleen voor deze bijeenkomst.",
            "remarks": "Bijvoorbeeld over toegankelijkheid of een dieet. Hooguit 1000 tekens.",
        }
        error_messages = {
            "name": {
                "required": "Vul je naam in.",
                "max_length": "Je naam is te lang: hooguit %(limit_value)d tekens.",
            },
            "email": {
                "required": "Vul je e-mailadres in, dan sturen we je een bevestiging.",
                "invalid": "Dit e-mailadres klopt niet. Kijk het nog even na, bijvoorbeeld: naam@voorbeeld.nl.",
                "max_length": "Dit e-mailadres is te lang.",
            },
            "organisation": {"max_length": "De naam van je organisatie is te lang: hooguit %(limit_value)d tekens."},
            "remarks": {
                "max_length": "Je opmerking is te lang: hooguit %(limit_value)d tekens (nu %(show_value)d).",
            },
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "remarks": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_name(self):
        # A name has no angle brackets; refusing them keeps markup out of the organisers' lists and mails.
        name = self.cleaned_data["name"]
        if "<" in name or ">" in name:
            raise ValidationError("Gebruik geen < of > in je naam.", code="markup")
        return name


def register(event, form):
    """Store the registration on the form for ``event``: a place, or the waiting list when it is full.

    Returns the registration, or None with an error added to the form (registration closed, e-mail already
    registered). Counting and inserting happen in one transaction that holds the event's row lock, so two people
    posting at once cannot both take the last place. On PostgreSQL select_for_update locks the row; SQLite
    has no row locks, but settings open every transaction with BEGIN IMMEDIATE, which serialises writers.
    """
    with transaction.atomic():
        lock_row(event)
        if not event.registration_is_open():
            form.add_error(None, "Aanmelden voor deze bijeenkomst is gesloten.")
            return None
        email = form.cleaned_data["email"]
        if event.registrations.filter(email__iexact=email).exists():
            form.add_error("email", ALREADY_REGISTERED)
            return None
        places_left = event.places_left()
        registration = form.save(commit=False)
        registration.event = event
        registration.status = (
            EventRegistration.Status.WAITING if places_left == 0 else EventRegistration.Status.REGISTERED
        )
        registration.save()
        registration_changed(event, registration, confirmation_mail)
    return registration


def give_place(event, registration_id):
    """Move a person from the waiting list to a free place and tell them by mail. Returns the registration, or
    None when there is no free place (or they are no longer waiting). Under the event's lock, like ``register``,
    so an editor and a new registrant cannot both take the last place."""
    with transaction.atomic():
        lock_row(event)
        registration = event.registrations.filter(pk=registration_id, status=EventRegistration.Status.WAITING).first()
        if registration is None or event.places_left() == 0:
            return None
        registration.status = EventRegistration.Status.REGISTERED
        registration.mail_failed = False  # the flag is about the latest mail: this one
        registration.save(update_fields=["status", "mail_failed"])
        registration_changed(event, registration, place_given_mail)
    return registration


def cancel_registration(event, registration_id):
    """Delete a registration: the person cancelled, or asked us to delete their data. Returns the deleted
    registration, or None when it was already gone. Nobody moves up by themselves: an editor gives the place
    (``give_place``), as the person on the waiting list may no longer be able to come."""
    with transaction.atomic():
        lock_row(event)
        registration = event.registrations.filter(pk=registration_id).first()
        if registration is None:
            return None
        registration.delete()
        registration_changed(event, registration)
    return registration


def registration_changed(event, registration, mail=None):
    """After the commit: mail the person what ``mail(registration)`` says (a failed mail flags the registration), and
    purge the event page, whose number of places left changed."""
    if mail is not None:
        send_after_commit(lambda: [mail(registration)], on_failure=flag_mail_failed(registration))
    transaction.on_commit(lambda: purge_event_page(event))


def lock_row(event):
    """Hold the event's own row (not Wagtail's page row, which editors save) until the transaction ends."""
    EventPage.objects.select_for_update(of=("self",)).filter(pk=event.pk).values_list("pk", flat=True).get()


def confirmation_mail(registration):
    event = registration.event
    waiting = registration.status == EventRegistration.Status.WAITING
    context = {"registration": registration, "event": event, "event_url": event.full_url}
    subject = f"{'Je staat op de wachtlijst' if waiting else 'Je bent aangemeld'}: {event.title}"
    template = f"stories/mail/registration_{'waiting' if waiting else 'registered'}.txt"
    return message(template, subject, [registration.email], context)


def place_given_mail(registration):
    event = registration.event
    context = {"registration": registration, "event": event, "event_url": event.full_url}
    subject = f"Er is een plaats voor je: {event.title}"
    return message("stories/mail/registration_place_given.txt", subject, [registration.email], context)


def purge_event_page(event):
    """The cached event page says how many places are left (its listings do not)."""
    purge_pages([event])


@never_cache
@csrf_protect
def registration_view(request, event):
    """The registration form of an event (GET), storing a registration (POST), and the confirmation after it."""
    if not event.registration_open:
        # The gathering has no registration on Buurtwijs (an external link, or walk-in): nothing to show here.
        # Returned, not raised, so never_cache marks it: an editor may switch registration on any moment, and
        # publishing does not purge this URL.
        return page_not_found(request, Http404("Deze bijeenkomst heeft geen aanmeldformulier."))
    context = {
        "page": event,
        "self": event,
        "places_left": event.places_left(),
        "is_open": event.registration_is_open(),
    }

    confirmed = CONFIRMED_STATES.get(request.GET.get("status"))
    if request.method == "GET" and confirmed:
        return render_registration(request, {**context, "confirmed": confirmed})

    form = RegistrationForm()
    if request.method == "POST":
        if rate_limited(request, "registration"):
            return too_many_requests(request, "registration")
        form = RegistrationForm(request.POST)
        if form.is_valid():
            if form.is_bot:
                # Answer as if it worked; nothing is stored or mailed.
                return redirect_to_confirmation(event, EventRegistration.Status.REGISTERED)
            if registration := register(event, form):
                return redirect_to_confirmation(event, registration.status)
            context["is_open"] = event.registration_is_open()
            context["places_left"] = event.places_left()
    return render_registration(request, {**context, "form": form})


def redirect_to_confirmation(event, status):
    url = event.url + event.reverse_subpage("registration")
    return redirect(f"{url}?{urlencode({'status': STATE_OF_STATUS[status]})}")


def render_registration(request, context):
    return TemplateResponse(request, "stories/event_registration.html", context)
