"""A teacher's category tree for bank questions."""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.extensions import db
from quizapp.models import Category, User
from quizapp.ownership import owned_or_404


@dataclass(frozen=True)
class CategoryNode:
    """A category with its depth and full path (``Parent / Child``), for lists and selects."""

    category: Category
    depth: int
    path: str


def category_tree(owner: User) -> list[CategoryNode]:
    """The owner's categories in tree order (each parent before its children, names sorted)."""
    rows = (
        db.session.execute(
            db.select(Category).where(Category.owner_id == owner.id).order_by(Category.name)
        )
        .scalars()
        .all()
    )
    children: dict[int | None, list[Category]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    nodes: list[CategoryNode] = []

    def _walk(parent_id: int | None, depth: int, prefix: str) -> None:
        for child in children.get(parent_id, []):
            path = f"{prefix}{child.name}"
            nodes.append(CategoryNode(child, depth, path))
            _walk(child.id, depth + 1, f"{path} / ")

    _walk(None, 0, "")
    return nodes


def category_choices(owner: User) -> list[tuple[int, str]]:
    """Select options for the owner's categories: "None" first, then the tree paths."""
    return [(0, "— None —")] + [(node.category.id, node.path) for node in category_tree(owner)]


def category_and_descendants(owner: User, category_id: int) -> list[int]:
    """The ids of a category and every category below it."""
    ids, found = [], False
    for node in category_tree(owner):
        if node.category.id == category_id:
            found, depth = True, node.depth
            ids.append(category_id)
        elif found and node.depth > depth:
            ids.append(node.category.id)
        elif found:
            break
    return ids


def create_category(owner: User, name: str, parent_id: int | None = None) -> Category:
    """Add a category (under ``parent_id`` if given, which must be the owner's)."""
    if parent_id:
        owned_or_404(Category, parent_id, owner)
    category = Category(owner_id=owner.id, name=name.strip(), parent_id=parent_id or None)
    db.session.add(category)
    db.session.flush()
    return category


def category_for_path(owner: User, path: str) -> Category | None:
    """The owner's category at a ``/``-separated path, made as needed (None for an empty path)."""
    parent: Category | None = None
    for name in (part.strip()[:120] for part in path.split("/")):
        if not name:
            continue
        found = db.session.execute(
            db.select(Category).where(
                Category.owner_id == owner.id,
                Category.name == name,
                Category.parent_id.is_(None) if parent is None else Category.parent_id == parent.id,
            )
        ).scalar_one_or_none()
        parent = found or create_category(owner, name, parent.id if parent else None)
    return parent
