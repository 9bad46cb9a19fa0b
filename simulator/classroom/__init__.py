"""Workshops, without a UI of their own: the class server, its store, intake and dashboard.

- ``store``: SQLite (WAL, synchronous=FULL): submissions and events;
- ``intake``: one upload -> verified with ``review``'s code -> stored -> a receipt;
- ``gradebook``: review's summary of everything stored, and the dashboard's live state;
- ``homework_outputs``: the one adapter to the homework package's downloads and pages;
- ``limits``: per-client rate limits; ``client``: sending a submission to a class;
- ``web``, ``pages``, ``runner``: the aiohttp server on textual-serve, its pages, start-up.

Nothing here imports Textual: the app in each browser tab is ``simulator.tui.web_tab``.
"""

__all__ = ["client", "gradebook", "intake", "limits", "store"]
