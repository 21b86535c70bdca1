"""Officials' documents: ingest (formats, OCR), legal structure, metadata, search, answers,
summaries. ``DocumentService`` is the entry point for the CLI and the HTTP API."""

from motcua.documents.model import AskResult, Citation, DocumentMeta, ImportResult, SearchHit
from motcua.documents.service import DocumentService
from motcua.documents.summarize import Summary

__all__ = ["AskResult", "Citation", "DocumentMeta", "DocumentService", "ImportResult",
           "SearchHit", "Summary"]
