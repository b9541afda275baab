"""Wagtail's initial data makes the groups "Moderators" (publish on the whole tree) and "Editors", with English names in
a Dutch admin. Publish lets a member skip the editorial chain. Without members the groups are removed; a group someone
was put in stays, without the page permissions that act outside the chain (`manage.py check` warns of any). The
central team loses "unlock", which older versions gave it."""

from django.conf import settings
from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]
CHAIN_BYPASSING_PERMISSIONS = ["publish_page", "bulk_delete_page", "unlock_page"]


def remove_wagtail_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        if User.objects.filter(groups=group).exists():
            GroupPagePermission.objects.filter(
                group=group, permission__codename__in=CHAIN_BYPASSING_PERMISSIONS
            ).delete()
        else:
            group.delete()
    GroupPagePermission.objects.filter(
        group__name="Centrale redactie", permission__codename__in=CHAIN_BYPASSING_PERMISSIONS
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("correspondents", "0003_editorial_chain"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(remove_wagtail_default_groups, migrations.RunPython.noop)]
