"""A small memory of recent readings: the same text read the same way is read once.

A session reads each learner text when it is sent, the grader reads it again from the
transcript, the app's live hints read the draft that is then sent, and ``check
--explore`` grades every playthrough it plays. Reading is a pure function of its
arguments (the text, the stage, the frozen ``Context`` and the lexicon object), and a
``Reading`` is frozen, so the earlier answer is handed back. The memory is bounded
(``SIZE`` readings, least recently used dropped first) and keyed on the text as read
(cut at the reader's limit), so a huge paste cannot grow it. A call that leaves the
context or the lexicon out (a one-off read, the reader's own benchmark) is read afresh.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar, cast

SIZE = 256
"""Readings kept: a few sessions' worth of turns and drafts."""

F = TypeVar("F", bound=Callable[..., Any])


def remembered(limit: int) -> Callable[[F], F]:
    """Decorate ``read(text, stage, context, lexicon, **options)``: the same arguments give
    the same answer (keyword options, such as ``headline``, are part of the key).

    The lexicon is compared by identity (lexicons are built once and cached; the entry
    holds it, so its ``id`` cannot be reused while remembered). ``__wrapped__`` is the
    reader without its memory."""

    def decorate(read: F) -> F:
        memory: OrderedDict[tuple[Any, ...], tuple[Any, Any]] = OrderedDict()
        lock = threading.Lock()

        @functools.wraps(read)
        def remembering(
            text: str,
            stage: str = "outreach",
            context: Any = None,
            lexicon: Any = None,
            **options: Any,
        ) -> Any:
            if context is None or lexicon is None:
                return read(text, stage, context, lexicon, **options)
            key = (text[:limit], stage, context, id(lexicon), tuple(sorted(options.items())))
            with lock:
                hit = memory.get(key)
                if hit is not None and hit[0] is lexicon:
                    memory.move_to_end(key)
                    return hit[1]
            reading = read(text, stage, context, lexicon, **options)
            with lock:
                memory[key] = (lexicon, reading)
                while len(memory) > SIZE:
                    memory.popitem(last=False)
            return reading

        return cast(F, remembering)

    return decorate
