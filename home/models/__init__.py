"""Home room: the home page, site-wide settings, stories and the contact/partnership form.

Direction of dependencies: ``home`` reads ``challenges`` (and later ``actions``, ``matching``,
``programme``); nothing outside ``home`` imports from it except the page-tree rules by name.
"""

from home.models.contact_form import ContactFormField, ContactFormPage
from home.models.home_page import HomePage
from home.models.programme_goals import ProgrammeGoals
from home.models.standard_page import StandardPage
from home.models.stories import StoryIndexPage, StoryPage

__all__ = [
    "ContactFormField",
    "ContactFormPage",
    "HomePage",
    "ProgrammeGoals",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
]
