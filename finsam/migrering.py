"""For migrations that move models to another app and keep their tables: the content types follow.

Migrations call this, so it stays as it is: a change here changes every
migration that uses it.
"""

from collections.abc import Sequence
from functools import partial

from django.db import migrations


def _flytta(apps, schema_editor, *, fran: str, till: str, modeller: tuple[str, ...]) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    innehallstyper = ContentType.objects.using(schema_editor.connection.alias)
    for modell in modeller:
        # Where post_migrate already made the row (a migrate that stopped before this
        # one), it is kept and the old one left to remove_stale_contenttypes.
        if not innehallstyper.filter(app_label=till, model=modell).exists():
            innehallstyper.filter(app_label=fran, model=modell).update(app_label=till)


def flytta_innehallstyper(fran: str, till: str, modeller: Sequence[str]) -> migrations.RunPython:
    """Move the models' content types from app `fran` to `till` (and back when unapplied).

    The rows keep their ids, so the permissions and admin log entries that
    point at them stay attached and post_migrate makes none twice.
    """
    modeller = tuple(modeller)
    return migrations.RunPython(
        partial(_flytta, fran=fran, till=till, modeller=modeller),
        partial(_flytta, fran=till, till=fran, modeller=modeller),
    )
