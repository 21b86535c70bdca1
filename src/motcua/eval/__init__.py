"""Evaluation: the metrics that benchmarks and issue targets read."""
