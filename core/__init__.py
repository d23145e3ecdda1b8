"""Shared machinery of the site toolkit: load, validate, model, stage, render, finish, publish.

The core knows nothing about any one section. A section package (``pages``, and later
``longread``, ``kompas`` ...) declares a :class:`core.section.Section` and the core does the rest.
"""
