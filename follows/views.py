"""The public side of Volg de buurt, every view on a never-cached URL of its own (public pages are cached and hold
no form: they link to ``/volgen/?pagina=<id>``).

- ``follow``: the form (e-mail address, what to follow, how often); spam checks and rate limits as every public form.
- ``confirm``: the link in the confirmation mail opens a page with a button; only the POST confirms, so a mail
  scanner that opens the link confirms nothing.
- ``preferences``: the personal page behind the link in every mail: follows, how often, pause, see and download
  what is stored, delete.
- ``unsubscribe``: RFC 8058 one-click: a POST with the signed token in the URL unsubscribes, without cookies or CSRF
  token (the mail program posts ``List-Unsubscribe=One-Click``); a GET shows a page with the button.
"""

import functools
import json

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from core.antispam import SpamCheckedMixin, rate_limited, too_many_requests
from follows import subscriptions
from follows.models import CONSENT_TEXT, Subscriber
from follows.targets import all_targets, target_for_key, targets_of
from follows.tokens import SubscriberGone, TokenRefused, read_confirm_token, read_personal_token

EMAIL_ERRORS = {
    "required": "Vul je e-mailadres in.",
    "invalid": "Dit e-mailadres klopt niet. Kijk het nog even na, bijvoorbeeld: naam@voorbeeld.nl.",
    "max_length": "Dit e-mailadres is te lang: hooguit %(limit_value)d tekens.",
    "null_characters_not_allowed": "Dit e-mailadres bevat een teken dat niet kan.",
}
FREQUENCY_ERRORS = {
    "required": "Kies hoe vaak je de nieuwsbrief wilt.",
    "invalid_choice": "Kies elke week of één keer per maand.",
}
TARGET_ERRORS = {
    "required": "Kies wat je wilt volgen.",
    "invalid_choice": "Kies uit de lijst wat je wilt volgen.",
    "invalid_list": "Kies uit de lijst wat je wilt volgen.",
}


class DutchNullCharacters(ProhibitNullCharactersValidator):
    message = "Dit veld bevat een teken dat niet kan."


def frequency_field():
    return forms.ChoiceField(
        label="Hoe vaak?",
        choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages=FREQUENCY_ERRORS,
    )


class FollowForm(SpamCheckedMixin, forms.Form):
    email = forms.EmailField(
        label="Je e-mailadres",
        max_length=254,
        help_text="We sturen je eerst een e-mail. Pas als je daarin op de knop drukt, volg je echt.",
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    targets = forms.MultipleChoiceField(
        label="Wat wil je volgen?", widget=forms.CheckboxSelectMultiple, error_messages=TARGET_ERRORS
    )

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.target_by_key = {target.key: target for target in targets}
        self.fields["targets"].choices = [(target.key, target.label) for target in targets]
        self.fields["targets"].initial = [target.key for target in targets]
        self.fields["frequency"] = frequency_field()
        for name in ("homepage", "started"):
            self.fields[name].validators.append(DutchNullCharacters())
        # Django's own null-character check says so in English: ours says it in Dutch.
        self.fields["email"].validators = [
            DutchNullCharacters() if isinstance(v, ProhibitNullCharactersValidator) else v
            for v in self.fields["email"].validators
        ]

    def chosen_targets(self):
        return [self.target_by_key[key] for key in self.cleaned_data["targets"]]


def followable_page(page_id):
    """The live, public page with this id that offers something to follow, and its targets; else 404."""
    page = None
    if page_id and page_id.isascii() and page_id.isdigit():
        page = Page.objects.live().public().filter(pk=page_id).specific().first()
    targets = targets_of(page) if page is not None else []
    if not targets:
        raise Http404("Deze pagina kun je niet volgen.")
    return page, targets


@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def follow(request):
    page, targets = followable_page(request.GET.get("pagina"))
    if request.method == "POST":
        if rate_limited(request, "follow"):
            return too_many_requests(request, "follow")
        form = FollowForm(request.POST, targets=targets)
        if form.is_valid():
            if not form.is_bot:  # a bot is told it worked; nothing is stored or sent
                subscriptions.request_follow(
                    form.cleaned_data["email"], form.chosen_targets(), form.cleaned_data["frequency"], page
                )
            return redirect("follow_sent")
    else:
        form = FollowForm(targets=targets)
    return render(request, "follows/follow.html", {"form": form, "target": page, "consent_text": CONSENT_TEXT})


@never_cache
@require_GET
def follow_sent(request):
    return render(request, "follows/message.html", {"title": "Kijk in je mailbox", "sent": True})


def token_in_address(view):
    """The page's address holds a signed token (the preference link never expires): no link on it may pass the address
    on as a Referer, not even to our own server's access log."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        return response

    return wrapped


def refused(request, reason, status=400):
    response = render(
        request, "follows/message.html", {"title": "Deze link werkt niet", "error": reason}, status=status
    )
    add_never_cache_headers(response)
    return response


# The token in the URL is the permission; no cookie is needed (and none is set by the page).
@never_cache
@token_in_address
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        subscriber, follow_ids = read_confirm_token(token)
    except TokenRefused as reason:
        return refused(request, str(reason))
    if request.method == "POST":
        subscriptions.confirm(subscriber, follow_ids)
        return render(
            request,
            "follows/message.html",
            {
                "title": "Gelukt: je volgt nu Buurtwijs",
                "confirmed": True,
                "preferences_url": subscriptions.preferences_url(subscriber),
            },
        )
    follows = subscriber.follows.filter(pk__in=follow_ids).select_related("theme", "region", "municipality")
    return render(request, "follows/confirm.html", {"follows": follows, "token": token})


class PreferencesForm(forms.Form):
    targets = forms.MultipleChoiceField(
        label="Wat volg je?", widget=forms.CheckboxSelectMultiple, required=False, error_messages=TARGET_ERRORS
    )
    paused = forms.BooleanField(label="Even geen nieuwsbrief (pauze)", required=False)

    def __init__(self, *args, subscriber, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["frequency"] = frequency_field()
        self.groups = all_targets()
        current = {follow.key: follow for follow in subscriber.follows.all()}
        choices = [(target.key, target.label) for _, targets in self.groups for target in targets]
        # What they follow stays a choice even when it is no longer listed (a theme taken offline).
        choices += [(key, follow.label) for key, follow in current.items() if key not in dict(choices)]
        self.fields["targets"].choices = choices
        self.initial = {"targets": list(current), "frequency": subscriber.frequency, "paused": subscriber.paused}

    def clean_targets(self):
        targets = [target_for_key(key) for key in self.cleaned_data["targets"]]
        return [target for target in targets if target is not None]


def personal(view):
    """Views behind the personal link: the subscriber from the token, or the Dutch refusal."""

    def wrapped(request, token, *args, **kwargs):
        try:
            subscriber = read_personal_token(token)
        except TokenRefused as reason:
            return refused(request, str(reason), status=404)
        return view(request, subscriber, token, *args, **kwargs)

    return wrapped


@never_cache
@token_in_address
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
@personal
def preferences(request, subscriber, token):
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST, subscriber=subscriber)
        if form.is_valid():
            subscriptions.set_follows(subscriber, form.cleaned_data["targets"])
            subscriber.frequency = form.cleaned_data["frequency"]
            subscriber.paused = form.cleaned_data["paused"]
            subscriber.save(update_fields=["frequency", "paused"])
            form = PreferencesForm(subscriber=subscriber)
            saved = True
    else:
        form = PreferencesForm(subscriber=subscriber)
    context = {
        "form": form,
        "subscriber": subscriber,
        "token": token,
        "saved": saved,
        # What is stored, as the download has it, with dates a person reads.
        "data_rows": [
            ("E-mailadres", subscriber.email),
            ("Status", subscriber.get_status_display()),
            ("Hoe vaak", subscriber.get_frequency_display()),
            ("Gepauzeerd", "ja" if subscriber.paused else "nee"),
            ("Aangemeld via", subscriber.get_source_display()),
            ("Aangevraagd op", subscriber.asked_at),
            ("Bevestigd op", subscriber.confirmed_at),
            ("Versie toestemmingstekst", subscriber.consent_version or None),
            ("Laatste nieuwsbrief tot", subscriber.last_digest_at),
        ],
        "data_follows": subscriber.follows.select_related("theme", "region", "municipality").order_by("pk"),
    }
    return render(request, "follows/preferences.html", context)


@never_cache
@token_in_address
@require_GET
@personal
def data_download(request, subscriber, token):
    response = HttpResponse(
        json.dumps(subscriptions.stored_data(subscriber), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens-buurtwijs.json"'
    return response


@never_cache
@token_in_address
@csrf_protect
@require_http_methods(["POST"])
@personal
def delete(request, subscriber, token):
    subscriptions.delete(subscriber)
    return render(request, "follows/message.html", {"title": "Je gegevens zijn verwijderd", "deleted": True})


@never_cache
@token_in_address
@csrf_exempt  # RFC 8058: the mail program posts without cookies; the signed token is the permission
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        subscriber = read_personal_token(token)
    except SubscriberGone as reason:
        if request.method == "POST":  # already gone: unsubscribing again is done
            return render(request, "follows/message.html", {"title": "Je bent afgemeld", "deleted": True})
        return refused(request, str(reason), status=404)
    except TokenRefused as reason:
        return refused(request, str(reason))
    if request.method == "POST":
        subscriptions.delete(subscriber)
        return render(request, "follows/message.html", {"title": "Je bent afgemeld", "deleted": True})
    return render(request, "follows/unsubscribe.html", {"subscriber": subscriber, "token": token})
