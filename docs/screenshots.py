"""Make the screenshots of `drafter serve` in docs/ (the README shows them): the form, a draft
with a numbering error and a doubled space checked (the fix offered), and two versions
compared. Needs Debian's chromium and
Playwright (the test extras). Run: python docs/screenshots.py"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent
SEED = DOCS.parent / "seeds" / "fr_78-167_cooperation-sud-sud.txt"
EARLIER = DOCS.parent / "seeds" / "fr_62-209_cooperation-sud-sud.txt"


def main() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "drafter", "serve", "--port", str(port)])
    address = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(address, timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        with tempfile.TemporaryDirectory() as folder:
            draft = Path(folder) / "draft.txt"
            text = SEED.read_text(encoding="utf-8")
            text = text.replace("2. *Prend acte*", "3. *Prend acte*")
            draft.write_text(text.replace("*Rappelle* la", "*Rappelle*  la"), encoding="utf-8")
            with sync_playwright() as driver:
                browser = driver.chromium.launch(
                    executable_path=shutil.which("chromium"), args=["--no-sandbox"]
                )
                page = browser.new_page(viewport={"width": 1000, "height": 700})
                page.goto(address)
                page.screenshot(path=str(DOCS / "serve-form.png"))
                page.get_by_label("A draft").set_input_files(str(draft))
                page.get_by_role("button", name="Check").click()
                page.set_viewport_size({"width": 1300, "height": 700})  # the findings beside
                page.locator("#line-74").scroll_into_view_if_needed()
                page.screenshot(path=str(DOCS / "serve-findings.png"))
                page.set_viewport_size({"width": 1000, "height": 700})
                page.get_by_role("link", name="Compare two versions").click()
                page.get_by_label("The earlier version").set_input_files(str(EARLIER))
                page.get_by_label("The later version").set_input_files(str(SEED))
                page.get_by_role("button", name="Compare", exact=True).click()
                page.screenshot(path=str(DOCS / "serve-compare.png"))
                browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
