from django.core.management.base import BaseCommand
from django.db import connection

from reach.models import DaySalt, ReaderMark
from reach.rotation import rotate


class Command(BaseCommand):
    help = "Bereik: a new random salt after midnight, older salts and readers' marks deleted (run every minute)."

    def handle(self, *args, **options):
        salts, marks = rotate()
        if salts and connection.vendor == "postgresql" and not connection.in_atomic_block:
            # A deleted row stays in PostgreSQL's table file until a vacuum: free the old salt's space now, not
            # whenever autovacuum gets to a table this small.
            with connection.cursor() as cursor:
                for model in (DaySalt, ReaderMark):
                    cursor.execute(f"VACUUM {connection.ops.quote_name(model._meta.db_table)}")
        if options["verbosity"] > 1 or salts or marks:
            self.stdout.write(f"Bereik: {salts} oude daggeheimen en {marks} oude leesmarkeringen gewist.")
