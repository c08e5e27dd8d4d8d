"""Build the extraction development cache from public benchmark repositories.

    .venv/bin/python -m benchmarks.fetch_extraction_data [--mirrors DIR] [--out DIR]

Reads git clones (bare or not) of the public sets and writes one normalised format to the
git-ignored ``.cache/extraction/<set>/``: ``html/<id>.html`` (the page's bytes as published)
and ``truth.json`` (``{id: {"set", "id", "url", "expected", "with", "without"}}``). The pages
stay out of the repository: their publishers own them.

Sets (mirror directory under ``--mirrors``, named ``<owner>+<repo>/repo``):

- ``scrapinghub``: the 88 pages of ``tests/data/extraction-set`` (MIT), full expected bodies.
- ``readability``: mozilla/readability ``test/test-pages/*/{source,expected}.html`` (Apache-2.0);
  the expected text is the text of Readability's own expected output.
- ``trafilatura``: adbar/trafilatura ``tests/evaldata.json`` with the pages in ``tests/eval`` and
  ``tests/cache``; expected text is given as segments that must (``with``) and must not
  (``without``) appear, scored as that project's evaluation does.
- ``cleaneval-dev``, ``cleaneval-final``, ``cleanportaleval``: j-szulc/html-cleaning-dataset-merged,
  only those folders (its ``readability`` folder repeats Mozilla's pages and is skipped; its
  other folders are held out and never read). Gold files mark blocks with ``<p>``/``<h>``/``<l>``.

A missing mirror is reported with the command that makes it, and the script exits non-zero.
"""

from __future__ import annotations

import argparse
import gzip
import html as html_lib
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lxml import html as lxml_html

from benchmarks import datasets

ROOT = Path(__file__).resolve().parents[1]
CACHE = datasets.CACHE / "extraction"
DEFAULT_MIRRORS = Path(os.environ.get("SOURCEMARK_MIRRORS_DIR") or "/work/.mirror")

MIRRORS = {
    "readability": ("mozilla", "readability"),
    "trafilatura": ("adbar", "trafilatura"),
    "cleaneval": ("j-szulc", "html-cleaning-dataset-merged"),
}
# Folders of the merged mirror that may be read; everything else in it is held out.
CLEANING_FOLDERS = {
    "cleaneval-dev": "cleaneval-dev",
    "cleaneval-final": "cleaneval-final",
    "cleanportaleval": "CleanPortalEval-master",
}
SETS = ("scrapinghub", "readability", "trafilatura", *CLEANING_FOLDERS)


@dataclass
class Record:
    set: str
    id: str
    url: str | None
    expected: str
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        data = asdict(self)
        data["with"] = data.pop("with_")
        return data


class MissingSource(Exception):
    pass


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout


def _ls(repo: Path, folder: str) -> list[str]:
    out = _git(repo, "ls-tree", "-r", "--name-only", "-z", "HEAD", "--", folder)
    return [p for p in out.decode("utf-8").split("\0") if p]


def _show(repo: Path, path: str) -> bytes:
    return _git(repo, "show", f"HEAD:{path}")


def _mirror(mirrors: Path, key: str) -> Path:
    owner, name = MIRRORS[key]
    for candidate in (mirrors / f"{owner}+{name}" / "repo", mirrors / f"{owner}+{name}"):
        if candidate.exists():
            return candidate
    raise MissingSource(
        f"no clone of {owner}/{name} under {mirrors}; make one with\n"
        f"    git clone --mirror https://github.com/{owner}/{name} "
        f"{mirrors / f'{owner}+{name}' / 'repo'}"
    )


_BLOCKS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "td",
    "tr",
    "dd",
    "dt",
    "br",
    "figcaption",
    "section",
    "article",
    "ul",
    "ol",
    "table",
)


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment with line breaks at block boundaries (not inside words)."""
    tree = lxml_html.fromstring(markup or "<div></div>")
    for el in tree.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    lines = (" ".join(line.split()) for line in tree.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


_GOLD_MARK = re.compile(r"^\s*<(?:p|h|l)>", re.IGNORECASE | re.MULTILINE)
_TEXT_WRAPPER = re.compile(rb"^\s*<text\b[^>]*>", re.IGNORECASE)
_TEXT_ID = re.compile(rb"""^\s*<text\b[^>]*\bid=["']([^"']+)["']""", re.IGNORECASE)


def cleaneval_gold(raw: bytes) -> tuple[str | None, str]:
    """(url, text) of a CleanEval-format gold file: a URL line, then <p>/<h>/<l>-marked blocks."""
    text = raw.decode("utf-8", "replace")
    url = None
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and lines[0].startswith("URL:"):
        url = lines.pop(0)[4:].strip() or None
    blocks = _GOLD_MARK.split("\n".join(lines))
    paragraphs = [" ".join(html_lib.unescape(b).split()) for b in blocks]
    return url, "\n".join(p for p in paragraphs if p)


def cleaneval_page(raw: bytes) -> tuple[str | None, bytes]:
    """The page without the dataset's ``<text id=...>`` wrapper (not part of the page)."""
    m = _TEXT_ID.match(raw)
    url = m.group(1).decode("utf-8", "replace") if m else None
    body = _TEXT_WRAPPER.sub(b"", raw, count=1)
    body = re.sub(rb"</text>\s*$", b"", body)
    return url, body


def read_scrapinghub(shared: Path) -> Iterator[tuple[Record, bytes]]:
    truth_path = shared / "ground-truth.json"
    if not truth_path.exists():
        raise MissingSource(f"{truth_path} is missing: {datasets.GET_EXTRACTION}")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    for key in sorted(truth):
        page = gzip.decompress((shared / "html" / f"{key}.html.gz").read_bytes())
        body = truth[key].get("articleBody") or ""
        yield Record("scrapinghub", key, truth[key].get("url"), body), page


def read_readability(repo: Path) -> Iterator[tuple[Record, bytes]]:
    paths = set(_ls(repo, "test/test-pages"))
    for name in sorted({p.split("/")[2] for p in paths}):
        source = f"test/test-pages/{name}/source.html"
        expected = f"test/test-pages/{name}/expected.html"
        if source not in paths or expected not in paths:
            continue
        meta_path = f"test/test-pages/{name}/expected-metadata.json"
        url = None
        if meta_path in paths:
            url = json.loads(_show(repo, meta_path)).get("url") or None
        text = html_to_text(_show(repo, expected).decode("utf-8", "replace"))
        yield Record("readability", name, url, text), _show(repo, source)


def read_trafilatura(repo: Path) -> Iterator[tuple[Record, bytes]]:
    data = json.loads(_show(repo, "tests/evaldata.json"))
    available = set(_ls(repo, "tests/eval")) | set(_ls(repo, "tests/cache"))
    for url in sorted(data):
        item = data[url]
        for folder in ("tests/cache", "tests/eval"):
            path = f"{folder}/{item['file']}"
            if path in available:
                break
        else:
            continue
        page_id = re.sub(r"[^\w.-]+", "_", item["file"].rsplit(".", 1)[0])[:120]
        record = Record(
            "trafilatura",
            page_id,
            url,
            "\n".join(item["with"]),
            list(item["with"]),
            list(item["without"]),
        )
        yield record, _show(repo, path)


def read_cleaning(repo: Path, name: str) -> Iterator[tuple[Record, bytes]]:
    folder = CLEANING_FOLDERS[name]
    gold = {
        p.rsplit("/", 1)[1][:-4]: p
        for p in _ls(repo, f"{folder}/GoldStandard")
        if p.endswith(".txt")
    }
    pages = {
        p.rsplit("/", 1)[1].rsplit(".", 1)[0]: p
        for p in _ls(repo, f"{folder}/input")
        if p.endswith((".html", ".htm"))
    }
    for key in sorted(gold.keys() & pages.keys()):
        gold_url, text = cleaneval_gold(_show(repo, gold[key]))
        page_url, page = cleaneval_page(_show(repo, pages[key]))
        yield Record(name, key, gold_url or page_url, text), page


def _shared_dir() -> Path:
    return datasets.EXTRACTION_DIR


def build(set_name: str, mirrors: Path, out: Path) -> int:
    if set_name == "scrapinghub":
        rows = read_scrapinghub(_shared_dir())
    elif set_name == "readability":
        rows = read_readability(_mirror(mirrors, "readability"))
    elif set_name == "trafilatura":
        rows = read_trafilatura(_mirror(mirrors, "trafilatura"))
    else:
        rows = read_cleaning(_mirror(mirrors, "cleaneval"), set_name)
    target = out / set_name
    (target / "html").mkdir(parents=True, exist_ok=True)
    truth = {}
    for record, page in rows:
        (target / "html" / f"{record.id}.html").write_bytes(page)
        truth[record.id] = record.to_json()
    (target / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=0), encoding="utf-8"
    )
    return len(truth)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--mirrors",
        type=Path,
        default=DEFAULT_MIRRORS,
        help="directory holding <owner>+<repo>/repo clones",
    )
    parser.add_argument("--out", type=Path, default=CACHE)
    parser.add_argument("--sets", nargs="*", default=list(SETS), choices=SETS)
    args = parser.parse_args(argv)
    # Say everything that is missing before writing anything.
    problems = []
    for set_name in args.sets:
        try:
            if set_name == "scrapinghub":
                if not (_shared_dir() / "ground-truth.json").exists():
                    raise MissingSource(f"{_shared_dir()} holds no ground-truth.json")
            else:
                _mirror(args.mirrors, "cleaneval" if set_name in CLEANING_FOLDERS else set_name)
        except MissingSource as exc:
            problems.append(f"{set_name}: {exc}")
    if problems:
        datasets.missing(
            "the sources of the extraction development sets",
            "\n".join(problems),
            "clone the public repositories named above as mirrors (or set SOURCEMARK_MIRRORS_DIR "
            "to where they are); the 88 MIT pages are in tests/data/extraction-set",
        )
    failed = False
    for set_name in args.sets:
        try:
            count = build(set_name, args.mirrors, args.out)
        except MissingSource as exc:
            print(f"{set_name}: {exc}", file=sys.stderr)
            failed = True
            continue
        print(f"{set_name}: {count} pages -> {args.out / set_name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
