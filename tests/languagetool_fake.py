"""A LanguageTool server on loopback, for the tests: the `/v2/languages` and `/v2/check`
endpoints as LanguageTool's HTTP API documents them, with a few rules of its own.

Like the real server (Java), it counts offsets and lengths in UTF-16 code units.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

# Words this server does not know, with its suggestions.
MISSPELT = {"actoin": ["action"], "comunauté": ["communauté"], "CNUCED": [], "Zorglub": []}
# A grammar rule: "des rapport" wants a plural.
AGREEMENT = re.compile(r"\bdes rapport\b")


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Fake:
    """The server's state: what it was asked, and how it should misbehave."""

    url: str = ""
    checks: list[dict[str, str]] = field(default_factory=list)
    language_requests: int = 0
    delay: float = 0.0  # seconds before answering a check
    broken: bool = False  # answer every check with an HTTP 500
    drip: float = 0.0  # seconds between the bytes of an answer
    padding: int = 0  # spaces added to an answer
    # Matches the server answers instead of its own, made from the checked text.
    hostile: Any = None

    def reset(self) -> None:
        self.delay, self.broken, self.drip, self.padding, self.hostile = 0.0, False, 0.0, 0, None


def _match(text: str, start: int, end: int, rule: dict[str, Any], message: str, fixes: list[str]):
    context_start = max(0, start - 20)
    return {
        "message": message,
        "shortMessage": "",
        "replacements": [{"value": value} for value in fixes],
        "offset": utf16(text[:start]),
        "length": utf16(text[start:end]),
        "context": {
            "text": text[context_start : end + 20],
            "offset": utf16(text[context_start:start]),
            "length": utf16(text[start:end]),
        },
        "sentence": text[context_start : end + 20],
        "type": {"typeName": "UnknownWord" if rule["issueType"] == "misspelling" else "Other"},
        "rule": rule,
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


SPELLING = {
    "id": "FR_SPELLING_RULE",
    "description": "Faute d'orthographe possible",
    "issueType": "misspelling",
    "category": {"id": "TYPOS", "name": "Faute de frappe possible"},
}
AGREEMENT_RULE = {
    "id": "ACCORD_NOMBRE",
    "description": "Accord en nombre",
    "issueType": "grammar",
    "category": {"id": "GRAMMAR", "name": "Grammaire"},
}


def check(text: str, disabled: set[str]) -> list[dict[str, Any]]:
    matches = []
    if SPELLING["id"] not in disabled:
        for word in re.finditer(r"[\w'-]+", text):
            for bare in {word.group(0), word.group(0).split("'")[-1]}:
                if bare in MISSPELT:
                    end = word.end()
                    start = end - len(bare)
                    message = "Faute de frappe possible trouvée."
                    matches.append(_match(text, start, end, SPELLING, message, MISSPELT[bare]))
    if AGREEMENT_RULE["id"] not in disabled:
        for found in AGREEMENT.finditer(text):
            message = "Le nom devrait être au pluriel."
            fixes = ["des rapports"]
            matches.append(_match(text, found.start(), found.end(), AGREEMENT_RULE, message, fixes))
    return sorted(matches, key=lambda m: m["offset"])


def handler_for(fake: Fake) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def _send(self, status: int, body: str, kind: str = "application/json") -> None:
            data = body.encode("utf-8") + b" " * fake.padding
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            # The client may have given up waiting: what a slow server sees.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                if not fake.drip:
                    self.wfile.write(data)
                    return
                for at in range(len(data)):  # a byte at a time, each soon enough
                    self.wfile.write(data[at : at + 1])
                    self.wfile.flush()
                    time.sleep(fake.drip)

        def do_GET(self) -> None:
            if self.path.split("?")[0] != "/v2/languages":
                self._send(404, "Not found", "text/plain")
                return
            fake.language_requests += 1
            languages = [
                {"name": "French", "code": "fr", "longCode": "fr"},
                {"name": "English (US)", "code": "en", "longCode": "en-US"},
                {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
            ]
            self._send(200, json.dumps(languages))

        def do_POST(self) -> None:
            if self.path.split("?")[0] != "/v2/check":
                self._send(404, "Not found", "text/plain")
                return
            length = int(self.headers.get("Content-Length", 0))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            fake.checks.append(form)
            if fake.delay:
                time.sleep(fake.delay)
            if fake.broken:
                self._send(500, "Error: Internal Error: java.lang.RuntimeException", "text/plain")
                return
            disabled = set(filter(None, form.get("disabledRules", "").split(",")))
            text = form.get("text", "")
            answer = {
                "software": {
                    "name": "LanguageTool",
                    "version": "6.6",
                    "buildDate": "2025-03-27 12:00:00 +0000",
                    "apiVersion": 1,
                    "premium": False,
                    "status": "",
                },
                "warnings": {"incompleteResults": False},
                "language": {
                    "name": "French",
                    "code": form.get("language", "fr"),
                    "detectedLanguage": {"name": "French", "code": "fr", "confidence": 0.99},
                },
                "matches": fake.hostile(text) if fake.hostile else check(text, disabled),
                "sentenceRanges": [[0, utf16(text)]],
            }
            self._send(200, json.dumps(answer, ensure_ascii=False))

    return Handler


def start() -> tuple[Fake, ThreadingHTTPServer]:
    fake = Fake()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(fake))
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return fake, server
