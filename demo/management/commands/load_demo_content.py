"""Load the Dutch demo content and demo users: `manage.py load_demo_content`.

Idempotent: every object is looked up by a natural key (slug under its parent, image and document
title, snippet name, username) and only what is missing is created. Pages are published once, with a
revision, when they are created; existing pages are never re-published, so a second run adds nothing.
A few stories are not published but walked through the editorial chain (demo.CHAIN_STORIES) as the demo
users would: drafted, submitted, approved or sent back, so every dashboard has work on it. That happens
once, when such a story is created; the demo's history sends no e-mail.
Refuses to run with production settings: the demo accounts share one published password.
"""

import hashlib
import io
import logging
import os
import random
import time
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, PageLogEntry, Revision, TaskState, WorkflowState
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.users.models import UserProfile

from community.events import EventPage, EventRegistration
from correspondents.chain.provisioning import ensure_central_team, provision_region
from correspondents.models import (
    CorrespondentProfile,
    Municipality,
    RegionalNewsPage,
    RegionPage,
)
from demo import demo_content as demo
from home.models import BuurtwijsImage, HomeFeaturedTheme
from operations import site_texts
from operations.site_setup import SiteTexts, set_up_site, site_address
from stories.models import (
    KnowledgePage,
    Partner,
    PracticeStoryPage,
    Reaction,
    StoryBuurtmaker,
    StoryKnowledgeLink,
    TargetGroup,
    ThemeCuratedPick,
    ThemeHubPage,
)

LAUNCH_DAYS_AGO = 760  # the sections and theme pages are "published" this long ago; stories follow
SCENE_SIZE = (1600, 900)
PORTRAIT_SIZE = (800, 800)
CONSENT_DAYS_BEFORE = 14  # buurtmakers gave their consent this long before their story went live or was written
CHAIN_ACTIONS = {"write", "submit", "approve", "reject"}
SILENT_EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"


def counted_models():
    """The models whose row counts show what a run created (and that a second run creates nothing)."""
    return {
        "pages": Page,
        "revisions": Revision,
        "images": BuurtwijsImage,
        "documents": get_document_model(),
        "municipalities": Municipality,
        "target groups": TargetGroup,
        "partners": Partner,
        "correspondent profiles": CorrespondentProfile,
        "users": get_user_model(),
        "groups": Group,
        "knowledge links": StoryKnowledgeLink,
        "buurtmakers": StoryBuurtmaker,
        "workflow states": WorkflowState,
        "task states": TaskState,
        "search promotions": SearchPromotion,
        "reactions": Reaction,
    }


def model_counts():
    return {name: model.objects.count() for name, model in counted_models().items()}


def refuse_production_settings():
    # While override_settings is active (pytest-django's `settings` fixture) settings.SETTINGS_MODULE is None.
    module = getattr(settings, "SETTINGS_MODULE", None) or os.environ.get("DJANGO_SETTINGS_MODULE", "")
    if module.endswith(".production") or (not settings.DEBUG and not module.endswith(".test")):
        raise CommandError(
            f"load_demo_content refuses to run with these settings ({module or 'unknown'}, DEBUG={settings.DEBUG}): "
            "it creates demo accounts with a published password. Use buurtwijs.settings.dev (or .test)."
        )


class Command(BaseCommand):
    help = "Load the Dutch demo content and demo users (idempotent; refuses production settings)."

    def handle(self, *args, **options):
        refuse_production_settings()
        started = time.monotonic()
        before = model_counts()
        # The chain's notifications go out when the transaction commits: the demo's made-up history mails nobody.
        with quiet_logging(options["verbosity"] < 2), override_settings(EMAIL_BACKEND=SILENT_EMAIL_BACKEND):
            with transaction.atomic():
                loader = DemoLoader()
                loader.load()
        after = model_counts()
        if options["verbosity"] < 1:
            return

        created = [f"{after[name] - before[name]} {name}" for name in before if after[name] != before[name]]
        elapsed = time.monotonic() - started
        if created:
            self.stdout.write(f"Demo content loaded in {elapsed:.1f} s. Created: {', '.join(created)}.")
        else:
            self.stdout.write(f"Demo content already complete; nothing created ({elapsed:.1f} s).")
        self.write_logins(loader.logins, loader.existing_usernames)

    def write_logins(self, logins, existing_usernames):
        self.stdout.write("")
        self.stdout.write("Demo logins (development only):")
        name_width = max(len(username) for username, _ in logins) + 2
        role_width = max(len(role) for _, role in logins) + 2
        self.stdout.write(f"  {'username'.ljust(name_width)}{'role'.ljust(role_width)}password")
        for username, role in logins:
            self.stdout.write(f"  {username.ljust(name_width)}{role.ljust(role_width)}{demo.PASSWORD}")
        if existing_usernames:
            self.stdout.write("  (accounts that already existed keep the password they have)")
        self.stdout.write("")
        site_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(f"Site:  {site_url}/")
        self.stdout.write(f"Admin: {site_url}/admin/")


@contextmanager
def quiet_logging(quiet):
    """Wagtail and django-tasks log every page save and background task at INFO: hundreds of lines here."""
    loggers = [logging.getLogger(name) for name in ("wagtail", "django_tasks")] if quiet else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class DemoLoader:
    """Builds the demo tree. Create-only: what exists (by natural key) is left as it is."""

    def __init__(self):
        self.now = timezone.now()
        self.launch = (self.now - timedelta(days=LAUNCH_DAYS_AGO)).replace(hour=9, minute=0, second=0, microsecond=0)
        self.new_pages = []  # (page, first_published_at), in creation order: parents before children
        self.pages = {}  # demo.Ref -> page
        self.images = {}
        self.documents = {}
        self.regions = {}
        self.municipalities = {}
        self.profiles = {}  # (region slug, "correspondent" | "editor") -> CorrespondentProfile
        self.target_groups = {}
        self.partners = {}
        self.new_theme_specs = []  # (page, spec) of theme pages created in this run
        self.logins = []  # (username, role)
        self.central_editor = None
        self.users = {}  # username -> user
        self.existing_usernames = set()
        self._password_hash = None

    def load(self):
        check_data()
        self.user(demo.ADMINISTRATOR, "beheerder (superuser)", superuser=True)
        self.central_editor = self.user(demo.CENTRAL_EDITOR, "centrale redactie")
        skeleton = set_up_site(*site_address(settings.WAGTAILADMIN_BASE_URL), demo_texts(), owner=self.central_editor)
        home, indexes = skeleton.home, skeleton.sections
        self.home, self.launched_pages = home, skeleton.created
        self.central_editor.groups.add(ensure_central_team(home))
        for offset, page in enumerate(skeleton.created):  # the launch, in the order setup_site built the site
            self.new_pages.append((page, self.launch + timedelta(hours=offset)))
        for key, page in indexes.items():
            self.pages[demo.Ref("index", key)] = page

        root_collection = Collection.get_first_root_node()
        for key, spec in demo.IMAGES.items():
            if "region" not in spec:
                self.images[key] = self.scene_image(key, spec, root_collection)
        for key, spec in demo.DOCUMENTS.items():
            self.documents[key] = self.document(spec, root_collection)
        self.target_groups = {name: self.snippet(TargetGroup, name=name) for name in demo.TARGET_GROUPS}
        self.partners = {spec["name"]: self.snippet(Partner, **spec) for spec in demo.PARTNERS}

        self.themes(indexes["themes"])
        for offset, spec in enumerate(demo.REGIONS):
            self.region(indexes["regions"], spec, self.launch + timedelta(days=10, hours=offset))
        for offset, spec in enumerate(demo.KNOWLEDGE):
            self.knowledge_page(indexes["knowledge"], spec, self.launch + timedelta(days=3, hours=offset))
        for number, spec in enumerate(demo.STORIES):
            self.story(indexes["stories"], spec, self.published_at(spec["days_ago"], number))
        for number, spec in enumerate(demo.NEWS):
            self.news(spec, self.published_at(spec["days_ago"], number))
        for number, spec in enumerate(demo.EVENTS):
            self.event(indexes["events"], spec, self.published_at(spec["published_days_ago"], number))
        self.finish_new_theme_pages()
        if home in skeleton.created:
            home.featured_themes = [
                self.validated(HomeFeaturedTheme(theme=self.pages[demo.Ref("theme", slug)]), "home")
                for slug in demo.HOME["featured_themes"]
            ]
        self.publish_new_pages()
        self.search_promotions()
        for spec in demo.CHAIN_STORIES:
            self.chain_story(indexes["stories"], spec)
        for spec in demo.REACTIONS:
            self.reaction(spec)

    # Pages

    def published_at(self, days_ago, number):
        moment = self.now - timedelta(days=days_ago)
        return moment.replace(hour=8 + number % 9, minute=(number * 13) % 60, second=0, microsecond=0)

    def child_page(self, parent, model, slug, published_at, build, one_per_parent=False):
        """The child of `parent` with this slug (or of this type, if there is one per parent), else a new page.

        A new page comes from build() and is added as a child: live, without a revision yet. New pages get their
        revision and are published at the end, once every page they refer to exists; the reference index is
        updated once, when they are published.
        """
        children = model.objects.child_of(parent)
        page = (children if one_per_parent else children.filter(slug=slug)).first()
        if page is not None:
            return page, False
        page = build()
        page.slug = slug
        page.first_published_at = published_at
        author = getattr(page, "author", None)
        page.owner = author.user if author and author.user else self.central_editor
        with disable_reference_index_auto_update():
            parent.add_child(instance=page)  # Page.save() runs full_clean()
        self.new_pages.append((page, published_at))
        return page, True

    def event(self, event_index, spec, published_at):
        day = timezone.localdate() + timedelta(days=spec["in_days"])

        def at(clock):
            clock_time = datetime.strptime(clock, "%H:%M").time()
            return datetime.combine(day, clock_time, tzinfo=timezone.get_default_timezone())

        page, _ = self.child_page(
            event_index,
            EventPage,
            spec["slug"],
            published_at,
            lambda: EventPage(
                title=spec["title"],
                intro=spec["intro"],
                start=at(spec["time"][0]),
                end=at(spec["time"][1]),
                venue=spec["venue"],
                address=spec["address"],
                municipality=self.municipalities.get(spec["municipality"]),
                online_url=spec["online_url"],
                themes=[self.pages[demo.Ref("theme", slug)] for slug in spec["themes"]],
                partners=[self.partners[name] for name in spec["partners"]],
                dilemma=spec["dilemma"],
                related_stories=[self.pages[demo.Ref("story", slug)] for slug in spec["stories"]],
                registration_url=spec["registration_url"],
                registration_open=not spec["registration_url"] and spec["capacity"] is not None,
                capacity=spec["capacity"],
            ),
        )
        for number in range(spec["registrations"]):
            EventRegistration.objects.get_or_create(
                event=page,
                email=f"deelnemer{number + 1}@example.org",
                defaults={"name": demo.EVENT_REGISTRANTS[number % len(demo.EVENT_REGISTRANTS)]},
            )

    def themes(self, theme_index):
        for offset, spec in enumerate(demo.THEMES):
            page, created = self.child_page(
                theme_index,
                ThemeHubPage,
                spec["slug"],
                self.launch + timedelta(days=1, hours=offset),
                lambda spec=spec: ThemeHubPage(
                    title=spec["title"],
                    intro=spec["intro"],
                    listing_summary=spec["summary"],
                    listing_image=self.images[spec["image"]],
                ),
            )
            self.pages[demo.Ref("theme", spec["slug"])] = page
            if created:
                self.new_theme_specs.append((page, spec))

    def finish_new_theme_pages(self):
        """Related themes and curated picks refer to pages created after the themes: set them before publishing."""
        for page, spec in self.new_theme_specs:
            page.related_themes = [self.pages[demo.Ref("theme", slug)] for slug in spec["related"]]
            page.curated_picks = [
                self.validated(ThemeCuratedPick(page=self.pages[ref]), "theme") for ref in spec["picks"]
            ]

    def region(self, region_index, spec, published_at):
        region, created = self.child_page(
            region_index,
            RegionPage,
            spec["slug"],
            published_at,
            lambda: RegionPage(title=spec["title"], intro=spec["intro"], listing_summary=spec["summary"]),
        )
        self.regions[spec["slug"]] = region
        self.pages[demo.Ref("region", spec["slug"])] = region
        correspondents, editors, collection = provision_region(region)

        self.images[spec["image"]] = self.scene_image(spec["image"], demo.IMAGES[spec["image"]], collection)
        if created:
            region.listing_image = self.images[spec["image"]]
        for name in spec["municipalities"]:
            self.municipalities[name] = self.municipality(name, region)

        roles = {
            "correspondent": (CorrespondentProfile.Role.CORRESPONDENT, correspondents, "correspondent"),
            "editor": (CorrespondentProfile.Role.REGIONAL_EDITOR, editors, "regioredacteur"),
        }
        for key, (role, group, label) in roles.items():
            person = spec["people"][key]
            user = self.user(person, f"{label} {spec['title']}", groups=[group])
            self.profiles[spec["slug"], key] = self.correspondent_profile(person, user, region, role, collection)

    def knowledge_page(self, knowledge_index, spec, published_at):
        def build():
            page = KnowledgePage(
                title=spec["title"],
                kind=spec["kind"],
                intro=spec["intro"],
                author_name=spec["author_name"],
                listing_image=self.images[spec["image"]],
                body=self.stream(KnowledgePage, "body", spec["body"]),
                sources=self.stream(
                    KnowledgePage, "sources", [("source", {"citation": c, "url": url}) for c, url in spec["sources"]]
                ),
            )
            page.themes = [self.pages[demo.Ref("theme", slug)] for slug in spec["themes"]]
            return page

        page, _ = self.child_page(knowledge_index, KnowledgePage, spec["slug"], published_at, build)
        self.pages[demo.Ref("knowledge", spec["slug"])] = page

    def story(self, story_index, spec, published_at):
        parent = self.regions[spec["region"]] if spec["region"] else story_index
        page, _ = self.child_page(
            parent, PracticeStoryPage, spec["slug"], published_at, lambda: self.new_story(spec, published_at)
        )
        self.pages[demo.Ref("story", spec["slug"])] = page

    def new_story(self, spec, written_at):
        """An unsaved story from its spec, with the consent record of the buurtmakers it names."""
        start, end = spec["period"]
        names = [name for name, _role, _organisation in spec["buurtmakers"]]
        page = PracticeStoryPage(
            title=spec["title"],
            intro=spec["intro"],
            listing_image=self.images[spec["image"]],
            body=self.stream(PracticeStoryPage, "body", spec["body"]),
            municipality=self.municipalities[spec["municipality"]] if spec["municipality"] else None,
            author=self.profiles[spec["region"], spec["author"]] if spec["author"] else None,
            period_start=date.fromisoformat(start),
            period_end=date.fromisoformat(end) if end else None,
            consent_given_by=", ".join(names),
            consent_method=spec["consent"] if names else "",
            consent_date=(written_at - timedelta(days=CONSENT_DAYS_BEFORE)).date() if names else None,
        )
        page.themes = [self.pages[demo.Ref("theme", slug)] for slug in spec["themes"]]
        page.target_groups = [self.target_groups[name] for name in spec["target_groups"]]
        page.partners = [self.partners[name] for name in spec["partners"]]
        page.buurtmakers = [
            self.validated(StoryBuurtmaker(name=name, role=role, organisation=organisation), "story")
            for name, role, organisation in spec["buurtmakers"]
        ]
        page.knowledge_links = [
            self.validated(
                StoryKnowledgeLink(knowledge_page=self.pages[demo.Ref("knowledge", slug)], relation=relation),
                "story",
            )
            for slug, relation in spec["knowledge"]
        ]
        return page

    def chain_story(self, story_index, spec):
        """A story that is not published but on its way through the chain: its history replayed as the real users.

        The same calls the page editor makes (save a revision, start the page's workflow, the task's on_action),
        so the workflows' own rules apply (reviewers, self-approval, the consent gate); each step is then dated.
        """
        parent = self.regions[spec["region"]] if spec["region"] else story_index
        page = PracticeStoryPage.objects.child_of(parent).filter(slug=spec["slug"]).first()
        if page is not None:
            self.pages[demo.Ref("story", spec["slug"])] = page
            return
        first, *steps = spec["history"]
        writer = self.users[first.username]
        written_at = self.step_moment(first.days_ago)
        page = self.new_story(spec, written_at)
        page.slug = spec["slug"]
        page.live = False
        page.owner = writer
        with self.dated(page, written_at):
            parent.add_child(instance=page)  # logs "created" as the owner
            page.save_revision(user=writer, log_action=True)
        for step in steps:
            user = self.users[step.username]
            with self.dated(page, self.step_moment(step.days_ago)):
                if step.action == "submit":
                    page.get_workflow().start(page, user)
                else:
                    task_state = page.current_workflow_task_state
                    task_state.task.specific.on_action(task_state, user, step.action, comment=step.comment)
        self.pages[demo.Ref("story", spec["slug"])] = page

    def reaction(self, spec):
        """A reader's reaction (community/reactions.py), created once: looked up by its page, name and text."""
        created_at = self.now - timedelta(days=spec["days_ago"])
        Reaction.objects.get_or_create(
            page=self.pages[spec["page"]],
            name=spec["name"],
            text=spec["text"],
            defaults={
                "email": spec["email"],
                "status": spec["status"],
                "editorial_response": spec["response"],
                "created_at": created_at,
                "moderated_at": created_at + timedelta(hours=5) if spec["status"] != "pending" else None,
                "moderated_by": self.central_editor if spec["status"] != "pending" else None,
            },
        )

    def step_moment(self, days_ago):
        return (self.now - timedelta(days=days_ago)).replace(hour=10, minute=30, second=0, microsecond=0)

    @contextmanager
    def dated(self, page, moment):
        """Move what the block records about `page` (revisions, log entries, workflow and task states) to `moment`."""
        started = timezone.now()
        yield
        page_type = ContentType.objects.get_for_model(Page)
        states = WorkflowState.objects.filter(base_content_type=page_type, object_id=str(page.pk))
        task_states = TaskState.objects.filter(workflow_state__in=states)
        Revision.objects.filter(base_content_type=page_type, object_id=str(page.pk), created_at__gte=started).update(
            created_at=moment
        )
        Page.objects.filter(pk=page.pk, latest_revision_created_at__gte=started).update(
            latest_revision_created_at=moment
        )
        PageLogEntry.objects.filter(page_id=page.pk, timestamp__gte=started).update(timestamp=moment)
        states.filter(created_at__gte=started).update(created_at=moment)
        task_states.filter(started_at__gte=started).update(started_at=moment)
        task_states.filter(finished_at__gte=started).update(finished_at=moment)

    def news(self, spec, published_at):
        self.child_page(
            self.regions[spec["region"]],
            RegionalNewsPage,
            spec["slug"],
            published_at,
            lambda: RegionalNewsPage(
                title=spec["title"],
                intro=spec["intro"],
                listing_image=self.images[spec["image"]],
                body=self.stream(RegionalNewsPage, "body", spec["body"]),
                municipality=self.municipalities[spec["municipality"]] if spec["municipality"] else None,
                author=self.profiles[spec["region"], spec["author"]] if spec["author"] else None,
            ),
        )

    def publish_new_pages(self):
        """One revision per new page, published, then dated as if it went live at its own moment. The pages
        setup_site made are published already: only dated (the home page gets its featured themes first)."""
        for page, published_at in self.new_pages:
            if page in self.launched_pages and page.pk != self.home.pk:
                revision = page.latest_revision
            else:
                with disable_reference_index_auto_update():
                    revision = page.save_revision(user=page.owner, clean=True)
                revision.publish(user=self.central_editor, skip_permission_checks=True)
            Page.objects.filter(pk=page.pk).update(
                first_published_at=published_at, last_published_at=published_at, latest_revision_created_at=published_at
            )
            Revision.objects.filter(object_id=str(page.pk), base_content_type=revision.base_content_type).update(
                created_at=published_at
            )
            PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=published_at)

    def stream(self, model, field_name, blocks):
        """A validated StreamField value from (block type, raw value) pairs, with every demo.Ref resolved."""
        stream_block = model._meta.get_field(field_name).stream_block
        raw = [{"type": block_type, "value": self.resolve(value)} for block_type, value in blocks]
        return stream_block.clean(stream_block.to_python(raw))

    def resolve(self, value):
        if isinstance(value, demo.Ref):
            if value.kind == "image":
                return self.images[value.key].pk
            if value.kind == "document":
                return self.documents[value.key].pk
            return self.pages[value].pk
        if isinstance(value, dict):
            return {key: self.resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        return value

    @staticmethod
    def validated(child, parental_key):
        child.full_clean(exclude=[parental_key])
        return child

    # Snippets, media, people

    def snippet(self, model, name, **fields):
        instance = model.objects.filter(name=name).first()
        if instance is None:
            instance = model(name=name, **fields)
            instance.full_clean()
            instance.save()
        return instance

    def municipality(self, name, region):
        municipality = Municipality.objects.filter(name=name).first()
        if municipality is None:
            municipality = Municipality(name=name, region=region)
            municipality.full_clean()
            municipality.save()
        return municipality

    def scene_image(self, key, spec, collection):
        return self.image(
            spec["title"],
            spec["photographer"],
            BuurtwijsImage.PeopleConsent.NO_PEOPLE,
            collection,
            lambda: draw_scene(spec["motif"], spec["colours"], key),
            f"buurtwijs-{key}.jpg",
        )

    def image(self, title, photographer, consent, collection, draw, filename):
        image = BuurtwijsImage.objects.filter(title=title).first()
        if image is not None:
            return image
        data = draw()
        image = BuurtwijsImage(
            title=title,
            photographer=photographer,
            people_consent=consent,
            collection=collection,
            file=ImageFile(io.BytesIO(data), name=filename),
            file_size=len(data),
            file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
        )
        image.full_clean()
        image.save()
        return image

    def document(self, spec, collection):
        document_model = get_document_model()
        document = document_model.objects.filter(title=spec["title"]).first()
        if document is None:
            data = simple_pdf(spec["lines"])
            document = document_model(
                title=spec["title"],
                collection=collection,
                file=ContentFile(data, name=spec["filename"]),
                file_size=len(data),
                file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
            )
            document.full_clean()
            document.save()
        return document

    def user(self, spec, role, groups=(), superuser=False):
        user_model = get_user_model()
        user = user_model.objects.filter(username=spec["username"]).first()
        if user is None:
            if self._password_hash is None:
                self._password_hash = make_password(demo.PASSWORD)  # hashed once: hashing is slow by design
            user = user_model(
                username=spec["username"],
                first_name=spec["first_name"],
                last_name=spec["last_name"],
                email=spec["email"],
                password=self._password_hash,
                is_staff=superuser,
                is_superuser=superuser,
            )
            user.full_clean()
            user.save()
        else:
            self.existing_usernames.add(user.username)
        user.groups.add(*groups)
        profile = UserProfile.get_for_user(user)
        if profile.preferred_language != "nl":
            profile.preferred_language = "nl"
            profile.save(update_fields=["preferred_language"])
        self.logins.append((user.username, role))
        self.users[user.username] = user
        return user

    def correspondent_profile(self, person, user, region, role, collection):
        profile = CorrespondentProfile.objects.filter(user=user).first()
        if profile is not None:
            return profile
        name = f"{person['first_name']} {person['last_name']}"
        photo = self.image(
            f"Portret van {name}",
            person["photo"]["photographer"],
            BuurtwijsImage.PeopleConsent.CONSENTED,
            collection,
            lambda: draw_portrait(person["photo"]["colours"], name),
            f"portret-{user.username}.jpg",
        )
        profile = CorrespondentProfile(
            name=name,
            photo=photo,
            bio=person["bio"],
            region=region,
            role=role,
            user=user,
            public_email=person["public_email"],
            website_url=person["website_url"],
            linkedin_url=person["linkedin_url"],
        )
        profile.full_clean()
        profile.save()
        return profile

    def search_promotions(self):
        """The editors' picks for a few queries; a query that has picks already is left as the editors made it."""
        for spec in demo.SEARCH_PROMOTIONS:
            query = Query.get(spec["query"])
            if not query.editors_picks.exists():
                for sort_order, (ref, description) in enumerate(spec["picks"]):
                    promotion = SearchPromotion(
                        query=query, page=self.pages[ref], description=description, sort_order=sort_order
                    )
                    promotion.full_clean()
                    promotion.save()


def demo_texts():
    """setup_site's texts with the demo's own where it has them: the sections, the accessibility statement, the
    footer and social links; the privacy statement is setup_site's, filled in for the demo."""
    sections = {
        **demo.INDEX_PAGES,
        "events": demo.EVENT_INDEX,
        "partners": demo.PARTNER_PAGE,
        "submission": demo.STORY_SUBMISSION_PAGE,
    }
    return SiteTexts(
        home=demo.HOME,
        sections={key: {**spec, **sections.get(key, {})} for key, spec in site_texts.SECTIONS.items()},
        information_pages=[*demo.INFORMATION_PAGES, site_texts.PRIVACY],
        site_settings=demo.SITE_SETTINGS,
        organisation=demo.ORGANISATION,
        contact=demo.CONTACT,
    )


def check_data():
    """Catch mistakes in demo_content before anything is written."""
    themes = {spec["slug"] for spec in demo.THEMES}
    knowledge = {spec["slug"] for spec in demo.KNOWLEDGE}
    regions = {spec["slug"]: set(spec["municipalities"]) for spec in demo.REGIONS}
    all_municipalities = set().union(*regions.values())
    problems = []
    for spec in demo.STORIES + demo.CHAIN_STORIES:
        allowed = regions[spec["region"]] if spec["region"] else all_municipalities
        if spec["municipality"] and spec["municipality"] not in allowed:
            problems.append(f"{spec['slug']}: municipality {spec['municipality']} is not in its region")
        if not spec["themes"] or not set(spec["themes"]) <= themes:
            problems.append(f"{spec['slug']}: unknown or missing themes")
        if not {slug for slug, _ in spec["knowledge"]} <= knowledge:
            problems.append(f"{spec['slug']}: unknown knowledge page")
        if spec["author"] and not spec["region"]:
            problems.append(f"{spec['slug']}: a national story is written by the central team (author None)")
        if spec["buurtmakers"] and spec.get("consent") not in PracticeStoryPage.ConsentMethod.values:
            problems.append(f"{spec['slug']}: names buurtmakers without a consent method")
    usernames = {demo.ADMINISTRATOR["username"], demo.CENTRAL_EDITOR["username"]} | {
        person["username"] for region in demo.REGIONS for person in region["people"].values()
    }
    for spec in demo.CHAIN_STORIES:
        history = spec["history"]
        if not history or history[0].action != "write" or any(step.action == "write" for step in history[1:]):
            problems.append(f"{spec['slug']}: a chain story's history starts with its one 'write' step")
        if any(step.action not in CHAIN_ACTIONS or step.username not in usernames for step in history):
            problems.append(f"{spec['slug']}: unknown action or user in its history")
        if [step.days_ago for step in history] != sorted((step.days_ago for step in history), reverse=True):
            problems.append(f"{spec['slug']}: its history is not in order")
    slugs = [spec["slug"] for spec in demo.STORIES + demo.CHAIN_STORIES]
    if len(slugs) != len(set(slugs)):
        problems.append("two stories share a slug")
    if problems:
        raise CommandError("Demo content is inconsistent:\n" + "\n".join(problems))


# Generated media: drawn with Pillow, nothing is downloaded.


def gradient(size, top, bottom):
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def jpeg(image):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=78, optimize=True)
    return buffer.getvalue()


def draw_scene(motif, colours, seed):
    """A simple illustration: a two-colour gradient with a few flat shapes for the motif."""
    width, height = SCENE_SIZE
    image = gradient(SCENE_SIZE, colours[1], colours[0])
    draw = ImageDraw.Draw(image)
    rng = random.Random(seed)
    ground = int(height * 0.78)
    if motif in {"houses", "trees", "lamps", "tower", "mound", "lane"}:
        draw.rectangle([0, ground, width, height], fill="#5b6b4a" if motif != "lamps" else "#2b2d42")
    if motif == "houses":
        for i in range(6):
            x = 80 + i * 250
            top = ground - rng.randint(220, 320)
            draw.rectangle([x, top, x + 200, ground], fill="#fdf0d5")
            draw.polygon([(x - 20, top), (x + 100, top - 110), (x + 220, top)], fill="#c1121f")
            draw.rectangle([x + 75, ground - 110, x + 125, ground], fill="#6d4c41")
            draw.rectangle([x + 30, top + 40, x + 80, top + 90], fill="#ffd166")
            draw.rectangle([x + 120, top + 40, x + 170, top + 90], fill="#ffd166")
    elif motif == "table":
        cx, cy = width // 2, height // 2
        draw.ellipse([cx - 420, cy - 170, cx + 420, cy + 170], fill="#8d6e63")
        palette = ["#e63946", "#f4a261", "#2a9d8f", "#264653", "#e9c46a", "#8338ec", "#fb5607", "#3a86ff"]
        for i in range(12):
            x = cx + (i - 5.5) * 70
            y = cy - 230 if i % 2 else cy + 230
            draw.ellipse([x - 45, y - 45, x + 45, y + 45], fill=palette[i % len(palette)])
    elif motif == "hills":
        draw.ellipse([1180, 90, 1420, 330], fill="#ffd166")
        draw.ellipse([-300, 560, 900, 1300], fill="#52796f")
        draw.ellipse([500, 600, 1900, 1400], fill="#84a98c")
        for i in range(8):
            x = 200 + i * 150
            draw.rectangle([x, 700, x + 90, 760], fill="#6d4c41")
            draw.ellipse([x + 10, 650, x + 80, 710], fill="#2d6a4f")
    elif motif == "flats":
        for i, x in enumerate(range(120, width - 200, 360)):
            top = 180 + rng.randint(0, 160)
            draw.rectangle([x, top, x + 280, height], fill="#3d405b" if i % 2 else "#4a4e69")
            for wy in range(top + 30, height - 40, 70):
                for wx in range(x + 25, x + 260, 60):
                    draw.rectangle([wx, wy, wx + 35, wy + 40], fill="#ffd166" if rng.random() > 0.35 else "#22223b")
    elif motif == "trees":
        for i in range(7):
            x = 120 + i * 220 + rng.randint(-30, 30)
            size = rng.randint(110, 170)
            draw.rectangle([x - 15, ground - 180, x + 15, ground], fill="#6d4c41")
            draw.ellipse([x - size, ground - 180 - size * 1.6, x + size, ground - 160], fill="#2d6a4f")
    elif motif == "waves":
        draw.rectangle([0, 0, width, 260], fill="#adb5bd")
        for row in range(12):
            y = 300 + row * 50
            points = [(x, y + 14 * ((x // 40) % 2)) for x in range(0, width + 40, 40)]
            draw.line(points, fill="#f8f9fa", width=6)
    elif motif == "books":
        for shelf in range(3):
            y = 220 + shelf * 230
            x = 100
            while x < width - 140:
                book = rng.randint(40, 90)
                draw.rectangle(
                    [x, y - rng.randint(120, 190), x + book, y],
                    fill=rng.choice(["#e63946", "#f1faee", "#a8dadc", "#457b9d", "#ffb703", "#fb8500"]),
                )
                x += book + 8
            draw.rectangle([60, y, width - 60, y + 20], fill="#6d4c41")
    elif motif == "lamps":
        for i in range(5):
            x = 180 + i * 320
            draw.rectangle([x - 8, 260, x + 8, ground], fill="#adb5bd")
            draw.ellipse([x - 70, 200, x + 70, 340], fill="#ffd166")
    elif motif == "tower":
        cx = width // 2
        draw.rectangle([cx - 110, 360, cx + 110, ground], fill="#8d6e63")
        draw.rectangle([cx - 80, 200, cx + 80, 360], fill="#a1887f")
        draw.polygon([(cx - 80, 200), (cx, 60), (cx + 80, 200)], fill="#5d4037")
        for x in range(60, width, 190):
            if abs(x - cx) > 200:
                draw.rectangle([x, ground - 160, x + 150, ground], fill="#fdf0d5")
                draw.polygon([(x - 10, ground - 160), (x + 75, ground - 240), (x + 160, ground - 160)], fill="#bc4749")
    elif motif == "mound":
        draw.ellipse([350, ground - 200, 1250, ground + 200], fill="#6a994e")
        draw.rectangle([700, ground - 330, 900, ground - 150], fill="#bc6c25")
        draw.rectangle([640, ground - 470, 720, ground - 150], fill="#bc6c25")
        draw.polygon([(630, ground - 470), (680, ground - 590), (730, ground - 470)], fill="#432818")
    elif motif == "bridge":
        draw.rectangle([0, 620, width, height], fill="#457b9d")
        draw.rectangle([0, 580, width, 610], fill="#f1faee")
        pylon = (640, 120)
        draw.line([(600, 620), pylon], fill="#f1faee", width=22)
        for x in range(760, 1560, 80):
            draw.line([pylon, (x, 580)], fill="#f1faee", width=4)
    elif motif == "lane":
        for side in (-1, 1):
            for i in range(7):
                depth = 1 - i * 0.13
                x = width // 2 + side * int(140 + 560 * depth)
                size = int(130 * depth)
                draw.rectangle([x - 8, ground - int(230 * depth), x + 8, ground], fill="#6d4c41")
                draw.ellipse(
                    [x - size, ground - int(230 * depth) - size * 2, x + size, ground - int(200 * depth)],
                    fill="#386641",
                )
    return jpeg(image)


def draw_portrait(colours, seed):
    """A portrait placeholder: a head-and-shoulders silhouette on a gradient."""
    width, height = PORTRAIT_SIZE
    image = gradient(PORTRAIT_SIZE, colours[1], colours[0])
    draw = ImageDraw.Draw(image)
    shade = random.Random(seed).choice(["#3d2c29", "#5c4033", "#8d5524", "#c68642", "#2b2d42"])
    draw.ellipse([width // 2 - 290, 520, width // 2 + 290, 1100], fill=shade)
    draw.ellipse([width // 2 - 140, 190, width // 2 + 140, 500], fill=shade)
    return jpeg(image)


def simple_pdf(lines):
    """A one-page A4 PDF with the lines as text (the first one bold): small, valid, no PDF library needed."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    operations = ["BT", "56 780 Td", "18 TL"]
    for number, line in enumerate(lines):
        operations += ["/F1 15 Tf" if number == 0 else "/F2 11 Tf", f"({escape(line)}) Tj", "T*"]
    operations.append("ET")
    content = "\n".join(operations).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)
