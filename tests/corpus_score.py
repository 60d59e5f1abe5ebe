"""The corpora the note reader is measured on, and their ratchet (tests/corpus_baseline.json).

- tests/corpus/, tests/heldout/, tests/heldout2/: development corpora (the reader was changed
  for each of them; see tests/corpus/README.md for when each was first scored blind);
- tests/sealed/: sealed corpora, written apart from the reader and scored once, blind.

    .venv/bin/python tests/corpus_score.py            # the figures, file by file
    .venv/bin/python tests/corpus_score.py --raise    # write figures that went up into the baseline
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from catalogue.parse.scoring import score_file
from catalogue.reference.authority import RepositoryIndex, read_authority
from catalogue.resources import AUTHORITY_FILE

HERE = Path(__file__).resolve().parent
DEVELOPMENT = (HERE / "corpus", HERE / "heldout", HERE / "heldout2")
SEALED = (HERE / "sealed",)
BASELINE = HERE / "corpus_baseline.json"
# Every development file must read at least this share of its notes (right number of
# citations) and of its fields (issue 11's acceptance, reached by all 25 on 2026-12-03).
FLOOR = {"notes": 0.95, "fields": 0.95}


def corpus_files() -> list[Path]:
    return sorted(path for folder in (*DEVELOPMENT, *SEALED) for path in folder.glob("*.txt"))


def key(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def baseline() -> dict[str, dict[str, float]]:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def raise_baseline() -> list[str]:
    """Write into the baseline every figure that went up (and figures of new files); never
    lower one. Returns what changed."""
    kept = baseline() if BASELINE.exists() else {}
    repositories = RepositoryIndex(read_authority(AUTHORITY_FILE))
    changed = []
    for path in corpus_files():
        figures = score_file(path, repositories).figures()
        old = kept.setdefault(key(path), {})
        for name, value in figures.items():
            if name not in old or value > old[name]:
                changed.append(f"{key(path)} {name}: {old.get(name)} → {value}")
                old[name] = value
    BASELINE.write_text(json.dumps(kept, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return changed


if __name__ == "__main__":
    if "--raise" in sys.argv:
        print("\n".join(raise_baseline()) or "no figure went up")
    else:
        repositories = RepositoryIndex(read_authority(AUTHORITY_FILE))
        for path in corpus_files():
            result = score_file(path, repositories)
            print(f"{key(path)}: notes {result.note_accuracy:.3f}, fields {result.accuracy():.3f}")
