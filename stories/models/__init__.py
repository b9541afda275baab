"""The stories app's models, as Django looks for them here: practice stories (stories.py), themes (themes.py),
knowledge (knowledge.py), the Kennisplein (kennisplein.py), the reactions under stories and knowledge pages
(reactions.py) and the stored plain-language scores of revisions (language.py).

The community's models (gatherings, partners page, intake) belong to this app too, for their tables and
migrations, but live on the floor above, in community/ (docs/architecture.md, "Floors").
"""

from stories.models.kennisplein import KennispleinPage
from stories.models.knowledge import KnowledgeIndexPage, KnowledgePage
from stories.models.language import LanguageScore
from stories.models.reactions import Reaction
from stories.models.stories import (
    Partner,
    PracticeStoryPage,
    StoryBuurtmaker,
    StoryIndexPage,
    StoryKnowledgeLink,
    TargetGroup,
)
from stories.models.themes import ThemeCuratedPick, ThemeHubPage, ThemeIndexPage

__all__ = [
    "KennispleinPage",
    "KnowledgeIndexPage",
    "KnowledgePage",
    "LanguageScore",
    "Partner",
    "PracticeStoryPage",
    "Reaction",
    "StoryBuurtmaker",
    "StoryIndexPage",
    "StoryKnowledgeLink",
    "TargetGroup",
    "ThemeCuratedPick",
    "ThemeHubPage",
    "ThemeIndexPage",
]
