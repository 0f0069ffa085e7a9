"""Interactive views (offline HTML) and exports (GraphML, GEXF, JSON-LD, N-Triples, CSV)."""
