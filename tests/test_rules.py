"""Every rule on synthetic drafts: a text that breaks it (right code, line and column) and a
near miss that must not trigger it.

In each wrong text, "‸" marks where the finding must point; it is removed before linting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from conftest import draft

from drafter.config import Settings
from drafter.lint import fix_text, lint_text
from drafter.rules import REGISTRY

CARET = "‸"
PP = "Rappelant sa résolution 77/185 du 14 décembre 2022,"
OP1 = "1. *Décide* de faire ceci ;"
OP2 = "2. *Prie* le Secrétaire général de faire cela."
LISTED = "1. *Prie* le Secrétaire général :\n\na) de faire ceci ;\n\nb) de faire cela ;"
BASIS = "[sur la base du rapport de la Deuxième Commission (A/78/465/Add.2, par. 7)]"
TITLE = "78/500. Résolution d'essai"
HEAD = (
    "Assemblée générale\n\nDistr. générale\n21 décembre 2023\n\n"
    "Soixante-dix-huitième session\nPoint 22 b) de l'ordre du jour\n\n"
    "Résolution adoptée par l'Assemblée générale le 19 décembre 2023\n\n"
    f"{BASIS}\n\n{TITLE}"
)
DRAFT_HEAD = (
    "Nations Unies A/C.2/78/L.12\n\nAssemblée générale\n\nDistr. limitée\n10 novembre 2023\n\n"
    "Soixante-dix-huitième session\nDeuxième Commission\nPoint 22 b) de l'ordre du jour\n\n"
    "Cuba : projet de résolution\n\nCoopération Sud-Sud"
)


def body(*paragraphs: str, **kwargs: str) -> str:
    return draft(*paragraphs, **kwargs)


def heading(old: str, new: str) -> str:
    assert old in HEAD
    return body(PP, OP1, OP2, heading=HEAD.replace(old, new))


def subs(lead: str, a: str, b: str) -> str:
    return body(PP, f"1. *Prie* le Secrétaire général{lead}\n\na) {a}\n\nb) {b}")


@dataclass
class Case:
    code: str
    wrong: str
    right: str
    profile: str = "auto"


CASES = [
    Case(
        "S001",
        body(PP, OP1, OP2, heading=HEAD.replace(f"{BASIS}\n\n{TITLE}", f"{TITLE}\n\n‸{BASIS}")),
        body(PP, OP1, OP2),
    ),
    Case(
        "S002",
        "‸" + heading("Résolution adoptée par l'Assemblée générale le 19 décembre 2023\n\n", ""),
        body(PP, OP1, OP2),
    ),
    Case(
        "S003",
        body(PP, OP1, OP2).replace("L'Assemblée générale,", "‸L'Assemblée générale"),
        body(PP, OP1, OP2),
    ),
    Case(  # a second organ line in the preamble
        "S003",
        body(PP, "‸L'Assemblée générale,", "Notant aussi ceci,", OP1, OP2),
        body(PP, "Notant aussi ceci,", OP1, OP2),
    ),
    Case(  # the organ line after the preamble it introduces
        "S003",
        body(PP, OP1, OP2).replace(
            f"L'Assemblée générale,\n\n{PP}", f"{PP}\n\n‸L'Assemblée générale,"
        ),
        body(PP, OP1, OP2),
    ),
    Case(
        "S004", body(PP, OP1, "‸Notant aussi ceci,", OP2), body(PP, "Notant aussi ceci,", OP1, OP2)
    ),
    Case("S006", body(PP, "‸Notant aussi ceci,"), body(PP, "Notant aussi ceci,", OP1, OP2)),
    Case(
        "S007",
        body(PP, "Notant aussi ceci,", OP1, OP2).replace("ceci,\n\n1.", "ceci,\n‸1."),
        body(PP, "Notant aussi ceci,", OP1, OP2),
    ),
    Case(
        "S005",
        body(PP, OP1, OP2) + "\n‸Merci de votre attention.\n",
        body(PP, OP1, OP2),
    ),
    Case("N001", body(PP, OP1, "‸3. *Prie* cela."), body(PP, OP1, OP2)),
    Case("N001", body(PP, OP1, "‸1. *Prie* cela."), body(PP, OP1, OP2)),
    Case(
        "N002",
        subs(" :", "de faire ceci ;", "de faire cela.").replace("\nb) de", "\n‸c) de"),
        subs(" :", "de faire ceci ;", "de faire cela."),
    ),
    Case(
        "N004",
        body(
            PP, OP1, "2. *Prie* le Secrétaire général de donner suite au paragraphe ‸3 ci-dessus."
        ),
        body(PP, OP1, "2. *Prie* le Secrétaire général de donner suite au paragraphe 1 ci-dessus."),
    ),
    Case(  # a subparagraph the paragraph does not have
        "N004",
        body(
            PP,
            LISTED,
            "2. *Prie* aussi le Secrétaire général d'appliquer l'alinéa c) du paragraphe ‸1.",
        ),
        body(
            PP,
            LISTED,
            "2. *Prie* aussi le Secrétaire général d'appliquer l'alinéa b) du paragraphe 1.",
        ),
    ),
    Case(
        "N003",
        subs(" :", "de faire ceci ;", "de faire cela.").replace("\na) de", "\n‸(a) de"),
        subs(" :", "de faire ceci ;", "de faire cela."),
    ),
    Case("P001", body("Rappelant ceci‸;", OP1, OP2), body("Rappelant ceci,", OP1, OP2)),
    Case("P001", body("Rappelant cec‸i", OP1, OP2), body("Rappelant ceci,", OP1, OP2)),
    Case("P002", body(PP, "1. *Décide* de faire ceci‸.", OP2), body(PP, OP1, OP2)),
    Case("P003", body(PP, OP1, "2. *Prie* cela ‸;"), body(PP, OP1, "2. *Prie* cela.")),
    Case(
        "P004",
        subs(" ‸;", "de faire ceci ;", "de faire cela."),
        subs(" :", "de faire ceci ;", "de faire cela."),
    ),
    Case(
        "P005",
        subs(" :", "de faire ceci‸,", "de faire cela."),
        subs(" :", "de faire ceci ;", "de faire cela."),
    ),
    Case(
        "P006",
        subs(" :", "de faire ceci ;", "de faire cela ‸;"),
        subs(" :", "de faire ceci ;", "de faire cela."),
    ),
    Case("V001", body(PP, "1. ‸Décide de faire ceci ;", OP2), body(PP, OP1, OP2)),
    Case(
        "V002",
        body(PP, "1. ‸Décide de faire ceci ;", "2. Prie cela."),
        body(PP, "1. *Décide* de faire ceci ;", "2. Prie cela."),
    ),
    Case("V003", body(PP, "1. *‸Encourge* ceci ;", OP2), body(PP, "1. *Encourage* ceci ;", OP2)),
    Case("V004", body("‸Rapelant ceci,", OP1, OP2), body("Rappelant ceci,", OP1, OP2)),
    Case(
        "V005",
        body(PP, "1. *Souligne* ceci ;", "2. *‸Souligne* cela."),
        body(PP, "1. *Souligne* ceci ;", "2. *Souligne également* cela."),
    ),
    Case(
        "V005",
        body(PP, "1. *Prie* a ;", "2. *Prie également* b ;", "3. *‸Prie également* c."),
        body(PP, "1. *Prie* a ;", "2. *Prie également* b ;", "3. *Prie en outre* c."),
    ),
    Case(
        "V006",
        body(PP, OP1, "2. *‸Prie également* cela."),
        body(PP, "1. *Prie* ceci ;", "2. *Prie également* cela."),
    ),
    Case("V007", body("‸Conscient de ceci,", OP1, OP2), body("Consciente de ceci,", OP1, OP2)),
    Case(
        "V007",
        body(PP, "1. *Est ‸conscient* de ceci ;", OP2),
        body(PP, "1. *Est consciente* de ceci ;", OP2),
    ),
    Case(
        "F001",
        body("Rappelant ceci‸²,", OP1, OP2) + "\n¹ Note.\n",
        body("Rappelant ceci¹,", OP1, OP2) + "\n¹ Note.\n",
    ),
    Case(
        "F002",
        body("Rappelant ceci¹,", OP1, OP2) + "\n¹ Note.\n\n‸² Autre note.\n",
        body("Rappelant ceci¹,", OP1, "2. *Prie* cela².") + "\n¹ Note.\n\n² Autre note.\n",
    ),
    Case(
        "F003",
        body("Rappelant ceci‸²,", "1. *Décide* cela¹ ;", OP2) + "\n¹ Note.\n\n² Autre.\n",
        body("Rappelant ceci¹,", "1. *Décide* cela² ;", OP2) + "\n¹ Note.\n\n² Autre.\n",
    ),
    Case(
        "F004",
        body("Rappelant ceci¹,", OP1, OP2) + "\n¹ Note.\n\n‸¹ Encore.\n",
        body("Rappelant ceci¹,", OP1, OP2) + "\n¹ Note.\n",
    ),
    Case(
        "F005",
        body("Rappelant ceci,‸¹", OP1, OP2) + "\n¹ Note.\n",
        body("Rappelant ceci¹,", OP1, OP2) + "\n¹ Note.\n",
    ),
    Case("C001", body(PP, OP1, OP2 + "‸").split("\n49^e")[0] + "\n", body(PP, OP1, OP2)),
    Case(
        "C002",
        body(PP, OP1, OP2, heading=DRAFT_HEAD).replace("49^e", "‸49^e"),
        body(PP, OP1, OP2, heading=DRAFT_HEAD).split("\n49^e")[0] + "\n",
        profile="draft",
    ),
    Case(
        "C003",
        body(PP, OP1, OP2, closing="49^e séance plénière\n‸18 décembre 2023"),
        body(PP, OP1, OP2),
    ),
    Case(
        "C004",
        body(PP, OP1, OP2, closing="‸0^e séance plénière\n19 décembre 2023"),
        body(PP, OP1, OP2),
    ),
    Case(
        "C005",
        body(PP, OP1, OP2, closing="1‸^e séance plénière\n19 décembre 2023"),
        body(PP, OP1, OP2, closing="1^re séance plénière\n19 décembre 2023"),
    ),
    Case(
        "H001",
        heading("Soixante-dix-huitième session", "‸Soixante-dix-septième session"),
        body(PP, OP1, OP2),
    ),
    Case(
        "H002",
        heading("Soixante-dix-huitième session", "‸Soixante dix-huitième session"),
        body(PP, OP1, OP2),
    ),
    Case("H003", heading("(A/78/465", "(‸A/77/465"), heading("(A/78/465", "(A/78/465")),
    Case(
        "H004",
        body(
            PP,
            OP1,
            OP2,
            heading=HEAD.replace("Résolution adoptée", "‸Résolution adoptée").replace(
                "19 décembre 2023", "19 décembre 2022"
            ),
            closing="49^e séance plénière\n19 décembre 2022",
        ).replace("21 décembre 2023", "21 décembre 2022"),
        body(PP, OP1, OP2),
    ),
    Case("H005", heading("21 décembre 2023", "‸31 novembre 2023"), body(PP, OP1, OP2)),
    Case("H005", heading("21 décembre 2023", "‸18 décembre 2023"), body(PP, OP1, OP2)),
    Case(
        "H006",
        body(PP, OP1, OP2, heading=DRAFT_HEAD.replace("A/C.2/78/L.12", "‸A/C.2/78/L12")),
        body(PP, OP1, OP2, heading=DRAFT_HEAD.replace("L.12", "L.12/Rev.1")),
        profile="draft",
    ),
    Case(  # a special session's plenary draft
        "H006",
        body(PP, OP1, OP2, heading=DRAFT_HEAD.replace("A/C.2/78/L.12", "‸A/C.7/78/L.3")),
        body(PP, OP1, OP2, heading=DRAFT_HEAD.replace("A/C.2/78/L.12", "A/ES-10/L.30")),
        profile="draft",
    ),
    Case(
        "R001",
        body("Rappelant sa résolution ‸73/291 du 15 avril 2012,", OP1, OP2),
        body("Rappelant sa résolution 73/291 du 15 avril 2019,", OP1, OP2),
    ),
    Case(
        "R002",
        body(PP, "1. *Rappelle* sa résolution ‸77/185 du 15 décembre 2022 ;", OP2),
        body(PP, "1. *Rappelle* sa résolution 77/185 du 14 décembre 2022 ;", OP2),
    ),
    Case(
        "R003",
        body(
            "Rappelant ses résolutions 60/212 du 22 décembre 2005 et ‸57/270 B du 23 juin 2003,",
            OP1,
            OP2,
        ),
        body(
            "Rappelant ses résolutions 57/270 B du 23 juin 2003 et 60/212 du 22 décembre 2005,",
            OP1,
            OP2,
        ),
    ),
    Case(
        "R004",
        body("Rappelant sa résolution ‸78/300 du 5 mars 2024,", OP1, OP2),
        body("Rappelant sa résolution 78/100 du 5 décembre 2023,", OP1, OP2),
    ),
    Case(
        "R005",
        body("Rappelant sa résolution ‸73/291 du 31 avril 2019,", OP1, OP2),
        body("Rappelant sa résolution 73/291 du 30 avril 2019,", OP1, OP2),
    ),
    Case(
        "R006",
        body("Rappelant le rapport¹,", OP1, OP2)
        + "\n¹ Publication des Nations Unies, numéro de vente : ‸E.78.II.A.11.\n",
        body("Rappelant le rapport¹,", OP1, OP2)
        + "\n¹ Publication des Nations Unies, numéro de vente : F.78.II.A.11.\n",
    ),
    Case(
        "R007",
        body(
            "Rappelant sa résolution ‸73/291,",
            "1. *Décide* de suivre la résolution 73/291 du 15 avril 2019 ;",
            OP2,
        ),
        body(
            "Rappelant sa résolution 73/291 du 15 avril 2019,",
            "1. *Décide* de suivre la résolution 73/291 ;",
            OP2,
        ),
    ),
    Case(  # a Security Council resolution, and a footnote, take no date
        "R007",
        body("Rappelant sa résolution ‸73/291,", OP1, OP2),
        body("Rappelant la résolution 1757 (2007) du Conseil de sécurité¹,", OP1, OP2)
        + "\n¹ Voir résolution 60/1.\n",
    ),
    Case(
        "R008",
        body("Rappelant sa résolution ‸25/2626 du 24 octobre 1970,", OP1, OP2),
        body("Rappelant sa résolution 2626 (XXV) et sa résolution 35/56,", OP1, OP2),
    ),
    Case(
        "R008",
        body("Rappelant ses résolutions ‸3201 (S-VIII) et 3362 (S-VII),", OP1, OP2),
        body("Rappelant ses résolutions 3201 (S-VI), S-8/1 et ES-10/23,", OP1, OP2),
    ),
    Case(
        "R009",
        body(PP, "1. *Rappelle* sa résolution ‸79/12 ;", OP2),
        body(PP, "1. *Rappelle* ses résolutions 78/12 et 1757 (2007) ;", OP2),
    ),
    Case(
        "R010",
        body(
            "Rappelant ses résolutions 60/212 du 22 décembre 2005, 62/209 du 19 décembre 2007‸, "
            "64/222 du 21 décembre 2009,",
            OP1,
            OP2,
        ),
        body(
            "Rappelant ses résolutions 60/212 du 22 décembre 2005, 62/209 du 19 décembre 2007 et "
            "64/222 du 21 décembre 2009, et la résolution 66/219,",
            OP1,
            OP2,
        ),
    ),
    Case(
        "R010",
        body("Rappelant ses résolutions [60/212](#)‸ et [62/209](#), [64/222](#),", OP1, OP2),
        body("Rappelant ses résolutions [60/212](#), [62/209](#) et [64/222](#),", OP1, OP2),
    ),
    Case(  # the list goes on past its numbers, with its "et" (as in 62/209)
        "R010",
        body("Rappelant ses résolutions 57/270 B‸, 60/212,", OP1, OP2),
        body("Rappelant ses résolutions 57/270 B, 60/212 et les autres résolutions,", OP1, OP2),
    ),
    Case(
        "R011",
        body("Rappelant sa résolution ‸57/270B du 23 juin 2003,", OP1, OP2),
        body("Rappelant sa résolution 57/270 B du 23 juin 2003 et sa résolution 60/1,", OP1, OP2),
    ),
    Case(
        "T001",
        body(PP, "1. *Décide* que la réunion ‸qui se tiendra le 3 mars 2023 sera utile ;", OP2),
        body(PP, "1. *Décide* que la réunion qui se tiendra le 3 mars 2024 sera utile ;", OP2),
    ),
    Case(
        "T001",
        body(PP, "1. *‸Attend avec intérêt* la conférence de mars 2023 ;", OP2),
        body(PP, "1. *Se félicite* de la conférence de mars 2023 ;", OP2),
    ),
    Case(  # a month alone means its last day: December 2023 ends after the adoption
        "T001",
        body(PP, "1. *‸Attend avec intérêt* la conférence de décembre 2022 ;", OP2),
        body(PP, "1. *Attend avec intérêt* la conférence de décembre 2023 ;", OP2),
    ),
    Case(  # an event `drafter new` marked with a placeholder is X001's to report
        "T001",
        body(PP, "1. *Décide* que la réunion ‸qui se tiendra le 3 mars 2023 sera utile ;", OP2),
        body(
            PP,
            "1. *Décide* que la réunion qui se tiendra le 3 mars 2023 [[événement passé]] sera "
            "utile ;",
            OP2,
        ),
    ),
    Case(  # the date before the verb: "le 20 décembre 2023 marquera"
        "T001",
        body(PP, "1. *Souligne* que le 2 mars 2023 ‸marquera un anniversaire ;", OP2),
        body(PP, "1. *Souligne* que le 2 mars 2023, la réunion marquera un progrès ;", OP2),
    ),
    Case("Y001", body(PP, "1. *Décide* de faire ceci‸;", OP2), body(PP, OP1, OP2)),
    Case(
        "Y001",
        body(PP, "1. *Décide* de faire ceci‸: tout ;", OP2),
        body(PP, "1. *Décide* de consulter https://un.org à 10:30 ;", OP2),
    ),
    Case(
        "Y002",
        body(PP, "1. *Décide* d'intituler ‸«Coopération » ;", OP2),
        body(PP, "1. *Décide* d'intituler « Coopération » ;", OP2),
    ),
    Case(
        "Y002",
        body(PP, "1. *Décide* d'intituler « Coopération‸» ;", OP2),
        body(PP, "1. *Décide* d'intituler « Coopération » ;", OP2),
    ),
    Case(
        "Y003",
        body(PP, '1. *Décide* d\'intituler ‸"Coopération" ;', OP2),
        body(PP, "1. *Décide* d'intituler « Coopération » ;", OP2),
    ),
    Case(
        "Y004",
        body(PP, "1. *Décide* de faire‸  ceci ;", OP2),
        body(PP, "1. *Décide* de faire\nceci ;", OP2),
    ),
    Case("Y005", body(PP, "1. *Décide* de ‸*faire ceci ;", OP2), body(PP, OP1, OP2)),
    Case(
        "Y006",
        body(PP, "1. *Décide* d'intituler ‸« Coopération ;", OP2),
        body(PP, "1. *Décide* d'intituler « Coopération » ;", OP2),
    ),
    Case(
        "X001",
        body(PP, "1. *Décide* de se réunir le ‸[[date]] ;", OP2),
        body(PP, "1. *Décide* de se réunir le 3 mars 2024 ;", OP2),
    ),
]


def _position(text: str) -> tuple[str, int, int]:
    at = text.index(CARET)
    before = text[:at]
    return text.replace(CARET, "", 1), before.count("\n") + 1, at - before.rfind("\n")


def lint(text: str, profile: str = "auto", code: str = "ALL") -> list[tuple[str, int, int]]:
    settings = Settings(select=(code,), profile=profile)
    _, findings = lint_text(text, settings, today=date(2024, 1, 10))
    return [(f.code, f.span.line, f.span.column) for f in findings]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{i}" for i, c in enumerate(CASES)])
def test_the_rule_catches_the_wrong_text_where_it_is(case: Case):
    text, line, column = _position(case.wrong)
    found = [f for f in lint(text, case.profile) if f[0] == case.code]
    assert (case.code, line, column) in found, found


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{i}" for i, c in enumerate(CASES)])
def test_the_near_miss_is_left_alone(case: Case):
    assert [f for f in lint(case.right, case.profile) if f[0] == case.code] == []


SAFE = [case for case in CASES if REGISTRY[case.code].fixable == "safe"]


@pytest.mark.parametrize("case", SAFE, ids=[f"{c.code}-{i}" for i, c in enumerate(SAFE)])
def test_the_safe_fix_repairs_what_the_rule_found(case: Case):
    text, _, _ = _position(case.wrong)
    settings = Settings(select=(case.code,), profile=case.profile)
    _, findings = lint_text(text, settings, today=date(2024, 1, 10))
    fixed, left, count = fix_text(text, findings, settings, "-", unsafe=False)
    # A finding the rule cannot mend (an ordinal it does not know) keeps no fix, and stays.
    assert bool(count) == any(f.fix and f.fix.safe for f in findings)
    assert [f for f in left if f.fix and f.fix.safe] == []
    assert fixed.count("[") == text.count("[")  # links and placeholders stay whole


def test_every_rule_has_a_case():
    """(An amendment document's rules have theirs in test_amendments.py.)"""
    resolutions = {code for code, rule in REGISTRY.items() if "amendment" not in rule.profiles}
    assert {case.code for case in CASES} == resolutions


def test_the_reference_draft_is_clean():
    assert lint(body(PP, OP1, OP2)) == []


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_every_rule_documents_itself(code: str):
    rule = REGISTRY[code]
    explanation = rule.explanation()
    assert rule.name.replace("-", "").isalpha() and rule.name.islower()
    assert "Wrong" in explanation and "Right" in explanation, code
    assert rule.summary.endswith(".")


@pytest.mark.parametrize(
    ("numbers", "message"),
    [
        ((3, 4), "the first operative paragraph is numbered 3: numbering starts at 1"),
        ((1, 1), "paragraph 1 follows paragraph 1: number 1 is repeated"),
        ((1, 3), "paragraph 3 follows paragraph 1: number 2 is missing"),
        ((1, 5), "paragraph 5 follows paragraph 1: numbers 2–4 are missing"),
        ((2, 1), "the first operative paragraph is numbered 2: numbering starts at 1"),
    ],
)
def test_numbering_messages_say_what_is_wrong(numbers: tuple[int, int], message: str):
    first, second = numbers
    text = body(PP, f"{first}. *Décide* de faire ceci ;", f"{second}. *Prie* cela.")
    _, findings = lint_text(text, Settings(select=("N001",)))
    assert message in [finding.message for finding in findings]


def _fixed(text: str, code: str, unsafe: bool = False) -> str:
    settings = Settings(select=(code,))
    _, findings = lint_text(text, settings)
    return fix_text(text, findings, settings, "-", unsafe=unsafe)[0]


def test_citation_list_moves_its_and_safely_but_adds_none_on_a_guess():
    moved = body("Rappelant ses résolutions 60/212 et 62/209, 64/222,", OP1, OP2)
    assert "60/212, 62/209 et 64/222," in _fixed(moved, "R010")
    # No "et" at all: the list may go on in words drafter does not know.
    commas = body("Rappelant ses résolutions 60/212, 62/209, 64/222,", OP1, OP2)
    assert _fixed(commas, "R010") == commas
    assert "60/212, 62/209 et 64/222," in _fixed(commas, "R010", unsafe=True)


def test_a_footnote_call_moves_before_all_its_punctuation_at_once():
    text = body("Rappelant sa résolution 77/185 du 14 décembre 2022.,¹", OP1, OP2)
    text += "\n¹ Note.\n"
    settings = Settings(select=("F005",))
    _, findings = lint_text(text, settings)
    fixed, left, count = fix_text(text, findings, settings, "-", unsafe=False)
    assert "2022¹.," in fixed and count == 1 and left == []


def test_renumbering_carries_the_references_along_with_their_paragraphs():
    text = body(
        PP,
        LISTED,
        "3. *Prie* le Secrétaire général de faire cela ;",
        "4. *Décide* que les mesures visées au paragraphe 3 ci-dessus et à l'alinéa a) du"
        " paragraphe 1 de la présente résolution s'appliquent ; voir le paragraphe 3 de la"
        " résolution 70/1.",
    )
    fixed = _fixed(text, "N001", unsafe=True)
    assert "2. *Prie*" in fixed and "3. *Décide*" in fixed
    assert "visées au paragraphe 2 ci-dessus" in fixed  # followed its paragraph
    assert "l'alinéa a) du paragraphe 1 de la présente" in fixed  # not renumbered
    assert "le paragraphe 3 de la résolution 70/1" in fixed  # another text's paragraph
    assert _fixed(text, "N001") == text  # unsafe: only with --unsafe-fixes
    assert [f.code for f in lint_text(fixed, Settings(select=("N",)))[1]] == []


def test_a_repeated_number_leaves_its_references_to_the_author():
    text = body(
        PP, OP1, "1. *Prie* cela ;", "3. *Décide* que le paragraphe 1 ci-dessus s'applique."
    )
    fixed = _fixed(text, "N001", unsafe=True)
    assert "2. *Prie*" in fixed and "le paragraphe 1 ci-dessus" in fixed


def test_another_text_s_paragraph_is_no_reference():
    text = body(
        PP,
        OP1,
        "2. *Prie* le Secrétaire général d'appliquer le paragraphe 12 de la résolution 70/1 et"
        " l'alinéa d) du paragraphe 9 de sa résolution 75/1.",
    )
    assert [f for f in lint_text(text, Settings(select=("N004",)))[1]] == []
