"""`drafter serve`: the local web page, until Ctrl-C."""

from __future__ import annotations

import sys

from drafter.commands import EXIT_CLEAN, error
from drafter.serve.app import DEFAULT_LIMIT_MB, LOCAL_NAMES


def run(
    host: str = "127.0.0.1",
    port: int = 8765,
    open_browser: bool = False,
    limit_mb: int = DEFAULT_LIMIT_MB,
    corpus: str | None = None,
) -> int:
    """0 when stopped; 2 when the server cannot start (the port taken, say)."""
    import uvicorn

    from drafter.serve.app import create_app

    if host not in LOCAL_NAMES:
        print(
            f"drafter: warning: serving on {host}: other computers of the network can send"
            " drafts to it and read the results",
            file=sys.stderr,
        )
    address = f"http://{'127.0.0.1' if host == 'localhost' else host}:{port}/"
    print(f"drafter serves {address} (Ctrl-C stops it)", flush=True)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(0.5, webbrowser.open, (address,)).start()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(limit_mb, host, corpus), host=host, port=port, log_level="warning"
        )
    )
    try:
        server.run()
    except KeyboardInterrupt:
        return EXIT_CLEAN
    except OSError as problem:
        return error(f"cannot serve on {host}:{port}: {problem.strerror or problem}")
    return EXIT_CLEAN if server.started else error(f"cannot serve on {host}:{port}")
