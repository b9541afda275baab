"""Wagtail's content checker for editors: in the page editor's "Checks" panel and the preview's userbar."""

from django.utils.text import slugify
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

from core.models import jargon
from core.plainlanguage import SENTENCE_CHECKS

# The plain-language check's markers (core/plainlanguage.py: mark_html, in the preview only) fail this check: an
# element without the attribute it asks for. One rule per kind of sentence and per word of the jargon list, so each
# has its own Dutch name and tip in the panel.
PLAIN_LANGUAGE_CHECK = {
    "id": "taalniveau-gemarkeerd",
    "evaluate": "attr-non-space-content-evaluate",
    "options": {"attribute": "data-taalniveau-gezien"},
}


def plain_language_rules():
    """[(rule, message)] for the flagged sentences and the jargon words of the preview."""
    rules = [
        (f"taalniveau-{kind}", f'[data-taalniveau~="{kind}"]', name, tip)
        for kind, (name, tip) in SENTENCE_CHECKS.items()
    ]
    for term, suggestion in jargon():
        rules.append(
            (
                f"taalniveau-woord-{slugify(term)}",
                f'[data-taalniveau-woord="{term}"]',
                f"Moeilijk woord: {term}",
                f"Schrijf liever: {suggestion}" if suggestion else "Leg het woord uit of kies een gewoner woord.",
            )
        )
    return rules


class BuurtwijsContentChecker(ContentCheckerItem):
    """Wagtail's checks plus the image rules an editor can act on, run on the page's own content, in Dutch; and the
    plain-language check's sentences and words, marked in the preview.

    Wagtail's Dutch translation already covers its own rules' messages; the rules added here bring theirs.
    """

    # The header, menu and footer are the same on every page and tested by the accessibility browser suite.
    axe_include = ["main"]
    axe_run_only = [*ContentCheckerItem.axe_run_only, "image-alt", "image-redundant-alt"]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": "Afbeelding zonder alternatieve tekst",
            "help_text": "Beschrijf bij de afbeelding wat erop te zien is, voor wie hem niet kan zien",
        },
        "image-redundant-alt": {
            "error_name": "Alternatieve tekst herhaalt de tekst ernaast",
            "help_text": "Beschrijf wat er op de afbeelding te zien is, in plaats van bijschrift of kop te herhalen",
        },
    }

    def plain_language(self):
        if not hasattr(self, "_plain_language"):
            self._plain_language = plain_language_rules()
        return self._plain_language

    def get_axe_run_only(self, request):
        return [*super().get_axe_run_only(request), *(rule_id for rule_id, *_ in self.plain_language())]

    def get_axe_custom_rules(self, request):
        return [
            *super().get_axe_custom_rules(request),
            *(
                {
                    "id": rule_id,
                    "impact": "minor",
                    "selector": selector,
                    "tags": ["best-practice"],
                    "any": [PLAIN_LANGUAGE_CHECK["id"]],
                    "enabled": True,
                }
                for rule_id, selector, *_ in self.plain_language()
            ),
        ]

    def get_axe_custom_checks(self, request):
        return [*super().get_axe_custom_checks(request), PLAIN_LANGUAGE_CHECK]

    def get_axe_messages(self, request):
        return {
            **super().get_axe_messages(request),
            **{
                rule_id: {"error_name": name, "help_text": tip}
                for rule_id, _selector, name, tip in self.plain_language()
            },
        }


@hooks.register("construct_wagtail_userbar")
def use_buurtwijs_content_checker(request, items, page):
    # The editor's Checks panel reads its configuration from this same hook.
    items[:] = [
        BuurtwijsContentChecker(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem) and not isinstance(item, BuurtwijsContentChecker)
        else item
        for item in items
    ]
