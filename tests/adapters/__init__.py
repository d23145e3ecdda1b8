"""Renderers used only in tests: they prove that the pipeline needs nothing but the port."""
