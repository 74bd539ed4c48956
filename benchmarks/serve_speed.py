"""`drafter serve` (issue 34's aims; prints figures, asserts nothing): how long from the command
to a page that answers (aim: under 1 s), and a check of the 24 KB seed through the page
against `lint_file` of it in this process (aim: within 1.5 times).
Run: python benchmarks/serve_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import time
import urllib.request

from timing import ENVIRONMENT, SEED_78, drafter_command


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=10)
    runs = options.parse_args().runs
    import httpx2

    from drafter.config import Settings
    from drafter.lint import lint_file

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"http://127.0.0.1:{port}"
    start = time.perf_counter()
    server = subprocess.Popen(
        drafter_command("serve", "--port", str(port)), stdout=subprocess.DEVNULL, env=ENVIRONMENT
    )
    try:
        while True:
            try:
                urllib.request.urlopen(address, timeout=1).read()
                break
            except OSError:
                time.sleep(0.01)
        ready = time.perf_counter() - start
        data = SEED_78.read_bytes()
        lint_file(str(SEED_78), Settings())  # warm: grammars loaded
        with httpx2.Client(base_url=address, timeout=60) as client:
            client.post("/check", files={"file": ("seed.txt", data)})  # warm: the server's too
            page, direct = [], []
            for _ in range(runs):
                began = time.perf_counter()
                client.post("/check", files={"file": ("seed.txt", data)})
                page.append(time.perf_counter() - began)
                began = time.perf_counter()
                lint_file(str(SEED_78), Settings())
                direct.append(time.perf_counter() - began)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"page ready {ready:.2f} s after `drafter serve` (aim: < 1 s)")
    checked, linted = statistics.median(page) * 1000, statistics.median(direct) * 1000
    print(
        f"check of the 24 KB seed: {checked:.0f} ms through the page, {linted:.0f} ms by"
        f" lint_file: {checked / linted:.2f} times (aim: <= 1.5; median of {runs})"
    )


if __name__ == "__main__":
    main()
