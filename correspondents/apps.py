from django.apps import AppConfig


class CorrespondentsConfig(AppConfig):
    name = "correspondents"
    verbose_name = "Regio's en correspondenten"

    def ready(self):
        from wagtail.signals import page_published

        from correspondents.models import RegionPage
        from correspondents.notifications import connect_signals

        # Our Dutch mails per region replace Wagtail's workflow mails.
        connect_signals()
        # However a region is published (directly or by approving the chain), its team follows its title.
        page_published.connect(rename_region_team, sender=RegionPage, dispatch_uid="buurtwijs_rename_region_team")


def rename_region_team(sender, instance, **kwargs):
    from correspondents.provisioning import provision_region

    provision_region(instance)
