"""Item kinds as a registry: each turns facts into candidate items (checked and ranked later).

Every candidate keeps the fact it tests and the form of its stem (a gapped statement, a subject,
object or adjunct question, a post or speaker question, a true or false statement, a group), which
the ranker reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from question_bank.facts.classes import countries_in, country_name
from question_bank.facts.forms import number_value, read_date, read_number
from question_bank.facts.found import MINOR_PERSON, Found, Question
from question_bank.facts.people import PERSON_PRONOUNS
from question_bank.generate.distractors import (
    DistractorPool,
    Option,
    city_country,
    make_rng,
    mentions_name,
    normalise,
)
from question_bank.generate.variants import accepted_forms
from question_bank.model import Item

GAP = "_____"
CHOICES = 4
#: Modal verbs of obligation: a sentence built on one states a demand, not a fact.
OBLIGATION_MODALS = frozenset({"must", "should", "ought"})
#: Options looked at for a false statement's swap.
SWAP_OPTIONS_SEEN = 3
MIN_PAIRS = 3
MAX_PAIRS = 5
MAX_TYPED_ANSWER_WORDS = 6
#: Doubts about a fact that concern asking for its answer, not its sentence: the sentence may
#: still be given as a true statement.
STATEMENT_DOUBTS = frozenset(
    {
        "only name",
        "a modifier",
        "address",
        "spelt out",
        "bare possessive",
        "among examples",
        "a weekday",
        "count listed",
        "a thing's name",
    }
)
#: Classes whose answer a false statement may swap for another of the class: kinds of thing
#: that stay alike in every sentence.
SWAPPABLE = frozenset({"country", "city", "duration"})
#: Classes whose answer a false statement may swap only for one the article calls by the same
#: common noun ("Department of State" for "Department of Energy"): a bare name may stand for
#: anything ("Samsung" where "NASA" stood).
SWAPPABLE_BY_TYPE = frozenset({"organisation", "place", "place:area", "place:facility"})
#: Words that make the number after them a bound, not a value ("above 95%"): another value
#: under the same bound may be true as well.
BOUND_WORDS = frozenset(
    {"above", "below", "over", "under", "beyond", "around", "about", "nearly", "almost"}
    | {"roughly", "approximately", "than", "least", "most", "up", "to", "some"}
)
#: Classes of the names that say whose side a person is on: a country, a region ("England"), a
#: people ("English") or an organisation (a party, a team), not a city or a date.
SIDE_CLASSES = frozenset({"country", "place", "group", "organisation"})
#: Prepositions after which a place is where something happens, not a side.
VENUE_WORDS = frozenset({"in", "at", "near", "outside", "inside"})
#: Classes a typed (cloze or short) answer may have: names, dates and numbers.
TYPED_CLASSES = (
    "phrase",
    "term",
    "person",
    "country",
    "city",
    "place",
    "place:",
    "organisation",
    "date:",
    "number:",
    "duration",
    "document",
    "event",
)
#: Typed classes offered only among further candidates: a document's or event's name is often
#: cut by the recogniser ("two joint action _____" for "plans") or guessed from its own words.
LOOSE_TYPED_CLASSES = frozenset({"document", "event"})


@dataclass
class Env:
    """What every builder shares: the distractor pool and the seed."""

    pool: DistractorPool
    seed: int
    published: date | None = None


@dataclass
class Candidate:
    """A candidate item, the fact it tests, how its stem was made and its distractors' sources."""

    item: Item
    fact: Found
    form: str
    options: tuple[Option, ...] = ()
    facts: tuple[Found, ...] = ()
    features: dict[str, float] = field(default_factory=dict)
    worth: float = 0.0  # acceptable and useful, as the ranker sees it: the publication order


def _item(fact: Found, kind: str, number: int, **fields) -> Item:
    evidence = fields.pop("evidence", None) or fact.extras.get("evidence", "")
    return Item(
        id=f"{fact.id}-{kind}-{number}",
        kind=kind,
        evidence=evidence,
        fact_type=fact.type,
        fact_id=fact.id,
        score=0.0,
        explanation=f"The article says: {evidence}",
        **fields,
    )


def _answer_of(fact: Found, question: Question) -> tuple[str, str]:
    """The answer to a question on a fact, and its class."""
    if question.form == "role":
        return fact.detail("person"), "person"
    return fact.key, fact.cls


def _person_forms(fact: Found) -> tuple[str, ...]:
    """The shorter names the article gives the holder of a post ("Sherman")."""
    return tuple(form for form in fact.detail("person forms").split("|") if form)


def _typed(cls: str) -> bool:
    return any(cls == t or (t.endswith(":") and cls.startswith(t)) for t in TYPED_CLASSES)


def after_the(text_before_gap: str) -> bool:
    """Whether the word before a gap is "the"."""
    words = text_before_gap.split()
    return bool(words) and words[-1].lower() == "the"


def before_capital(text_before_gap: str) -> bool:
    """Whether the gap follows the word "capital" ("arrived in the capital _____")."""
    words = text_before_gap.split()
    return bool(words) and words[-1].lower() == "capital"


def _options(
    env: Env, fact: Found, cls: str, answer: str, stem: str, gap: bool, *parts: str
) -> tuple[tuple[str, ...], tuple[Option, ...]] | None:
    rng = make_rng(env.seed, fact.id, *parts)
    avoid = f"{stem} {fact.extras.get('evidence', '')}"
    the = after_the(stem.split(GAP)[0]) if gap else None
    described = fact.detail("descriptor") if gap else ""
    post = fact.key if fact.type == "role" and cls == "person" else ""
    wrong = env.pool.choose(
        cls,
        answer,
        CHOICES - 1,
        rng,
        avoid,
        fact.sentence.index,
        fact.variants,
        the,
        described,
        post,
        capital=gap and before_capital(stem.split(GAP)[0]),
    )
    if len(wrong) < CHOICES - 1:
        return None
    if any(o.source == "list" for o in wrong) and env.pool.main_subject(answer):
        return None  # "_____ signed ..." with the article's own country among unrelated ones
    if gap and not stem.split(GAP)[0].strip() and answer[:1].isupper():
        wrong = [Option(o.text[:1].upper() + o.text[1:], o.source) for o in wrong]  # "Five"
    choices = [answer, *(o.text for o in wrong)]
    rng.shuffle(choices)
    return tuple(choices), tuple(wrong)


def multichoice(facts: Sequence[Found], env: Env) -> Iterator[Candidate]:
    """Questions and gapped statements with the answer among three same-type distractors."""
    for fact in facts:
        if fact.loose:
            continue
        stems: list[tuple[str, str, str, str]] = [
            (q.text, *_answer_of(fact, q), q.form) for q in fact.questions
        ]
        if fact.statement is not None and not _obvious(fact, env):
            stems.append((fact.statement.with_gap(GAP), fact.key, fact.cls, "gap"))
        for number, (prompt, answer, cls, form) in enumerate(stems, start=1):
            if cls.startswith("number:") and (
                fact.detail("superlative") or _hedged(answer) or form == "gap" and _bounded(fact)
            ):
                continue  # "the most votes", "above _____": an option would be also right
            if cls == "person" and form != "role":
                continue  # other people of the article rarely fit what the stem says of one

            made = _options(
                env, fact, cls, answer, prompt, form == "gap", "multichoice", str(number)
            )
            if made is None:
                continue
            choices, wrong = made
            item = _item(fact, "multichoice", number, prompt=prompt, answer=answer, choices=choices)
            yield Candidate(item, fact, form, wrong)


def truefalse(facts: Sequence[Found], env: Env) -> Iterator[Candidate]:
    """The fact's statement as written (true) and, where the answer can be swapped for a
    same-type one that is wrong, the statement made false; publication keeps the two in
    balance."""
    for fact in facts:
        statement = fact.statement
        if statement is None or fact.type in ("quote", "role") or _obliges(fact, env):
            continue
        if fact.loose:
            if fact.detail("doubt") not in STATEMENT_DOUBTS:
                continue
            # a doubt about asking for this answer, not about the sentence: it may be stated
            fact = replace(fact, details=(*fact.details, ("loose", "")))
        true = _item(fact, "truefalse", 1, prompt=statement.text, answer="True")
        yield Candidate(replace(true, choices=("True", "False")), fact, "true")
        if fact.loose or fact.detail("doubt"):
            continue
        swap = _false_swap(fact, env)
        if swap is not None:
            item = _item(
                fact,
                "truefalse",
                2,
                prompt=statement.with_gap(swap.text),
                answer="False",
                choices=("True", "False"),
            )
            yield Candidate(item, fact, "false", (swap,))


def _false_swap(fact: Found, env: Env) -> Option | None:
    """A same-type option that makes the fact's statement false, or None: a name only from the
    article itself (a country it never names would be false by knowledge the article does not
    give), a date or number of the answer's form."""
    statement = fact.statement
    before = statement.text[: statement.gap_start]
    if not _swappable(fact, env) or before.rstrip().lower().endswith((" a", " an")):
        return None
    if _named_again(fact, statement.with_gap(" ")):
        return None
    options = env.pool.choose(
        fact.cls,
        fact.key,
        SWAP_OPTIONS_SEEN,
        make_rng(env.seed, fact.id, "truefalse"),
        statement.text,
        fact.sentence.index,
        fact.variants,
        after_the(before),
        fact.detail("descriptor"),
    )
    if not fact.cls.startswith(("date:", "number:", "duration")):
        options = [o for o in options if o.source == "article"]  # the article shows it wrong
    if fact.cls == "person" and not fact.detail("descriptor"):
        options = [o for o in options if _plain_full_name(o.text, env)]
    if fact.cls == "person":
        options = [o for o in options if _keeps_company(o.text, fact, env)]
    home = city_country(fact.key) if fact.cls == "city" else ""
    if home:  # "consulates in Belgrade" for "in Miami": another country's city tests nothing
        options = [o for o in options if city_country(o.text) in ("", home)]
    return options[0] if options else None


def _keeps_company(name: str, fact: Found, env: Env) -> bool:
    """The person ``name`` may stand in the fact's sentence: the article never places them only
    with other sides (``SIDE_CLASSES``) than the sentence names. Swapping in someone it names
    only with another side ("Korea substituted Harry Kane" where Kane plays for England) is
    false on its face, not by what the article says."""
    article = env.pool.article
    own = set(range(*fact.span)) if fact.span is not None else set()
    sides = _sides(article, fact.sentence.index, own)
    if not sides:
        return True
    people = [p for p in article.people.persons.values() if p.name == name]
    theirs = set()
    for index in {article.sentence_of(t).index for p in people for t in p.mentions}:
        theirs |= _sides(article, index, set())
    return not theirs or bool(theirs & sides)


def _sides(article, sentence: int, own: set[int]) -> set[str]:
    """The countries, regions, peoples and organisations a sentence names as taking part, outside
    tokens ``own`` (a country by one name however it is written); not a place where something
    happens ("in Gävle")."""
    table = article.tokens
    return {
        country_name(m.text) or normalise(m.text) if m.cls == "country" else normalise(m.text)
        for m in article.mentions_by_sentence.get(sentence, ())
        if m.cls in SIDE_CLASSES
        and m.start not in own
        and not (m.start > 0 and table.lower[m.start - 1] in VENUE_WORDS)
    }


def _obvious(fact: Found, env: Env) -> bool:
    """A gap on the article's main subject ("The _____ and Armenia signed ..." in a United
    States statement), or on one of the two countries a story is about in a sentence that names
    the other: every reader knows the answer."""
    if fact.type not in ("person", "place", "organisation"):
        return False
    if env.pool.main_subject(fact.key):
        return True
    partner = env.pool.partner(fact.key) if fact.cls == "country" else ""
    rest = fact.statement.with_gap(" ") if fact.statement is not None else ""
    return bool(partner) and mentions_name(rest, partner)


def _bare_date(fact: Found, env: Env) -> bool:
    """A date with no preposition before it ("at a summit Friday marked ..."), or one that
    describes the noun after it ("as 2021 co-chair", "the 2020 election"): typed into a gap,
    nothing says a date is wanted ("as _____ co-chair" takes "a" or "the" as well)."""
    if not fact.cls.startswith("date:") or fact.span is None or fact.span[0] == 0:
        return False
    table = env.pool.article.tokens
    last = fact.span[1] - 1
    if table.head[last] > last and table.pos[table.head[last]] in ("NOUN", "PROPN"):
        return True
    return table.tag[fact.span[0] - 1] not in ("IN", "TO")


def _obliges(fact: Found, env: Env) -> bool:
    """The sentence says what must or should be done: a demand, not a fact to call true."""
    table = env.pool.article.tokens
    root = fact.sentence.root
    return any(
        table.dep[child] == "aux" and table.lower[child] in OBLIGATION_MODALS
        for child in table.children(root)
    )


def _swappable(fact: Found, env: Env) -> bool:
    """Whether a false statement may swap the fact's answer: a country, city or duration; a
    person beside a word that says what they are (another person so described is offered) or,
    with no such word, in a statement with no pronoun that gives the person's sex; an
    organisation or place whose name says what kind of thing it is; a day or month, not a year
    (2050 for 2051 is hardly false); a number whose sentence holds no other number that a
    reader could add it to (a date's figures aside)."""
    cls = fact.cls
    if _described_itself(fact, env):
        return False
    if cls == "person":
        if _affiliation_after(fact):
            return False
        if fact.detail("descriptor"):
            return True
        return _bare_name_slot(fact) and _plain_full_name(fact.key, env)
    if cls in SWAPPABLE_BY_TYPE:
        return bool(env.pool.type_word(fact.key))
    if cls in ("date:day", "date:month", "date:weekday"):
        return True
    if cls.startswith("number:"):
        if _hedged(fact.key) or _bounded(fact):
            return False  # "more than 11" is not false where the article says "more than 10"
        return fact.statement is not None and not _other_figures(fact, env)
    return cls in SWAPPABLE


def _other_figures(fact: Found, env: Env) -> bool:
    """The fact's sentence writes another number in figures outside a date ("from 9 to 10",
    "300 of the 1,200 seats"): one a reader could add the fact's to. A year or a day of the
    month ("in 2021", "on May 4") is no such number."""
    article = env.pool.article
    table = article.tokens
    own = range(*fact.span) if fact.span is not None else range(0)
    dated = {
        i
        for m in article.mentions_by_sentence.get(fact.sentence.index, ())
        if m.cls.startswith("date:")
        for i in range(m.start, m.end)
    }
    return any(
        any(ch.isdigit() for ch in table.text[i])
        for i in range(fact.sentence.start, fact.sentence.end)
        if i not in own and i not in dated
    )


def _described_itself(fact: Found, env: Env) -> bool:
    """The answer is the subject of "be" ("Myanmar is mainly Buddhist"): the sentence says what
    the thing is, which may hold for another thing too though the article does not say so."""
    if fact.span is None:
        return False
    table = env.pool.article.tokens
    for token in range(*fact.span):
        head = table.head[token]
        if table.dep[token] == "nsubj" and not fact.span[0] <= head < fact.span[1]:
            return table.lemma[head].lower() == "be"
    return False


_AFFILIATION = re.compile(r"^\s*(?:of|from)\s+(?:the\s+)?[A-Z]")


def _affiliation_after(fact: Found) -> bool:
    """The person's name is followed by where they belong ("_____ of the Democratic Party",
    "_____ from BPA"): another person put there makes a statement both about what happened and
    about whom they belong to, and a reader cannot tell which part is false."""
    statement = fact.statement
    if statement is None or statement.gap_end < 0:
        return False
    return bool(_AFFILIATION.match(statement.text[statement.gap_end :]))


def _bare_name_slot(fact: Found) -> bool:
    """A person's full name standing bare in the statement, so another full name may take its
    place: no title or possessive before it ("President _____", "Korea's _____"), no
    apposition after it ("_____, the Secretary of State"), and no pronoun that gives the
    person's sex elsewhere in the statement."""
    statement = fact.statement
    if statement is None:
        return False
    before = statement.text[: statement.gap_start].split()
    after = statement.text[statement.gap_end :]
    if before and (before[-1][:1].isupper() or before[-1].endswith(("'s", "’s"))):
        return False
    if after.lstrip().startswith(","):
        return False
    words = re.findall(r"[a-z]+", statement.with_gap(" ").lower())
    return not any(word in PERSON_PRONOUNS for word in words)  # each gives the person's sex


def _plain_full_name(name: str, env: Env) -> bool:
    """A first name and a surname, none of whose words after the first is an English common noun
    (a party or a craft the parser took for a person: "Civic Passion")."""
    words = name.split()
    return len(words) >= 2 and not any(
        env.pool.article.common_noun(w.lower().strip(".,’'")) for w in words[1:]
    )


def _bounded(fact: Found) -> bool:
    """The word before the fact's gap makes its number a bound ("above _____"): another value on
    one side of it is right as well."""
    if fact.statement is None:
        return False
    before = fact.statement.text[: fact.statement.gap_start].split()
    return bool(before) and before[-1].lower() in BOUND_WORDS


def _gap_after_hedge(fact: Found) -> tuple[str, str, tuple[str, ...]]:
    """The fact's gapped statement, the answer to type and its other forms, with a number's hedge
    or bound left before the gap ("more than _____ signatures", answer "11,000"): the student
    types the number the article gives, and the stem still says what the article says of it."""
    statement = fact.statement
    form = read_number(fact.key) if fact.cls.startswith("number:") else None
    hedge = form.lead.split() if form else []
    if not hedge:
        return statement.with_gap(GAP), fact.key, fact.variants
    words = fact.key.split()
    lead = " ".join(words[: len(hedge)])
    variants = tuple(
        v[len(lead) :].strip() for v in fact.variants if v.lower().startswith(lead.lower() + " ")
    )
    return statement.with_gap(f"{lead} {GAP}"), " ".join(words[len(hedge) :]), variants


def _hedged(answer: str) -> bool:
    """A number given as a bound or a guess ("more than 10", "about 300"): other values may be
    true as well."""
    form = read_number(answer)
    return form is not None and bool(form.lead.strip())


def _named_again(fact: Found, rest: str) -> bool:
    """The statement names the answer again outside the gap ("The United States and Turkey ...
    the U.S.-Kuwait Dialogue"): a swapped version would contradict itself."""
    if fact.cls == "country":
        return country_name(fact.key) in countries_in(rest)
    parts = [w for w in fact.key.split() if len(w) >= 3 and w[:1].isupper()]
    return any(mentions_name(rest, part) for part in parts) or mentions_name(rest, fact.key)


#: "a _____" / "an _____": the article tells the answer's first sound.
ARTICLE_BEFORE_GAP = re.compile(rf"\b([Aa]n?) {re.escape(GAP)}")
#: What every match of ``ARTICLE_BEFORE_GAP`` holds (looked for first: most stems have none).
_ARTICLE_ENDS = tuple(f"{end} {GAP}" for end in ("a", "A", "n"))


def article_before_gap(prompt: str) -> re.Match[str] | None:
    """ "a" or "an" right before the gap, if there is one."""
    if not any(end in prompt for end in _ARTICLE_ENDS):
        return None
    return ARTICLE_BEFORE_GAP.search(prompt)


#: A number written with a digit or a currency sign ("$50 million", "300"): "a" before it says
#: hardly anything of it.
WRITTEN_NUMBER = re.compile(r"[$€£¥]?\d")


def _article_into_gap(prompt: str, answer: str, number: bool) -> tuple[str, str] | None:
    """The stem and answer with the "a" or "an" before the gap moved into it ("the creation of
    _____", answer "an international peacekeeping force"): the article would tell the
    answer's first sound. None when no article stands before the gap, or "a" before a
    ``number`` written with a digit or a currency sign, which tells nothing of it (the
    grammar check lets that one stand; "a 14-year-old" is a phrase, not a number)."""
    found = article_before_gap(prompt)
    if found is None or number and found.group(1).lower() == "a" and WRITTEN_NUMBER.match(answer):
        return None
    article = found.group(1)
    moved = f"{article.lower()} {answer}" if found.start() else f"{article} {answer}"
    return prompt[: found.start()] + GAP + prompt[found.end() :], moved


def cloze(facts: Sequence[Found], env: Env) -> Iterator[Candidate]:
    """The fact's statement with its answer blanked, to be typed."""
    for fact in facts:
        if fact.statement is None or not _typed(fact.cls):
            continue
        doubtful = _obvious(fact, env) or fact.cls in LOOSE_TYPED_CLASSES
        if (doubtful or _bare_date(fact, env)) and not fact.loose:
            fact = replace(fact, details=(*fact.details, ("loose", "1")))
        if len(fact.key.split()) > MAX_TYPED_ANSWER_WORDS:
            continue
        prompt, answer, variants = _gap_after_hedge(fact)
        moved = _article_into_gap(prompt, answer, fact.cls.startswith("number:"))
        if moved is not None:  # offered to a teacher, never published
            prompt, answer, variants = *moved, (*variants, answer)
            fact = replace(fact, details=(*fact.details, ("loose", "1")))
        item = _item(
            fact,
            "cloze",
            1,
            prompt=prompt,
            answer=answer,
            accepted=accepted_forms(answer, fact.cls, variants),
        )
        yield Candidate(item, fact, "gap")


def shortanswer(facts: Sequence[Found], env: Env) -> Iterator[Candidate]:
    """Wh-questions with short typed answers."""
    for fact in facts:
        if fact.questions and _obvious(fact, env) and not fact.loose:
            fact = replace(fact, details=(*fact.details, ("loose", "1")))
        for number, question in enumerate(fact.questions, start=1):
            answer, cls = _answer_of(fact, question)
            if len(answer.split()) > MAX_TYPED_ANSWER_WORDS or not answer:
                continue
            variants = fact.variants if question.form != "role" else _person_forms(fact)
            item = _item(
                fact,
                "shortanswer",
                number,
                prompt=question.text,
                answer=answer,
                accepted=accepted_forms(answer, cls, variants),
            )
            yield Candidate(item, fact, question.form)


def numerical(facts: Sequence[Found], env: Env) -> Iterator[Candidate]:
    """A plain number blanked in its statement, answered by its value."""
    for fact in facts:
        if fact.statement is None or not fact.cls.startswith("number:") or fact.loose:
            continue
        form = read_number(fact.key)
        if form is None or form.scale or form.sign or form.rest.strip() or form.lead.strip():
            continue  # the gap must hold the bare number: "_____ percent", not "_____"
        value = number_value(fact.key)
        written = f"{value:g}" if value is not None else ""
        if not written:
            continue
        item = _item(
            fact,
            "numerical",
            1,
            prompt=f"Which number fills the gap? {fact.statement.with_gap(GAP)}",
            answer=written,
            tolerance=0.0,
        )
        yield Candidate(item, fact, "gap")


def _pairs_item(
    chosen: list[tuple[Found, str, str]], prompt: str, env: Env, name: str
) -> Candidate | None:
    if len(chosen) < MIN_PAIRS:
        return None
    chosen = chosen[:MAX_PAIRS]
    rng = make_rng(env.seed, "matching", name)
    shown = [(left, right) for _, left, right in chosen]
    rng.shuffle(shown)
    first = chosen[0][0]
    sentences = " ".join(dict.fromkeys(f.extras.get("evidence", "") for f, _, _ in chosen))
    item = _item(
        first,
        "matching",
        1,
        prompt=prompt,
        answer="; ".join(f"{left} = {right}" for left, right in shown),
        pairs=tuple(shown),
        evidence=sentences,
    )
    return Candidate(item, first, "group", (), tuple(f for f, _, _ in chosen))


def matching(facts: Sequence[Found], env: Env) -> Iterator[Candidate]:
    """People matched to their posts, and quotations to their speakers (three pairs or more, every
    left and right side different)."""
    facts = [_not_minor(f) for f in facts]  # one pair among several may be a passing name
    groups = {
        "roles": (
            "Match each person to the post the article gives them.",
            [(f, f.detail("person"), f.key) for f in facts if f.type == "role"],
        ),
        "quotes": (
            "Match each quotation to the person who said it.",
            [
                (f, f"“{f.detail('quote')}”", f.key)
                for f in facts
                if f.detail("quote") and f.cls == "person"
            ],
        ),
    }
    for name, (prompt, pairs) in groups.items():
        chosen: list[tuple[Found, str, str]] = []
        lefts: set[str] = set()
        rights: set[str] = set()
        for fact, left, right in pairs:
            if left.casefold() in lefts or right.casefold() in rights:
                continue
            if name == "quotes" and len(left.split()) > 20:
                continue
            lefts.add(left.casefold())
            rights.add(right.casefold())
            chosen.append((fact, left, right))
        made = _pairs_item(chosen, prompt, env, name)
        if made is not None:
            yield made


def _not_minor(fact: Found) -> Found:
    """The fact without the doubt of a person named once (``MINOR_PERSON``), its only one."""
    if fact.detail("doubt") != MINOR_PERSON:
        return fact
    return replace(fact, details=(*fact.details, ("loose", ""), ("doubt", "")))


def _calendar_key(fact: Found, published) -> tuple[int, int, int, str] | None:
    """A sortable (year, month, day) for a written date; a day without a year takes the
    publication year when that puts it on or before the publication date."""
    form = read_date(fact.key)
    if form is None:
        return None
    value = form.value
    if form.pattern in ("md", "dm"):
        if published is None:
            return None
        value = value.replace(year=published.year)
        if value > published:
            return None
    return (value.year, value.month, value.day, form.granularity)


def ordering(facts: Sequence[Found], env: Env) -> Iterator[Candidate]:
    """Dated events put in the order they happened (three different dates or more, none
    inside another: a year is not set beside a day of that year)."""
    dated: dict[tuple, tuple[Found, str]] = {}
    for fact in facts:
        event = fact.detail("event")
        if not fact.cls.startswith("date:") or not event or not 4 <= len(event.split()) <= 18:
            continue
        key = _calendar_key(fact, env.published)
        if key is not None:
            dated.setdefault(key, (fact, event))
    keys = sorted(dated)
    years = {k[0] for k in keys if k[3] != "year"}
    keys = [k for k in keys if not (k[3] == "year" and k[0] in years)]
    if len({k[:3] for k in keys}) < MIN_PAIRS:
        return
    ordered = [dated[key] for key in keys][:MAX_PAIRS]
    events = tuple(event for _, event in ordered)
    if len(set(events)) < len(events):
        return
    rng = make_rng(env.seed, "ordering")
    shown = list(events)
    rng.shuffle(shown)
    if tuple(shown) == events:
        shown = list(reversed(events))
    first = ordered[0][0]
    sentences = " ".join(dict.fromkeys(f.extras.get("evidence", "") for f, _ in ordered))
    item = _item(
        first,
        "ordering",
        1,
        prompt="Put these events in the order they happened, earliest first.",
        answer=" > ".join(events),
        sequence=events,
        choices=tuple(shown),
        evidence=sentences,
    )
    yield Candidate(item, first, "group", (), tuple(f for f, _ in ordered))


#: Item kind -> builder from facts to candidates.
KINDS: dict[str, Callable[[Sequence[Found], Env], Iterator[Candidate]]] = {
    "multichoice": multichoice,
    "truefalse": truefalse,
    "cloze": cloze,
    "shortanswer": shortanswer,
    "matching": matching,
    "ordering": ordering,
    "numerical": numerical,
}
