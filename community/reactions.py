"""Het gesprek: readers react on practice stories and knowledge pages, and the editors moderate first.

A reaction is stored as pending and shown under its page only once a moderator approves it
(community/reaction_admin.py). The form lives on its own never-cached URL (/reageren/<page id>/): the pages
themselves are kept by a shared cache, so they hold no CSRF token and no per-visitor state. Approving a reaction
mails the page's author; every change to what a page shows purges that page and the listings with its count.
"""

from django import forms
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from core.antispam import SpamCheckedMixin, rate_limited, too_many_requests
from core.mail import flag_mail_failed, message, send_after_commit
from stories import purging
from stories.models import KnowledgePage, PracticeStoryPage
from stories.models.reactions import TEXT_MAX_LENGTH, Reaction


def reactable_types():
    return (PracticeStoryPage, KnowledgePage)


# Moderation ---------------------------------------------------------------------------------------


def moderate(reactions, status, user):
    """Give each reaction ``status``. A reaction that becomes approved mails its page's author; every page whose
    shown reactions change is purged from the frontend cache after the commit."""
    changed_pages = {}
    with transaction.atomic():
        for reaction in reactions:
            was_shown = reaction.status == Reaction.Status.APPROVED
            if reaction.status == status:
                continue
            reaction.status = status
            reaction.moderated_at = timezone.now()
            reaction.moderated_by = user
            reaction.save(update_fields=["status", "moderated_at", "moderated_by"])
            if status == Reaction.Status.APPROVED:
                notify_author(reaction)
            if was_shown or status == Reaction.Status.APPROVED:
                changed_pages[reaction.page_id] = reaction.page
        purge_after_commit(changed_pages.values())


def purge_after_commit(pages):
    """Purge the pages (and the listings that show their reaction count) once the change is committed."""
    pages = list(pages)
    if pages:
        transaction.on_commit(lambda: purging.purge_pages_and_listings([page.specific_deferred for page in pages]))


def page_author(page):
    """Who wrote the page: a story's author's account if it has one, else the page owner (or None)."""
    profile = getattr(page.specific_deferred, "author", None)
    return getattr(profile, "user", None) or page.owner


def notify_author(reaction):
    """Mail the page's author that a reaction is shown, after the commit; a failure flags the reaction."""
    pk = reaction.pk

    def build():
        stored = Reaction.objects.select_related("page").get(pk=pk)
        author = page_author(stored.page)
        if author is None or not author.email or author.pk == stored.moderated_by_id:
            return []  # nobody to tell, or the author approved it themselves
        context = {"reaction": stored, "page": stored.page, "page_url": stored.page.full_url}
        subject = f"Nieuwe reactie op ‘{stored.page.title}’"
        return [message("stories/mail/reaction_approved.txt", subject, [author.email], context)]

    send_after_commit(build, on_failure=flag_mail_failed(reaction))


# The public form -----------------------------------------------------------------------------------


class ReactionForm(SpamCheckedMixin, forms.ModelForm):
    class Meta:
        model = Reaction
        fields = ["name", "email", "text"]
        labels = {"name": "Je naam", "email": "Je e-mailadres", "text": "Je reactie"}
        help_texts = {
            "name": "Je naam staat boven je reactie.",
            "email": "Alleen de redactie ziet dit. We tonen het nooit en sturen je geen reclame.",
            "text": f"Hoogstens {TEXT_MAX_LENGTH} tekens. Je reactie verschijnt nadat de redactie hem heeft gelezen.",
        }
        error_messages = {
            "name": {
                "required": "Vul je naam in.",
                "max_length": "Je naam is te lang: hoogstens %(limit_value)d tekens (nu %(show_value)d).",
            },
            "email": {
                "required": "Vul je e-mailadres in.",
                "invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
                "max_length": "Je e-mailadres is te lang: hoogstens %(limit_value)d tekens.",
            },
            "text": {
                "required": "Schrijf je reactie.",
                "max_length": "Je reactie is te lang: hoogstens %(limit_value)d tekens (nu %(show_value)d). "
                "Maak hem wat korter.",
            },
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "text": forms.Textarea(attrs={"rows": 8}),
        }
        # Django links each field to its hint and error (aria-describedby "<id>_helptext <id>_error"); the
        # template gives them those ids.


def reactable_page(page_id):
    """The live, public story or knowledge page with this id, or 404."""
    page = Page.objects.live().public().type(*reactable_types()).filter(pk=page_id).specific().first()
    if page is None:
        raise Http404("Op deze pagina kun je niet reageren.")
    return page


def dilemma_question(page):
    """The question of the story's (first) dilemma, if it has one: the conversation starts there."""
    body = getattr(page, "body", None)
    block = body.first_block_by_name("dilemma") if body is not None else None
    return block.value["question"] if block is not None else ""


@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def reaction_form(request, page_id):
    page = reactable_page(page_id)
    if request.method == "POST":
        if rate_limited(request, "reaction"):
            return too_many_requests(request, "reaction")
        form = ReactionForm(request.POST)
        if form.is_valid():
            if not form.is_bot:  # a bot is told it worked; nothing is stored
                reaction = form.save(commit=False)
                reaction.page = page
                reaction.save()
            return redirect("reaction_thanks", page_id=page.pk)
    else:
        form = ReactionForm()
    context = {"form": form, "target": page, "dilemma": dilemma_question(page)}
    return render(request, "stories/reaction_form.html", context)


@never_cache
@require_GET
def reaction_thanks(request, page_id):
    page = reactable_page(page_id)
    return render(request, "stories/reaction_form.html", {"target": page, "sent": True})
