"""The read-only JSON API for partners (Wagtail API v2): live, public stories, themes and regions.

Mounted at /api/v2/ (buurtwijs.urls); docs/api.md describes it for partners. Each model's ``api_fields``
names what it shows; the fields below say how the ones that are not plain values are written.
"""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from rest_framework import serializers
from wagtail.api.rich_text import APIRichText
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from correspondents.models import Municipality, RegionPage
from correspondents.regions import with_regions
from home.renditions import existing_rendition
from stories.models import PracticeStoryPage, ThemeHubPage


def page_link(page):
    return {"id": page.pk, "title": page.title, "slug": page.slug, "url": page.full_url}


class PageLinkField(serializers.Field):
    """A related page as {id, title, slug, url}."""

    def to_representation(self, page):
        return page_link(page)


class PageLinksField(serializers.Field):
    """Related pages (prefetched by the endpoint: only live, public ones) as a list of {id, title, slug, url}."""

    def to_representation(self, related):
        return [page_link(page) for page in related.all()]


class MunicipalityField(serializers.Field):
    def to_representation(self, municipality):
        return {"id": municipality.pk, "name": municipality.name}


class MunicipalitiesField(serializers.Field):
    def to_representation(self, municipalities):
        return [{"id": municipality.pk, "name": municipality.name} for municipality in municipalities.all()]


class BuurtmakersField(serializers.Field):
    def to_representation(self, buurtmakers):
        return [
            {"name": person.name, "role": person.role, "organisation": person.organisation}
            for person in buurtmakers.all()
        ]


class AuthorField(serializers.Field):
    """The correspondent's name, or "Centrale redactie" for the central team."""

    def get_attribute(self, story):
        return story.author_name

    def to_representation(self, name):
        return name


class ListingImageField(serializers.Field):
    """The larger JPEG of the cards (home/renditions.py), or null until the background task has made it."""

    def to_representation(self, image):
        rendition = existing_rendition(image, "api_listing")
        if rendition is None:
            return None
        return {
            "url": rendition.url,
            "full_url": rendition.full_url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": rendition.alt,
        }


FIELDS = {
    "themes": PageLinksField(read_only=True),
    "related_themes": PageLinksField(read_only=True),
    "region": PageLinkField(read_only=True),
    "municipality": MunicipalityField(read_only=True),
    "municipalities": MunicipalitiesField(read_only=True),
    "buurtmakers": BuurtmakersField(read_only=True),
    "author": AuthorField(read_only=True),
    "listing_image": ListingImageField(read_only=True),
}


def _is_to_many(model, name):
    field = model._meta.get_field(name)
    return field.many_to_many or field.one_to_many


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """The pages of one model that anyone may read: live, public, on this site.

    Wagtail's own base queryset leaves out a restricted page only if *this* request may not see it: a logged-in
    editor, or a visitor who entered a page's password, would see it. The API answers the same for everyone.
    """

    # Nobody logs in to the API: what it shows never depends on a session or credentials.
    authentication_classes = []
    # "type" would let a caller swap in any other page model.
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"type"}
    default_ordering = ["title"]

    def get_base_queryset(self):
        # Built once per request: finding the restricted pages costs a query each time.
        if not hasattr(self, "_public_pages"):
            self._public_pages = super().get_base_queryset().public()
        return self._public_pages

    def public(self, model):
        """The live, public pages of a model on this site; also for related pages, such as a story's themes."""
        return model.objects.filter(pk__in=self.get_base_queryset().values("pk"))

    def get_queryset(self):
        return self.optimise(self.public(self.model).order_by(*self.default_ordering))

    def optimise(self, queryset):
        """select_related/prefetch_related for what the fields read, so a listing costs the same at any length."""
        return queryset

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only)
        if db_fields_only:
            # No filtering or ordering on a to-many relation: ordering repeats pages, and Wagtail passes the raw
            # value on ("?themes=abc" was a server error). Stories are filtered with ?theme=<slug> instead.
            fields = [name for name in fields if not _is_to_many(model, name)]
        return fields

    def filter_queryset(self, queryset):
        # Wagtail checks only integer, boolean and foreign key values: "?first_published_at=gisteren" is a
        # bad request, not a server error.
        try:
            return super().filter_queryset(queryset)
        except (ValidationError, ValueError) as error:
            raise BadRequestError(f"field filter error: {error}") from error

    @classmethod
    def get_field_serializer_overrides(cls, model):
        names = cls.get_body_fields_names(model)
        return {**super().get_field_serializer_overrides(model), **{n: f for n, f in FIELDS.items() if n in names}}

    def resolve_rich_text_format(self):
        # Partners show the text on their own sites: real HTML links, not Wagtail's internal references.
        if "rich_text_format" not in self.request.GET:
            return APIRichText.FORMAT_HTML
        return super().resolve_rich_text_format()

    def finalize_response(self, request, response, *args, **kwargs):
        # Public data without credentials: any site may fetch it from a browser.
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


class StoriesAPIViewSet(PublicPagesAPIViewSet):
    model = PracticeStoryPage
    name = "verhalen"
    known_query_parameters = PublicPagesAPIViewSet.known_query_parameters | {"theme", "region"}
    listing_default_fields = [
        *PublicPagesAPIViewSet.listing_default_fields,
        "intro",
        "themes",
        "region",
        "municipality",
        "buurtmakers",
        "author",
        "listing_image",
    ]
    detail_only_fields = [*PublicPagesAPIViewSet.detail_only_fields, "body"]
    default_ordering = ["-first_published_at", "-pk"]

    def get_queryset(self):
        queryset = super().get_queryset()
        if theme := self.request.GET.get("theme"):
            queryset = queryset.filter(themes__slug=theme)
        if slug := self.request.GET.get("region"):
            region = RegionPage.objects.filter(slug=slug).first()
            queryset = queryset.descendant_of(region) if region else queryset.none()
        return queryset

    def optimise(self, queryset):
        return queryset.select_related("municipality", "author", "listing_image").prefetch_related(
            Prefetch("themes", queryset=self.public(ThemeHubPage).order_by("title")),
            "buurtmakers",
            "listing_image__renditions",
        )

    def paginate_queryset(self, queryset):
        # Every story's region in one query.
        return with_regions(super().paginate_queryset(queryset))


class ThemesAPIViewSet(PublicPagesAPIViewSet):
    model = ThemeHubPage
    name = "themas"
    listing_default_fields = [*PublicPagesAPIViewSet.listing_default_fields, "intro", "listing_image"]

    def optimise(self, queryset):
        return queryset.select_related("listing_image").prefetch_related(
            Prefetch("related_themes", queryset=self.public(ThemeHubPage).order_by("title")),
            "listing_image__renditions",
        )


class RegionsAPIViewSet(PublicPagesAPIViewSet):
    model = RegionPage
    name = "regios"
    listing_default_fields = [*PublicPagesAPIViewSet.listing_default_fields, "intro", "listing_image", "municipalities"]

    def optimise(self, queryset):
        return queryset.select_related("listing_image").prefetch_related(
            Prefetch("municipalities", queryset=Municipality.objects.order_by("name")), "listing_image__renditions"
        )


api_router = WagtailAPIRouter("api")
for viewset in (StoriesAPIViewSet, ThemesAPIViewSet, RegionsAPIViewSet):
    api_router.register_endpoint(viewset.name, viewset)
