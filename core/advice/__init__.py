"""``build.py lint``: advice that never stops a build (hard Dutch text, heavy images)."""
