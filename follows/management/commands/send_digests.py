"""Start the newsletter editions whose Monday 07:00 (Europe/Amsterdam) has come, and resume one a stopped worker left
half-way (follows/sending.py), and mail the confirmations held back by the limit of one per five minutes
(follows/subscriptions.py). Run it every minute next to publish_scheduled (compose.yaml's scheduler,
docs/deployment.md): outside the sending window it does nothing, and an edition starts once however often it runs."""

from django.core.management.base import BaseCommand

from follows.sending import run_schedule
from follows.subscriptions import send_delayed_confirmations


class Command(BaseCommand):
    help = "Start the newsletter editions that are due and resume interrupted ones; the batches go to the worker."

    def handle(self, *args, **options):
        for edition in run_schedule():
            self.stdout.write(f"Started edition {edition.number}")
        send_delayed_confirmations()
