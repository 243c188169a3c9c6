"""The Dagster resource holding where the pipeline reads and writes. Unset fields fall back to
the environment (CHANJIAO_INBOX, CHANJIAO_PUBLISHED, CHANJIAO_DATA, CHANJIAO_SOURCES; see
pipelines/settings.py), so a deployment is configured without editing code."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipelines import settings


class ChanjiaoPaths(dg.ConfigurableResource):
    """Folders of one chanjiao deployment."""

    inbox: str | None = None
    published: str | None = None
    data: str | None = None
    sources: str | None = None
    dataset: str = settings.DATASET
    allow_shrink: bool = False  # publish even when the release removes more facts than CHANJIAO_MAX_SHRINK allows
    rebuild: bool = False  # run every step even when the inputs are those of the latest release

    def paths(self) -> settings.Paths:
        def opt(v: str | None) -> Path | None:
            return Path(v) if v else None

        return settings.Paths(
            inbox=opt(self.inbox),
            published=opt(self.published),
            data=opt(self.data),
            sources=opt(self.sources),
            dataset=self.dataset,
        )
