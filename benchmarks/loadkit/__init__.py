"""Pieces of ``benchmarks/load.py``: a throwaway PostgreSQL, seeding, servers, wrk, scenarios."""
