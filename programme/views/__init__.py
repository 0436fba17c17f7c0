"""Public pages of the programme: sign-up, the volunteer's space and impact reports, the
coordinator space, and the open-tracking of the daily emails."""
