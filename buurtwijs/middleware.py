"""Cache-Control for the public site: what a browser and a shared cache (CDN, Varnish) may keep, and how long."""

from django.conf import settings
from django.utils.cache import cc_delim_re, patch_cache_control
from wagtail.models import Page

# Views that answer every anonymous visitor alike: Wagtail's pages, search, the feeds, the calendars of gatherings,
# sitemap.xml and robots.txt.
PUBLIC_VIEWS = {"wagtail_serve", "search", "sitemap", "robots_txt", "events_ical", "event_ical"}
PUBLIC_NAMESPACES = {"feeds"}
# A page, a permanent redirect and "not found" are the same for everyone; other answers are not kept.
SHAREABLE_STATUS_CODES = {200, 301, 404}


class PublicCacheControlMiddleware:
    """Let shared caches keep anonymous public responses for ``CACHE_S_MAXAGE`` seconds, browsers for
    ``CACHE_MAX_AGE``. Publishing purges the shared cache (stories.purging), so its copy may live longer.

    Only GET and HEAD of the public views above qualify, and only when the response is the same for every
    visitor: it sets no cookie, does not vary on the cookie (the session was not read), and has no
    Cache-Control of its own (Wagtail marks previews and pages with view restrictions private; a form page
    uses never_cache). What a logged-in user sees is marked private.

    Place it right after SecurityMiddleware: its response pass then runs after the session, CSRF and
    locale middleware have added their cookies and Vary headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control") or not is_public_view(request):
            return response
        if request.user.is_authenticated:
            patch_cache_control(response, private=True)
        elif is_shareable(request, response):
            # A "not found" may be published any moment: publishing purges the shared cache, never a browser's.
            max_age = 0 if response.status_code == 404 else settings.CACHE_MAX_AGE
            patch_cache_control(response, public=True, max_age=max_age, s_maxage=settings.CACHE_S_MAXAGE)
            drop_vary_on_language(response)
        return response


def is_public_view(request):
    match = request.resolver_match  # None for a URL that resolved to nothing, and for Wagtail's preview
    return match is not None and (match.view_name in PUBLIC_VIEWS or match.namespace in PUBLIC_NAMESPACES)


def is_shareable(request, response):
    return (
        request.method in ("GET", "HEAD")
        and response.status_code in SHAREABLE_STATUS_CODES
        and not response.cookies
        and "cookie" not in vary_headers(response)
    )


def vary_headers(response):
    return {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()}


def drop_vary_on_language(response):
    """LocaleMiddleware adds "Vary: Accept-Language". With one site language the answer never varies on it,
    and a shared cache would keep a copy per browser language."""
    if len(settings.LANGUAGES) > 1 or not response.has_header("Vary"):
        return
    vary = [header.strip() for header in cc_delim_re.split(response["Vary"]) if header.strip()]
    vary = [header for header in vary if header.lower() != "accept-language"]
    if vary:
        response["Vary"] = ", ".join(vary)
    else:
        del response["Vary"]


class PageMethodMiddleware:
    """A Wagtail page answers only the methods its type allows (core.pages.BasePage.allowed_http_methods): 405 with
    an Allow header for any other. Before CsrfViewMiddleware, so DELETE or PUT is refused as a method rather than
    for its missing CSRF token. Routing here costs nothing extra: Wagtail keeps the route on the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in ("GET", "HEAD") or request.resolver_match.url_name != "wagtail_serve":
            return None
        route = Page.route_for_request(request, view_args[0] if view_args else view_kwargs.get("path", ""))
        return route[0].check_request_method(request) if route else None
