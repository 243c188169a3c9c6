"""A DuckDB database per release (`<dataset>.duckdb`): every published table with its primary
and foreign keys and its zh/en column descriptions as comments, plus views that join the
indicator names onto the facts, so that SQL users can query a release at once:

    duckdb ie-facts.duckdb "SELECT indicator_name_en, count(*) FROM facts_named GROUP BY 1"

Built from the release's own Parquet files, so the database holds exactly the published values.
Everything about a table comes from its pandera model (schemas/describe.py).
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

from schemas.describe import columns, foreign_keys, primary_key, table_description
from schemas.tables import PUBLISHED_TABLES

DUCKDB_MEMORY = "128MB"
SQL_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE"}
VIEWS = {
    "facts_named": (
        "SELECT f.*, i.name_zh AS indicator_name_zh, i.name_en AS indicator_name_en, i.category AS indicator_category "
        "FROM facts f LEFT JOIN indicators i ON i.code = f.indicator_code"
    ),
}
VIEW_COMMENTS = {"facts_named": "事实表（附指标中英文名称）/ Facts with the indicator's Chinese and English names"}


# DuckDB stamps every new file with a random 16-byte database id (main header, bytes 124–139) and
# covers the header with a checksum, so two builds of the same release differ in 24 bytes and their
# SHA256SUMS lines differ. The id is set here from the release's own Parquet bytes instead (distinct
# content, distinct id), the header checksum recomputed. Only a header whose layout is known and whose
# stored checksum verifies is touched; anything else is an error, caught by the reproducibility test
# when the pinned duckdb is upgraded.
HEADER_SIZE = 4096
HEADER_ID = slice(124, 140)
KNOWN_STORAGE_VERSIONS = {999}
_MULT = 0xBF58476D1CE4E5B9
_MASK = (1 << 64) - 1


class DuckDBHeaderError(RuntimeError):
    """The DuckDB file's main header is not one this module knows how to make reproducible."""


def header_checksum(header: bytes) -> int:
    """DuckDB's block checksum of the main header: 5381 xor the hashes of its 64-bit words."""
    result = 5381
    for (word,) in struct.iter_unpack("<Q", header[8:HEADER_SIZE]):
        result ^= (word * _MULT) & _MASK
    return result


def set_header_id(path: Path, seed: bytes) -> None:
    """Replace the random database id in path's main header by one derived from seed."""
    with open(path, "r+b") as fh:
        header = bytearray(fh.read(HEADER_SIZE))
        if len(header) < HEADER_SIZE or header[8:12] != b"DUCK":
            raise DuckDBHeaderError(f"{path}: not a DuckDB file")
        (version,) = struct.unpack_from("<Q", header, 12)
        (stored,) = struct.unpack_from("<Q", header, 0)
        if version not in KNOWN_STORAGE_VERSIONS or header_checksum(bytes(header)) != stored:
            raise DuckDBHeaderError(
                f"{path}: DuckDB storage version {version} has a header layout this release tool does not know; "
                "update pipelines/publish/duckdb_file.py for the new duckdb"
            )
        header[HEADER_ID] = hashlib.sha256(seed).digest()[:16]
        struct.pack_into("<Q", header, 0, header_checksum(bytes(header)))
        fh.seek(0)
        fh.write(header)


def file_name(dataset: str) -> str:
    return f"{dataset}.duckdb"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _order() -> list[str]:
    """Tables with the ones they refer to first (foreign keys need their target to exist)."""
    done: list[str] = []

    def visit(t: str) -> None:
        if t in done:
            return
        for target, _ in foreign_keys(PUBLISHED_TABLES[t]).values():
            if target != t:
                visit(target)
        done.append(t)

    for t in PUBLISHED_TABLES:
        visit(t)
    return done


def create_table_sql(table: str) -> str:
    model = PUBLISHED_TABLES[table]
    specs = columns(model)
    nullable = {c.name for c in specs if c.nullable}
    parts = [f"{_q(c.name)} {SQL_TYPES[c.kind]}{'' if c.nullable else ' NOT NULL'}" for c in specs]
    pk = primary_key(model)
    if pk and not (set(pk) & nullable):  # a key with a nullable column (quarantine's) cannot be a PRIMARY KEY
        parts.append(f"PRIMARY KEY ({', '.join(_q(c) for c in pk)})")
    for col, (target, ref) in foreign_keys(model).items():
        parts.append(f"FOREIGN KEY ({_q(col)}) REFERENCES {_q(target)} ({_q(ref)})")
    return f"CREATE TABLE {_q(table)} ({', '.join(parts)})"


def write_duckdb(folder: Path, dataset: str) -> Path:
    """folder/<dataset>.duckdb from folder's Parquet files."""
    import duckdb

    path = Path(folder) / file_name(dataset)
    path.unlink(missing_ok=True)
    # one thread: one block layout for one input; a memory limit: the database (74 MB at 10k reports)
    # is built in 128 MB, not the 300 MB DuckDB takes unbounded (the bytes depend on the limit, so it
    # is fixed here, not taken from the machine)
    con = duckdb.connect(str(path), config={"threads": 1, "memory_limit": DUCKDB_MEMORY})
    try:
        for table in _order():
            con.execute(create_table_sql(table))
            names = ", ".join(_q(c.name) for c in columns(PUBLISHED_TABLES[table]))
            source = _lit(str(Path(folder) / f"{table}.parquet"))
            con.execute(f"INSERT INTO {_q(table)} ({names}) SELECT {names} FROM read_parquet({source})")
            con.execute(f"COMMENT ON TABLE {_q(table)} IS {_lit(table_description(PUBLISHED_TABLES[table]))}")
            for c in columns(PUBLISHED_TABLES[table]):
                con.execute(f"COMMENT ON COLUMN {_q(table)}.{_q(c.name)} IS {_lit(c.description)}")
        for view, sql in VIEWS.items():
            con.execute(f"CREATE VIEW {_q(view)} AS {sql}")
            con.execute(f"COMMENT ON VIEW {_q(view)} IS {_lit(VIEW_COMMENTS[view])}")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    seed = b"".join(hashlib.sha256((Path(folder) / f"{t}.parquet").read_bytes()).digest() for t in _order())
    set_header_id(path, seed)
    return path
