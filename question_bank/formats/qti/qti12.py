"""IMS QTI 1.2 (``questestinterop``) items, as Canvas, Blackboard and older LMSs export them.

Reads choice items (``response_lid`` with ``render_choice``: single or multiple cardinality;
Canvas ``true_false_question`` metadata makes true/false), matching (several ``response_lid``,
each a left-hand item whose right answer is the label ``resprocessing`` rewards; labels never
rewarded are distractors), fill-in-blank (``response_str`` with rewarded ``varequal`` values: one
blank is a short answer, several a cloze with ``{{n}}`` gaps), numerical (``response_num``) and
essays (``response_str`` with no rewarded value). Per-answer and general feedback come from
``itemfeedback`` linked by ``displayfeedback``.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from question_bank.formats.errors import ProblemLog
from question_bank.formats.qti.common import child, children, descendants, first, markup
from question_bank.formats.text import make_extra, parse_number
from question_bank.formats.xmltools import LineElement, local_name, parse_xml
from question_bank.model import Answer, Pair, Question

RESPONSE_TAGS = ("response_lid", "response_str", "response_num")


def _material_text(element: Element | None) -> tuple[str, str]:
    """Return (text, prompt format) of the first ``mattext`` under ``element``."""
    mattext = first(element, "mattext") if element is not None else None
    if mattext is None:
        return "", "plain"
    is_html = mattext.get("texttype", "text/plain") == "text/html" or len(mattext) > 0
    return markup(mattext), "html" if is_html else "plain"


def _metadata(item: Element) -> dict[str, str]:
    fields: dict[str, str] = {}
    for field in descendants(item, "qtimetadatafield"):
        label, entry = child(field, "fieldlabel"), child(field, "fieldentry")
        if label is not None and label.text and label.text not in fields:
            fields[label.text.strip()] = (entry.text or "").strip() if entry is not None else ""
    return fields


def _rewards(item: Element) -> list[tuple[str, str, float, str]]:
    """(response id, value, score, feedback link) for each rewarded or commented condition."""
    found = []
    for condition in descendants(item, "respcondition"):
        setvar = child(condition, "setvar")
        score = parse_number(setvar.text or "0") if setvar is not None else 0.0
        link = child(condition, "displayfeedback")
        link_id = link.get("linkrefid", "") if link is not None else ""
        negated = {id(e) for n in descendants(condition, "not") for e in n.iter()}
        for equal in descendants(condition, "varequal"):
            if id(equal) not in negated:
                found.append(
                    (equal.get("respident", ""), (equal.text or "").strip(), score or 0.0, link_id)
                )
    return found


def _feedbacks(item: Element) -> dict[str, str]:
    return {fb.get("ident", ""): _material_text(fb)[0] for fb in descendants(item, "itemfeedback")}


def _labels(response: Element) -> list[tuple[str, str]]:
    return [
        (label.get("ident", ""), _material_text(label)[0])
        for label in descendants(response, "response_label")
    ]


def _shuffled(responses: list[Element]) -> bool:
    """QTI 1.2's ``render_choice shuffle`` defaults to No."""
    renders = [r for response in responses for r in descendants(response, "render_choice")]
    return any(r.get("shuffle", "No").lower() == "yes" for r in renders)


def _choice(item: Element, response: Element, meta: dict[str, str]) -> dict:
    rewards = [r for r in _rewards(item) if r[0] == response.get("ident")]
    feedback = _feedbacks(item)
    right = {value for _, value, score, _ in rewards if score > 0}
    notes = {value: feedback.get(link, "") for _, value, _, link in rewards if link}
    single = response.get("rcardinality", "Single") != "Multiple"
    share = 1.0 if single else 1.0 / max(len(right), 1)
    answers = tuple(
        Answer(text, share if ident in right else 0.0, notes.get(ident, ""))
        for ident, text in _labels(response)
    )
    if meta.get("question_type") == "true_false_question" and len(answers) == 2:
        return {"kind": "truefalse", "answers": answers, "shuffle": False}
    return {
        "kind": "multichoice",
        "answers": answers,
        "single": single,
        "shuffle": _shuffled([response]),
    }


def _matching(item: Element, responses: list[Element]) -> dict:
    right = {ident: value for ident, value, score, _ in _rewards(item) if score > 0}
    labels = dict(label for response in responses for label in _labels(response))
    pairs = [
        Pair(_material_text(r)[0], labels.get(right.get(r.get("ident", ""), ""), ""))
        for r in responses
    ]
    used = {pair.right for pair in pairs}
    pairs += [Pair("", text) for text in labels.values() if text not in used]
    return {"kind": "matching", "pairs": tuple(pairs), "shuffle": _shuffled(responses)}


def _blanks(item: Element, responses: list[Element]) -> dict:
    rewards = [(r, v) for r, v, score, _ in _rewards(item) if score > 0]
    if not rewards:
        return {"kind": "essay"}
    if len(responses) == 1:
        return {"kind": "shortanswer", "answers": tuple(Answer(v) for _, v in rewards)}
    firsts = {}
    for ident, value in rewards:
        firsts.setdefault(ident, value)
    return {
        "kind": "cloze",
        "answers": tuple(Answer(firsts.get(r.get("ident", ""), "")) for r in responses),
    }


def _numerical(item: Element) -> dict:
    values = [v for _, v, score, _ in _rewards(item) if score > 0]
    return {"kind": "numerical", "answers": tuple(Answer(v, 1.0, "", 0.0) for v in values)}


def _cloze_prompt(presentation: Element) -> tuple[str, str]:
    parts, fmt, gap = [], "plain", 0
    for element in presentation.iter():
        if local_name(element) == "mattext" and not _inside_response(presentation, element):
            text, text_format = _material_text_of(element)
            parts.append(text)
            fmt = "html" if text_format == "html" else fmt
        elif local_name(element) == "response_str":
            gap += 1
            parts.append(f"{{{{{gap}}}}}")
    return " ".join(p for p in parts if p), fmt


def _material_text_of(mattext: Element) -> tuple[str, str]:
    is_html = mattext.get("texttype", "text/plain") == "text/html" or len(mattext) > 0
    return markup(mattext), "html" if is_html else "plain"


def _inside_response(presentation: Element, target: Element) -> bool:
    return any(
        target in list(r.iter()) for name in RESPONSE_TAGS for r in descendants(presentation, name)
    )


def _prompt(presentation: Element) -> tuple[str, str]:
    texts = [
        _material_text_of(m)
        for mat in children(presentation, "material")
        for m in descendants(mat, "mattext")
    ]
    if not texts:
        flow = child(presentation, "flow")
        return _prompt(flow) if flow is not None else ("", "plain")
    fmt = "html" if any(f == "html" for _, f in texts) else "plain"
    return "\n".join(t for t, _ in texts), fmt


def read_item(item: LineElement, log: ProblemLog) -> Question | None:
    """Turn one QTI 1.2 ``item`` into a Question (None and a logged problem when unsupported)."""
    presentation = first(item, "presentation")
    if presentation is None:
        log.add(item.line, "item has no <presentation>")
        return None
    responses = {name: list(descendants(presentation, name)) for name in RESPONSE_TAGS}
    meta = _metadata(item)
    prompt, fmt = _prompt(presentation)
    if len(responses["response_lid"]) == 1 and not responses["response_str"]:
        fields = _choice(item, responses["response_lid"][0], meta)
    elif len(responses["response_lid"]) > 1:
        fields = _matching(item, responses["response_lid"])
    elif responses["response_str"]:
        fields = _blanks(item, responses["response_str"])
        if fields["kind"] == "cloze":
            prompt, fmt = _cloze_prompt(presentation)
    elif responses["response_num"]:
        fields = _numerical(item)
    else:
        fields = {"kind": "description"}
    extra = {"qti.ident": item.get("ident", "")} if item.get("ident") else {}
    general = _feedbacks(item).get("general_fb", "")
    return Question(
        prompt=prompt,
        prompt_format=fmt,
        title=item.get("title", ""),
        general_feedback=general,
        extra=make_extra(extra),
        **fields,
    )


def read_qti12(data: bytes, filename: str) -> list[Question]:
    """Parse a QTI 1.2 ``questestinterop`` file; refuse it if any item cannot be read."""
    root = parse_xml(data, filename)
    log = ProblemLog(filename)
    if local_name(root) != "questestinterop":
        log.add(root.line, f"root element is <{local_name(root)}>, expected <questestinterop>")
    items = [e for e in root.iter() if local_name(e) == "item"]
    questions = [q for item in items if (q := read_item(item, log)) is not None]
    if not items:
        log.add(root.line, "no <item> found")
    log.raise_if_any()
    return questions
