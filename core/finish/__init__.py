"""Stage finish: what is done to the rendered tree before it is published.

sitemap.py (one sitemap for both languages), robots.py, security.py (Content-Security-Policy
and header files for static hosts), linkcheck.py (every internal link and anchor resolves).
"""
