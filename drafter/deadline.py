"""Running what may not end in time (a server's answer, a user's template) with a deadline."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

Result = TypeVar("Result")


def within(seconds: float, work: Callable[[], Result]) -> Result:
    """The result of `work()`, or TimeoutError when it has not ended after `seconds`. The
    work runs in a daemon thread: one that overruns is left behind, and ends with the
    process. An exception of `work` is raised here, in the caller's thread."""
    outcome: dict[str, Result] = {}
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome["result"] = work()
        except Exception as error:
            failure.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise TimeoutError(f"not ended within {seconds:g} s")
    if failure:
        raise failure[0]
    return outcome["result"]
