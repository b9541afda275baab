"""Wagtail's content checker for editors: in the page editor's "Checks" panel and the preview's userbar."""

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem


class BuurtwijsContentChecker(ContentCheckerItem):
    """Wagtail's checks plus the image rules an editor can act on, run on the page's own content, in Dutch.

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


@hooks.register("construct_wagtail_userbar")
def use_buurtwijs_content_checker(request, items, page):
    # The editor's Checks panel reads its configuration from this same hook.
    items[:] = [
        BuurtwijsContentChecker(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem) and not isinstance(item, BuurtwijsContentChecker)
        else item
        for item in items
    ]
