"""The whole public site as static files, with a search that runs in the reader's browser.

``build.build_mirror`` renders every page through the site itself (Django's test
client), so the mirror shows exactly what the site shows; ``paths`` names the
files, ``rewrite`` makes links relative and forms static, ``files`` writes only
what changed, ``search_index`` runs Pagefind over the cable pages.
"""
