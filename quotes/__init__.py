"""Quotes: what a named person said, kept once and placed on any page by reference."""

from quotes.section import QuoteSection

SECTION = QuoteSection()
