"""question_bank never pulls in the web stack."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import question_bank.model

FORBIDDEN = ("flask", "sqlalchemy", "wtforms", "flask_wtf", "flask_sqlalchemy", "quizapp")


def test_importing_every_question_bank_module_loads_no_web_stack():
    package_dir = str(Path(question_bank.model.__file__).parent)
    modules = ["question_bank"] + [
        f"question_bank.{m.name}"
        for m in pkgutil.walk_packages([package_dir], prefix="")
        if m.name != "__main__"
    ]
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == []
    assert len(modules) > 5
