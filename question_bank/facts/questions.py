"""Wh-questions from simple clauses, by transformations that keep what the sentence says.

Three moves, each only on a clause whose subject opens the stand-alone statement, or follows
whole phrases fronted before a comma ("On March 3, ..."), which stay in front of the question
when they are plain settings of time or place (``facts.leaning``: not "In addition,",
"According to ABC News,"):

* **subject**: the subject noun phrase becomes "Who" / "Which country" ... ("Aliyev welcomed
  Lukashenko" -> "Who welcomed Lukashenko?"); not for plural verbs or coordinated subjects;
* **object**: the main verb's direct object is asked with its first auxiliary moved before the
  subject ("What will Japan design?", "What has X signed?"), or, with none, "did"/"does"/"do"
  and the verb's base form ("What did the ministers sign?"); the base form must be the only one
  the pipeline's own lemma tables allow ("stared" could be "star" or "stare": no question);
* **adjunct**: a date or place phrase hanging from such a verb, or fronted before the subject,
  is asked with "When" / "Where", the phrase removed whole ("When was X released?"); not for
  a bare weekday (it names a day only in the article's own week), nor "Where" when the question
  names another place as a location.

Counted nouns and sums are asked with "How many" / "How much" (``facts.counts``).

Negated clauses get no object or adjunct question, and every word other than the asked phrase,
the verb and the subject's position is kept as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from question_bank.facts.found import Question
from question_bank.facts.leaning import another_place, event_name, settings_only

if TYPE_CHECKING:
    from question_bank.facts.document import ArticleDoc, Sentence
    from question_bank.facts.standalone import Statement

#: Question words by answer class, for a subject or an object.
WH_BY_CLASS = {
    "person": "Who",
    "country": "Which country",
    "city": "Which city",
    "organisation": "Which organisation",
    "document": "What",
    "event": "What",
}
_NEGATIONS = frozenset({"not", "n't", "never"})
_MAX_WORDS = 32
#: Parts of speech of words that are never names ("The", "Several", "Each").
_FUNCTION_POS = frozenset({"DET", "ADP", "PRON", "CCONJ", "SCONJ"})
_BEFORE_PUNCT = re.compile(r"\s+([,.;:?!])")
#: Full stops or commas closing a quotation that ends a question ("... its national dream."?):
#: the question mark ends it instead.
_QUOTE_END = re.compile(r"[.,]+\s*([\"”’])$")


def base_form(article: ArticleDoc, token: int) -> str | None:
    """The base form of a simple-past or third-person present verb ("signed", "faces", "has"),
    when the pipeline's lemma tables allow only one ("stared" could be "star" or "stare": None)."""
    table = article.tokens
    if table.tag[token] not in ("VBD", "VBZ") or article.lemma_tables is None:
        return None
    form = table.lower[token]
    if form == "has" and table.dep[token] != "aux":
        return "have"  # "The family has 19 members" -> "How many members does it have?"
    if form in ("is", "was", "has", "does"):
        return None
    tables = article.lemma_tables
    if form in tables.verb_exceptions:
        lemmas = tables.verb_exceptions[form]
        return lemmas[0] if len(lemmas) == 1 else None
    suffixes = ("ed", "d") if table.tag[token] == "VBD" else ("s",)
    candidates = {
        form[: len(form) - len(old)] + new
        for old, new in tables.verb_rules
        if old.endswith(suffixes)
        and form.endswith(old)
        and form[: len(form) - len(old)] + new in tables.verbs
    }
    if len(candidates) != 1:
        return None
    return candidates.pop()


#: Auxiliaries that move before the subject in a question ("What will Japan design?", "When
#: was X released?").
INVERTING = frozenset(
    """will would can could may might should must shall has have had is are was were""".split()
)
#: "do" for a verb that has no auxiliary, by the verb's tag.
DO_SUPPORT = {"VBD": "did", "VBZ": "does", "VBP": "do"}


def _subject(article: ArticleDoc, root: int) -> tuple[int, int] | None:
    table = article.tokens
    subjects = [t for t in table.lefts(root) if table.dep[t] in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return None
    return table.span(subjects[0])


#: Phrases that may stand before the subject and stay in front of a question on the clause.
_FRONTED_DEPS = frozenset({"prep", "npadvmod", "advmod"})


def opening(
    article: ArticleDoc, sentence: Sentence, statement: Statement
) -> tuple[list[int], tuple[int, int]] | None:
    """The statement's tokens before its subject and the subject's range: nothing, or whole
    phrases of the main verb fronted before a comma ("On Tuesday, Hungary ..."); a fronted
    clause must have its own subject ("When the vote ends, ..."), so that none of it leans on
    the main subject ("Started in 1990, the festival ..." gives None)."""
    table = article.tokens
    root = sentence.root
    subject = _subject(article, root)
    tokens = _body(statement, article)
    if subject is None or not tokens or subject[0] not in tokens:
        return None
    if not table.text[root].islower() or _second_clause(article, root):
        return None  # a capitalised "verb" is a misread name; "X won and Y lost" is two facts
    before = tokens[: tokens.index(subject[0])]
    if not before:
        return before, subject
    if table.text[before[-1]] != "," or before[0] > subject[0]:
        return None
    covered = set()
    for child in table.lefts(root):
        span = table.span(child)
        if not before[0] <= span[0] < span[1] <= subject[0] or table.dep[child] == "punct":
            continue
        clause = table.dep[child] == "advcl" and any(
            table.dep[c] in ("nsubj", "nsubjpass") for c in table.children(child)
        )
        if table.dep[child] not in _FRONTED_DEPS and not clause:
            return None
        covered.update(range(*span))
    if any(i not in covered and table.text[i] != "," for i in before):
        return None
    return before, subject


def _second_clause(article: ArticleDoc, root: int) -> bool:
    """Another clause with its own subject joined to the main one ("... and Portugal shared")."""
    table = article.tokens
    return any(
        table.dep[c] == "conj"
        and any(table.dep[g] in ("nsubj", "nsubjpass", "expl") for g in table.children(c))
        for c in table.children(root)
    )


def _negated(article: ArticleDoc, root: int) -> bool:
    return any(article.tokens.lower[c] in _NEGATIONS for c in article.tokens.children(root))


def render(article: ArticleDoc, statement: Statement, tokens: list[int], lower_first: bool) -> str:
    """Tokens of a statement as text: their own spacing where they follow each other, one space
    where words were taken out between them."""
    table = article.tokens
    replaced = dict(statement.replacements)
    parts = []
    for position, index in enumerate(tokens):
        text = replaced.get(index, table.text[index])
        if (
            position == 0
            and lower_first
            and index not in replaced
            and _common_word(article, index, text)
        ):
            text = text[0].lower() + text[1:]
        follows = position + 1 < len(tokens) and tokens[position + 1] == index + 1
        space = (" " if table.space[index] else "") if follows else " "
        parts.append(text + space)
    return tidy("".join(parts))


def _common_word(article: ArticleDoc, index: int, text: str) -> bool:
    """A capitalised word that is not a name: not tagged one, not in a mention, and a function
    word or written in lower case elsewhere in the article ("The", but not "Daniel" whatever
    its tag)."""
    table = article.tokens
    return (
        text[:1].isupper()
        and not text[1:2].isupper()
        and table.pos[index] != "PROPN"
        and index not in article.mention_at
        and (table.pos[index] in _FUNCTION_POS or text.lower() in article.lower_words)
    )


def tidy(text: str) -> str:
    """One space between words, none before a comma or a full stop."""
    return _BEFORE_PUNCT.sub(r"\1", " ".join(text.split()))


def anchored(
    article: ArticleDoc, sentence: Sentence, question: str, answer: tuple[int, int]
) -> bool:
    """The question keeps a name, date or number of its sentence other than the answer, so that
    it points at one event of the article ("Who was elected for the first time?" does not)."""
    for mention in article.mentions_by_sentence.get(sentence.index, ()):
        if answer[0] <= mention.start < answer[1] or mention.cls == "date:relative":
            continue
        if mention.text in question:
            return True
    return False


def question_mark(text: str) -> str:
    """The text ended with a question mark: trailing punctuation dropped, and the full stop
    that closes a quotation at its end ("Who said: “We agreed.”")."""
    return _QUOTE_END.sub(r"\1", text.rstrip(" ,;:.–-")) + "?"


def finish(text: str) -> str | None:
    """The question mark at the end and a capital at the start; None when it is too long or a
    quotation mark is left open."""
    text = question_mark(text)
    if len(text.split()) > _MAX_WORDS or sum(text.count(q) for q in '"“”') % 2:
        return None
    return text[0].upper() + text[1:]


def _body(statement: Statement, article: ArticleDoc) -> list[int]:
    """The statement's tokens without the final full stop."""
    tokens = list(statement.tokens)
    while (
        tokens
        and article.tokens.pos[tokens[-1]] == "PUNCT"
        and article.tokens.text[tokens[-1]] in ".!"
    ):
        tokens.pop()
    return tokens


def subject_question(
    article: ArticleDoc, sentence: Sentence, statement: Statement, answer: tuple[int, int], cls: str
) -> Question | None:
    """ "Who signed the accords?" for a statement whose subject is the answer."""
    wh = WH_BY_CLASS.get(cls)
    root = sentence.root
    table = article.tokens
    opened = opening(article, sentence, statement)
    if wh is None or opened is None:
        return None
    before, subject = opened
    tokens = _body(statement, article)
    if cls == "organisation" and not names_a_body(article, answer):
        return None  # "Which organisation" only for a name that says it is one
    if before and not settings_only(article, sentence, before):
        return None  # "In addition, who ...?", "According to ABC News, who ...?"
    head = next(t for t in table.lefts(root) if table.dep[t] in ("nsubj", "nsubjpass"))
    if not answer[0] <= head < answer[1]:
        return None
    if any(table.dep[c] == "conj" for c in table.children(head)) or any(
        table.pos[t] == "CCONJ" for t in range(*subject) if not answer[0] <= t < answer[1]
    ):
        return None  # "Melania Trump and Queen Camilla will join ...": one is not the answer
    verbs = [root, *(c for c in table.lefts(root) if table.dep[c] in ("aux", "auxpass"))]
    if any(table.tag[v] == "VBP" or table.lower[v] in ("were", "are") for v in verbs):
        return None
    rest = [i for i in tokens if i >= subject[1]]
    if any(
        table.lower[i] in ("he", "him", "his", "she", "her", "hers")
        and table.pos[i] == "PRON"
        and not article.token_in_quote(i)
        for i in (*before, *rest)
    ):
        return None  # "Who ... when his father died?": "his" meant the subject just taken out
    front = render(article, statement, before, lower_first=False) if before else ""
    asked = f"{wh.lower()} " if front else f"{wh} "
    text = finish(tidy(front + " " + asked + render(article, statement, rest, False)))
    if not text or not anchored(article, sentence, text, answer):
        return None
    return Question(text, wh.lower(), "subject")


def question_on(
    article: ArticleDoc, sentence: Sentence, statement: Statement, removed: tuple[int, int], wh: str
) -> str | None:
    """The statement as a question on the phrase ``removed``: its first auxiliary ("will",
    "has", "was") moved before the subject, else "did"/"does"/"do" and the verb's base form;
    phrases fronted before the subject stay in front ("On Tuesday, what did X sign?")."""
    root = sentence.root
    table = article.tokens
    opened = opening(article, sentence, statement)
    if opened is None:
        return None
    before, subject = opened
    tokens = _body(statement, article)
    children = table.children(root)
    if _negated(article, root) or any(
        table.dep[c] == "conj" and table.pos[c] in ("VERB", "AUX") for c in children
    ):
        return None
    auxiliaries = [c for c in children if table.dep[c] in ("aux", "auxpass") and c < root]
    if not subject[1] <= root < removed[0] and not removed[1] <= subject[0]:
        return None
    if removed[1] <= subject[0] and before:
        if removed[0] != before[0] or table.text[removed[1]] != ",":
            return None
        removed = (removed[0], removed[1] + 1)  # the fronted phrase with its comma
    front = [i for i in before if not removed[0] <= i < removed[1]]
    if front and not settings_only(article, sentence, front):
        return None
    kept = [i for i in tokens if not removed[0] <= i < removed[1] and i not in front]
    opener = render(article, statement, front, lower_first=False) if front else ""
    if opener:
        wh = wh[0].lower() + wh[1:]
    if auxiliaries:
        moved = auxiliaries[0]
        if table.lower[moved] not in INVERTING or not subject[1] <= moved:
            return None
        words = [
            opener,
            f"{wh} {table.lower[moved]}",
            render(article, statement, [i for i in kept if i != moved], lower_first=True),
        ]
        return finish(tidy(" ".join(w for w in words if w)))
    if any(table.dep[c] == "auxpass" for c in children):
        return None
    tag = table.tag[root]
    base = (
        table.lower[root]
        if tag == "VBP" and table.lower[root] not in ("are", "am")
        else (base_form(article, root))
    )
    if tag not in DO_SUPPORT or base is None:
        return None
    before_verb = [i for i in kept if i < root]
    after_verb = [i for i in kept if i > root]
    words = [
        opener,
        f"{wh} {DO_SUPPORT[tag]}",
        render(article, statement, before_verb, lower_first=True),
        base,
        render(article, statement, after_verb, lower_first=False),
    ]
    return finish(tidy(" ".join(w for w in words if w)))


def object_question(
    article: ArticleDoc, sentence: Sentence, statement: Statement, answer: tuple[int, int], cls: str
) -> Question | None:
    """ "What did the ministers sign?": a question on the direct object of the main verb."""
    wh = WH_BY_CLASS.get(cls)
    root = sentence.root
    table = article.tokens
    objects = [c for c in table.rights(root) if table.dep[c] == "dobj"]
    if wh is None or len(objects) != 1 or not answer[0] <= objects[0] < answer[1]:
        return None
    if cls == "organisation" and not names_a_body(article, answer):
        return None
    removed = table.span(objects[0])
    if any(table.dep[c] == "conj" for c in table.children(objects[0])):
        return None
    if not _whole_object(article, removed, answer):
        return None  # "What did X sign?" -> "agreements", cut from "agreements to purchase ..."
    text = question_on(article, sentence, statement, removed, wh)
    if not text or not anchored(article, sentence, text, answer):
        return None
    return Question(text, wh.lower(), "object")


def _whole_object(article: ArticleDoc, removed: tuple[int, int], answer: tuple[int, int]) -> bool:
    """The answer ends where the object the question takes out ends, but for a part set off by
    a comma ("Plesel, who was flying,"): words after it that say what the object is ("agreements
    to purchase 3.3 million tons ...") would be lost from both the question and the key."""
    return answer[1] == removed[1] or article.tokens.text[answer[1]] == ","


def names_a_body(article: ArticleDoc, answer: tuple[int, int]) -> bool:
    """A name asked with "Which organisation": it says what kind of body it is ("Department of
    State"), and its head noun is not an event's ("Annapolis Conference")."""
    return bool(article.type_word(article.span_text(*answer))) and not event_name(article, answer)


def _date_or_place(cls: str) -> str:
    if cls.startswith("date:") and cls not in ("date:relative",):
        return "When"
    if cls in ("city", "country", "place") or cls.startswith("place:"):
        return "Where"
    return ""


def adjunct_phrase(
    article: ArticleDoc, sentence: Sentence, answer: tuple[int, int], wh: str
) -> tuple[int, int] | None:
    """The whole phrase hanging from the main verb that holds a date or place answer: "on July
    14", "in Riyadh", or a bare "Tuesday"."""
    root = sentence.root
    table = article.tokens
    for child in table.children(root):
        span = table.span(child)
        if not span[0] <= answer[0] < answer[1] <= span[1]:
            continue
        if table.dep[child] == "prep" and span[0] != child:
            continue  # "virtually on July 14": a word before the preposition would be lost
        if table.dep[child] == "prep" and table.lower[child] in ("on", "in", "at", "during"):
            objects = [g for g in table.children(child) if table.dep[g] == "pobj"]
            if objects and answer[0] <= objects[0] < answer[1] and span[1] == answer[1]:
                return None if _after_an_event_noun(article, root, span[0]) else span
        elif table.dep[child] == "npadvmod" and span == answer and wh == "When":
            return span
    return None


def _after_an_event_noun(article: ArticleDoc, verb: int, start: int) -> bool:
    """The phrase follows the verb's object, an event named by a noun in "-ing" ("welcomes the
    signing of the accords on July 14"): it may date or place the event, not the verb."""
    table = article.tokens
    return any(
        table.dep[child] == "dobj"
        and table.span(child)[0] < start
        and table.pos[child] == "NOUN"
        and table.lower[child].endswith("ing")
        for child in table.children(verb)
    )


def event_label(
    article: ArticleDoc, sentence: Sentence, statement: Statement, answer: tuple[int, int], cls: str
) -> str:
    """The statement without its date phrase, as a short statement of what happened then
    ("Saudi Arabia signed the Artemis Accords"), or ""."""
    if _date_or_place(cls) != "When":
        return ""
    phrase = adjunct_phrase(article, sentence, answer, "When")
    if phrase is None:
        return ""
    kept = [i for i in _body(statement, article) if not phrase[0] <= i < phrase[1]]
    while kept and article.tokens.text[kept[-1]] in (",", ";"):
        kept.pop()
    while kept and article.tokens.text[kept[0]] in (",", ";"):
        kept.pop(0)
    if not kept:
        return ""
    label = render(article, statement, kept, lower_first=False)
    return label[:1].upper() + label[1:]


def adjunct_question(
    article: ArticleDoc, sentence: Sentence, statement: Statement, answer: tuple[int, int], cls: str
) -> Question | None:
    """ "When did X sign the accords?" / "Where did X meet Y?" for a date or place phrase."""
    wh = _date_or_place(cls)
    if not wh or cls == "date:weekday":
        return None  # "When ...? Friday" holds only on the article's own week
    phrase = adjunct_phrase(article, sentence, answer, wh)
    if phrase is None:
        return None
    text = question_on(article, sentence, statement, phrase, wh)
    if not text or not anchored(article, sentence, text, answer):
        return None
    if wh == "Where" and another_place(article, sentence, text, answer):
        return None  # "Where did hundreds protest ... a funeral in Hebron?"
    return Question(text, wh.lower(), "adjunct")


#: Question builders, tried for every answer in a statement.
QUESTION_BUILDERS = (subject_question, object_question, adjunct_question)
