"""``simulator serve``: the app in a browser, one session per tab (textual-serve).

Binds to 127.0.0.1 unless ``--host`` says otherwise (and then warns). Every link holds
a token, so another program or web page cannot open sessions on this computer. Imports
the server only inside ``run``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "serve"
HELP = "serve the app to a web browser (one session per tab; --assignment for a class)"
ORDER = 60
DEFAULT_PORT = 8000


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """The options ``serve`` and ``classroom`` share."""
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this computer only). Another "
        "address, e.g. 0.0.0.0 for the room's network, lets other computers connect",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 8000)")
    parser.add_argument(
        "--public-url",
        help="the address learners use, when it is not this computer's (a tunnel's URL)",
    )
    parser.add_argument("--dir", help="folder for this server's tokens and data")
    parser.add_argument("--new-tokens", action="store_true", help="make new links (old ones stop)")
    parser.add_argument("--no-qr", action="store_true", help="do not print the QR code")
    parser.add_argument(
        "--max-sessions", type=int, default=60, help="most browser sessions open at once"
    )
    parser.add_argument(
        "--no-warm-tabs",
        action="store_true",
        help="start each tab as a fresh process (slower; default: forks of a warm starter)",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--assignment", help="every tab opens on this assignment and asks the learner's name"
    )
    add_server_arguments(parser)


def check_host(args: argparse.Namespace, command: str) -> bool:
    """Warn about a non-loopback address; refuse a bad port. False when it cannot start."""
    from simulator.classroom.runner import is_loopback_host

    if not 0 <= args.port <= 65535:
        print(f"simulator {command}: --port must be 0-65535", file=sys.stderr)
        return False
    if not is_loopback_host(args.host):
        print(
            f"WARNING: listening on {args.host}: other computers on this network can reach "
            "this server. Anyone with the learners' link can open sessions; only this "
            "computer can open the dashboard.",
            file=sys.stderr,
        )
    return True


def base_url(args: argparse.Namespace, port: int) -> str:
    """The address to print for learners."""
    import socket

    from simulator.classroom.runner import is_loopback_host

    if args.public_url:
        return str(args.public_url).rstrip("/")
    host = args.host
    if host in ("0.0.0.0", "::", ""):
        host = socket.gethostname()
    elif not is_loopback_host(host) and ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def print_qr(args: argparse.Namespace, url: str) -> None:
    if not args.no_qr:
        from simulator.classroom.runner import qr_text

        print(qr_text(url), end="")


def run(args: argparse.Namespace) -> int:
    from simulator.classroom.forks import start_tab_starter
    from simulator.classroom.runner import (
        load_tokens,
        make_config,
        run_server,
        tab_environment,
    )
    from simulator.classroom.web import ClassServer, Limits
    from simulator.paths import user_dir

    if not check_host(args, "serve"):
        return 2
    title = "Interview simulator"
    assignment = None
    if args.assignment:
        from simulator.homework import HomeworkError, load_assignment

        try:
            title = load_assignment(Path(args.assignment)).title
        except HomeworkError as exc:
            print(f"simulator serve: {exc}", file=sys.stderr)
            return 2
        assignment = Path(args.assignment)
    folder = Path(args.dir) if args.dir else user_dir("serve")
    tokens = load_tokens(folder, renew=args.new_tokens)
    tab_environment(folder, assignment, None)
    starter = None if args.no_warm_tabs else start_tab_starter(assignment)
    command = starter.command if starter else None
    config = make_config(title, tokens, Limits(max_sessions=args.max_sessions), command)
    server = ClassServer(config)

    def ready(port: int) -> None:
        url = f"{base_url(args, port)}/play/{tokens.class_token}"
        print(f"Open in a browser: {url}")
        print_qr(args, url)
        print("Each tab is its own session. Press Ctrl+C to stop.", flush=True)

    try:
        run_server(server, args.host, args.port, ready)
    except OSError as exc:
        print(f"simulator serve: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    finally:
        if starter is not None:
            starter.stop()
    return 0
