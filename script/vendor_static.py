"""Copy the pinned front-end packages from node_modules into the static tree (no CDN at run time).

Only the files the pages use are copied; a file is rewritten only when its content changed, so the
step is cheap on every start.
"""

from __future__ import annotations

import filecmp
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "opengov" / "core" / "static" / "vendor"

# package-relative source → path under static/vendor
FILES: dict[str, str] = {
    "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
    "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
    "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
    "leaflet/dist/images/layers.png": "leaflet/images/layers.png",
    "leaflet/dist/images/layers-2x.png": "leaflet/images/layers-2x.png",
    "leaflet/dist/images/marker-icon.png": "leaflet/images/marker-icon.png",
    "leaflet/dist/images/marker-icon-2x.png": "leaflet/images/marker-icon-2x.png",
    "leaflet/dist/images/marker-shadow.png": "leaflet/images/marker-shadow.png",
    "leaflet/LICENSE": "leaflet/LICENSE",
    "htmx.org/LICENSE": "htmx/LICENSE",
}


def main() -> int:
    modules = ROOT / "node_modules"
    missing = [src for src in FILES if not (modules / src).is_file()]
    if missing:
        sys.stderr.write(f"missing front-end files (run npm ci): {', '.join(missing)}\n")
        return 1
    for src, dest in FILES.items():
        source, target = modules / src, TARGET / dest
        if target.is_file() and filecmp.cmp(source, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
