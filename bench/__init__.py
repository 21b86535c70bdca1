"""Benchmarks: motcua against the engines a user would otherwise pick, in one command.

``python -m bench all --quick`` (under 3 minutes) or ``--full`` (adds 1M passages) from the
project root; see docs/benchmarks.md. Inputs are generated at run time from ../shared and
never committed.
"""
