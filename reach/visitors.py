"""Who is reading, without knowing who: the skip rules, and a visitor key that cannot be traced back.

The key is an HMAC-SHA256, keyed with the day's random salt (``DaySalt``), over the address cut to its network
(IPv4 /24, IPv6 /48), the browser family and the operating system family. The salt is deleted when the day ends
(reach/rotation.py), so nobody, not even we, can compute a key again and check whether an address read a page. The
address, the full User-Agent and the referrer's path are never written anywhere.
"""

import hashlib
import hmac
import ipaddress
import re

from django.conf import settings

from core.http import client_ip

# A small classifier is enough: the families only split readers who share a network.
BROWSERS = [
    ("edge", re.compile(r"Edg(e|A|iOS)?/")),
    ("opera", re.compile(r"OPR/|Opera")),
    ("samsung", re.compile(r"SamsungBrowser/")),
    ("firefox", re.compile(r"Firefox/|FxiOS/")),
    ("chrome", re.compile(r"Chrome/|CriOS/|Chromium/")),
    ("safari", re.compile(r"Safari/")),
]
SYSTEMS = [
    ("ios", re.compile(r"iPhone|iPad|iPod")),
    ("android", re.compile(r"Android")),
    ("chromeos", re.compile(r"CrOS")),
    ("windows", re.compile(r"Windows")),
    ("macos", re.compile(r"Mac OS X|Macintosh")),
    ("linux", re.compile(r"Linux|X11")),
]
# Crawlers, link previews, monitors and tools; a headless browser is not a reader either.
CRAWLER = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|facebookexternalhit|facebookcatalog|embedly|preview|headless|lighthouse|"
    r"pingdom|uptime|monitor|curl/|wget/|python-|httpx|go-http-client|java/|okhttp|libwww|scrapy|phantomjs|"
    r"feedfetcher|mediapartners",
    re.IGNORECASE,
)
PREFETCH = "prefetch"


def family(user_agent, table):
    return next((name for name, pattern in table if pattern.search(user_agent)), "overig")


def skip_reason(request):
    """Why this request must not be counted, or None. A reader who asked not to be tracked (Sec-GPC, DNT), anyone
    with a session (a logged-in editor: the same test the page cache uses), a prefetch or prerender, a crawler."""
    meta = request.META
    user_agent = meta.get("HTTP_USER_AGENT", "")
    if meta.get("HTTP_SEC_GPC", "").strip() == "1":
        return "gpc"
    if meta.get("HTTP_DNT", "").strip() == "1":
        return "dnt"
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return "session"
    purposes = " ".join(meta.get(name, "") for name in ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_MOZ")).lower()
    if PREFETCH in purposes or "prerender" in purposes:
        return "prefetch"
    if not user_agent or CRAWLER.search(user_agent):
        return "crawler"
    return None


def network(address):
    """The address cut to its network: the last byte of an IPv4 address, all but the first 48 bits of IPv6."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return "onbekend"
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


def visitor_key(request, secret):
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    material = "|".join((network(client_ip(request)), family(user_agent, BROWSERS), family(user_agent, SYSTEMS)))
    return hmac.new(secret.encode(), material.encode(), hashlib.sha256).hexdigest()[:32]


def network_key(request):
    """What the beacon's rate limit counts per: a keyed hash of the reader's network (the address cut as above), so
    the cache holds no address; a school or office that shares a network shares the limit."""
    return hmac.new(settings.SECRET_KEY.encode(), network(client_ip(request)).encode(), hashlib.sha256).hexdigest()[:24]
