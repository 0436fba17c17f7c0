"""Compile the gettext catalogues of locale/ (.po → .mo) in pure Python (polib).

Django's ``compilemessages`` needs GNU gettext's msgfmt, which a fresh machine may lack; the
install step runs this instead so the two-command quick start needs nothing but Python.

The site's own language (LANGUAGE_CODE, French) is the language of the msgids: its compiled
catalogue answers each of them with itself. Django keeps every app's catalogue apart (it
merges two only when their plural functions match, a comparison its 5.2 release never finds
true), so a French msgid absent from ours was looked for in every one of them, 24 for French,
on each gettext of each page.
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
                if po_path.parent.parent.name == settings.LANGUAGE_CODE:
                    answer_msgids_with_themselves(catalogue)
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


def answer_msgids_with_themselves(catalogue: polib.POFile) -> None:
    """Untranslated entries of the source language's catalogue get their msgid as msgstr
    (in memory: the .po keeps them empty)."""
    for entry in catalogue.untranslated_entries():
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
