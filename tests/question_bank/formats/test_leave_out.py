"""Exports that leave out what a format cannot hold, and name it in plain words."""

from __future__ import annotations

import pytest

from question_bank.__main__ import main
from question_bank.formats import (
    FormatError,
    LeftOut,
    read_questions,
    write_questions,
    write_what_fits,
)
from question_bank.model import Answer, Gap, Question

STEPS = Question(
    "ordering",
    "Put the steps in order.",
    title="Steps of the visit",
    answers=(Answer("Arrive"), Answer("Meet"), Answer("Sign")),
)
TWO_GAPS = Question(
    "cloze",
    "<p>{{1}} met {{2}} in <b>Baku</b> &amp; talked.</p>",
    prompt_format="html",
    gaps=(Gap(answers=(Answer("Aliyev"),)), Gap(answers=(Answer("Lukashenko"),))),
)
CAPITAL = Question(
    "multichoice", "Capital of Belarus?", answers=(Answer("Minsk", 1), Answer("Baku", 0))
)


def test_gift_leaves_out_ordering_and_multi_gap_cloze_with_plain_reasons():
    written = write_what_fits([STEPS, CAPITAL, TWO_GAPS], "gift")
    assert written.count == 1
    assert written.left_out == (
        LeftOut("Steps of the visit", "Moodle GIFT has no ordering questions"),
        LeftOut(
            "_____ met _____ in Baku & talked.",
            "GIFT can hold a gap-fill question only when it has one gap",
        ),
    )
    assert [q.prompt for q in read_questions(written.data, "out.gift", "gift")] == [
        "Capital of Belarus?"
    ]


def test_refusing_write_names_questions_without_raw_gaps_or_kind_codes():
    with pytest.raises(FormatError) as caught:
        write_questions([CAPITAL, TWO_GAPS], "gift")
    message = str(caught.value)
    assert "{{" not in message and "kind 'cloze'" not in message
    assert message.endswith(
        "_____ met _____ in Baku & talked.: GIFT can hold a gap-fill "
        "question only when it has one gap"
    )


def test_nothing_fitting_gives_no_file_and_everything_fitting_leaves_nothing_out():
    nothing = write_what_fits([STEPS], "aiken")
    assert (nothing.data, nothing.count) == (b"", 0)
    assert nothing.left_out == (LeftOut("Steps of the visit", "Aiken has no ordering questions"),)
    everything = write_what_fits([STEPS, TWO_GAPS], "moodlexml")
    assert everything.count == 2 and everything.left_out == ()


def test_long_untitled_prompts_are_shortened_in_names():
    long = Question("essay", "Explain " + "why the talks mattered " * 10)
    (left,) = write_what_fits([long], "aiken").left_out
    assert left.name.startswith("Explain why the talks") and left.name.endswith("…")
    assert len(left.name) == 60


def test_convert_refuses_then_leaves_out_on_request(tmp_path, capsys):
    source = tmp_path / "bank.json"
    source.write_bytes(write_questions([STEPS, CAPITAL], "json"))
    assert main(["convert", str(source), "--to", "gift"]) == 2
    err = capsys.readouterr().err
    assert f"{source}:0: Steps of the visit: Moodle GIFT has no ordering questions" in err
    assert "--leave-out" in err
    assert main(["convert", str(source), "--to", "gift", "--leave-out"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "left out: Steps of the visit: Moodle GIFT has no ordering questions\n"
    assert [q.kind for q in read_questions(captured.out.encode(), "o.gift", "gift")] == [
        "multichoice"
    ]
