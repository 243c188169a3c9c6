"""Validate: the pandera contracts applied with lazy=True, failing rows quarantined with a reason."""

from .facts import LostRowsError, raw_quarantine, validate_facts
from .quarantine import QUARANTINE_COLUMNS, TableContractError, Validated, validate

__all__ = [
    "QUARANTINE_COLUMNS",
    "LostRowsError",
    "TableContractError",
    "Validated",
    "raw_quarantine",
    "validate",
    "validate_facts",
]
