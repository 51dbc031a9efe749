"""Reader views, one module per kind of page (cable, browse, home, search, pages)."""
