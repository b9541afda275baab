"""The correspondents app's models, as Django looks for them here: regions and their people
(correspondents/regions.py) and the editorial chain's steps (correspondents/chain/tasks.py).
Migrations import EditorialTaskMixin from here."""

from correspondents.chain.tasks import CentralApprovalTask, EditorialTaskMixin, RegionalApprovalTask
from correspondents.regions import (
    CorrespondentProfile,
    Municipality,
    RegionalNewsPage,
    RegionIndexPage,
    RegionPage,
)

__all__ = [
    "CentralApprovalTask",
    "CorrespondentProfile",
    "EditorialTaskMixin",
    "Municipality",
    "RegionIndexPage",
    "RegionPage",
    "RegionalApprovalTask",
    "RegionalNewsPage",
]
