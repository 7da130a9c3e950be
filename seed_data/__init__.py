"""Deterministic demo data and generators of larger instances for benchmarks."""
