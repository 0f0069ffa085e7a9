"""Query answers as people and programs read them, apart from the command line.

:mod:`.present` says which columns a named query's answer shows, under which headers, sorted
and folded how; :mod:`.table` fits a table to a width; :mod:`.output` writes an answer in
every format (table, wide, csv, tsv, json, jsonl); :mod:`.xlsx` writes the workbook. The
commands (:mod:`plangraph.cli`) and the exports (:mod:`plangraph.views.export`) both use
them; nothing here imports click or the commands.
"""
