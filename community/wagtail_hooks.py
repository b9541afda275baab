"""The community in the admin: each part registers its own hooks, menus and views in its module."""

from community import event_admin, reaction_admin, submission_admin  # noqa: F401
