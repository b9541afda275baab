"""The empty site a real launch needs, built by `manage.py setup_site` and, under its own texts, by the demo.

Idempotent and safe on a live site: every page is looked up (the home page and each section by type, as there
is one of each; information pages by slug under the home page) and only what is missing is created and
published. Existing pages, and settings fields that already have a value, are left as the editors made them.
In order: the home page, the default Site pointing at it (host name, port and name from the base URL), Wagtail's
welcome page removed, the sections and information pages, the site settings, then the editorial teams and
workflows (correspondents/chain/provisioning.py).
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, Site

from community.events import EventIndexPage
from community.partners import PartnerIndexPage
from community.submissions import StorySubmissionPage
from correspondents.chain.provisioning import provision_all
from correspondents.models import RegionIndexPage
from home.models import HomePage, InformationPage, SiteSettings
from operations import site_texts
from stories.models import KennispleinPage, KnowledgeIndexPage, StoryIndexPage, ThemeIndexPage

WELCOME_PAGE_TITLE = "Welcome to your new Wagtail site!"

SECTION_MODELS = {
    "stories": StoryIndexPage,
    "themes": ThemeIndexPage,
    "knowledge": KnowledgeIndexPage,
    "regions": RegionIndexPage,
    "kennisplein": KennispleinPage,
    "events": EventIndexPage,
    "partners": PartnerIndexPage,
    "submission": StorySubmissionPage,
}


@dataclass
class SiteTexts:
    """What the pages say; the defaults are operations/site_texts.py."""

    home: dict = field(default_factory=lambda: site_texts.HOME)
    sections: dict = field(default_factory=lambda: site_texts.SECTIONS)
    information_pages: list = field(default_factory=lambda: site_texts.INFORMATION_PAGES)
    site_settings: dict = field(default_factory=lambda: site_texts.SITE_SETTINGS)
    organisation: str = site_texts.ORGANISATION_PLACEHOLDER
    contact: str = site_texts.CONTACT_PLACEHOLDER

    def fill(self, text):
        return text.replace("{organisation}", self.organisation).replace("{contact}", self.contact)


@dataclass
class SiteSkeleton:
    home: HomePage
    site: Site
    sections: dict  # key of SECTION_MODELS -> page
    information_pages: list
    created: list  # the pages this run created, parents first
    changed: list  # what else this run set or removed, in words


def site_address(url, scheme="http"):
    """(hostname, port) of a URL such as https://buurtwijs.nl or 127.0.0.1:8000; ``scheme`` when it names none.

    Port 443 makes Wagtail write https:// URLs (sitemaps, feeds, canonical links), 80 http://."""
    parts = urlsplit(url if "//" in url else f"{scheme}://{url}")
    if not parts.hostname:
        raise ValueError(f"no host name in {url!r}")
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


@transaction.atomic
def set_up_site(hostname, port, texts=None, owner=None):
    texts = texts or SiteTexts()
    builder = _Builder(texts, owner)
    root = Page.get_first_root_node()
    home = HomePage.objects.first() or builder.publish(root, HomePage(**builder.fields(texts.home)))
    site = builder.default_site(home, hostname, port, texts.home["title"])
    builder.remove_welcome_page(root)
    sections = {}
    for key, model in SECTION_MODELS.items():
        spec = texts.sections[key]
        extra = {"privacy_statement": texts.fill(spec["privacy_statement"])} if "privacy_statement" in spec else {}
        sections[key] = model.objects.child_of(home).first() or builder.publish(
            home, model(**builder.fields(spec), show_in_menus=spec["show_in_menus"], **extra)
        )
    information_pages = [
        InformationPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        or builder.publish(home, builder.information_page(spec))
        for spec in texts.information_pages
    ]
    builder.site_settings(site)
    provision_all()
    return SiteSkeleton(home, site, sections, information_pages, builder.created, builder.changed)


class _Builder:
    def __init__(self, texts, owner):
        self.texts = texts
        self.owner = owner
        self.created = []
        self.changed = []

    def fields(self, spec):
        return {
            "title": spec["title"],
            "slug": spec["slug"],
            "intro": self.texts.fill(spec["intro"]),
            "listing_summary": self.texts.fill(spec["summary"]),
        }

    def information_page(self, spec):
        body = [(block_type, self.texts.fill(html)) for block_type, html in spec["body"]]
        stream_block = InformationPage._meta.get_field("body").stream_block
        value = stream_block.clean(stream_block.to_python([{"type": t, "value": v} for t, v in body]))
        return InformationPage(**self.fields(spec), body=value, show_in_menus=False)

    def publish(self, parent, page):
        page.owner = self.owner
        parent.add_child(instance=page)  # Page.save() runs full_clean()
        page.save_revision(user=self.owner, clean=True).publish(user=self.owner, skip_permission_checks=True)
        self.created.append(page)
        return page

    def default_site(self, home, hostname, port, site_name):
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        wanted = {"root_page_id": home.pk, "hostname": hostname, "port": port, "site_name": site_name}
        if site.site_name:
            wanted["site_name"] = site.site_name  # a name the editors gave stays
        if any(getattr(site, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(site, name, value)
            site.full_clean()
            site.save()
            self.changed.append(f"site {site.hostname}:{site.port} ({site.site_name}) serves {home.title}")
        return site

    def remove_welcome_page(self, root):
        """Wagtail's welcome page goes, if it is still there untouched (no children, no site of its own)."""
        plain_page = ContentType.objects.get_for_model(Page)
        for page in root.get_children().filter(content_type=plain_page, title=WELCOME_PAGE_TITLE, numchild=0):
            if not Site.objects.filter(root_page=page).exists():
                page.delete()
                self.changed.append("Wagtail's welcome page removed")

    def site_settings(self, site):
        settings = SiteSettings.for_site(site)
        missing = [name for name in self.texts.site_settings if not getattr(settings, name)]
        if missing:
            for name in missing:
                setattr(settings, name, self.texts.fill(self.texts.site_settings[name]))
            settings.full_clean()
            settings.save()
            self.changed.append(f"site settings: {', '.join(missing)}")
