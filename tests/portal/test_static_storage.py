"""Production static files (portal.static_storage): the manifest's hashed URLs, each worked out
once per process; a file missing from the manifest is still an error, never remembered."""

import json

import pytest
from whitenoise.storage import CompressedManifestStaticFilesStorage

from portal.static_storage import StaticFiles


@pytest.fixture
def storage(tmp_path, settings):
    settings.DEBUG = False
    manifest = {"paths": {"css/site.css": "css/site.0123abcd.css"}, "version": "1.1", "hash": "h"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return StaticFiles(location=tmp_path, base_url="/static/")


def test_a_url_is_the_manifests_and_is_worked_out_once(storage, monkeypatch):
    asked = []
    original = CompressedManifestStaticFilesStorage.url

    def counting(self, name, force=False):
        asked.append(name)
        return original(self, name, force)

    monkeypatch.setattr(CompressedManifestStaticFilesStorage, "url", counting)
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    assert asked == ["css/site.css"]


def test_a_file_missing_from_the_manifest_stays_an_error(storage):
    for _ in range(2):
        with pytest.raises(ValueError):
            storage.url("css/missing.css")
