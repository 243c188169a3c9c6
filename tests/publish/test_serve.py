"""`serve` shows only what is published: no lock file, staging folder, temporary or other hidden
file in a listing or by name, and no link followed out of the published folder."""

from __future__ import annotations

import os

import httpx
import pytest

from release_helpers import served


@pytest.fixture
def root(tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "shadow.txt").write_text("root:x:secret", encoding="utf-8")
    root = tmp_path / "published"
    release = root / "ie-facts" / "1.0.0"
    release.mkdir(parents=True)
    (release / "facts.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (root / "catalog.json").write_text("{}", encoding="utf-8")
    (root / ".catalog.json.x1.tmp").write_text("{", encoding="utf-8")
    (root / "ie-facts" / ".lock").write_text("", encoding="utf-8")
    (root / "ie-facts" / ".staging-abc").mkdir()
    (root / "ie-facts" / ".staging-abc" / "facts.csv").write_text("half", encoding="utf-8")
    os.symlink(secret / "shadow.txt", root / "leak.txt")
    os.symlink(secret, root / "ie-facts" / "out")
    os.symlink(release / "facts.csv", root / "ie-facts" / "inside.csv")  # stays inside: allowed
    return root


def test_listings_show_no_hidden_entries_and_no_links_out(root):
    with served(root) as url:
        top = httpx.get(url, timeout=10)
        dataset = httpx.get(url + "ie-facts/", timeout=10)
    assert top.status_code == dataset.status_code == 200
    assert "catalog.json" in top.text and "ie-facts/" in top.text
    assert ".catalog.json" not in top.text and "leak.txt" not in top.text
    assert "1.0.0/" in dataset.text and "inside.csv" in dataset.text
    for hidden in (".lock", ".staging-abc", "out"):
        assert f'"{hidden}' not in dataset.text, hidden


def test_links_out_of_the_folder_are_not_followed(root):
    with served(root) as url:
        assert httpx.get(url + "leak.txt", timeout=10).status_code == 404
        assert httpx.get(url + "ie-facts/out/shadow.txt", timeout=10).status_code == 404
        assert httpx.get(url + "ie-facts/out/", timeout=10).status_code == 404
        assert httpx.get(url + "ie-facts/.lock", timeout=10).status_code == 404
        assert httpx.get(url + "ie-facts/inside.csv", timeout=10).text == "a,b\n1,2\n"
        assert httpx.get(url + "ie-facts/1.0.0/facts.csv", timeout=10).status_code == 200
