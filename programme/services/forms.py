"""The sign-up forms, for the rooms that offer the programme's sign-up on their own pages (the
sponsors' employee sign-up extends them): what they validate is what ``signup`` receives. They
live with the programme's other forms in ``programme.forms``, which imports this package, so
this package's ``__init__`` does not import them."""

from programme.forms import JoinForm, SignUpForm

__all__ = ["JoinForm", "SignUpForm"]
