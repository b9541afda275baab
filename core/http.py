"""Who sent a request: the client address that login throttling and the public forms' rate limits count."""

from django.conf import settings


def client_ip(request):
    """The address a request came from. X-Forwarded-For counts only behind TRUSTED_PROXY_COUNT reverse proxies,
    and then only the entry the nearest trusted proxy appended: anything to its left the client can forge."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
