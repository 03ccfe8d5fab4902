"""Files built to break readers and writers are refused with a reason, never a crash."""

from __future__ import annotations

import pytest

from question_bank.formats import FormatError, read_questions, write_questions


def test_unrecognised_content_under_a_known_extension_is_refused_with_a_reason():
    with pytest.raises(FormatError) as caught:
        read_questions(b"just some words and no questions here", "notes.xml")
    assert "not well-formed XML" in str(caught.value)


def test_a_qti_item_500_divs_deep_is_refused():
    deep = "<div>" * 500 + "x" + "</div>" * 500
    item = (
        '<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="i" '
        f'title="t"><itemBody>{deep}</itemBody></assessmentItem>'
    )
    with pytest.raises(FormatError, match="nested more than"):
        read_questions(item.encode(), "deep.xml", "qti21")


@pytest.mark.parametrize("fmt", ["qti21", "moodlexml", "gift", "apkg", "json"])
def test_deep_html_imported_elsewhere_exports(fmt):
    deep = "<div>" * 3000 + "x" + "</div>" * 3000
    questions = read_questions(f"::t::[html]{deep}{{}}".encode(), "deep.gift")
    assert write_questions(questions, fmt)


def test_json_nested_too_deep_is_refused():
    with pytest.raises(FormatError, match="nested too deep"):
        read_questions(b"[" * 100000 + b"]" * 100000, "deep.json", "json")
