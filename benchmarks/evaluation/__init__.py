"""Audit of the question generator: gold facts, automatic item checks, recall and the report.

The checks here are written independently of the generator's own filters so that they can audit
it: they only read the public ``Item`` fields (prompt, answer, choices, evidence, pairs, sequence).
"""
