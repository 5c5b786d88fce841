// draw-map.mjs — converts Natural Earth outlines into public/map/world.svg.
//
// Why this exists: the boutique locator's map must not load third-party map
// tiles; every request the page makes stays on our own origin (PRODUCT.md §8).
// So the world map is a single static SVG that we serve ourselves, generated
// once by this script from the `world-atlas` npm package (Natural Earth 1:50m
// admin-0 countries as TopoJSON, public domain) and committed to the repo.
//
// How to run (re-run only if the projection, styling or source data change):
//
//     cd scripts/map && npm ci && node draw-map.mjs
//
// The output is deterministic: running the script twice gives identical bytes.
//
// Projection — the Rust code places boutique markers with the very same
// formula, so the two must stay in sync:
//
//     x = lon × cos(45°)      (cos 45° = 0.7071067811865476)
//     y = −lat
//
// in SVG user units, rounded to 2 decimals. The viewBox spans lon −180…180
// (x −127.28…127.28) and lat 84°N…58°S (y −84…58). Antarctica (id "010") is
// dropped; nothing else is clipped. The sea is not drawn (the page paints it).

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { merge, mesh } from "topojson-client";
import { presimplify, simplify } from "topojson-simplify";

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE = join(here, "node_modules", "world-atlas", "countries-50m.json");
const OUTPUT = join(here, "..", "..", "public", "map", "world.svg");

const COS45 = 0.7071067811865476;

// Minimum triangle area (Visvalingam) kept by the simplifier, in squared SVG
// user units (i.e. squared degrees of latitude after projection). Chosen so the
// file stays under ~150 KB while western Europe still reads correctly at ~8×.
const MIN_WEIGHT = 0.008;

const LAND_FILL = "#e4ddd0";
const BORDER_STROKE = "#ffffff";
const BORDER_WIDTH = "0.08";

// --- load, drop Antarctica, simplify ---------------------------------------

const world = JSON.parse(readFileSync(SOURCE, "utf8"));

// Visvalingam weight measured in projected units, so the threshold means the
// same thing horizontally and vertically on the drawn map.
function projectedTriangleArea(t) {
  const ax = t[0][0] * COS45, ay = t[0][1];
  const bx = t[1][0] * COS45, by = t[1][1];
  const cx = t[2][0] * COS45, cy = t[2][1];
  return Math.abs((ax - cx) * (by - ay) - (ax - bx) * (cy - ay)) / 2;
}

const simplified = simplify(presimplify(world, projectedTriangleArea), MIN_WEIGHT);
// presimplify/simplify return arcs in absolute degrees (no transform).

const countries = simplified.objects.countries.geometries.filter((g) => g.id !== "010");

const land = merge(simplified, countries); // MultiPolygon
const borders = mesh(
  simplified,
  { type: "GeometryCollection", geometries: countries },
  (a, b) => a !== b,
); // MultiLineString, interior borders only

// --- antimeridian ------------------------------------------------------------
//
// world-atlas stitches the pieces that Natural Earth cut at ±180° back
// together, so a few rings (Russia's Chukotka, Wrangel Island, Fiji) step from
// lon ≈ 180 straight to lon −180. Projected naively, such a ring would run a
// band across the whole map. Cut it at the antimeridian instead: each piece is
// closed along the ±180° meridian (the map's left or right edge).

// Splits a line wherever a segment jumps across the antimeridian, inserting the
// crossing point on both edges. Returns the pieces in order.
function splitAtAntimeridian(coords) {
  const pieces = [[coords[0]]];
  for (let i = 1; i < coords.length; i++) {
    const [l1, p1] = coords[i - 1];
    const [l2, p2] = coords[i];
    if (Math.abs(l2 - l1) > 180) {
      const edge1 = l1 < 0 ? -180 : 180; // the edge on p1's side
      const d1 = Math.abs(edge1 - l1);
      const d2 = Math.abs(-edge1 - l2);
      const t = d1 + d2 > 0 ? d1 / (d1 + d2) : 0;
      const lat = p1 + t * (p2 - p1);
      pieces[pieces.length - 1].push([edge1, lat]);
      pieces.push([[-edge1, lat]]);
    }
    pieces[pieces.length - 1].push(coords[i]);
  }
  return pieces;
}

// Cuts a closed ring into rings that do not cross the antimeridian. Only
// rings crossing it twice occur in world-atlas 2.0.2 (and no ring contains a
// pole once Antarctica is gone); anything else is refused rather than drawn
// wrongly.
function cutRing(ring) {
  const pieces = splitAtAntimeridian(ring);
  if (pieces.length === 1) return [ring];
  if (pieces.length !== 3) {
    throw new Error(`ring crosses the antimeridian ${pieces.length - 1} times; only 2 is handled`);
  }
  const [a, b, c] = pieces; // a and c lie on the same side; c ends where a starts
  return [c.concat(a.slice(1)), b];
}

// --- projection & path serialisation ---------------------------------------

// Integer hundredths of a user unit: exact, so deltas never drift.
function project([lon, lat]) {
  const x = Math.round(lon * COS45 * 100);
  const y = Math.round(-lat * 100) || 0; // avoid -0
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    throw new Error(`non-finite coordinate for ${lon},${lat}`);
  }
  return [x || 0, y];
}

// Project, round, and drop consecutive duplicate points.
function projectLine(coords) {
  const out = [];
  for (const c of coords) {
    const p = project(c);
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

// Format hundredths as the shortest decimal: 5 -> ".05", -150 -> "-1.5".
function num(h) {
  const neg = h < 0;
  const a = Math.abs(h);
  const int = Math.floor(a / 100);
  const frac = String(a % 100).padStart(2, "0").replace(/0+$/, "");
  let s = int === 0 && frac ? "" : String(int);
  if (frac) s += "." + frac;
  return (neg ? "-" : "") + s;
}

// Builds path data, omitting separators and repeated command letters where
// the SVG path grammar allows it.
class PathWriter {
  constructor() {
    this.parts = [];
    this.cmd = null; // command that a bare number would continue
    this.prevHasDot = false;
    this.prevWasNum = false;
  }
  command(c, implicit) {
    if (this.cmd !== c) {
      this.parts.push(c);
      this.prevWasNum = false;
    }
    this.cmd = implicit ?? c;
  }
  number(h) {
    const s = num(h);
    if (this.prevWasNum) {
      const glue = s[0] === "-" || (s[0] === "." && this.prevHasDot);
      if (!glue) this.parts.push(" ");
    }
    this.parts.push(s);
    this.prevWasNum = true;
    this.prevHasDot = s.includes(".");
  }
  close() {
    this.parts.push("z");
    this.cmd = null;
    this.prevWasNum = false;
  }
  forceCommand() {
    this.cmd = null;
  }
  toString() {
    return this.parts.join("");
  }
}

// Emit one subpath with relative commands. `cur` is the current point (or
// null at the start of the path); returns the new current point. The moveto
// is written absolute or relative, whichever is shorter.
function subpath(w, pts, cur, closed) {
  const [x0, y0] = pts[0];
  if (cur) {
    const rel = num(x0 - cur[0]).length + num(y0 - cur[1]).length;
    const abs = num(x0).length + num(y0).length + 1; // +1: explicit "l" after M
    if (rel <= abs) {
      w.command("m", "l");
      w.number(x0 - cur[0]);
      w.number(y0 - cur[1]);
    } else {
      w.forceCommand();
      w.command("M", "L");
      w.number(x0);
      w.number(y0);
    }
  } else {
    w.command("M", "L");
    w.number(x0);
    w.number(y0);
  }
  let [px, py] = [x0, y0];
  for (let i = 1; i < pts.length; i++) {
    const [x, y] = pts[i];
    const dx = x - px, dy = y - py;
    if (dy === 0) {
      w.command("h");
      w.number(dx);
    } else if (dx === 0) {
      w.command("v");
      w.number(dy);
    } else {
      w.command("l");
      w.number(dx);
      w.number(dy);
    }
    px = x;
    py = y;
  }
  if (closed) {
    w.close();
    return [x0, y0]; // after "z" the current point is the subpath's start
  }
  return [px, py];
}

function landPath(multiPolygon) {
  const w = new PathWriter();
  let cur = null;
  let rings = 0, dropped = 0;
  for (const polygon of multiPolygon.coordinates) {
    for (const ring of polygon.flatMap(cutRing)) {
      const pts = projectLine(ring);
      // Closing point duplicates the first; "z" closes the ring instead.
      while (pts.length > 1 && pts[pts.length - 1][0] === pts[0][0] && pts[pts.length - 1][1] === pts[0][1]) {
        pts.pop();
      }
      if (pts.length < 3) { dropped++; continue; } // collapsed to nothing after rounding
      cur = subpath(w, pts, cur, true);
      rings++;
    }
  }
  return { d: w.toString(), rings, dropped };
}

function borderPath(multiLine) {
  const w = new PathWriter();
  let cur = null;
  let lines = 0, dropped = 0;
  for (const line of multiLine.coordinates.flatMap(splitAtAntimeridian)) {
    const pts = projectLine(line);
    if (pts.length < 2) { dropped++; continue; }
    cur = subpath(w, pts, cur, false);
    lines++;
  }
  return { d: w.toString(), lines, dropped };
}

// --- write -----------------------------------------------------------------

const landD = landPath(land);
const borderD = borderPath(borders);

const svg =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-127.28 -84 254.56 142" width="254.56" height="142">` +
  `<path fill="${LAND_FILL}" d="${landD.d}"/>` +
  `<path fill="none" stroke="${BORDER_STROKE}" stroke-width="${BORDER_WIDTH}" stroke-linejoin="round" d="${borderD.d}"/>` +
  `</svg>\n`;

mkdirSync(dirname(OUTPUT), { recursive: true });
writeFileSync(OUTPUT, svg);

console.log(
  `wrote ${OUTPUT}: ${Buffer.byteLength(svg)} bytes; ` +
    `land ${landD.rings} rings (${landD.dropped} collapsed), ` +
    `borders ${borderD.lines} lines (${borderD.dropped} collapsed); min weight ${MIN_WEIGHT}`,
);
