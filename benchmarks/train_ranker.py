"""Fit the generator's acceptability ranker on the stored blind ratings of tuning articles.

    .venv/bin/python benchmarks/train_ranker.py [--target-precision 0.92] [--write]

Every tuning article is generated again with the current code; each stored rating row (rubric
version 2, tuning split) is matched to the candidate it rated by article, kind, stem and key,
and the candidate's features (``question_bank.generate.features``) are paired with the rater's
"acceptable" (and with "acceptable and useful", for a second model that orders items). A
logistic regression (scikit-learn, standardised features, L2 penalty chosen by
cross-validation grouped by article) is fitted. The publication threshold is the lowest score
at which items scoring at least that much were acceptable in ``--target-precision`` of the
cases, in predictions made for each article by a model fitted without it. With ``--write`` the
model is stored as ``question_bank/generate/ranker.json`` with what it was fitted on. The same
ratings and code give the same model.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.evaluation.gold import find_date_line  # noqa: E402
from benchmarks.evaluation.ratings import (  # noqa: E402
    RUBRIC_VERSION,
    current_commit,
    item_identity,
    load_rows,
    row_identity,
)
from benchmarks.evaluation.splits import articles_of  # noqa: E402

MODEL_PATH = REPO_ROOT / "question_bank" / "generate" / "ranker.json"
PENALTIES = (0.003, 0.01, 0.03, 0.1, 0.3)
#: Feature families the model is fitted on: the kind of item and answer, how the stem was made,
#: where the options came from, and a few signs of a stem leaning on its context. Other
#: features are computed but, fitted on a thousand ratings, only add noise.
MODEL_FAMILIES = ("kind=", "source=", "change=")
MODEL_FEATURES = (
    "relative_time",
    "odd_marks",
    "in_list",
    "answer_is_subject",
    "options_mentioned",
    "first_person",
    "lead",
    "position",
    "headline_overlap",
    "prompt_words",
)


def candidate_features() -> dict[tuple[str, str, str, str], dict[str, float]]:
    """Features of every current candidate of the tuning articles, by item identity."""
    from question_bank.generate.kinds import KINDS
    from question_bank.generate.pipeline import read_article_facts, scored_candidates

    found = {}
    for path in articles_of("tuning"):
        text = path.read_text(encoding="utf-8")
        published = find_date_line(text)
        _, article, facts = read_article_facts(text, published)
        for candidate in scored_candidates(article, facts, list(KINDS), 0, {}):
            found[item_identity(path.name, candidate.item)] = candidate.features
    return found


def labelled(
    rows: list[dict], features: dict
) -> tuple[list[dict], list[int], list[int], list[str]]:
    """Feature rows, labels (acceptable = 1; acceptable and useful = 1) and article groups of
    the matched ratings."""
    x, y, useful, groups = [], [], [], []
    for row in rows:
        values = features.get(row_identity(row))
        if values is None:
            continue
        x.append(values)
        y.append(int(row["acceptable"]))
        useful.append(int(row["acceptable"] and row["useful"]))
        groups.append(row["article"])
    return x, y, useful, groups


def threshold_for(scores: list[float], labels: list[int], precision: float) -> tuple[float, dict]:
    """The lowest score whose items at or above it reach the precision, with its figures."""
    pairs = sorted(zip(scores, labels, strict=True), key=lambda p: -p[0])
    best = (1.0, {"kept": 0, "precision": None})
    good = 0
    for count, (score, label) in enumerate(pairs, start=1):
        good += label
        if good / count >= precision and count >= 10:
            best = (score, {"kept": count, "precision": round(good / count, 4)})
    return best


def main(argv: list[str] | None = None) -> int:
    """Fit, report and (with --write) store the ranker."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from question_bank.generate.features import FEATURE_NAMES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target-precision", type=float, default=0.92)
    parser.add_argument("--write", action="store_true", help="store the fitted model")
    args = parser.parse_args(argv)

    rows = [
        r
        for r in load_rows()
        if r.get("split") == "tuning" and r.get("rubric_version") == RUBRIC_VERSION
    ]
    x_dicts, y, useful, groups = labelled(rows, candidate_features())
    print(f"ratings: {len(rows)} tuning rows, {len(y)} matched to current candidates")
    if len(set(y)) < 2 or len(set(groups)) < 5:
        print("too few matched ratings to fit a model")
        return 0
    vectoriser = DictVectorizer(sparse=False)
    chosen = [n for n in FEATURE_NAMES if n.startswith(MODEL_FAMILIES) or n in MODEL_FEATURES]
    vectoriser.fit([{name: 0.0 for name in chosen}])
    x = vectoriser.transform(x_dicts)
    labels = np.array(y)
    folds = GroupKFold(n_splits=min(5, len(set(groups))))
    best_penalty, best_loss, best_scores = None, None, None
    for penalty in PENALTIES:
        model = make_pipeline(StandardScaler(), LogisticRegression(C=penalty, max_iter=2000))
        scores = cross_val_predict(
            model, x, labels, groups=groups, cv=folds, method="predict_proba"
        )[:, 1]
        clipped = np.clip(scores, 1e-6, 1 - 1e-6)
        loss = float(-np.mean(labels * np.log(clipped) + (1 - labels) * np.log(1 - clipped)))
        print(f"  C={penalty:<5} held-out log loss {loss:.4f}")
        if best_loss is None or loss < best_loss:
            best_penalty, best_loss, best_scores = penalty, loss, scores
    threshold, figures = threshold_for(list(best_scores), y, args.target_precision)
    for cut in (0.95, 0.92, 0.9, 0.88, 0.86, 0.84, 0.82, 0.8):
        kept = [label for score, label in zip(best_scores, y, strict=True) if score >= cut]
        if kept:
            print(f"  held out, score >= {cut:.2f}: {len(kept)} items, {sum(kept) / len(kept):.1%}")
    base = sum(y) / len(y)
    print(
        f"acceptable in the ratings: {base:.1%}; C={best_penalty}; threshold {threshold:.3f} "
        f"keeps {figures['kept']} of {len(y)} held-out items at precision {figures['precision']}"
    )
    model = make_pipeline(StandardScaler(), LogisticRegression(C=best_penalty, max_iter=2000))
    model.fit(x, labels)
    scaler, logistic = model[0], model[1]
    worth = LogisticRegression(C=best_penalty, max_iter=2000)
    worth.fit(scaler.transform(x), np.array(useful))
    names = list(vectoriser.get_feature_names_out())
    weights = dict(zip(names, logistic.coef_[0], strict=True))
    for name, weight in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:15]:
        print(f"  {weight:+.3f} {name}")
    if not args.write:
        return 0
    data = {
        "about": {
            "kind": "logistic regression on blind ratings",
            "fitted": date.today().isoformat(),
            "commit": current_commit(),
            "rubric_version": RUBRIC_VERSION,
            "ratings": len(rows),
            "matched": len(y),
            "acceptable_share": round(base, 4),
            "kinds": dict(Counter(r["kind"] for r in rows)),
            "penalty_C": best_penalty,
            "held_out_log_loss": round(best_loss, 4),
            "target_precision": args.target_precision,
            "held_out_at_threshold": figures,
        },
        "features": names,
        "means": [round(float(v), 6) for v in scaler.mean_],
        "scales": [round(float(v), 6) for v in scaler.scale_],
        "weights": [round(float(v), 6) for v in logistic.coef_[0]],
        "bias": round(float(logistic.intercept_[0]), 6),
        "useful_weights": [round(float(v), 6) for v in worth.coef_[0]],
        "useful_bias": round(float(worth.intercept_[0]), 6),
        "threshold": round(float(threshold), 4),
    }
    MODEL_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
