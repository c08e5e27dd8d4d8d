"""Where sourcemark loses to the best peer (or to the reference), dev pages only.

    .venv/bin/python -m benchmarks.extraction_margins --sets readability --top 20 [--show 5]

For tuning: frozen pages are never loaded. Per set, the pages are listed by sourcemark's page
F1 minus the best peer's (``--against reference``: by sourcemark's shortfall from 1.0), each
with its no_article reason. ``--show N`` prints, for the N worst pages, what sourcemark kept
wrongly (its paragraphs mostly absent from the reference; on the trafilatura set, the
``without`` segments it kept) and what it dropped (reference lines mostly absent from its
output; ``with`` segments it missed). ``--dump FILE`` writes every dev page's outputs as JSON.
Peers' outputs come from the shared peer cache of ``extraction_sets`` (run afresh if absent).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.extraction_score import shingles
from benchmarks.extraction_sets import (
    PEER_CACHE,
    PEERS,
    SEGMENT_SETS,
    CachedPage,
    _f1,
    _norm,
    load_set,
    page_counts,
    require_cached,
    run,
    set_f1,
)
from benchmarks.extraction_split import frozen_ids
from benchmarks.fetch_extraction_data import SETS

# A paragraph or reference line counts as kept/dropped wrongly below this 4-gram share.
SHARE = 0.5


def dev_pages(set_name: str) -> list[CachedPage]:
    frozen = frozen_ids().get(set_name, frozenset())
    return [p for p in load_set(set_name) if p.id not in frozen]


def _share(text: str, other: object) -> float:
    mine = shingles(text)
    total = sum(mine.values())
    return sum((mine & other).values()) / total if total else 1.0  # type: ignore[operator]


def wrongly_kept(page: CachedPage, output: str) -> list[str]:
    if page.set in SEGMENT_SETS:
        found = _norm(output)
        return [w for w in page.without if _norm(w) in found]
    truth = shingles(page.expected)
    return [p for p in output.split("\n\n") if p.strip() and _share(p, truth) < SHARE]


def wrongly_dropped(page: CachedPage, output: str) -> list[str]:
    if page.set in SEGMENT_SETS:
        found = _norm(output)
        return [w for w in page.with_ if _norm(w) not in found]
    mine = shingles(output)
    lines = page.expected.split("\n")
    return [line for line in lines if line.strip() and _share(line, mine) < SHARE]


def _clip(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="*", default=list(SETS), choices=SETS)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--against", choices=("peer", "reference"), default="peer")
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args(argv)
    require_cached(args.sets)
    memory = json.loads(PEER_CACHE.read_text(encoding="utf-8")) if PEER_CACHE.exists() else {}
    known = {k for v in memory.values() for k in v}
    dump = {}
    for set_name in args.sets:
        pages = dev_pages(set_name)
        results = run(pages, PEERS, memory)  # peers' remembered outputs are reused
        rows = []
        for p in pages:
            mine_out = results["sourcemark"].outputs[p.id]
            mine = _f1(*page_counts(p, mine_out))
            best_name, best = max(
                ((n, _f1(*page_counts(p, results[n].outputs[p.id]))) for n in PEERS),
                key=lambda x: x[1],
            )
            gap = mine - (best if args.against == "peer" else 1.0)
            reason = results["sourcemark"].no_article.get(p.id, "")
            rows.append((gap, p, mine, best_name, best, reason))
            dump[f"{set_name}/{p.id}"] = {
                "sourcemark": mine_out,
                "reason": reason,
                **{n: results[n].outputs[p.id] for n in PEERS},
            }
        rows.sort(key=lambda r: r[0])
        print(f"== {set_name}: {len(pages)} dev pages")
        f1s = {
            n: set_f1(set_name, [page_counts(p, results[n].outputs[p.id]) for p in pages])
            for n in results
        }
        best_peer = max(f1s[n] for n in PEERS)
        print(
            f"F1 sourcemark {f1s['sourcemark']:.4f}, best peer {best_peer:.4f}, "
            f"margin {f1s['sourcemark'] - best_peer:+.4f}, "
            f"no_article {len(results['sourcemark'].no_article)}"
        )
        for gap, p, mine, best_name, best, reason in rows[: args.top]:
            print(f"{gap:+.3f} {p.id} mine {mine:.3f} {best_name} {best:.3f} {reason}")
        for _gap, p, mine, _name, best, _reason in rows[: args.show]:
            out = results["sourcemark"].outputs[p.id]
            print(f"\n--- {set_name}/{p.id} ({p.url}) mine {mine:.3f} best {best:.3f}")
            for text in wrongly_kept(p, out):
                print(f"  + {_clip(text)}")
            for text in wrongly_dropped(p, out):
                print(f"  - {_clip(text)}")
    if any(k not in known for v in memory.values() for k in v):
        PEER_CACHE.write_text(json.dumps(memory), encoding="utf-8")
    if args.dump:
        args.dump.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
