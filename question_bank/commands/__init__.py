"""Sub-commands of ``python -m question_bank``; see ``question_bank.__main__.COMMANDS``."""
