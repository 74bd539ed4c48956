"""Talking to a LanguageTool server through language-tool-python: which server, few
requests (paragraphs batched), and answers cached on disk by (server, language, disabled
rules, paragraph), so that re-linting an unchanged paragraph costs no request."""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

from drafter.cache import read_data, store_data
from drafter.config import LOCAL, PUBLIC
from drafter.deadline import within

BATCH = 15_000  # characters of prose in one request
SEPARATOR = "\n\n"  # between paragraphs of one request: LanguageTool reads paragraphs
# An answer to a request of BATCH characters is a few hundred kilobytes at the most.
MAX_ANSWER = 16 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class Unavailable(Exception):
    """The server could not be used: unreachable, too slow, or it answered an error."""


@dataclass(frozen=True)
class Match:
    """One of LanguageTool's findings in the prose of a paragraph."""

    offset: int  # in the prose of one paragraph
    length: int
    rule_id: str
    message: str
    replacements: tuple[str, ...]
    misspelling: bool


def check_texts(
    texts: list[str],
    server: str,
    language: str,
    disabled_rules: tuple[str, ...],
    *,
    cache: bool = True,
    timeout: float = 20,
) -> list[list[Match]]:
    """The matches in each text, from the cache or from the server."""
    keys = [_key(server, language, disabled_rules, text) for text in texts]
    results: list[list[Match] | None] = [
        [] if not text.strip() else (_cached(key) if cache else None)
        for text, key in zip(texts, keys, strict=True)
    ]
    missing = [index for index, found in enumerate(results) if found is None]
    for batch in _batches(missing, texts):
        client = _client(server, language, timeout, tuple(sorted(disabled_rules)))
        joined = SEPARATOR.join(texts[index] for index in batch)
        answers = _split(_ask(client, joined, server, timeout), [texts[i] for i in batch])
        for index, matches in zip(batch, answers, strict=True):
            results[index] = matches
            _store(keys[index], matches)
    return [found or [] for found in results]


def _batches(indexes: list[int], texts: list[str]) -> Iterator[list[int]]:
    batch: list[int] = []
    size = 0
    for index in indexes:
        if batch and size + len(texts[index]) > BATCH:
            yield batch
            batch, size = [], 0
        batch.append(index)
        size += len(texts[index]) + len(SEPARATOR)
    if batch:
        yield batch


def _split(matches: list[Any], texts: list[str]) -> list[list[Match]]:
    """The matches of one request, given back to the paragraphs it joined."""
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + len(SEPARATOR)
    split: list[list[Match]] = [[] for _ in texts]
    for match in matches:
        index = bisect_right(starts, match.offset) - 1
        offset = match.offset - starts[index]
        text = texts[index] if index >= 0 else ""
        if index < 0 or match.error_length < 0 or offset + match.error_length > len(text):
            continue  # across two paragraphs, or a span that is no span: not trusted
        split[index].append(
            Match(
                offset=offset,
                length=match.error_length,
                rule_id=printable(str(match.rule_id)),
                message=printable(str(match.message)),
                replacements=tuple(str(r) for r in match.replacements),
                misspelling=match.rule_issue_type == "misspelling",
            )
        )
    return split


def printable(text: str) -> str:
    """A server's words without the control characters (terminal escapes, bidirectional
    overrides) that would reach the user's terminal."""
    return _CONTROL.sub("", text)


# -- the client ------------------------------------------------------------------------------
@cache
def _client(server: str, language: str, timeout: float, disabled_rules: tuple[str, ...]) -> Any:
    # language-tool-python (and requests) are imported here only: a lint without
    # --language-check never pays for them.
    import language_tool_python

    base = {
        PUBLIC: language_tool_python.LanguageToolPublicAPI,
    }.get(server, language_tool_python.LanguageTool)

    class Client(base):  # type: ignore[misc, valid-type]
        # language-tool-python waits 300 s for an answer, twice; a commit hook cannot.
        _TIMEOUT = timeout

        def _query_server(
            self, url: str, params: dict[str, str] | None = None, num_tries: int = 1, method="get"
        ) -> Any:
            return _bounded_query(url, params, method, timeout, self._proxies)

    remote = {} if server in (PUBLIC, LOCAL) else {"remote_server": server}
    try:
        client = Client(language, **remote)
    except Exception as error:  # what a server can do wrong is open-ended: say it in a line
        raise Unavailable(_reason(error, server, timeout)) from None
    client.disabled_rules = set(disabled_rules)
    return client


class AnswerTooLarge(Exception):
    """The server's answer passed MAX_ANSWER bytes."""


def _bounded_query(
    url: str, params: dict[str, str] | None, method: str, timeout: float, proxies: Any
) -> Any:
    """One request, once, whose whole exchange (not each read: a server that sends a byte at
    a time would never time out) ends within `timeout` seconds, and whose answer is read up to
    MAX_ANSWER bytes."""
    try:
        return within(timeout, lambda: _read_answer(url, params, method, timeout, proxies))
    except TimeoutError:
        raise TimeoutError(f"no answer within {timeout:g} s") from None


def _read_answer(
    url: str, params: dict[str, str] | None, method: str, timeout: float, proxies: Any
) -> Any:
    import requests  # language-tool-python's own HTTP library, imported with it

    post = method == "post"
    with requests.request(
        "POST" if post else "GET",
        url,
        data=params if post else None,
        params=None if post else params,
        timeout=timeout,
        proxies=proxies,
        stream=True,
    ) as response:
        body = bytearray()
        for chunk in response.iter_content(64 * 1024):
            body += chunk
            if len(body) > MAX_ANSWER:
                raise AnswerTooLarge(f"an answer of more than {MAX_ANSWER // 2**20} MiB")
        if response.status_code != 200:
            raise ValueError(f"HTTP {response.status_code}: {body[:200].decode(errors='replace')}")
    return json.loads(body)


def _ask(client: Any, text: str, server: str, timeout: float) -> list[Any]:
    try:
        return client.check(text)
    except Exception as error:
        raise Unavailable(_reason(error, server, timeout)) from None


def _reason(error: BaseException, server: str, timeout: float) -> str:
    where = "the public LanguageTool API" if server == PUBLIC else f"LanguageTool at {server}"
    chain = []
    link: BaseException | None = error
    while link is not None:
        chain.append(type(link).__name__)
        link = link.__cause__ or link.__context__
    if any("Timeout" in name for name in chain):
        return f"{where}: no answer within {timeout:g} s"
    if any("Connection" in name for name in chain):
        return f"{where}: cannot connect"
    detail = printable(" ".join(str(error).split())[:160]) if error else ""
    return f"{where}: the server answered with an error" + (f" ({detail})" if detail else "")


# -- the cache ---------------------------------------------------------------------------------
def _key(server: str, language: str, disabled_rules: tuple[str, ...], text: str) -> str:
    identity = json.dumps([server, language, sorted(disabled_rules), text], ensure_ascii=False)
    return hashlib.sha256(identity.encode()).hexdigest()


def _name(key: str) -> str:
    return f"languagetool/{key[:2]}/{key}.data"


def _cached(key: str) -> list[Match] | None:
    items = read_data(_name(key))
    if not isinstance(items, list):
        return None
    try:
        return [Match(**{**item, "replacements": tuple(item["replacements"])}) for item in items]
    except (TypeError, KeyError):
        return None


def _store(key: str, matches: list[Match]) -> None:
    store_data(_name(key), [asdict(match) for match in matches])
