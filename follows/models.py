"""Who follows what, the proof that they asked for it, and what was sent to whom.

A ``Subscriber`` is an e-mail address and nothing more (no account). It stays *pending* and gets no digest until the
person presses the button behind the link in the confirmation mail (double opt-in); each ``Follow`` keeps the
evidence: when it was asked, on which page, with which version of the consent text, and when it was confirmed.
Deleting a subscriber removes the address; only a keyed hash stays in the ``Suppression`` list, so an import can
never add the address again.

An ``Edition`` is one "Buurtwijs deze week": the central team's intro and story of the week; sending it makes one
``Delivery`` per subscriber (unique in the database), the record that makes sending resumable without duplicates.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel

# The text a person agrees to on the follow form; stored with each follow by its version. A new wording gets a new
# version, so what someone agreed to can always be shown.
CONSENT_VERSION = "2026-12"
CONSENT_TEXT = (
    "Ja, stuur mij de nieuwsbrief ‘Buurtwijs deze week’ met nieuws over wat ik volg. "
    "Ik kan me altijd met één klik afmelden."
)


def new_key():
    return secrets.token_urlsafe(16)


def normalise_email(email):
    """One spelling per address: without surrounding spaces, the domain in lower case and the local part too (mail
    servers treat it case-insensitively in practice, and one person must not be two subscribers)."""
    return email.strip().lower()


def suppression_hash(email, secret=None):
    """A keyed hash (HMAC-SHA256 with a key derived from SECRET_KEY): it recognises an address again without
    storing it, and cannot be reversed by hashing a list of known addresses without the key."""
    key = hashlib.sha256(f"buurtwijs.follows.suppression:{secret or settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, normalise_email(email).encode(), hashlib.sha256).hexdigest()


def suppression_hashes(email):
    """The address's hash under SECRET_KEY and under each of SECRET_KEY_FALLBACKS: after a key rotation (with the old
    key kept as a fallback, as Django advises) the deleted addresses stay blocked."""
    return [suppression_hash(email, secret) for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]]


class SubscriberQuerySet(models.QuerySet):
    def receiving(self):
        """Confirmed, not paused, and following something confirmed: who gets a digest."""
        return self.filter(
            status=Subscriber.Status.ACTIVE, paused=False, follows__confirmed_at__isnull=False
        ).distinct()


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "nog niet bevestigd"
        ACTIVE = "active", "actief"

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", "elke week"
        MONTHLY = "monthly", "één keer per maand"

    class Source(models.TextChoices):
        FORM = "form", "volgformulier"
        IMPORT = "import", "import oude nieuwsbrief"

    email = models.EmailField("e-mailadres", unique=True)
    key = models.CharField(max_length=32, default=new_key, editable=False)  # in the personal links; new = links void
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.PENDING)
    frequency = models.CharField("hoe vaak", max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    paused = models.BooleanField("gepauzeerd", default=False)
    source = models.CharField("aangemeld via", max_length=10, choices=Source.choices, default=Source.FORM)
    asked_at = models.DateTimeField("aangevraagd op", default=timezone.now)
    confirmed_at = models.DateTimeField("bevestigd op", null=True, blank=True)
    consent_version = models.CharField("versie toestemmingstekst", max_length=20, blank=True)
    last_digest_at = models.DateTimeField("laatste nieuwsbrief tot", null=True, blank=True)
    mail_failed = models.BooleanField("bevestigingsmail mislukt", default=False)
    confirmation_sent_at = models.DateTimeField("bevestigingsmail verstuurd op", null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = "volger"
        verbose_name_plural = "volgers"

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


class Follow(models.Model):
    """One thing a subscriber follows: a theme, a region, a municipality, or everything (``key`` "alles")."""

    EVERYTHING = "alles"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="follows")
    key = models.CharField(max_length=40)  # "thema-12", "regio-3", "gemeente-5", "alles": one identity per target
    theme = models.ForeignKey(
        "stories.ThemeHubPage", verbose_name="thema", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    region = models.ForeignKey(
        "correspondents.RegionPage",
        verbose_name="regio",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "correspondents.Municipality",
        verbose_name="gemeente",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The evidence of consent.
    asked_at = models.DateTimeField("aangevraagd op", default=timezone.now)
    confirmed_at = models.DateTimeField("bevestigd op", null=True, blank=True)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    page_url = models.CharField("aangevraagd op pagina", max_length=255, blank=True)
    consent_version = models.CharField("versie toestemmingstekst", max_length=20, blank=True)

    class Meta:
        verbose_name = "volgt"
        verbose_name_plural = "volgt"
        constraints = [
            models.UniqueConstraint("subscriber", "key", name="one_follow_per_target"),
            models.CheckConstraint(
                condition=(
                    Q(theme__isnull=False, region__isnull=True, municipality__isnull=True)
                    | Q(theme__isnull=True, region__isnull=False, municipality__isnull=True)
                    | Q(theme__isnull=True, region__isnull=True, municipality__isnull=False)
                    | Q(theme__isnull=True, region__isnull=True, municipality__isnull=True, key="alles")
                ),
                name="follow_has_one_target",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        if self.theme_id:
            return f"Thema {self.theme.title}"
        if self.region_id:
            return f"Regio {self.region.title}"
        if self.municipality_id:
            return f"Gemeente {self.municipality.name}"
        return "Alles van Buurtwijs"


class Suppression(models.Model):
    """An address that was deleted: only its keyed hash (``suppression_hash``)."""

    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "geblokkeerd adres"
        verbose_name_plural = "geblokkeerde adressen"

    def __str__(self):
        return f"{self.digest[:12]}…"

    @classmethod
    def holds(cls, email):
        return cls.objects.filter(digest__in=suppression_hashes(email)).exists()


def next_edition_number():
    return (Edition.objects.aggregate(highest=models.Max("number"))["highest"] or 0) + 1


class Edition(models.Model):
    number = models.PositiveIntegerField("nummer", unique=True, default=next_edition_number)
    send_on = models.DateField(
        "versturen op", unique=True, help_text="Een maandag. De nieuwsbrief gaat die dag om 7.00 uur weg."
    )
    title = models.CharField("onderwerpregel", max_length=120, default="Buurtwijs deze week")
    intro = models.TextField(
        "inleiding", max_length=1200, help_text="Een paar zinnen van de centrale redactie, in gewone taal (B1)."
    )
    story_of_the_week = models.ForeignKey(
        "stories.PracticeStoryPage",
        verbose_name="verhaal van de week",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    story_of_the_week_note = models.TextField(
        "waarom dit verhaal", max_length=600, blank=True, help_text="Eén of twee zinnen: waarom lezen?"
    )
    ready = models.BooleanField(
        "klaar om te versturen", default=False, help_text="Zet dit aan als de tekst af is. Anders gaat er niets weg."
    )
    # Set when sending starts; the window of every digest of this edition ends at ``cutoff``.
    cutoff = models.DateTimeField("nieuws tot", null=True, blank=True, editable=False)
    started_at = models.DateTimeField("versturen begonnen", null=True, blank=True, editable=False)
    finished_at = models.DateTimeField("versturen klaar", null=True, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)  # last batch claimed (sending.py)

    panels = [
        MultiFieldPanel([FieldPanel("send_on"), FieldPanel("title"), FieldPanel("ready")], heading="Wanneer"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("story_of_the_week"), FieldPanel("story_of_the_week_note")], heading="Verhaal van de week"
        ),
        HelpPanel(
            "Bekijk de nieuwsbrief met de knop ‘Voorbeeld’. Met ‘Stuur naar mij’ krijg je hem eerst zelf. "
            "Elke lezer krijgt alleen het nieuws over wat hij of zij volgt. Is er voor iemand niets nieuws, "
            "dan krijgt die persoon deze week niets.",
            heading="Hoe werkt het?",
        ),
    ]

    class Meta:
        ordering = ["-send_on"]
        verbose_name = "editie nieuwsbrief"
        verbose_name_plural = "edities nieuwsbrief"

    def __str__(self):
        return f"{self.title} #{self.number} ({self.send_on:%d-%m-%Y})"

    def clean(self):
        if self.send_on and self.send_on.weekday() != 0:
            raise ValidationError({"send_on": "Kies een maandag: de nieuwsbrief gaat op maandag om 7.00 uur weg."})

    @property
    def status_label(self):
        if self.finished_at:
            return "verstuurd"
        if self.started_at:
            return "wordt verstuurd"
        return "klaar om te versturen" if self.ready else "concept"

    @property
    def source_tag(self):
        """What the links in this edition carry: ?bron=nieuwsbrief-<nummer>, the same for every reader."""
        return f"nieuwsbrief-{self.number}"


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "wacht"
        SENT = "sent", "verstuurd"
        NOTHING_NEW = "nothing_new", "niets nieuws: niet verstuurd"
        FAILED = "failed", "mislukt"
        UNCERTAIN = "uncertain", "onzeker: verzending onderbroken, niet opnieuw verstuurd"

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="deliveries")
    # SET_NULL: deleting a subscriber keeps the count of what was sent, without the address.
    subscriber = models.ForeignKey(Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries")
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("pogingen", default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True)  # a batch is sending it (sending.py)
    # Set while the message is with the mail server; still set after the lease: the batch died mid-send (sending.py).
    handed_over_at = models.DateTimeField("aan de mailserver gegeven op", null=True, blank=True)
    last_error = models.CharField("laatste fout", max_length=500, blank=True)
    sent_at = models.DateTimeField("verstuurd op", null=True, blank=True)
    item_count = models.PositiveSmallIntegerField("aantal berichten", default=0)

    class Meta:
        verbose_name = "verzending"
        verbose_name_plural = "verzendingen"
        constraints = [models.UniqueConstraint("edition", "subscriber", name="one_delivery_per_subscriber")]
        indexes = [models.Index(fields=["edition", "status", "next_attempt_at"], name="delivery_due")]

    def __str__(self):
        return f"{self.edition} – {self.get_status_display()}"
