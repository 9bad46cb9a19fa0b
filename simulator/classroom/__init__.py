"""Workshops, without a UI of their own: the class server, its store, intake and dashboard.

- ``store``: SQLite (WAL, synchronous=FULL): submissions and events;
- ``intake``: one upload -> verified with ``review``'s code -> stored -> a receipt;
- ``gradebook``: review's summary of everything stored, and the dashboard's live state;
- ``homework_outputs``: the one adapter to the homework package's downloads and pages;
- ``limits``: per-client rate limits; ``client``: sending a submission to a class;
- ``web``, ``pages``, ``runner``: the aiohttp server on textual-serve, its pages, start-up;
- ``forks``, ``tab_launcher``: the warm tab starter (browser tabs start as its forks) and
  the tiny command textual-serve runs per tab to reach it.

The server never imports Textual: the app in each browser tab is ``simulator.tui.web_tab``,
imported only in the tab starter's own process (and in each tab).
"""

__all__ = ["client", "gradebook", "intake", "limits", "store"]
