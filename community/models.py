"""The community's models, as Django looks for them here: gatherings and their registrations (events.py), the
partners page (partners.py) and the "Deel je verhaal" intake (submissions.py).

They declare app_label "stories": their tables, content types and migrations stayed with the stories app when
the community got a floor of its own, above stories (docs/architecture.md, "Floors"). Templates therefore stay
under templates/stories/.
"""

from community.events import EventIndexPage, EventPage, EventRegistration
from community.partners import PartnerIndexPage
from community.submissions import StorySubmission, StorySubmissionPage

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "PartnerIndexPage",
    "StorySubmission",
    "StorySubmissionPage",
]
