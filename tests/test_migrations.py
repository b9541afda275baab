"""Every model change has its migration."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    output = io.StringIO()

    call_command("makemigrations", "--check", "--dry-run", stdout=output)  # exits with 1 if a migration is missing

    assert "No changes detected" in output.getvalue()
