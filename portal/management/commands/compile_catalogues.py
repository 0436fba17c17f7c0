"""Compile the gettext catalogues of locale/ (.po → .mo) in pure Python (polib).

Django's ``compilemessages`` needs GNU gettext's msgfmt, which a fresh machine may lack; the
install step runs this instead so the two-command quick start needs nothing but Python.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

import polib


class Command(BaseCommand):
    help = "Compile every .po catalogue under LOCALE_PATHS into its .mo file."

    def handle(self, *args, **options):
        count = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
                if options["verbosity"] < 2:
                    continue
                self.stdout.write(
                    f"{po_path}: {len(catalogue.translated_entries())} translated, "
                    f"{len(catalogue.untranslated_entries())} untranslated"
                )
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{count} catalogue(s) compiled."))
