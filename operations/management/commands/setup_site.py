"""`manage.py setup_site`: the empty site a launch needs (operations/site_setup.py). Safe to run again."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from correspondents.chain.provisioning import CENTRAL_TEAM, CENTRAL_WORKFLOW, CHAIN_WORKFLOW
from operations.site_setup import SiteTexts, set_up_site, site_address


class Command(BaseCommand):
    help = (
        "Build the empty site: home page, every section, the accessibility and privacy statements, the site "
        "settings, the Site record's host name (from WAGTAILADMIN_BASE_URL or --hostname), and the editorial teams. "
        "Idempotent: it creates only what is missing and never changes what editors made."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hostname",
            help="the site's host name, or its URL (https://buurtwijs.nl); default: WAGTAILADMIN_BASE_URL. "
            "Without a scheme it takes the base URL's.",
        )
        parser.add_argument("--port", type=int, help="the site's port (default: from the URL; https: 443, http: 80)")
        parser.add_argument("--organisation", help="who runs the site, for the privacy and accessibility statements")
        parser.add_argument("--contact-email", help="the editors' address, for the statements and the footer")

    def handle(self, *args, hostname=None, port=None, organisation=None, contact_email=None, **options):
        base_url = settings.WAGTAILADMIN_BASE_URL
        try:
            host, base_port = site_address(hostname or base_url, scheme=urlsplit(base_url).scheme or "http")
        except ValueError as error:
            raise CommandError(str(error)) from error
        texts = SiteTexts()
        if organisation:
            texts.organisation = organisation
        if contact_email:
            texts.contact = f'<a href="mailto:{contact_email}">{contact_email}</a>'
        skeleton = set_up_site(host, port or base_port, texts)

        for page in skeleton.created:
            path = page.url_path[len(skeleton.home.url_path) - 1 :]
            self.stdout.write(f"Created and published: {page.title} ({path})")
        for change in skeleton.changed:
            self.stdout.write(f"Set: {change}.")
        if not skeleton.created and not skeleton.changed:
            self.stdout.write("Site already set up; nothing changed.")
        self.stdout.write(f"Workflows '{CHAIN_WORKFLOW}' and '{CENTRAL_WORKFLOW}', group '{CENTRAL_TEAM}': ok.")
        self.stdout.write(f"Site: {skeleton.site.root_url}/ ({skeleton.site.site_name})")
        placeholders = [page.title for page in skeleton.information_pages if "[" in str(page.specific.body)]
        if placeholders:
            self.stdout.write(
                f"Complete the texts in square brackets in the admin: {', '.join(placeholders)}; "
                "and the footer under Instellingen → Website-instellingen."
            )
