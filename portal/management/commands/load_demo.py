"""Build the whole demo site from the programme's document, in French with English translations.

Idempotent: running it twice leaves the same pages. Each room contributes a loader; they run in
the order below (parents before children).
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

LOADERS = [
    "challenges.demo.load",
    "actions.demo.load",
    "matching.demo.load",
    "programme.demo.load",
    "sponsors.demo.load",
    "home.demo.load_stories",
    "home.demo.load_contact",
    "home.demo.load_goals_and_calls_to_action",
    "home.demo_legal.load_legal_pages",
]


class Command(BaseCommand):
    help = "Load the demo content (French, with English translations). Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index", action="store_true", help="do not rebuild the search index"
        )
        parser.add_argument(
            "--needs",
            type=int,
            default=None,
            help="add matching needs in bulk, clustered like the population, up to N in all",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            ctx = import_string("home.demo.load_site")(stdout=self.stdout)
            for path in LOADERS:
                import_string(path)(ctx, **options)
        if not options["skip_index"]:
            call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
