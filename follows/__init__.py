"""Volg de buurt: readers follow a theme, a region, a municipality (or everything) by e-mail and get a weekly or
monthly Dutch digest of what is new there.

- ``models.py``: subscribers and their follows (with the evidence of their consent), the suppression list, editions
  and one delivery record per subscriber and edition.
- ``tokens.py``: the signed links in mails (confirm, preferences, unsubscribe).
- ``views.py``: the public side (follow form, confirm, preference page, one-click unsubscribe, the archive).
- ``digest.py``: what a digest holds and how it reads (plain text and HTML).
- ``sending.py``: starting an edition, the batches on the task worker, retries; ``send_digests`` runs it.
- ``admin_views.py``: the editors' side (editions, subscribers per follow, CSV export and import).
"""
