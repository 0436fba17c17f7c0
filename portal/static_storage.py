"""The static files of production: WhiteNoise's hashed and compressed files, each file's URL
worked out once per process. The manifest is read when the process starts and does not change
while it runs; every page asks for the same dozen URLs (stylesheets, scripts, icons), which
cost a hash lookup and a URL join each time."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFiles(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        found = self._urls.get(name)
        if found is None:
            found = self._urls[name] = super().url(name)  # a missing file raises, unkept
        return found
