from django.core.management.base import BaseCommand

from reach.rotation import rotate


class Command(BaseCommand):
    help = "Bereik: a new random salt after midnight, older salts and readers' marks deleted (run every minute)."

    def handle(self, *args, **options):
        salts, marks = rotate()
        if options["verbosity"] > 1 or salts or marks:
            self.stdout.write(f"Bereik: {salts} oude daggeheimen en {marks} oude leesmarkeringen gewist.")
