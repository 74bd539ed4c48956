"""`drafter serve`: the local page that checks a draft, through the same functions as the
command line; nothing from another origin or for another host name is answered."""

from __future__ import annotations

import base64
import html
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import SEED_62, SEED_78, drafter
from starlette.testclient import TestClient
from word_documents import assert_accepted_and_rejected, needs_uno

from drafter.serve.app import create_app

PDF = Path(__file__).resolve().parent / "fixtures" / "pdf" / "A_RES_78_53.pdf"
BROKEN = SEED_78.read_text(encoding="utf-8").replace("2. *Prend acte*", "3. *Prend acte*")
# What `drafter lint` says of it: "2 errors, 0 warnings in 1 file" (the number 2 missing, the
# number 3 repeated).
SAID = "2 errors, 0 warnings"
# A draft with two safe fixes to make (a doubled space: Y004, twice), and the numbering error,
# which no fix makes.
FIXABLE = BROKEN.replace("*Rappelle* la tenue", "*Rappelle*  la tenue", 1).replace(
    "*Encourage* la poursuite", "*Encourage*  la poursuite", 1
)
PDF_WITH_A_FIX = PDF.with_name("A_RES_79_323.pdf")
# Two sessions of one resolution, as the comparison page's form sends them.
SEEDS_COMPARED = {
    "old": ("62-209.txt", SEED_62.read_bytes()),
    "new": ("78-167.txt", SEED_78.read_bytes()),
}  # a doubled space (Y004) in its annex


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app(limit_mb=1), base_url="http://127.0.0.1:8765")


def test_the_page_is_a_plain_form_that_fetches_nothing(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'method="post" action="/check" enctype="multipart/form-data"' in page.text
    assert '<label for="file">' in page.text and '<label for="text">' in page.text
    assert "http" not in page.text.split("<body>")[1]  # nothing from another site


def test_a_file_is_checked_as_drafter_lint_checks_it(client):
    clean = client.post("/check", files={"file": ("78-167.txt", SEED_78.read_bytes())})
    assert clean.status_code == 200 and "0 errors, 0 warnings" in clean.text
    broken = client.post("/check", files={"file": ("draft.txt", BROKEN.encode("utf-8"))})
    assert SAID in broken.text  # as `drafter lint` says of it
    assert '<a href="/rules/N001">N001</a>' in broken.text
    assert 'class="finding"' in broken.text  # the line marked in the text


def test_a_pdf_and_a_pasted_text_are_checked(client):
    pdf = client.post("/check", files={"file": ("A_RES_78_53.pdf", PDF.read_bytes())})
    assert pdf.status_code == 200 and "0 errors" in pdf.text
    pasted = client.post("/check", data={"text": BROKEN})
    assert SAID in pasted.text


@pytest.mark.parametrize(
    ("upload", "said"),
    [
        (("notes.txt", b"Lunch at noon.\n"), "not a General Assembly resolution"),
        (("image.png", b"\x89PNG..."), "drafter reads .txt, .md, .pdf and .docx files"),
        (("broken.docx", b"PK\x03\x04 not really"), "broken.docx"),
    ],
)
def test_bad_input_gets_the_command_lines_message_not_a_traceback(client, upload, said):
    answer = client.post("/check", files={"file": upload})
    assert said in answer.text.replace("upload.docx", "broken.docx") or said in answer.text
    assert "Traceback" not in answer.text


def test_an_upload_past_the_limit_is_refused_with_a_message(client):
    answer = client.post("/check", files={"file": ("big.txt", b"x" * (2 * 1024 * 1024))})
    assert answer.status_code == 413 and "larger than 1 MB" in answer.text


def test_another_origin_or_host_name_is_refused(client):
    foreign = client.post(
        "/check",
        files={"file": ("78-167.txt", SEED_78.read_bytes())},
        headers={"Origin": "https://example.org"},
    )
    assert foreign.status_code == 403
    rebound = TestClient(create_app(), base_url="http://attacker.example")
    assert rebound.post("/check", data={"text": BROKEN}).status_code == 400


def test_a_rule_is_explained(client):
    page = client.get("/rules/n001")
    assert page.status_code == 200 and "operative-numbering" in page.text and "Wrong" in page.text


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_server_answers_fifty_checks_at_once_on_127_0_0_1(server):
    import httpx2

    def check(_: int) -> str:
        with httpx2.Client(base_url=server, timeout=120) as session:
            return session.post("/check", data={"text": BROKEN}).text

    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(check, range(50)))
    assert all(SAID in answer and "N001" in answer for answer in answers)


@pytest.fixture
def server(tmp_path):
    """`drafter serve` on a free port, as a user starts it, with a corpus of 62/209; its
    address."""
    port = _free_port()
    corpus = tmp_path / "corpus.sqlite"
    drafter("corpus", "add", str(SEED_62), "--corpus", str(corpus))
    process = subprocess.Popen(
        [sys.executable, "-m", "drafter", "serve", "--port", str(port), "--corpus", str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        assert address in process.stdout.readline()
        for _ in range(100):
            try:
                urllib.request.urlopen(address, timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)


CHROMIUM = shutil.which("chromium")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium (Debian chromium) is not installed")
def test_in_chromium_a_pdf_is_uploaded_and_its_findings_marked(server, tmp_path):
    """A real browser, by keyboard and mouse as a person would: the PDF of a resolution with a
    page of a draft, then a draft with a numbering error; screenshots for docs/."""
    playwright = pytest.importorskip("playwright.sync_api")
    broken = tmp_path / "draft.txt"
    broken.write_text(BROKEN, encoding="utf-8")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        page.goto(server)
        page.get_by_label("A draft").set_input_files(str(PDF))
        page.get_by_role("button", name="Check").click()
        assert page.locator("p.summary").inner_text() == "0 errors, 0 warnings"
        page.goto(server)
        page.get_by_label("A draft").set_input_files(str(broken))
        page.keyboard.press("Tab")  # the form is usable from the keyboard
        page.get_by_role("button", name="Check").press("Enter")
        assert page.locator("p.summary").inner_text() == SAID
        marked = page.locator("ol.text li.finding")
        assert marked.count() >= 1 and "N001" in marked.first.inner_text()
        explanation = marked.first.locator("pre.explanation")
        assert not explanation.is_visible()
        marked.first.locator("summary").click()  # the rule's explanation, in place
        assert explanation.is_visible() and "without gaps" in explanation.inner_text()
        page.get_by_role("link", name="N001").first.click()
        assert "operative-numbering" in page.locator("h1").inner_text()
        page.go_back()
        page.screenshot(path=str(tmp_path / "check.png"))
        browser.close()
    assert (tmp_path / "check.png").stat().st_size > 10_000


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium (Debian chromium) is not installed")
def test_in_chromium_a_fix_and_a_redline_are_downloaded(server, tmp_path):
    """A real browser: the fix of an official PDF applied with one click and its text
    downloaded; two versions compared and the redline downloaded."""
    from drafter.parser import parse_text
    from drafter.reader import read_source

    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1000, "height": 800}, accept_downloads=True)
        page.goto(server)
        page.get_by_label("A draft").set_input_files(str(PDF_WITH_A_FIX))
        page.get_by_role("button", name="Check").click()
        assert page.locator("p.summary").inner_text() == "0 errors, 1 warning"
        assert "Y004" in page.locator("ol.text li.finding").first.inner_text()
        with page.expect_download() as fixed:
            page.get_by_role("button", name="Apply the 1 safe fix and download the file").click()
        assert fixed.value.suggested_filename == "A_RES_79_323.fixed.txt"
        fixed.value.save_as(tmp_path / "fixed.txt")
        page.get_by_role("link", name="Compare two versions").click()
        page.get_by_label("The earlier version").set_input_files(str(SEED_62))
        page.get_by_label("The later version").set_input_files(str(SEED_78))
        page.get_by_role("button", name="Compare", exact=True).click()
        assert page.locator("table.diff ins").count() > 10
        with page.expect_download() as redline:
            page.get_by_role("button", name="Download the redline (Word)").click()
        redline.value.save_as(tmp_path / "redline.docx")
        browser.close()
    assert "Y004" not in drafter("lint", str(tmp_path / "fixed.txt")).stdout
    accepted = parse_text(read_source(tmp_path / "redline.docx").text)
    assert len(accepted.operative) == len(parse_text(SEED_78.read_text(encoding="utf-8")).operative)


ACCESSIBILITY = Path(__file__).resolve().parent / "accessibility.js"


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium (Debian chromium) is not installed")
def test_every_page_passes_contrast_labels_and_reflow_at_200_percent_and_320_pixels(
    server, tmp_path
):
    """WCAG AA contrast for all text, a label for every control, and no sideways scrolling:
    in a 1300-pixel window (the findings beside the text), a 1000-pixel one, at 200 % zoom
    (the layout of a 500-pixel one: zoom scales CSS pixels) and in a 320-pixel one; each page
    with what it shows (findings, a comparison, a draft), loaded once and judged at each
    width."""
    playwright = pytest.importorskip("playwright.sync_api")
    check = ACCESSIBILITY.read_text(encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(FIXABLE, encoding="utf-8")
    found: dict[str, object] = {}
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1000, "height": 800})

        def judge(name: str) -> None:
            for width in (1300, 1000, 500, 320):
                page.set_viewport_size({"width": width, "height": 800})
                result = page.evaluate(check)
                if result["low"] or result["unlabelled"] or result["overflow"] > 0:
                    found[f"{name} at {width} px"] = result
            page.set_viewport_size({"width": 1000, "height": 800})

        for path, form, files, button, answer in (
            ("/", "check form", [("A draft", draft)], "Check", "findings"),
            ("/rules/N001", "rule", [], None, None),
            (
                "/compare",
                "compare form",
                [("The earlier version", SEED_62), ("The later version", SEED_78)],
                "Compare",
                "comparison",
            ),
            (
                "/new",
                "next-year form",
                [("The previous resolution", SEED_78)],
                "Make the draft",
                "next year's draft",
            ),
            (
                "/amend",
                "amendments form",
                [("The draft as it stands", SEED_62), ("The text wanted", SEED_78)],
                "Write the amendments",
                "amendments",
            ),
            ("/apply", "apply form", [], None, None),
            (
                "/precedents",
                "precedents form",
                [("The draft", SEED_78)],
                "Find the precedents",
                "precedents",
            ),
        ):
            page.goto(f"{server}{path}", wait_until="load")
            judge(form)
            if button is None:
                continue
            for label, chosen in files:
                page.get_by_label(label).set_input_files(str(chosen))
            with page.expect_navigation():  # the answer page, loaded whole before it is judged
                page.get_by_role("button", name=button, exact=True).click()
            page.wait_for_load_state("load")
            judge(answer)
        # The check itself finds what it looks for: grey on white, an unlabelled field, a
        # line too long to wrap.
        page.evaluate(
            """() => { const p = document.createElement('p'); p.textContent = 'faint';
            p.style.color = '#aaa'; document.body.append(p);
            document.body.append(document.createElement('textarea'));
            const wide = document.createElement('pre'); wide.style.whiteSpace = 'pre';
            wide.textContent = 'x'.repeat(400); document.body.append(wide); }"""
        )
        page.set_viewport_size({"width": 320, "height": 800})
        planted = page.evaluate(check)
        assert len(planted["low"]) == 1 and len(planted["unlabelled"]) == 1
        assert planted["overflow"] > 0
        browser.close()
    assert found == {}


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium (Debian chromium) is not installed")
def test_in_chromium_a_draft_is_checked_with_scripts_off_and_dropped_with_them_on(server):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        plain = browser.new_page(java_script_enabled=False)
        plain.goto(server)
        plain.get_by_label("Or paste its text").fill(BROKEN)
        plain.get_by_role("button", name="Check").click()
        assert plain.locator("p.summary").inner_text() == SAID
        page = browser.new_page()
        page.goto(server)
        dropped = page.evaluate_handle(
            """(text) => { const data = new DataTransfer();
            data.items.add(new File([text], "dropped.txt", {type: "text/plain"}));
            return data; }""",
            BROKEN,
        )
        page.dispatch_event("form#check", "drop", {"dataTransfer": dropped})
        page.get_by_role("button", name="Check").click()
        assert page.locator("h1").inner_text() == "dropped.txt"
        assert page.locator("p.summary").inner_text() == SAID
        browser.close()


def test_the_language_and_profile_are_shown_and_can_be_chosen(client):
    seed = {"file": ("78-167.txt", SEED_78.read_bytes())}
    read = client.post("/check", files=seed)
    assert "Read as French, checked as adopted" in read.text
    chosen = client.post("/check", files=seed, data={"profile": "draft"})
    assert "Read as French, checked as draft" in chosen.text
    assert client.post("/check", files=seed, data={"language": "xx"}).status_code == 400
    page = client.get("/")
    assert '<label for="language">' in page.text and '<label for="profile">' in page.text


def _sent_back(page: str, *fields: str) -> dict[str, str]:
    """The hidden fields of the answer page's download form, as the browser sends them back."""
    return {field: re.search(rf'name="{field}" value="([^"]*)"', page).group(1) for field in fields}


def test_safe_fixes_are_applied_with_one_click_as_lint_fix_writes_them(client, tmp_path):
    assert FIXABLE.count("  ") >= 2
    checked = client.post("/check", files={"file": ("draft.txt", FIXABLE.encode("utf-8"))})
    assert "Apply the 2 safe fixes and download the file" in checked.text
    assert checked.text.count("(fixable)") == 2
    fixed = client.post(
        "/fix", data=_sent_back(checked.text, "document", "name", "language", "profile")
    )
    assert fixed.status_code == 200
    assert 'filename="draft.fixed.txt"' in fixed.headers["content-disposition"]
    on_disk = tmp_path / "draft.txt"
    on_disk.write_text(FIXABLE, encoding="utf-8")
    drafter("lint", str(on_disk), "--fix")
    assert fixed.content == on_disk.read_bytes()  # what `drafter lint --fix` writes
    again = client.post("/check", files={"file": ("draft.fixed.txt", fixed.content)})
    assert SAID in again.text and "Apply the" not in again.text  # the numbering is left


def test_a_pdf_comes_back_as_the_text_drafter_read_fixed(client):
    from drafter.config import Settings
    from drafter.lint import lint_file

    checked = client.post(
        "/check", files={"file": (PDF_WITH_A_FIX.name, PDF_WITH_A_FIX.read_bytes())}
    )
    assert "Apply the 1 safe fix" in checked.text and "Y004" in checked.text
    fixed = client.post("/fix", data=_sent_back(checked.text, "document", "name"))
    assert 'filename="A_RES_79_323.fixed.txt"' in fixed.headers["content-disposition"]
    expected = lint_file(str(PDF_WITH_A_FIX), Settings(), fix=True).fixed_raw
    assert fixed.content.decode("utf-8") == expected


def test_nothing_to_fix_or_a_document_sent_back_damaged_gets_a_message(client):
    clean = client.post("/check", files={"file": ("78-167.txt", SEED_78.read_bytes())})
    assert "Apply the" not in clean.text
    encoded = base64.b64encode(SEED_78.read_bytes()).decode()
    nothing = client.post("/fix", data={"document": encoded, "name": "78-167.txt"})
    assert nothing.status_code == 400 and "nothing drafter can fix" in nothing.text
    damaged = client.post("/fix", data={"document": "%%%", "name": "78-167.txt"})
    assert damaged.status_code == 400 and "check it again" in damaged.text
    renamed = client.post("/fix", data={"document": encoded, "name": "../../etc/passwd"})
    assert renamed.status_code == 400 and "drafter reads .txt" in renamed.text


@needs_uno
def test_a_word_document_comes_back_with_its_fixes_as_tracked_changes(client, tmp_path):
    from drafter.parser import parse_text
    from drafter.reader import read_source
    from drafter.writers.word import write_docx

    document = write_docx(parse_text(FIXABLE))
    checked = client.post("/check", files={"file": ("draft.docx", document)})
    assert "Apply the 2 safe fixes" in checked.text and "tracked changes" in checked.text
    fixed = client.post("/fix", data=_sent_back(checked.text, "document", "name"))
    assert 'filename="draft.fixed.docx"' in fixed.headers["content-disposition"]
    tracked = tmp_path / "draft.fixed.docx"
    tracked.write_bytes(fixed.content)
    original = tmp_path / "draft.docx"
    original.write_bytes(document)
    read = read_source(original).text
    assert read_source(tracked).text.count("  ") == read.count("  ") - 2
    assert_accepted_and_rejected(tracked, read_source(tracked).text, read)


def test_two_versions_are_compared_side_by_side_as_drafter_diff_shows_them(client, tmp_path):
    files = SEEDS_COMPARED
    page = client.post("/compare", files=files)
    assert page.status_code == 200 and '<table class="diff">' in page.text
    (tmp_path / "62-209.txt").write_bytes(SEED_62.read_bytes())
    (tmp_path / "78-167.txt").write_bytes(SEED_78.read_bytes())
    shown = drafter("diff", "62-209.txt", "78-167.txt", "--format", "html", cwd=tmp_path).stdout
    assert re.search(r'<table class="diff">.*</table>', shown, re.S).group(0) in page.text
    table = client.post("/compare", files=files, data={"download": "markdown"})
    assert 'filename="78-167.changes.md"' in table.headers["content-disposition"]
    markdown = drafter("diff", "62-209.txt", "78-167.txt", "--format", "markdown", cwd=tmp_path)
    assert table.content.decode("utf-8") == markdown.stdout


def test_the_redline_downloads_from_the_comparison_page(client, tmp_path):
    from drafter.parser import parse_text
    from drafter.reader import read_source

    files = SEEDS_COMPARED
    page = client.post("/compare", files=files)
    fields = _sent_back(page.text, "document_old", "name_old", "document_new", "name_new")
    redline = client.post("/compare", data={**fields, "download": "docx"})
    assert 'filename="78-167.redline.docx"' in redline.headers["content-disposition"]
    path = tmp_path / "redline.docx"
    path.write_bytes(redline.content)

    def operative(text: str) -> list[str]:  # Word numbers the footnotes: their calls aside
        return [re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]", "", p.content.text) for p in parse_text(text).operative]

    assert operative(read_source(path).text) == operative(SEED_78.read_text(encoding="utf-8"))
    rejected = read_source(path, "rejected").text
    assert operative(rejected) == operative(SEED_62.read_text(encoding="utf-8"))


def test_comparing_needs_two_documents(client):
    one = client.post("/compare", files={"old": ("62-209.txt", SEED_62.read_bytes())})
    assert one.status_code == 400 and "choose both files" in one.text
    notes = client.post(
        "/compare",
        files={"old": ("62-209.txt", SEED_62.read_bytes()), "new": ("notes.txt", b"Lunch.\n")},
    )
    assert notes.status_code == 400 and "notes.txt: not a General Assembly resolution" in notes.text


def test_next_year_s_draft_is_drafter_new_s_with_its_placeholders_marked(client, tmp_path):
    from drafter.model import PLACEHOLDER
    from drafter.reader import read_source

    previous = {"previous": ("78-167.txt", SEED_78.read_bytes())}
    page = client.post("/new", files=previous)
    (tmp_path / "78-167.txt").write_bytes(SEED_78.read_bytes())
    made = drafter("new", "78-167.txt", cwd=tmp_path)
    left = len(PLACEHOLDER.findall(made.stdout))
    assert left > 5 and page.text.count("<mark>") == left
    assert f"{left} placeholders to fill" in page.text
    text = client.post(
        "/new", data=_sent_back(page.text, "document", "name") | {"download": "text"}
    )
    assert 'filename="78-167.next.txt"' in text.headers["content-disposition"]
    assert text.content.decode("utf-8") == made.stdout
    word = client.post("/new", files=previous, data={"download": "docx"})
    (tmp_path / "page.docx").write_bytes(word.content)
    drafter("new", "78-167.txt", "-o", "cli.docx", cwd=tmp_path)
    assert read_source(tmp_path / "page.docx").text == read_source(tmp_path / "cli.docx").text
    assert (
        read_source(tmp_path / "page.docx", "rejected").text
        == read_source(tmp_path / "cli.docx", "rejected").text
    )


def test_next_year_s_draft_for_a_session_named_on_the_page(client):
    previous = {"previous": ("78-167.txt", SEED_78.read_bytes())}
    later = client.post("/new", files=previous, data={"session": "81"})
    assert "Quatre-vingt-unième session" in later.text
    wrong = client.post("/new", files=previous, data={"session": "eighty"})
    assert wrong.status_code == 400 and "the session is a number" in wrong.text
    notes = client.post("/new", files={"previous": ("notes.txt", b"Lunch at noon.\n")})
    assert notes.status_code == 400 and "notes.txt: not a General Assembly resolution" in notes.text


AMENDMENTS = Path(__file__).resolve().parent / "fixtures" / "amendments"
DRAFT, REVISED = AMENDMENTS / "en_draft.txt", AMENDMENTS / "en_revised.txt"


def test_amendments_are_written_as_drafter_amend_writes_them_and_apply_back(client, tmp_path):
    files = {"old": ("L.12.txt", DRAFT.read_bytes()), "new": ("wanted.txt", REVISED.read_bytes())}
    page = client.post("/amend", files=files, data={"sponsors": "Denmark"})
    written = drafter("amend", str(DRAFT), str(REVISED), "--by", "Denmark").stdout
    shown = html.unescape(re.search(r'<pre class="amendments">(.*?)</pre>', page.text, re.S)[1])
    assert shown == written and "Denmark" in written
    fields = _sent_back(page.text, "document_old", "name_old", "document_new", "name_new")
    text = client.post("/amend", data={**fields, "sponsors": "Denmark", "download": "text"})
    assert 'filename="wanted.amendments.txt"' in text.headers["content-disposition"]
    assert text.content.decode("utf-8") == written
    word = client.post("/amend", data={**fields, "sponsors": "Denmark", "download": "docx"})
    (tmp_path / "L.70.docx").write_bytes(word.content)
    # Applied to the draft, the page's amendments, as Word or as text, make the text wanted.
    applied = client.post(
        "/apply",
        files=[
            ("draft", ("L.12.txt", DRAFT.read_bytes())),
            ("amendments", ("L.70.docx", word.content)),
        ],
        data={"download": "text"},
    )
    assert applied.content.decode("utf-8") == REVISED.read_text(encoding="utf-8")


def test_amendments_are_applied_as_drafter_apply_carries_them_out(client, tmp_path):
    from drafter.reader import read_source

    amendment = tmp_path / "L.70.txt"
    amendment.write_text(
        drafter("amend", str(DRAFT), str(REVISED), "--by", "Denmark").stdout, encoding="utf-8"
    )
    files = [
        ("draft", ("L.12.txt", DRAFT.read_bytes())),
        ("amendments", ("L.70.txt", amendment.read_bytes())),
    ]
    page = client.post("/apply", files=files)
    assert page.status_code == 200 and '<table class="diff">' in page.text
    assert "By L.70.txt." in page.text
    fields = _sent_back(page.text, "document_draft", "name_draft")
    fields |= _sent_back(page.text, "document_amendment", "name_amendment")
    word = client.post("/apply", data={**fields, "download": "docx"})
    assert 'filename="L.12.amended.docx"' in word.headers["content-disposition"]
    (tmp_path / "amended.docx").write_bytes(word.content)
    accepted = drafter("text", str(tmp_path / "amended.docx")).stdout
    (tmp_path / "accepted.txt").write_text(accepted, encoding="utf-8")
    assert drafter("diff", str(tmp_path / "accepted.txt"), str(REVISED)).returncode == 0
    assert read_source(tmp_path / "amended.docx", "rejected").text.count("\n") > 5


def test_an_amendment_that_cannot_be_carried_out_is_said_and_nothing_is(client):
    wrong = (
        "Denmark: amendment to draft resolution A/C.3/80/L.20\n\n"
        "1. In operative paragraph 1, delete “words the paragraph does not hold”.\n"
    )
    files = [
        ("draft", ("L.12.txt", DRAFT.read_bytes())),
        ("amendments", ("L.70.txt", wrong.encode("utf-8"))),
    ]
    answer = client.post("/apply", files=files)
    assert answer.status_code == 400
    assert "amendment 1: “words the paragraph does not hold” is not in operative paragraph 1" in (
        html.unescape(answer.text)
    )
    assert "Traceback" not in answer.text and "/tmp" not in answer.text
    alone = client.post("/apply", files=[("draft", ("L.12.txt", DRAFT.read_bytes()))])
    assert alone.status_code == 400 and "at least one amendment" in alone.text


def test_precedents_are_found_in_the_corpus_as_drafter_precedents_finds_them(tmp_path):
    corpus = tmp_path / "corpus.sqlite"
    drafter("corpus", "add", str(SEED_62), "--corpus", str(corpus))
    client = TestClient(create_app(corpus=str(corpus)), base_url="http://127.0.0.1:8765")
    page = client.post("/precedents", files={"draft": ("78-167.txt", SEED_78.read_bytes())})
    made = drafter("precedents", str(SEED_78), "--corpus", str(corpus), "--format", "html")
    table = re.search(r'<table class="precedents">.*</table>', made.stdout, re.S)[0]
    assert table in page.text and "A/RES/62/209" in table and "verbatim" in table
    empty = TestClient(create_app(corpus=str(tmp_path / "none.sqlite")))
    missing = empty.post("/precedents", files={"draft": ("78-167.txt", SEED_78.read_bytes())})
    assert missing.status_code == 400 and "Traceback" not in missing.text


def test_the_server_keeps_no_file_once_it_has_answered(client, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the uploads go
    checked = client.post("/check", files={"file": ("draft.txt", FIXABLE.encode("utf-8"))})
    client.post("/fix", data=_sent_back(checked.text, "document", "name"))
    client.post(
        "/compare",
        files={"old": ("a.txt", SEED_62.read_bytes()), "new": ("b.txt", SEED_78.read_bytes())},
    )
    client.post("/check", files={"file": ("notes.txt", b"Lunch at noon.\n")})  # refused
    assert list(tmp_path.iterdir()) == []


def test_what_apply_has_to_say_is_on_the_page_with_the_user_s_file_names(client):
    other = (
        "Denmark: amendment to draft resolution A/C.3/80/L.99\n\n"
        "1. In operative paragraph 1, delete “all”.\n"
    )
    files = [
        ("draft", ("L.20.txt", DRAFT.read_bytes())),
        ("amendments", ("L.70.txt", other.encode("utf-8"))),
        ("amendments", ("L.71.txt", other.replace("“all”", "“protect”").encode("utf-8"))),
    ]
    page = client.post("/apply", files=files)
    said = html.unescape(page.text)
    assert "L.70.txt amends A/C.3/80/L.99; the draft is A/C.3/80/L.20" in said
    assert "L.71.txt amends" in said and "/tmp" not in said


def test_what_is_known_of_the_next_text_fills_it_as_drafter_new_set_does(client, tmp_path):
    known = {"number": "212", "meeting": "52", "adopted_on": "17 décembre 2025"}
    files = {"previous": ("78-167.txt", SEED_78.read_bytes())}
    page = client.post("/new", files=files, data={"session": "80", **known})
    (tmp_path / "78-167.txt").write_bytes(SEED_78.read_bytes())
    sets = [f"--set={key}={value}" for key, value in known.items()]
    made = drafter("new", "78-167.txt", "--session", "80", *sets, cwd=tmp_path).stdout
    text = client.post(
        "/new",
        data={**_sent_back(page.text, "document", "name", "session"), **known, "download": "text"},
    )
    assert text.content.decode("utf-8") == made and "80/212" in made
    assert "--set" not in page.text  # the page names its own field
    form = client.get("/new")
    assert '<label for="adopted_on">' in form.text and '<label for="meeting">' in form.text
