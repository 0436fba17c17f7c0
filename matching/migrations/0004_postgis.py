"""PostGIS, when the PostgreSQL server offers it: the extension and a geography index on open
needs for K-nearest-neighbour search (matching.services.nearest_postgis). Elsewhere (SQLite,
PostgreSQL without PostGIS) nothing happens and the portable engine serves."""

from django.db import migrations

INDEX = "matching_need_open_geography"
EXPRESSION = "geography(ST_SetSRID(ST_MakePoint(longitude, latitude), 4326))"


def postgis_available(schema_editor) -> bool:
    if schema_editor.connection.vendor != "postgresql":
        return False
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")
        return cursor.fetchone() is not None


def create(apps, schema_editor):
    if not postgis_available(schema_editor):
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON matching_need USING gist (({EXPRESSION})) "
        "WHERE status = 'open'"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("matching", "0003_alerts")]

    operations = [migrations.RunPython(create, drop)]
