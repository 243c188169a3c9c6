"""A fact's id is its report and its quote's span; facts whose quotes had to be widened to the same
span (a paragraph a page repeats) keep distinct ids, so that none is quarantined as a duplicate."""

from __future__ import annotations

from pipelines.extract.cache import FactCache
from pipelines.extract.extractor import extract_facts
from pipelines.extract.facts_table import fact_id, facts_frame
from pipelines.ingest.intake import INGESTED, RawFile, intake, intake_frame
from pipelines.ingest.snapshots import SnapshotStore
from pipelines.ingest.texts import texts_frame
from schemas.tables import FactsModel

# A page that prints its paragraph twice: the shortest unique quote of each number is the same
# long span holding both numbers.
REPEATED = "学院近3年培养1名国家名师和15名省级名师。" * 2 + "\n"


def test_ids_are_the_span_and_a_shared_span_numbers_its_facts():
    assert fact_id("0123456789abcdef", 3, 12) == "0123456789abcdef-000003-000012"
    assert fact_id("0123456789abcdef", 3, 12, 2) == "0123456789abcdef-000003-000012-2"


def test_facts_that_share_a_widened_quote_keep_distinct_ids(tmp_path):
    facts = extract_facts(REPEATED)
    spans = [(f.char_start, f.char_end) for f in facts]
    assert len(set(spans)) < len(spans)  # the page's repeat makes quotes share a span
    store = SnapshotStore(tmp_path / "snap")
    records = intake([RawFile("r.txt", "r.txt", REPEATED.encode())], store)
    assert [r.status for r in records] == [INGESTED]
    frame = FactsModel.validate(facts_frame(texts_frame(intake_frame(records), store), FactCache(None)))
    assert len(frame) == len(facts) and frame["fact_id"].is_unique
    single = facts_frame(texts_frame(intake_frame(records), store), FactCache(None))
    assert single["fact_id"].str.count("-").isin([2, 3]).all()


def test_the_cached_rows_key_covers_every_file_attribution_reads():
    """Cached who-and-when rows are keyed by ROWS_VERSION: the modules attribution imports from the
    package and the gazetteers it reads must all be in it, or a change to them would serve stale rows."""
    import ast
    import re
    from pathlib import Path

    from pipelines.extract import facts_table

    root = Path(facts_table.__file__).parent
    read = set()
    for name in ("attribution.py", "english_names.py", "who_when.py"):
        source = (root / name).read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                read.add(f"extract/{node.module}.py")
        read |= {f"extract/{f}" for f in re.findall(r'with_name\("([^"]+)"\)', source)}
    assert {"extract/cities.txt", "extract/cities_en.txt", "extract/english_names.py"} <= read
    assert read <= set(facts_table._ROWS_CODE)
