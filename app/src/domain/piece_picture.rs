//! A piece's pictures as staff upload them (PRODUCT.md §9, issue 16 part
//! 2): which sizes a picture is served in, the names its files are kept
//! under, its alt text, and what a picture may be.
//!
//! An upload is never served as sent: the server decodes it and encodes
//! each width below in WebP (what browsers take first) and in JPEG (the
//! fallback), under a name that holds a hash of the picture, so a name
//! never changes meaning and may be cached for a year.

use serde::{Deserialize, Serialize};

/// The widths a picture is served in, in pixels: a listing card (its 480
/// px slot), the product page (720 px), and both on screens of twice the
/// density. Widths above the original's are not made.
pub const WIDTHS: [u32; 3] = [480, 960, 1440];
/// The smallest side accepted: below it a picture looks poor on a card.
pub const MIN_SIDE: u32 = 400;
/// The most pictures a piece has.
pub const MAX_PICTURES: usize = 12;
/// The largest upload, in bytes.
pub const MAX_PICTURE_BYTES: usize = 15 * 1024 * 1024;
/// An alt text's length, in characters.
pub const MAX_ALT: usize = 200;
/// Where the storefront serves uploaded pictures.
pub const PICTURES_PATH: &str = "/media/pictures";

/// Why an upload or a picture's change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum PictureProblem {
    /// Not a JPEG, PNG or WebP by its bytes, or not decodable.
    NotAPicture,
    TooLarge,
    /// A side under `MIN_SIDE`.
    TooSmall,
    /// The piece has `MAX_PICTURES` already.
    TooMany,
    AltEn,
    AltFr,
    /// No file chosen.
    Missing,
}

impl PictureProblem {
    /// The form field the problem is about.
    pub fn field(self) -> &'static str {
        match self {
            PictureProblem::AltEn => "alt_en",
            PictureProblem::AltFr => "alt_fr",
            _ => "picture",
        }
    }
}

/// What the picture shows, in a language: required (the shop's pictures
/// are never decorative), at most `MAX_ALT` characters.
pub fn parse_alt(raw: &str, problem: PictureProblem) -> Result<String, PictureProblem> {
    let alt = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if alt.is_empty() || alt.chars().count() > MAX_ALT {
        return Err(problem);
    }
    Ok(alt)
}

/// The widths made of a picture `width` pixels wide: every standard width
/// it reaches, or its own width when it is narrower than the first.
pub fn widths_for(width: u32) -> Vec<u32> {
    let made: Vec<u32> = WIDTHS.into_iter().filter(|w| *w <= width).collect();
    if made.is_empty() {
        vec![width]
    } else {
        made
    }
}

/// A file's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
pub enum Format {
    #[strum(serialize = "webp")]
    WebP,
    #[strum(serialize = "jpg")]
    Jpeg,
}

impl Format {
    pub fn content_type(self) -> &'static str {
        match self {
            Format::WebP => "image/webp",
            Format::Jpeg => "image/jpeg",
        }
    }

    pub fn extension(self) -> &'static str {
        self.into()
    }
}

/// The name of one of a picture's files: `STEM-WIDTH.EXT`, where the stem
/// is 20 lowercase hex digits of the picture's hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileName {
    pub stem: String,
    pub width: u32,
    pub format: Format,
}

impl FileName {
    pub const STEM_LEN: usize = 20;

    /// Reads a name from a request's path; `None` for anything else.
    pub fn parse(raw: &str) -> Option<FileName> {
        let (rest, extension) = raw.rsplit_once('.')?;
        let format: Format = extension.parse().ok()?;
        let (stem, width) = rest.split_once('-')?;
        // Digits without a leading zero: one name per file.
        if !is_stem(stem) || width.is_empty() || width.len() > 5 || width.starts_with('0') {
            return None;
        }
        if !width.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(FileName { stem: stem.to_owned(), width: width.parse().ok()?, format })
    }

    pub fn as_string(&self) -> String {
        format!("{}-{}.{}", self.stem, self.width, self.format.extension())
    }
}

/// Whether `stem` is a picture's stem.
pub fn is_stem(stem: &str) -> bool {
    stem.len() == FileName::STEM_LEN && stem.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A picture uploaded by staff, as stored: its stem and the widths made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renditions {
    pub stem: String,
    /// Ascending.
    pub widths: Vec<u32>,
}

impl Renditions {
    /// The address of one file.
    pub fn url(&self, width: u32, format: Format) -> String {
        let name = FileName { stem: self.stem.clone(), width, format };
        format!("{PICTURES_PATH}/{}", name.as_string())
    }

    /// A `srcset` of every width in `format`.
    pub fn srcset(&self, format: Format) -> String {
        self.widths.iter().map(|w| format!("{} {w}w", self.url(*w, format))).collect::<Vec<_>>().join(", ")
    }

    /// The fallback `src`: the JPEG nearest above 720 px, else the largest.
    pub fn src(&self) -> String {
        let width = self.widths.iter().copied().find(|w| *w >= 720).or(self.widths.last().copied()).unwrap_or(0);
        self.url(width, Format::Jpeg)
    }

    /// Widths as stored: `480 960`.
    pub fn widths_text(&self) -> String {
        self.widths.iter().map(u32::to_string).collect::<Vec<_>>().join(" ")
    }

    /// Reads what `widths_text` wrote; `None` if it is not that.
    pub fn from_stored(stem: &str, widths: &str) -> Option<Renditions> {
        let widths: Vec<u32> = widths.split_whitespace().map(str::parse).collect::<Result<_, _>>().ok()?;
        (is_stem(stem) && !widths.is_empty()).then(|| Renditions { stem: stem.to_owned(), widths })
    }
}

/// What a picture's buttons ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum PictureAction {
    /// One place earlier (the first is the one listings show).
    Up,
    Down,
    /// Saves its alt texts.
    Alt,
    Remove,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn widths_stop_at_the_original() {
        assert_eq!(widths_for(3000), [480, 960, 1440]);
        assert_eq!(widths_for(1000), [480, 960]);
        assert_eq!(widths_for(480), [480]);
        assert_eq!(widths_for(420), [420]);
    }

    #[test]
    fn file_names_are_read_strictly() {
        let name = FileName::parse("0123456789abcdef0123-960.webp").unwrap();
        assert_eq!((name.width, name.format), (960, Format::WebP));
        assert_eq!(name.as_string(), "0123456789abcdef0123-960.webp");
        for bad in [
            "0123456789abcdef0123-960.png",
            "0123456789ABCDEF0123-960.jpg",
            "0123456789abcdef012-960.jpg",
            "0123456789abcdef0123-0960.jpg",
            "0123456789abcdef0123-0.jpg",
            "0123456789abcdef0123-.jpg",
            "../../etc/passwd",
            "0123456789abcdef0123-960.jpg/x",
        ] {
            assert_eq!(FileName::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_picture_offers_each_width_in_both_formats() {
        let r = Renditions { stem: "0123456789abcdef0123".into(), widths: vec![480, 960] };
        assert_eq!(
            r.srcset(Format::WebP),
            "/media/pictures/0123456789abcdef0123-480.webp 480w, /media/pictures/0123456789abcdef0123-960.webp 960w"
        );
        assert_eq!(r.src(), "/media/pictures/0123456789abcdef0123-960.jpg");
        assert_eq!(Renditions::from_stored(&r.stem, &r.widths_text()), Some(r));
        assert_eq!(Renditions::from_stored("x", "480"), None);
    }

    #[test]
    fn alt_texts_are_required_and_short() {
        assert_eq!(parse_alt("  A  ring\n", PictureProblem::AltEn), Ok("A ring".into()));
        assert_eq!(parse_alt("   ", PictureProblem::AltFr), Err(PictureProblem::AltFr));
        assert_eq!(parse_alt(&"x".repeat(MAX_ALT + 1), PictureProblem::AltEn), Err(PictureProblem::AltEn));
        assert_eq!("remove".parse(), Ok(PictureAction::Remove));
        assert!("delete".parse::<PictureAction>().is_err());
    }

    proptest! {
        #[test]
        fn any_name_is_read_or_refused_and_read_names_round_trip(raw in ".{0,40}") {
            if let Some(name) = FileName::parse(&raw) {
                prop_assert_eq!(name.as_string(), raw);
            }
        }

        #[test]
        fn widths_made_never_exceed_the_original(width in MIN_SIDE..20_000u32) {
            let widths = widths_for(width);
            prop_assert!(!widths.is_empty() && widths.iter().all(|w| *w <= width));
        }
    }
}
