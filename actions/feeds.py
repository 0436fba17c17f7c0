"""Atom feed of the directory's new actions, in the language of the URL."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from wagtail.models import Locale

from actions import services

FEED_LENGTH = 30


@dataclass
class FeedSource:
    request: HttpRequest
    locale: Locale


class NewActionsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        return FeedSource(request=request, locale=Locale.get_active())

    def title(self, source):
        return _("ré_action — nouvelles actions du répertoire")

    def subtitle(self, source):
        return _("Les actions de solidarité ajoutées chaque semaine au répertoire.")

    def link(self, source):
        directory = services.directory_index(source.locale.pk)
        if directory is None:
            return "/"
        return directory.get_full_url(source.request)

    def items(self, source):
        actions = list(services.recent_actions(locale_id=source.locale.pk, limit=FEED_LENGTH))
        for action in actions:
            action.feed_url = action.get_full_url(source.request)
        return actions

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.feed_url

    def item_guid(self, item):
        return item.feed_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.challenge.title] if item.challenge else []
