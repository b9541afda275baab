"""Security headers django-csp and Django do not set the way Buurtwijs needs them.

- ``ContentSecurityPolicyMiddleware``: django-csp's middleware with a second, looser policy for the Wagtail admin
  (``CONTENT_SECURITY_POLICY_ADMIN``), which needs inline scripts and styles. A response whose template used
  ``request.csp_nonce`` is marked private: a shared cache must never hand one visitor's nonce to everyone.
- ``PermissionsPolicyMiddleware``: the Permissions-Policy header (Django 5.2 has no setting for it).
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse
from django.utils.cache import patch_cache_control


def is_admin(request):
    """The Wagtail admin, its page previews included."""
    return request.path_info.startswith(reverse("wagtailadmin_home"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view's own @csp decorator wins; otherwise the admin gets its own policy.
        if not report_only and parts.config is None and is_admin(request):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        nonce_used = getattr(request, "_csp_nonce", None) is not None
        response = super().process_response(request, response)
        if nonce_used:
            patch_cache_control(response, private=True)
        return response


class PermissionsPolicyMiddleware:
    """Switch off browser features the site never uses (``PERMISSIONS_POLICY``: feature -> allowed origins), so
    injected or embedded content cannot ask for them either."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
