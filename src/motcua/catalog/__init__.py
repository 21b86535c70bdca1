"""The procedure catalog: model, parsers of the portal's formats, importer, bundled sample."""

from motcua.catalog.model import (
    Channel,
    DossierItem,
    Fee,
    LegalBasis,
    ParsedProcedure,
    ProcessingTime,
    Step,
)

__all__ = [
    "Channel",
    "DossierItem",
    "Fee",
    "LegalBasis",
    "ParsedProcedure",
    "ProcessingTime",
    "Step",
]
