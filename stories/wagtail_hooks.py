"""The stories floor in the admin: the central team's language-level report registers its menu item and view."""

from stories import language_report  # noqa: F401
