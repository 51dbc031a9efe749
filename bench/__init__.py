"""Synthetic Cablegate-scale corpus and benchmarks: ``python -m bench.generate``, ``bench.run``."""
