from django.conf import settings
from django.http import Http404
from django.urls import include, path, re_path
from django.views.defaults import page_not_found
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from buurtwijs.api import api_router
from community import ical, reactions
from core import sitemaps
from search import views as search_views
from stories import feeds

feed_patterns = [
    path("verhalen/rss/", feeds.StoryFeed(), name="stories_rss"),
    path("verhalen/atom/", feeds.StoryAtomFeed(), name="stories_atom"),
    path("themas/<str:slug>/rss/", feeds.ThemeStoryFeed(), name="theme_rss"),
    path("themas/<str:slug>/atom/", feeds.ThemeStoryAtomFeed(), name="theme_atom"),
    path("regios/<str:slug>/rss/", feeds.RegionStoryFeed(), name="region_rss"),
    path("regios/<str:slug>/atom/", feeds.RegionStoryAtomFeed(), name="region_atom"),
]

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("zoeken/", search_views.search, name="search"),
    path("feeds/", include((feed_patterns, "feeds"))),
    path("agenda/bijeenkomsten.ics", ical.events_ical, name="events_ical"),
    path("agenda/bijeenkomst/<int:page_id>.ics", ical.event_ical, name="event_ical"),
    path("api/v2/", api_router.urls),
    # One name for the index and the family sitemaps: both are public views (buurtwijs/middleware.py).
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:family>-<int:number>.xml", sitemaps.section, name="sitemap"),
    path("", include("reach.urls")),
    path("reageren/<int:page_id>/", reactions.reaction_form, name="reaction_form"),
    path("reageren/<int:page_id>/bedankt/", reactions.reaction_thanks, name="reaction_thanks"),
    path("", include("follows.urls")),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots_txt",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Uploaded originals (full size, with their metadata) are never public: only renditions are. In production
    # the web server refuses them too.
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}original_images/", page_not_found, {"exception": Http404()})
    ]
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other URL from the page tree; this must come last.
urlpatterns += [path("", include(wagtail_urls))]
