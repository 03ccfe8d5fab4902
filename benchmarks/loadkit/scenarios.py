"""What load.py measures: page throughput against the yardstick, a crowd, and two faults."""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlencode

import requests
import sqlalchemy as sa

from benchmarks.loadkit.client import LoginRefused, Student, answer_form
from benchmarks.loadkit.seed import PASSWORD, Seeded
from benchmarks.loadkit.wrk import WrkResult, post_script, run_wrk

PAGE_TARGET, POST_TARGET, P99_TARGET_MS = 0.6, 0.5, 150.0


@dataclass(frozen=True)
class Measured:
    """One page against the yardstick measured just before it."""

    label: str
    page: WrkResult
    yardstick: WrkResult
    target: float

    @property
    def ratio(self) -> float:
        """Page throughput as a share of the yardstick's."""
        return self.page.rps / self.yardstick.rps

    @property
    def passed(self) -> bool:
        """Whether the page meets its ratio and (for pages) p99 targets with no errors."""
        p99_ok = self.target == POST_TARGET or self.page.p99_ms < P99_TARGET_MS
        return self.ratio >= self.target and p99_ok and not self.page.errors


def _submitters(base: str, seeded: Seeded) -> list[tuple[str, str, str]]:
    """(path, cookie, form) of every seeded open attempt of the submit run, answered."""
    students: dict[str, Student] = {}

    def log_in(name: str) -> None:
        student = Student(base)
        student.login(name, PASSWORD)
        students[name] = student

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(log_in, sorted({name for name, _ in seeded.submit_attempts})))
    forms: dict[int, str] = {}  # every seeded quiz page has the same fields per quiz
    each = []
    for name, attempt_id in seeded.submit_attempts:
        student, path = students[name], f"/quizzes/attempts/{attempt_id}"
        quiz_index = len(each) % len(seeded.quiz_ids)
        if quiz_index not in forms:
            forms[quiz_index] = urlencode(answer_form(student.get(path).text))
        form = f"{urlencode([('csrf_token', student.token)])}&{forms[quiz_index]}"
        each.append((path, student.cookie, form))
    return each


def autosave_fields(page: str) -> list[tuple[str, str]]:
    """The fields of one question's autosave from its take page (the question's first field,
    as the page's script sends it), CSRF token aside."""
    name, value = answer_form(page)[0]
    question = name[1:].split("-")[0].split("_")[0]
    return [("question", question), (name, value)]


def _autosave(saver: Student, attempt_id: int) -> str:
    """The body of one question's autosave."""
    fields = autosave_fields(saver.get(f"/quizzes/attempts/{attempt_id}").text)
    return urlencode([("csrf_token", saver.token), *fields])


def student_pages(seeded: Seeded) -> list[tuple[str, str]]:
    """The student pages measured, as (label, path), each seen by the ``bench`` student."""
    return [
        ("quiz list", "/quizzes/"),
        ("take", f"/quizzes/attempts/{seeded.open_attempt}"),
        ("review", f"/quizzes/attempts/{seeded.submitted_attempt}/review"),
        ("history", "/history/"),
        ("progress", "/progress/"),
        ("flashcards", "/cards/"),
        ("card review", "/cards/review"),
    ]


def throughput(base: str, yardstick: str, seeded: Seeded, seconds: int) -> list[Measured]:
    """Every student page and the three POSTs, each between two runs of the yardstick."""
    bench = Student(base)
    bench.login("bench", PASSWORD)
    cards = Student(base)
    cards.login("bench-cards", PASSWORD)
    saver = Student(base)
    saver.login("bench-save", PASSWORD)
    rate_body = urlencode(  # a rating of a card whose answer is shown, as the page sends it
        [("csrf_token", cards.token), ("rating", "3"), ("deck", "all"), ("revealed", "1")]
    )
    save_body = _autosave(saver, seeded.save_attempt)
    submits = _submitters(base, seeded)
    pages = [
        *((label, path, bench.cookie, "", PAGE_TARGET) for label, path in student_pages(seeded)),
        (
            "autosave POST",
            f"/quizzes/attempts/{seeded.save_attempt}/save",
            saver.cookie,
            post_script(save_body),
            POST_TARGET,
        ),
        (
            "card rating POST",
            f"/cards/{seeded.card_question}/rate",
            cards.cookie,
            post_script(rate_body),
            POST_TARGET,
        ),
        ("submit POST", submits[0][0], submits[0][1], post_script("", submits), POST_TARGET),
    ]
    stick_cookie = requests.get(yardstick + "/one", timeout=10).cookies.get("session")
    results = []
    for label, path, cookie, script, target in pages:
        if label != "submit POST":  # a warm-up would use up the attempts
            run_wrk(base + path, cookie, 2, script=script)
        before = run_wrk(yardstick + "/one", f"session={stick_cookie}", seconds)
        page = run_wrk(base + path, cookie, seconds, script=script)
        after = run_wrk(yardstick + "/one", f"session={stick_cookie}", seconds)
        results.append(Measured(label, page, _mean(before, after), target))
        print(_row(results[-1]), flush=True)
    return results


def _mean(first: WrkResult, second: WrkResult) -> WrkResult:
    """The yardstick around a page: the mean of its runs just before and just after."""
    return WrkResult(
        (first.rps + second.rps) / 2,
        (first.p99_ms + second.p99_ms) / 2,
        first.errors + second.errors,
        first.requests + second.requests,
    )


def _row(m: Measured) -> str:
    verdict = "ok" if m.passed else "MISSED"
    return (
        f"  {m.label:<20} {m.page.rps:7.1f} req/s  yardstick {m.yardstick.rps:7.1f}  "
        f"ratio {m.ratio:4.2f} (target {m.target})  p50 {m.page.p50_ms:6.1f} ms  "
        f"p99 {m.page.p99_ms:6.1f} ms "
        f"(yardstick {m.yardstick.p99_ms:5.1f})  errors {m.page.errors}  {verdict}"
    )


@dataclass
class CrowdReport:
    """What the database held after the crowd."""

    students: int
    attempts: int
    submitted_once: int
    responses: int
    expected_responses: int
    duplicates: int
    second_submits: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    @property
    def held(self) -> bool:
        """Every attempt submitted once, one response per question, nothing lost."""
        return (
            self.attempts == self.students == self.submitted_once
            and self.responses == self.expected_responses
            and not self.duplicates
            and not self.failures
        )


def crowd(
    bases: list[str], engine: sa.Engine, quiz_id: int, questions: int, usernames: list[str]
) -> CrowdReport:
    """Students log in, start, answer and submit twice at once, across the servers."""
    barrier = threading.Barrier(len(usernames))
    second: Counter = Counter()
    failures: list[str] = []

    def one(n: int, username: str) -> None:
        try:
            here = Student(bases[n % len(bases)], timeout=120)
            here.login(username, PASSWORD)
            barrier.wait(timeout=300)
            started = here.post(f"/quizzes/{quiz_id}/start")
            take_path = started.headers["Location"]
            answers = answer_form(here.get(take_path).text)
            there = Student(bases[(n + 1) % len(bases)], timeout=120)
            there.http.cookies.update(here.http.cookies)
            there.token = here.token
            with ThreadPoolExecutor(2) as both:
                outcomes = list(both.map(lambda s: s.post(take_path, answers), (here, there)))
            for outcome in outcomes:
                second[outcome.status_code] += 1
        except Exception as exc:  # noqa: BLE001 - every failure is reported
            failures.append(f"{username}: {exc!r}")

    with ThreadPoolExecutor(len(usernames)) as pool:
        list(pool.map(one, range(len(usernames)), usernames))
    with engine.connect() as conn:
        attempts = conn.execute(
            sa.text("SELECT count(*), count(submitted_at) FROM attempt WHERE quiz_id = :q"),
            {"q": quiz_id},
        ).one()
        responses = conn.execute(
            sa.text(
                "SELECT count(*) FROM response r JOIN attempt a ON a.id = r.attempt_id "
                "WHERE a.quiz_id = :q"
            ),
            {"q": quiz_id},
        ).scalar_one()
        duplicates = conn.execute(
            sa.text(
                "SELECT count(*) FROM (SELECT attempt_id, question_id FROM response "
                "GROUP BY attempt_id, question_id HAVING count(*) > 1) d"
            )
        ).scalar_one()
    return CrowdReport(
        len(usernames),
        attempts[0],
        attempts[1],
        responses,
        len(usernames) * questions,
        duplicates,
        second,
        failures,
    )


@dataclass
class FaultReport:
    """Requests during a fault, and whether the database stayed whole."""

    outcomes: Counter
    recovered: bool
    half_written: int
    lost_submits: int

    def __str__(self) -> str:
        kinds = ", ".join(f"{kind}: {n}" for kind, n in sorted(self.outcomes.items()))
        return (
            f"requests {kinds}; requests after the fault succeed: {self.recovered}; "
            f"half-written attempts: {self.half_written}; acknowledged submits lost: "
            f"{self.lost_submits}"
        )


def fault_run(
    base: str,
    engine: sa.Engine,
    quiz_id: int,
    questions: int,
    usernames: list[str],
    fault,
    seconds: float = 14.0,
    fault_at: float = 4.0,
) -> FaultReport:
    """Students start and submit quizzes in a loop while ``fault()`` happens; check the data."""
    outcomes: Counter = Counter()
    acknowledged: list[int] = []
    timeline: list[tuple[float, bool]] = []
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def record(kind: str, ok: bool) -> None:
        with lock:
            outcomes[kind] += 1
            timeline.append((time.monotonic(), ok))

    def loop(username: str) -> None:
        student, logged_in = Student(base, timeout=20), False
        while time.monotonic() < stop:
            try:
                if not logged_in:  # a log-in may meet the fault too
                    student.login(username, PASSWORD)
                    logged_in = True
                started = student.post(f"/quizzes/{quiz_id}/start")
                if started.status_code != 302:
                    record(f"start {started.status_code}", False)
                    continue
                path = started.headers["Location"]
                page = student.get(path)
                if page.status_code != 200:
                    record(f"take {page.status_code}", False)
                    continue
                submitted = student.post(path, answer_form(page.text))
                ok = submitted.status_code == 302 and "/review" in submitted.headers["Location"]
                record("submit ok" if ok else f"submit {submitted.status_code}", ok)
                if ok:
                    with lock:
                        acknowledged.append(int(path.rstrip("/").rsplit("/", 1)[1]))
            except requests.RequestException as exc:
                record(f"connection {type(exc).__name__}", False)
                time.sleep(0.2)
            except LoginRefused as exc:
                record(f"log-in {exc.status}", False)
                time.sleep(0.2)

    threads = [threading.Thread(target=loop, args=(name,)) for name in usernames]
    for thread in threads:
        thread.start()
    time.sleep(fault_at)
    fault_time = time.monotonic()
    fault()
    for thread in threads:
        thread.join()
    after = [ok for when, ok in timeline if when > fault_time + 3]
    with engine.connect() as conn:
        half = conn.execute(
            sa.text(
                "SELECT count(*) FROM attempt a WHERE a.quiz_id = :q AND ("
                "(a.submitted_at IS NULL AND EXISTS "
                "(SELECT 1 FROM response r WHERE r.attempt_id = a.id))"
                " OR (a.submitted_at IS NOT NULL AND (SELECT count(*) FROM response r "
                "WHERE r.attempt_id = a.id) <> :n))"
            ),
            {"q": quiz_id, "n": questions},
        ).scalar_one()
        submitted = set(
            conn.execute(
                sa.text("SELECT id FROM attempt WHERE quiz_id = :q AND submitted_at IS NOT NULL"),
                {"q": quiz_id},
            ).scalars()
        )
    lost = sum(1 for attempt_id in acknowledged if attempt_id not in submitted)
    return FaultReport(outcomes, bool(after) and all(after), half, lost)
