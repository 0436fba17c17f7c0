"""Send the cohorts' due daily emails now: what the beat task does every minute, run in the
foreground (the embedded default has no beat; run it from cron every minute)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from programme.services import schedule


class Command(BaseCommand):
    help = "Send every due email of the cohorts' schedule (exactly once per member and day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", help="pretend it is this ISO date-time (Paris time if no offset)"
        )
        parser.add_argument(
            "--resend-unsent-older-than",
            type=int,
            metavar="MINUTES",
            help="first send again the emails claimed that long ago but never marked sent "
            "(after a crash between claim and send)",
        )

    def handle(self, *args, **options):
        now = timezone.now()
        if options["now"]:
            now = parse_datetime(options["now"])
            if now is None:
                raise CommandError("--now must be an ISO date-time, e.g. 2026-04-06T08:00")
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        resent = 0
        if options["resend_unsent_older_than"] is not None:
            resent = schedule.resend_unsent(
                older_than=datetime.timedelta(minutes=options["resend_unsent_older_than"]),
                now=now,
            )
        sent = schedule.send_due_emails(now=now)
        self.stdout.write(f"{sent + resent} email(s) sent.")
