"""What the Dagster UI shows as descriptions is Markdown: text in angle brackets would be taken
for HTML and vanish (`published/<dataset>/<version>/` showed as `published///`), and a path
outside the repository (../shared/…) means nothing to a user of the UI."""

from __future__ import annotations

import re

from assets.definitions import defs

ANGLE = re.compile(r"<[A-Za-z/!][^>]*>")


def _descriptions():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        yield f"asset {key.to_user_string()}", node.description or ""
        schema = node.metadata.get("dagster/column_schema")
        for col in getattr(getattr(schema, "schema", schema), "columns", []) or []:
            yield f"column {key.to_user_string()}.{col.name}", col.description or ""
    for ck in graph.asset_check_keys:
        yield f"check {ck.name}", graph.get_check_spec(ck).description or ""
    for job in defs.resolve_all_job_defs():
        yield f"job {job.name}", job.description or ""
    for s in defs.schedules or []:
        yield f"schedule {s.name}", s.description or ""
    for s in defs.sensors or []:
        yield f"sensor {s.name}", s.description or ""
    for name, res in (defs.resources or {}).items():
        yield f"resource {name}", getattr(res, "description", None) or type(res).__doc__ or ""


def test_no_description_loses_text_in_angle_brackets_or_points_outside_the_repository():
    seen = 0
    for where, text in _descriptions():
        seen += 1
        assert not ANGLE.search(text), (where, text)
        assert "../" not in text and "/work/" not in text, (where, text)
    assert seen > 20
