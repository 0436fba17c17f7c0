"""compile_catalogues: .po → .mo in pure Python; the site's own language answers its msgids
with themselves, so a French gettext stops at our catalogue."""

import gettext

from django.utils import translation
from django.utils.translation import trans_real

import polib

from portal.management.commands.compile_catalogues import answer_msgids_with_themselves


def catalogue(tmp_path) -> polib.POFile:
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=2; plural=(n > 1);",
    }
    po.append(polib.POEntry(msgid="Quand :", msgstr=""))
    po.append(polib.POEntry(msgid="Déjà dit", msgstr="Déjà écrit"))
    po.append(
        polib.POEntry(
            msgid="%(n)s créneau", msgid_plural="%(n)s créneaux", msgstr_plural={0: "", 1: ""}
        )
    )
    return po


def compiled(po: polib.POFile, tmp_path) -> gettext.GNUTranslations:
    path = tmp_path / "django.mo"
    po.save_as_mofile(str(path))
    with path.open("rb") as mo:
        return gettext.GNUTranslations(mo)


def test_untranslated_msgids_are_answered_with_themselves_singular_and_plural(tmp_path):
    po = catalogue(tmp_path)
    answer_msgids_with_themselves(po)
    translations = compiled(po, tmp_path)
    assert "Quand :" in translations._catalog
    assert translations.gettext("Déjà dit") == "Déjà écrit"  # a translation is kept
    assert translations.ngettext("%(n)s créneau", "%(n)s créneaux", 1) == "%(n)s créneau"
    assert translations.ngettext("%(n)s créneau", "%(n)s créneaux", 3) == "%(n)s créneaux"


def test_without_it_untranslated_msgids_are_left_out_of_the_mo(tmp_path):
    translations = compiled(catalogue(tmp_path), tmp_path)
    assert "Quand :" not in translations._catalog


def test_the_sites_french_catalogue_holds_its_own_strings():
    with translation.override("fr"):
        first = trans_real.translation("fr")._catalog._catalogs[0]
    assert first.get("Quand :") == "Quand :"
