"""Search: one ``SearchBackend`` protocol and the embedded BM25 engine."""

from motcua.search._protocol import Hit, SearchBackend
from motcua.search.bm25 import BM25Index

__all__ = ["BM25Index", "Hit", "SearchBackend"]
