"""Settings of the load bench's server: production settings plus one bench-only route, the
"ceiling" (see ``bench/urls.py``). Never used outside ``bench/load.py``: production runs
``portal.settings``, whose URLs have no such route."""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
