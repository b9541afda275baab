"""The editorial chain: how a page goes from a correspondent's draft to the live site. Start reading here.

In order:

1. Submit. A correspondent saves a draft in their region (correspondents/regions.py: the region's
   RegionalPageForm offers only its municipalities) and submits it. The workflow "Redactieketen" hangs on the
   regions index, "Centrale redactie" on the home page (provisioning.py: ensure_workflows).
2. Regional step. tasks.py: RegionalApprovalTask. Only the editors of the page's own region (the group the
   RegionPage names) review it; a region page itself skips this step. A region without an active regional editor
   does not stall: its step falls to the central team, who are mailed and see it on their dashboard with the
   reason (mails.py, dashboard.py). EditorialTaskMixin holds the rules of
   every step: nobody approves their own work, and a page whose consent record is incomplete (the page's own
   ``consent_problems()``, templates/correspondents/workflow/approve_modal.html) cannot be approved.
3. Central step. tasks.py: CentralApprovalTask, the central team's group approval.
4. Publish. Approving the last step runs publishing.py: publish_approved_revision, named by the setting
   WAGTAIL_FINISH_WORKFLOW_ACTION. Nobody but an administrator holds Wagtail's plain ``publish`` permission
   (provisioning.py; Wagtail's own groups "Moderators" and "Editors" are removed by migration 0004), so nobody can
   skip the chain; checks.py makes `manage.py check` warn of a group that could, of a region without an active
   regional editor, and of a region outside the workflow.
5. Mails. mails.py decides who hears of each event (submitted, changes requested, published), in Dutch
   (templates/correspondents/mail/), sent through core/mail.py after the commit. They replace Wagtail's own
   workflow mails: signal_handlers.py disconnects those and connects ours.
6. Cache purge. On publish Wagtail purges the page itself; the pages that list it (theme hubs, overviews,
   feeds, its region) are purged by stories/purging.py, connected in stories/signal_handlers.py (stories,
   news) and community/signal_handlers.py (gatherings).

Around it: provisioning.py gives each new region its groups, page permissions and image collection and
creates the workflows (admin_hooks.py runs it when a region, home page or regions index is created; the command
``provision_editorial_teams`` repairs everything); dashboard.py draws the editors' panels on /admin/
(templates/correspondents/dashboard/); correspondents/templatetags/editorial_tags.py shows the consent problems
in the approve dialog. Everything here imports from correspondents/regions.py and core only, never from the
floors above (docs/architecture.md).
"""
