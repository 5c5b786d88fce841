//! The shop locator's map (PRODUCT.md §8): the projection the house's own
//! world map was drawn in (`scripts/map/draw-map.mjs` writes
//! `public/map/world.svg`; no third-party tiles), and the part of it a page
//! shows. Pure: the server frames the shops listed, and the browser zooms
//! and pans with the same rules.

use super::boutique::GeoPoint;

/// The drawing every map shows, served from our own origin.
pub const MAP_FILE: &str = "/map/world.svg";

/// cos 45°: east–west distances are true at the 45th parallel, the middle
/// of the house's Europe (an equirectangular projection; the drawing
/// script uses the same number).
const X_SCALE: f64 = std::f64::consts::FRAC_1_SQRT_2;

/// Width over height of the map as the page lays it out.
pub const ASPECT: f64 = 1.6;

/// The narrowest view: about 3° of longitude, a city and its surroundings.
const MIN_WIDTH: f64 = 2.0;

/// A view framing a few shops is at least this wide (about 11° of
/// longitude), so that one shop is shown with its country around it.
const FRAME_MIN_WIDTH: f64 = 8.0;

/// A point on the map, in the drawing's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
}

/// Where a position is drawn: `x = lon × cos 45°`, `y = −lat`.
pub fn project(position: GeoPoint) -> MapPoint {
    MapPoint { x: position.lon() * X_SCALE, y: -position.lat() }
}

/// The part of the map shown: an SVG `viewBox`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// The whole drawing: longitudes ±180, latitudes 84° N to 58° S.
pub const WORLD: ViewBox = ViewBox { x: -127.28, y: -84.0, width: 254.56, height: 142.0 };

impl ViewBox {
    /// The whole world, at the page's proportions.
    pub fn world() -> ViewBox {
        ViewBox::centred(WORLD.centre(), WORLD.width)
    }

    /// A view of `width` at the page's proportions around `centre`, kept
    /// between [`MIN_WIDTH`] and the world's width, its centre on the map.
    pub fn centred(centre: MapPoint, width: f64) -> ViewBox {
        let width = width.clamp(MIN_WIDTH, WORLD.width);
        let height = width / ASPECT;
        let x = centre.x.clamp(WORLD.x, WORLD.x + WORLD.width);
        let y = centre.y.clamp(WORLD.y, WORLD.y + WORLD.height);
        ViewBox { x: x - width / 2.0, y: y - height / 2.0, width, height }
    }

    /// The view that shows every point with a margin around them; the
    /// world when there is none.
    pub fn around(points: &[MapPoint]) -> ViewBox {
        let Some(first) = points.first() else { return ViewBox::world() };
        let (mut left, mut right, mut top, mut bottom) = (first.x, first.x, first.y, first.y);
        for p in points {
            (left, right) = (left.min(p.x), right.max(p.x));
            (top, bottom) = (top.min(p.y), bottom.max(p.y));
        }
        // A fifth of the span each side, so no marker sits on the edge.
        let width = ((right - left).max((bottom - top) * ASPECT) * 1.4).max(FRAME_MIN_WIDTH);
        ViewBox::centred(MapPoint { x: (left + right) / 2.0, y: (top + bottom) / 2.0 }, width)
    }

    pub fn centre(self) -> MapPoint {
        MapPoint { x: self.x + self.width / 2.0, y: self.y + self.height / 2.0 }
    }

    /// Zoomed about its centre: `factor` 2 shows half as much.
    pub fn zoom(self, factor: f64) -> ViewBox {
        ViewBox::centred(self.centre(), self.width / factor)
    }

    /// Moved by fractions of its own size (`0.25, 0` is a quarter to the east).
    pub fn pan(self, right: f64, down: f64) -> ViewBox {
        let centre = self.centre();
        ViewBox::centred(MapPoint { x: centre.x + right * self.width, y: centre.y + down * self.height }, self.width)
    }

    /// A marker's radius in this view: the same size on screen at every zoom.
    pub fn marker_radius(self) -> f64 {
        self.width / 110.0
    }

    /// As an SVG `viewBox` attribute.
    pub fn attribute(self) -> String {
        format!("{:.3} {:.3} {:.3} {:.3}", self.x, self.y, self.width, self.height)
    }

    /// Reads an SVG `viewBox` attribute back.
    pub fn parse(attribute: &str) -> Option<ViewBox> {
        let mut numbers = attribute.split_ascii_whitespace().map(|n| n.parse::<f64>().ok().filter(|n| n.is_finite()));
        let view =
            ViewBox { x: numbers.next()??, y: numbers.next()??, width: numbers.next()??, height: numbers.next()?? };
        (numbers.next().is_none() && view.width > 0.0 && view.height > 0.0).then_some(view)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn point(lat: f64, lon: f64) -> MapPoint {
        project(GeoPoint::new(lat, lon).unwrap())
    }

    #[test]
    fn the_projection_matches_the_drawing() {
        // The drawing's corners are longitudes ±180 and latitudes 84 and −58.
        let corner = point(84.0, -180.0);
        assert!((corner.x - WORLD.x).abs() < 0.01 && (corner.y - WORLD.y).abs() < 0.01);
        let opposite = point(-58.0, 180.0);
        assert!((opposite.x - (WORLD.x + WORLD.width)).abs() < 0.01);
        assert!((opposite.y - (WORLD.y + WORLD.height)).abs() < 0.01);
        let paris = point(48.8566, 2.3522);
        assert!((paris.x - 1.6633).abs() < 0.001 && (paris.y + 48.8566).abs() < 1e-9);
    }

    /// The drawing in `public/` says the same extent as [`WORLD`].
    #[test]
    fn the_drawing_is_the_world_this_module_projects_on() {
        let svg = include_str!("../../../public/map/world.svg");
        let view_box = svg.split("viewBox=\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap();
        assert_eq!(ViewBox::parse(view_box), Some(WORLD));
    }

    #[test]
    fn a_frame_shows_every_point_with_a_margin() {
        let points = [point(48.8675, 2.3294), point(45.7640, 4.8357), point(43.6961, 7.2718)];
        let view = ViewBox::around(&points);
        for p in points {
            assert!(p.x > view.x + view.width * 0.1 && p.x < view.x + view.width * 0.9, "{p:?} in {view:?}");
            assert!(p.y > view.y + view.height * 0.1 && p.y < view.y + view.height * 0.9, "{p:?} in {view:?}");
        }
        assert!((view.width / view.height - ASPECT).abs() < 1e-9);
    }

    #[test]
    fn one_shop_is_shown_with_its_country_and_none_with_the_world() {
        assert_eq!(ViewBox::around(&[point(48.8675, 2.3294)]).width, FRAME_MIN_WIDTH);
        assert_eq!(ViewBox::around(&[]), ViewBox::world());
    }

    #[test]
    fn zoom_and_pan_stay_on_the_map() {
        let world = ViewBox::world();
        assert_eq!(world.zoom(0.5), world, "no wider than the world");
        let mut close = world;
        for _ in 0..20 {
            close = close.zoom(2.0);
        }
        assert_eq!(close.width, MIN_WIDTH);
        let mut east = world.zoom(8.0);
        for _ in 0..40 {
            east = east.pan(0.25, 0.0);
        }
        assert!((east.centre().x - (WORLD.x + WORLD.width)).abs() < 1e-9, "stops at the antimeridian");
    }

    #[test]
    fn a_view_box_reads_back() {
        let view = ViewBox::around(&[point(35.6717, 139.765), point(40.7736, -73.9651)]);
        let read = ViewBox::parse(&view.attribute()).unwrap();
        assert!((read.x - view.x).abs() < 1e-3 && (read.width - view.width).abs() < 1e-3);
        for bad in ["", "1 2 3", "1 2 3 4 5", "a b c d", "0 0 -1 2", "0 0 NaN 1"] {
            assert_eq!(ViewBox::parse(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn every_view_is_in_proportion_and_centred_on_the_map(
            x in -400.0f64..400.0, y in -200.0f64..200.0, width in 0.0f64..1000.0
        ) {
            let view = ViewBox::centred(MapPoint { x, y }, width);
            prop_assert!((view.width / view.height - ASPECT).abs() < 1e-9);
            prop_assert!((MIN_WIDTH..=WORLD.width).contains(&view.width));
            let c = view.centre();
            prop_assert!(c.x >= WORLD.x - 1e-9 && c.x <= WORLD.x + WORLD.width + 1e-9);
            prop_assert!(c.y >= WORLD.y - 1e-9 && c.y <= WORLD.y + WORLD.height + 1e-9);
        }
    }
}
