"""The stories app's admin hooks: each community part registers its own in its module."""

from stories import event_admin, reaction_admin, submission_admin  # noqa: F401
