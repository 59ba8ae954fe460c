"""How long `kg draft` takes on a 10 KB article (issue 14 asks for under 2 s on this machine).

The article is made of the seed articles' paragraphs (../shared/seeds/*.txt, read at run time, not copied), in
order, until it holds 10 KB of UTF-8; it is registered (kg new-source) as a source in a temporary copy of the seeds
and drafted with --dry-run, against the known facts of all five seed sources.
Two figures, each the median of --runs runs:

- the whole command, as a user runs it: a new `kg draft --dry-run` process (Python start-up and imports included);
- the draft itself, in a process that has kg imported: kg.api.draft_article(..., write=False).

    python benchmarks/draft.py [--runs 5] [--kb 10]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLES = ROOT.parent / "shared" / "seeds"
SOURCE = "bench-20251101"


def article(kb: int) -> str:
    """Seed paragraphs, in order, up to kb KB of UTF-8."""
    lines: list[str] = []
    size = 0
    for path in sorted(ARTICLES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if size + len(line.encode()) + 1 > kb * 1024:
                return "\n".join(lines) + "\n"
            lines.append(line)
            size += len(line.encode()) + 1
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--kb", type=int, default=10)
    args = parser.parse_args()
    from kg import api

    with tempfile.TemporaryDirectory() as tmp:
        seeds, texts = Path(tmp) / "seeds", Path(tmp) / "texts"
        shutil.copytree(ROOT / "seeds", seeds)
        texts.mkdir()
        sources = (seeds / "sources.yaml").read_text(encoding="utf-8")
        (seeds / "sources.yaml").write_text(sources.replace("texts: ../../shared/seeds", "texts: ../texts"),
                                            encoding="utf-8")
        path = texts / "article.txt"
        path.write_text(article(args.kb), encoding="utf-8")
        api.new_source(seeds, SOURCE, date="2025-11-01", label_en="benchmark", label_ko="벤치마크", file="article.txt")
        command = [sys.executable, "-c", "from kg.cli import main; main()", "draft", str(path), "--source", SOURCE,
                   "--dry-run", "--seeds", str(seeds)]
        whole = []
        for _ in range(args.runs):
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
            whole.append(time.perf_counter() - start)
            if done.returncode != 0:
                sys.exit(f"kg draft failed: {done.stderr or done.stdout}")
        proposals = done.stdout.strip().splitlines()[-1]
        size = path.stat().st_size
        api.draft_article(path, seeds, SOURCE, write=False)   # warm: imports, ontology
        inner = []
        for _ in range(args.runs):
            start = time.perf_counter()
            api.draft_article(path, seeds, SOURCE, write=False)
            inner.append(time.perf_counter() - start)
    print(f"article: {size:,} bytes; {proposals}")
    print(f"kg draft --dry-run, whole process: median {statistics.median(whole):.2f} s "
          f"(min {min(whole):.2f}, max {max(whole):.2f}, {args.runs} runs)")
    print(f"draft_article in process:          median {statistics.median(inner):.2f} s "
          f"(min {min(inner):.2f}, max {max(inner):.2f})")


if __name__ == "__main__":
    main()
