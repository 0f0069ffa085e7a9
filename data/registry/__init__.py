"""The curated registries (agencies, issuers, indicators, projects), bundled as package data.

Read through :mod:`plangraph.resources`; a workspace's own ``registry/`` entries are merged
over them by :mod:`plangraph.registries`.
"""
