"""The editors' side of Volg de buurt, under Nieuwsbrief in the admin menu.

- The central team (and administrators) write the editions (a snippet), look at a preview, send a test to
  themselves, follow how an edition goes out (sent, nothing new, waiting, failed or uncertain with the reason),
  export the subscribers as a CSV file for Excel and import the readers of the old newsletter.
- Regional editors see how many people follow each theme, region and municipality: counts, never addresses.
"""

import csv
import datetime
import io

from django import forms
from django.contrib import messages
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_tasks import task
from wagtail.admin.auth import permission_denied

from core.mail import deliver
from core.spreadsheet import csv_download
from correspondents.chain.provisioning import EVERY_REGION, edited_regions
from follows.digest import ELSEWHERE_WINDOW, Candidates, build_message, digest_context, edition_context
from follows.models import (
    CONSENT_VERSION,
    Delivery,
    Edition,
    Follow,
    Subscriber,
    Suppression,
    normalise_email,
    suppression_hashes,
)
from follows.sending import SEND_TIME, mail_domain
from follows.subscriptions import absolute, confirmation_message

EXPORT_HEADERS = [
    "E-mailadres",
    "Status",
    "Hoe vaak",
    "Gepauzeerd",
    "Volgt",
    "Aangevraagd op",
    "Bevestigd op",
    "Versie toestemmingstekst",
    "Aangemeld via",
]
IMPORT_MAX_BYTES = 5 * 1024 * 1024


def is_central(user):
    return edited_regions(user) == EVERY_REGION


def is_editor(user):
    return bool(edited_regions(user))


def moment(value):
    return timezone.localtime(value).strftime("%d-%m-%Y %H:%M") if value else ""


# Editions --------------------------------------------------------------------------------------------------------


@never_cache
def overview(request):
    """Every edition with how its sending goes; the follow counts below."""
    if not is_editor(request.user):
        return permission_denied(request)
    central = is_central(request.user)
    editions = []
    if central:
        editions = Edition.objects.annotate(
            **{status: Count("deliveries", filter=Q(deliveries__status=status)) for status in Delivery.Status.values}
        ).order_by("-send_on")[:26]
    context = {
        "editions": editions,
        "central": central,
        "follow_counts": follow_counts(),
        "next_monday": next_monday() if central else None,
    }
    if central:
        context["next_is_ready"] = Edition.objects.filter(send_on=context["next_monday"], ready=True).exists()
    return TemplateResponse(request, "follows/admin/overview.html", context)


def next_monday():
    """The Monday the next edition goes out: today until 07:00 on a Monday, else the coming one."""
    now = timezone.localtime(timezone.now(), timezone.get_default_timezone())
    days = (7 - now.weekday()) % 7
    if days == 0 and now.time() >= SEND_TIME:
        days = 7
    return now.date() + datetime.timedelta(days=days)


def follow_counts():
    """(label, confirmed and active, waiting for confirmation) per thing followed, most followed first."""
    rows = (
        Follow.objects.values("key", "theme__title", "region__title", "municipality__name")
        .annotate(
            active=Count("pk", filter=Q(confirmed_at__isnull=False, subscriber__status=Subscriber.Status.ACTIVE)),
            waiting=Count("pk", filter=Q(confirmed_at__isnull=True)),
        )
        .order_by("-active", "key")
    )
    return [
        {
            "label": (
                f"Thema {row['theme__title']}"
                if row["theme__title"]
                else f"Regio {row['region__title']}"
                if row["region__title"]
                else f"Gemeente {row['municipality__name']}"
                if row["municipality__name"]
                else "Alles van Buurtwijs"
            ),
            "active": row["active"],
            "waiting": row["waiting"],
        }
        for row in rows
    ]


def preview_message(edition, to, now=None):
    """The edition as a reader who follows everything would get it now (or as it went out): everything of its week."""
    until = edition.cutoff or now or timezone.now()
    candidates = Candidates(until - ELSEWHERE_WINDOW, until, edition.source_tag)
    archive = absolute(reverse("newsletter_archive"))
    context = digest_context(
        edition_context(edition), candidates.items, None, ["Alles van Buurtwijs"], archive, archive
    )
    return build_message(edition, to, context, "test", mail_domain()), len(candidates.items)


@never_cache
def preview(request, pk):
    if not is_central(request.user):
        return permission_denied(request)
    edition = get_object_or_404(Edition, pk=pk)
    mail, count = preview_message(edition, request.user.email or "voorbeeld@buurtwijs.nl")
    html = mail.alternatives[0][0] if count else ""
    if not count:
        html = "<p>Er is deze week nog niets nieuws: zo’n nieuwsbrief gaat niet weg.</p>"
    return HttpResponse(html)


@require_POST
def test_send(request, pk):
    if not is_central(request.user):
        return permission_denied(request)
    edition = get_object_or_404(Edition, pk=pk)
    if not request.user.email:
        messages.error(request, "Je account heeft geen e-mailadres. Vul het in bij je account en probeer het opnieuw.")
        return redirect("follows_overview")
    mail, count = preview_message(edition, request.user.email)
    mail.subject = f"[Test] {mail.subject}"
    if deliver([mail]):
        messages.success(request, f"De testmail is verstuurd naar {request.user.email} ({count} berichten).")
    else:
        messages.error(request, "De testmail kon niet worden verstuurd. Probeer het later nog eens.")
    return redirect("follows_overview")


@never_cache
def deliveries(request, pk):
    """How an edition goes out: the counts, and every delivery that failed, is uncertain or still waits, with its
    error."""
    if not is_central(request.user):
        return permission_denied(request)
    edition = get_object_or_404(Edition, pk=pk)
    counts = dict(edition.deliveries.values_list("status").annotate(count=Count("pk")))
    problems = (
        edition.deliveries.filter(
            status__in=[Delivery.Status.FAILED, Delivery.Status.UNCERTAIN, Delivery.Status.PENDING]
        )
        .exclude(attempts=0, last_error="")
        .select_related("subscriber")
        .order_by("status", "pk")[:500]
    )
    context = {
        "edition": edition,
        "counts": [(label, counts.get(value, 0)) for value, label in Delivery.Status.choices],
        "problems": problems,
    }
    return TemplateResponse(request, "follows/admin/deliveries.html", context)


# Subscribers -----------------------------------------------------------------------------------------------------


@never_cache
def export_csv(request):
    if not is_central(request.user):
        return permission_denied(request)
    return csv_download(f"volgers-{timezone.localdate():%Y-%m-%d}.csv", EXPORT_HEADERS, subscriber_rows())


def subscriber_rows():
    follows = Follow.objects.select_related("theme", "region", "municipality").order_by("pk")
    subscribers = Subscriber.objects.prefetch_related(Prefetch("follows", queryset=follows)).order_by("email")
    for subscriber in subscribers.iterator(chunk_size=2000):
        yield [
            subscriber.email,
            subscriber.get_status_display(),
            subscriber.get_frequency_display(),
            "ja" if subscriber.paused else "nee",
            ", ".join(
                follow.label + ("" if follow.confirmed_at else " (niet bevestigd)")
                for follow in subscriber.follows.all()
            ),
            moment(subscriber.asked_at),
            moment(subscriber.confirmed_at),
            subscriber.consent_version,
            subscriber.get_source_display(),
        ]


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV-bestand met e-mailadressen",
        help_text="Eén adres per regel (of een kolom met adressen). Hooguit 5 MB.",
        error_messages={"required": "Kies een bestand.", "empty": "Dit bestand is leeg."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError("Dit bestand is te groot: hooguit 5 MB.")
        raw = upload.read()
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            try:
                return addresses_in(text)
            except csv.Error:  # e.g. a stray quote that makes the rest of the file one field
                break
        raise forms.ValidationError("Dit bestand kunnen we niet lezen. Sla het op als CSV (UTF-8) en probeer opnieuw.")


def addresses_in(text):
    """Every cell with an @ in it, normalised, in order, once; and the number of cells that looked like an address but
    are not one."""
    found, invalid = {}, 0
    dialect = csv.excel
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        pass
    for row in csv.reader(io.StringIO(text), dialect):
        for cell in row:
            if "@" not in cell:
                continue
            email = normalise_email(cell)
            try:
                if len(email) > 254 or "\x00" in email:
                    raise forms.ValidationError("te lang")
                validate_email(email)
            except forms.ValidationError:
                invalid += 1
                continue
            found.setdefault(email, None)
    return list(found), invalid


def import_addresses(emails):
    """Add each new address as an unconfirmed subscriber who follows everything, and queue their re-permission
    mail. Addresses in the suppression list or already known are left alone. Returns (added, known, suppressed)."""
    hashes = set(Suppression.objects.values_list("digest", flat=True))
    known = set(Subscriber.objects.filter(email__in=emails).values_list("email", flat=True))
    suppressed = [email for email in emails if hashes.intersection(suppression_hashes(email))]
    new = [email for email in emails if email not in known and email not in suppressed]
    now = timezone.now()
    with transaction.atomic():
        created = Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=email,
                    source=Subscriber.Source.IMPORT,
                    asked_at=now,
                    consent_version="",
                    confirmation_sent_at=now,
                )
                for email in new
            ],
            batch_size=1000,
        )
        created = list(Subscriber.objects.filter(email__in=new).values_list("pk", flat=True)) if created else []
        Follow.objects.bulk_create(
            [
                Follow(
                    subscriber_id=pk,
                    key=Follow.EVERYTHING,
                    asked_at=now,
                    page_url="import",
                    consent_version=CONSENT_VERSION,
                )
                for pk in created
            ],
            batch_size=1000,
        )
        if created:
            transaction.on_commit(lambda: send_repermission_mails.enqueue(created))
    return len(created), len(known), len(suppressed)


@task()
def send_repermission_mails(subscriber_ids):
    """The confirmation mail to imported readers, over one connection; a failure flags the subscriber."""
    subscribers = Subscriber.objects.filter(pk__in=subscriber_ids, status=Subscriber.Status.PENDING)
    sent = 0
    for subscriber in subscribers.iterator():
        follows = list(subscriber.follows.filter(confirmed_at__isnull=True))
        if deliver([confirmation_message(subscriber, follows)]):
            sent += 1
        else:
            Subscriber.objects.filter(pk=subscriber.pk).update(mail_failed=True)
    return sent


@never_cache
def import_view(request):
    if not is_central(request.user):
        return permission_denied(request)
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            emails, invalid = form.cleaned_data["file"]
            added, known, suppressed = import_addresses(emails)
            messages.success(
                request,
                f"{added} nieuwe adressen krijgen een e-mail om te bevestigen. {known} adressen waren al bekend, "
                f"{suppressed} staan op de blokkeerlijst (die voegen we niet toe), {invalid} waren geen geldig adres.",
            )
            return redirect("follows_overview")
    else:
        form = ImportForm()
    return TemplateResponse(request, "follows/admin/import.html", {"form": form})
