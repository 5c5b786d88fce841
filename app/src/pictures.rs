//! The catalogue's pictures, made from what staff upload (issue 16 part
//! 2): the type is read from the bytes, the picture decoded within limits
//! by the `image` crate and turned upright, then encoded again at each
//! width `domain::piece_picture` names, in WebP (libwebp, through the
//! `webp` crate) and in JPEG (`image`). Nothing of the upload but its
//! pixels survives. The files go to the object store beside the return
//! photos, under `pictures/`, named by a hash of the pixels. Server only.

use crate::domain::piece_picture::{
    widths_for, FileName, Format, PictureProblem, Renditions, MAX_PICTURE_BYTES, MIN_SIDE,
};
use crate::photos::PhotoStore;
use image::{DynamicImage, ImageFormat};
use sha2::{Digest, Sha256};

const JPEG_QUALITY: u8 = 85;
const WEBP_QUALITY: f32 = 80.0;

/// One file of a picture, ready to store.
#[derive(Clone, Debug)]
pub struct PictureFile {
    pub name: FileName,
    pub bytes: Vec<u8>,
}

/// A picture made from an upload.
#[derive(Clone, Debug)]
pub struct MadePicture {
    pub renditions: Renditions,
    /// The largest width's size, for the page's layout.
    pub width: u32,
    pub height: u32,
    pub files: Vec<PictureFile>,
}

fn decode(bytes: &[u8]) -> Result<DynamicImage, PictureProblem> {
    if bytes.is_empty() {
        return Err(PictureProblem::Missing);
    }
    if bytes.len() > MAX_PICTURE_BYTES {
        return Err(PictureProblem::TooLarge);
    }
    let format = match image::guess_format(bytes) {
        Ok(format @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => format,
        _ => return Err(PictureProblem::NotAPicture),
    };
    crate::photos::decode_upright(bytes, format).ok_or(PictureProblem::NotAPicture)
}

/// Makes every file of a picture from an upload. CPU work: call it off
/// the async threads ([`make_off_thread`] does).
pub fn make(bytes: &[u8]) -> Result<MadePicture, PictureProblem> {
    let picture = decode(bytes)?;
    if picture.width() < MIN_SIDE || picture.height() < MIN_SIDE {
        return Err(PictureProblem::TooSmall);
    }
    // Jewellery on a white ground: transparency becomes white, not black.
    let rgb = flatten_on_white(&picture);
    drop(picture);
    let stem = {
        let mut hash = Sha256::new();
        hash.update(rgb.width().to_be_bytes());
        hash.update(rgb.height().to_be_bytes());
        hash.update(rgb.as_raw());
        hex::encode(hash.finalize())[..FileName::STEM_LEN].to_owned()
    };
    let widths = widths_for(rgb.width());
    let mut files = Vec::new();
    let largest = widths.last().copied().unwrap_or(rgb.width());
    let (mut width, mut height) = (rgb.width(), rgb.height());
    // Largest first, each width from the one before: a few cheap steps
    // instead of shrinking a camera's 6000 pixels three times.
    let mut from = rgb;
    for &w in widths.iter().rev() {
        let h = (u64::from(from.height()) * u64::from(w) + u64::from(from.width()) / 2) / u64::from(from.width());
        let h = u32::try_from(h.max(1)).unwrap_or(u32::MAX);
        if w != from.width() {
            from = image::imageops::resize(&from, w, h, image::imageops::FilterType::Lanczos3);
        }
        if w == largest {
            (width, height) = (from.width(), from.height());
        }
        let mut jpeg = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY);
        image::ImageEncoder::write_image(
            encoder,
            from.as_raw(),
            from.width(),
            from.height(),
            image::ExtendedColorType::Rgb8,
        )
        .map_err(|error| {
            tracing::error!(%error, "a decoded picture could not be encoded as JPEG");
            PictureProblem::NotAPicture
        })?;
        let webp = webp::Encoder::from_rgb(from.as_raw(), from.width(), from.height()).encode(WEBP_QUALITY).to_vec();
        files.push(PictureFile { name: FileName { stem: stem.clone(), width: w, format: Format::Jpeg }, bytes: jpeg });
        files.push(PictureFile { name: FileName { stem: stem.clone(), width: w, format: Format::WebP }, bytes: webp });
    }
    Ok(MadePicture { renditions: Renditions { stem, widths }, width, height, files })
}

fn flatten_on_white(picture: &DynamicImage) -> image::RgbImage {
    if !picture.color().has_alpha() {
        return picture.to_rgb8();
    }
    let rgba = picture.to_rgba8();
    image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}

/// [`make`], off the async threads.
pub async fn make_off_thread(bytes: Vec<u8>) -> Result<MadePicture, PictureProblem> {
    tokio::task::spawn_blocking(move || make(&bytes)).await.unwrap_or(Err(PictureProblem::NotAPicture))
}

/// The key of a file in the store.
pub fn key(name: &FileName) -> String {
    format!("pictures/{}", name.as_string())
}

/// Writes every file of a picture; on a failure, forgets those written.
pub async fn store(photos: &PhotoStore, made: &MadePicture) -> Result<(), object_store::Error> {
    for (done, file) in made.files.iter().enumerate() {
        if let Err(error) = photos.put(&key(&file.name), file.bytes.clone()).await {
            forget(photos, &names(&made.files[..done])).await;
            return Err(error);
        }
    }
    Ok(())
}

/// Best effort: files no picture names any more.
pub async fn forget(photos: &PhotoStore, names: &[FileName]) {
    for name in names {
        photos.forget(&key(name)).await;
    }
}

/// The names of `files`.
pub fn names(files: &[PictureFile]) -> Vec<FileName> {
    files.iter().map(|f| f.name.clone()).collect()
}

/// Every file name of a stored picture.
pub fn file_names(renditions: &Renditions) -> Vec<FileName> {
    renditions
        .widths
        .iter()
        .flat_map(|&width| {
            [Format::Jpeg, Format::WebP].map(|format| FileName { stem: renditions.stem.clone(), width, format })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn png(width: u32, height: u32, alpha: bool) -> Vec<u8> {
        let picture = if alpha {
            DynamicImage::ImageRgba8(image::RgbaImage::from_fn(width, height, |x, _| {
                image::Rgba([200, 150, (x % 256) as u8, if x < width / 2 { 0 } else { 255 }])
            }))
        } else {
            DynamicImage::ImageRgb8(image::RgbImage::from_fn(width, height, |x, y| {
                image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
            }))
        };
        let mut bytes = Vec::new();
        picture.write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png).unwrap();
        bytes
    }

    #[test]
    fn an_upload_is_made_in_each_width_and_both_formats() {
        let made = make(&png(1000, 800, false)).unwrap();
        assert_eq!(made.renditions.widths, [480, 960]);
        assert_eq!((made.width, made.height), (960, 768));
        assert_eq!(made.files.len(), 4);
        for file in &made.files {
            let format = image::guess_format(&file.bytes).unwrap();
            let expected = if file.name.format == Format::Jpeg { ImageFormat::Jpeg } else { ImageFormat::WebP };
            assert_eq!(format, expected, "{:?}", file.name);
            let read = image::load_from_memory(&file.bytes).unwrap();
            assert_eq!(read.width(), file.name.width);
        }
        // The same pixels, the same names: an upload twice is one set of files.
        assert_eq!(make(&png(1000, 800, false)).unwrap().renditions.stem, made.renditions.stem);
    }

    #[test]
    fn transparency_is_laid_on_white() {
        let made = make(&png(500, 500, true)).unwrap();
        let jpeg = image::load_from_memory(&made.files[0].bytes).unwrap().to_rgb8();
        let corner = jpeg.get_pixel(5, 5).0;
        assert!(corner.iter().all(|c| *c > 240), "{corner:?}");
    }

    #[test]
    fn what_is_not_a_fit_picture_is_refused() {
        assert_eq!(make(b"").unwrap_err(), PictureProblem::Missing);
        assert_eq!(make(b"<svg xmlns='http://www.w3.org/2000/svg'/>").unwrap_err(), PictureProblem::NotAPicture);
        assert_eq!(make(&png(300, 900, false)).unwrap_err(), PictureProblem::TooSmall);
        let mut cut = png(600, 600, false);
        cut.truncate(cut.len() / 2);
        assert_eq!(make(&cut).unwrap_err(), PictureProblem::NotAPicture);
        assert_eq!(make(&vec![0u8; MAX_PICTURE_BYTES + 1]).unwrap_err(), PictureProblem::TooLarge);
    }
}
