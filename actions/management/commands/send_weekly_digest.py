"""Send the weekly digest of new actions now (what the Celery beat task runs every Monday)."""

from django.core.management.base import BaseCommand, CommandError

from actions import digest, weeks


class Command(BaseCommand):
    help = (
        "Email last week's new actions to confirmed subscribers. Safe to run twice: nobody "
        "receives the same week twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--week",
            help="ISO week to send, e.g. 2026-W07 (default: the last complete week)",
        )

    def handle(self, *args, week=None, **options):
        try:
            monday = weeks.parse_iso_week(week) if week else None
        except ValueError as error:
            raise CommandError(f"--week: {error}") from error
        report = digest.send_weekly_digest(week=monday)
        self.stdout.write(
            f"{weeks.iso_week_label(report.week)}: {report.sent} sent, "
            f"{report.already_sent} already sent, {report.nothing_new} without new actions "
            f"in their language, {report.failed} failed"
        )
        if report.failed:
            raise CommandError(f"{report.failed} digest(s) could not be sent; run again.")
