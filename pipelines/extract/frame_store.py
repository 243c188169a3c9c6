"""The last facts frame, kept whole beside the per-report caches, so that a refresh builds rows
only for the reports whose rows it does not have (issue 14: a refresh costs what changed).

Each row carries its report's frame key: a digest of everything the report's rows are made of
(the key of its facts and attributions, and the report's id, file name, institution and date),
under the extractor's version and the row code's (ROWS_VERSION). A refresh keeps the stored
rows whose key is still a report's key, builds the others, and puts them back in report order.
One Parquet file per extractor and row-code version; files of other versions are removed.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines.atomic import write_atomic

KEY = "_frame_key"
POS = "_pos"  # the row's place among its report's rows
KEYS_META = b"frame_keys"


def frame_key(rows_key: str, report_id: str, file_name: str, institution, published) -> str:
    parts = [rows_key, report_id, file_name, None if pd.isna(institution) else str(institution)]
    parts.append(None if pd.isna(published) else pd.Timestamp(published).isoformat())
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:32]


class FrameStore:
    """The facts frame of the last refresh as an Arrow table, with each row's frame key and place,
    and the keys of every report it was built from (reports without facts included)."""

    def __init__(self, folder: Path | None, version: str, columns: list[str]):
        self.columns = list(columns)
        digest = hashlib.sha256(json.dumps([version, self.columns]).encode()).hexdigest()[:16]
        self.folder = Path(folder) if folder else None
        self.path = self.folder / f"facts-{digest}.parquet" if self.folder else None

    def kept(self, keys: list[str]) -> tuple[pa.Table | None, set[str]]:
        """The stored rows of the reports whose key is in keys, and those reports' keys."""
        if self.path is None:
            return None, set()
        try:
            table = pq.read_table(self.path)
            stored = json.loads(table.schema.metadata[KEYS_META])
        except (OSError, KeyError, ValueError, TypeError, pa.ArrowException):  # none yet, or torn
            return None, set()
        if table.column_names != [*self.columns, KEY, POS]:
            return None, set()
        wanted = set(keys)
        table = table.replace_schema_metadata(None)
        return table.filter(pc.is_in(table[KEY], value_set=pa.array(sorted(wanted), pa.string()))), wanted & set(stored)

    def combine(self, kept: pa.Table | None, table: pa.Table, keys: list[str]) -> pa.Table:
        """Kept and new rows in report order (keys' order, then each row's place in its report)."""
        if kept is not None and kept.num_rows:
            table = pa.concat_tables([kept.cast(table.schema), table])
        place = pd.Series(np.arange(len(keys)), index=pd.Index(keys))
        where = place.reindex(table[KEY].to_numpy(zero_copy_only=False)).to_numpy()
        return table.take(np.lexsort((table[POS].to_numpy(), where)))

    def save(self, table: pa.Table, keys: list[str]) -> None:
        if self.path is None:
            return
        buf = io.BytesIO()
        pq.write_table(table.replace_schema_metadata({KEYS_META: json.dumps(keys)}), buf)
        write_atomic(self.path, buf.getvalue(), durable=False)
        for old in self.folder.glob("facts-*.parquet"):
            if old != self.path:
                old.unlink(missing_ok=True)
