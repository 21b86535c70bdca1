"""Population data cleaning: addresses onto the two-level map, names, dates, IDs, duplicates.

``clean_address`` is the one entry point the API mounts (``POST /api/v1/clean/address``);
the file pipelines live in ``records`` and the evaluation in ``evaluate``.
"""

from motcua.cleaning.convert import clean_address
from motcua.cleaning.result import AddressResult, Candidate

__all__ = ["AddressResult", "Candidate", "clean_address"]
