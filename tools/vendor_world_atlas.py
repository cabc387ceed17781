"""Vendor the map's basemap: Natural Earth country shapes from the npm package ``world-atlas``.

Copies ``countries-110m.json`` (TopoJSON, ~105 KB) and the package's ISC licence into
``src/triangulate/web/static/``, where the web app serves them and ``map.js`` decodes them.
Run from the repository root (needs ``npm`` and the npm registry, never at run time):

    python tools/vendor_world_atlas.py            # runs `npm pack world-atlas@2.0.2`
    python tools/vendor_world_atlas.py x.tgz      # or uses a tarball already fetched
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "world-atlas@2.0.2"
TARBALL_SHA256 = "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
STATIC = Path(__file__).resolve().parent.parent / "src" / "triangulate" / "web" / "static"
FILES = {
    "package/countries-110m.json": "countries-110m.json",
    "package/LICENSE": "world-atlas-LICENSE.txt",
}


def fetch_tarball(folder: Path) -> Path:
    output = subprocess.run(
        ["npm", "pack", PACKAGE, "--silent"],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return folder / output.strip().splitlines()[-1]


def vendor(tarball: Path, target: Path = STATIC) -> list[Path]:
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if digest != TARBALL_SHA256:
        raise SystemExit(f"{tarball}: sha256 {digest} is not the pinned {PACKAGE}")
    written = []
    with tarfile.open(tarball) as archive:
        for member, name in FILES.items():
            extracted = archive.extractfile(member)
            if extracted is None:
                raise SystemExit(f"{member} missing from {tarball}")
            body = extracted.read()
            if name.endswith(".json"):
                topology = json.loads(body)
                assert topology["type"] == "Topology" and "countries" in topology["objects"]
            path = target / name
            path.write_bytes(body)
            written.append(path)
    return written


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tarball = Path(sys.argv[1]) if len(sys.argv) > 1 else fetch_tarball(Path(folder))
        for path in vendor(tarball):
            print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
