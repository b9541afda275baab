"""System checks of the project's own settings: run by every management command that checks (migrate, check --deploy,
runserver, db_worker), so a deploy stops at its first command."""

from django.conf import settings
from django.core.checks import Error, register


@register("database")
def production_database_is_not_sqlite(app_configs, **kwargs):
    """SQLite is the embedded default for development and a demo; production names a PostgreSQL database. A trial on
    one machine may run production on SQLite with BUURTWIJS_ALLOW_SQLITE=true (README)."""
    if settings.BUURTWIJS_ALLOW_SQLITE or not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return []
    return [
        Error(
            "DATABASE_URL names a SQLite database in production.",
            hint="Use PostgreSQL (postgres://…), or set BUURTWIJS_ALLOW_SQLITE=true for a trial on one machine.",
            id="buurtwijs.E001",
        )
    ]
