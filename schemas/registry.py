"""The published tables, each by the name of the pandera model (tables.py) that defines it.

Names only, so that the Dagster code location can declare one asset and one contract check per
table at start-up without importing pandas or pandera; tables.PUBLISHED_TABLES is built from this
list, so there is one list of tables.
"""

from __future__ import annotations

PUBLISHED_MODELS: dict[str, str] = {
    "facts": "FactsModel",
    "reports": "ReportsModel",
    "report_texts": "ReportTextsModel",
    "institutions": "InstitutionsModel",
    "indicators": "IndicatorCatalogueModel",
    "quarantine": "QuarantineModel",
}
