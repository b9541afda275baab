"""Bereik: how many people read a story, region, theme or knowledge link, and where they came from, counted without
cookies and without keeping anything about a reader. Start reading here.

In order:

1. The script. templates/base.html loads static/js/bereik.js on every page (a static file under ``script-src
   'self'``, no inline code and no nonce, so the page stays ``Cache-Control: public`` for the page cache and a CDN).
   Once the page is visible it sends a beacon with the page id and where the reader came from (another site's host,
   or our own page's path; the ``bron`` parameter of newsletter links, which it then removes from the address bar);
   a second one, "end", when the end of a story (``data-bereik-einde``) has been on screen for three seconds.
2. The beacon. collect.py answers ``POST /bereik/`` with 204, ``no-store`` and no cookie, in at most three
   queries; 400 for a body that is not a beacon. It counts nothing for GPC, DNT, a logged-in editor, a prefetch, a
   crawler, another site's form, a page that is not live, or an address over its rate limit (visitors.py).
3. The visitor key. visitors.py: an HMAC of the day's random salt over the address cut to /24 or /48 and the
   browser and OS family. models.py: ``ReaderMark`` lets a reader count once per page per day; ``DailyReach`` is
   the anonymous count per day, page and source that stays.
4. Forgetting. rotation.py (``manage.py rotate_reach_salts``, every minute next to ``publish_scheduled``): the
   new day's salt after midnight Europe/Amsterdam, older salts and marks older than yesterday deleted.
5. Sources. sources.py classifies on the server (its table is in its docstring); a report names partners and sites
   that sent at least five readers.
6. Reports. scope.py decides who sees what, like the editorial chain; report.py computes totals, trends and
   sparklines; views.py and wagtail_hooks.py give Reports > "Bereik" (filters.py), the funders' report (funders.py,
   also as CSV), the podium card, and the dashboard's "Jouw verhalen deze maand"; templatetags/reach_tags.py feeds
   the read-only panel on every page's edit view (core/panels.py: ReachPanel) and the privacy receipt (receipt.py)
   on the privacy statement.

Daily readers are per day: summed over a period they are "som van dagelijkse lezers", never unique visitors.
"""
