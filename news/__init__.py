"""News and events: a page per item, the news page with an archive by year, the latest items
on the home page, an Atom feed and a calendar (.ics) of the events, per language."""

from news.section import NewsSection

SECTION = NewsSection()
