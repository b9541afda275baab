from django.core.management.base import BaseCommand

from correspondents.chain.provisioning import CENTRAL_TEAM, CENTRAL_WORKFLOW, CHAIN_WORKFLOW, provision_all


class Command(BaseCommand):
    help = (
        "Create or repair the editorial workflows, the central team and every region's groups, "
        "page permissions and image collection. Safe to run again: it changes only what is missing or wrong."
    )

    def handle(self, *args, **options):
        home_page, regions = provision_all()
        if home_page is None:
            self.stdout.write("No HomePage yet: only the regions were provisioned.")
        else:
            self.stdout.write(f"Workflows '{CHAIN_WORKFLOW}' and '{CENTRAL_WORKFLOW}', group '{CENTRAL_TEAM}': ok.")
        for region in regions:
            self.stdout.write(f"Region {region.title}: groups and collection ok.")
