//! Photos of a damaged or defective piece (PRODUCT.md §7). What a customer
//! sends is never kept as sent: its type is read from its bytes (not its
//! name), it is decoded within limits by the `image` crate, turned upright,
//! shrunk to at most 2048 pixels a side and encoded again as a JPEG, so
//! that nothing but the picture survives (no GPS position, no camera
//! serial, no hidden payload). The result goes to the object store
//! (`object_store`: a local directory by default, S3-compatible by
//! configuration) and is served only to the order's customer and to staff.
//! Server only.

pub use crate::domain::returns::PhotoProblem;
use crate::domain::returns::{MAX_PHOTOS, MAX_PHOTO_BYTES};
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use object_store::{path::Path, ObjectStore, PutPayload};
use std::io::Cursor;
use std::sync::Arc;

/// Longest side of a kept photo, in pixels: enough to see a scratch.
const KEPT_SIDE: u32 = 2048;
/// The largest picture decoded: beyond it a small file may be a
/// decompression bomb.
const MAX_SIDE: u32 = 12_000;
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// A photo ready to keep: a JPEG without metadata.
#[derive(Clone, Debug)]
pub struct CleanPhoto {
    pub jpeg: Vec<u8>,
}

/// The formats accepted, read from the bytes.
fn accepted(bytes: &[u8]) -> Option<ImageFormat> {
    match image::guess_format(bytes).ok()? {
        format @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) => Some(format),
        _ => None,
    }
}

/// Decodes an upload of `format` within the limits above and turns it
/// upright (the camera's orientation, read before the metadata is
/// dropped); `None` if it cannot be decoded. The catalogue's pictures are
/// read this way too.
pub fn decode_upright(bytes: &[u8], format: ImageFormat) -> Option<DynamicImage> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().ok()?;
    let orientation = decoder.orientation().ok();
    let mut picture = DynamicImage::from_decoder(decoder).ok()?;
    if let Some(orientation) = orientation {
        picture.apply_orientation(orientation);
    }
    Some(picture)
}

/// Checks, decodes and re-encodes one photo. CPU work: call it off the
/// async threads ([`clean_all`] does).
pub fn clean(bytes: &[u8]) -> Result<CleanPhoto, PhotoProblem> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(PhotoProblem::TooLarge);
    }
    let format = accepted(bytes).ok_or(PhotoProblem::NotAPicture)?;
    let mut picture = decode_upright(bytes, format).ok_or(PhotoProblem::NotAPicture)?;
    if picture.width() > KEPT_SIDE || picture.height() > KEPT_SIDE {
        picture = picture.resize(KEPT_SIDE, KEPT_SIDE, image::imageops::FilterType::Lanczos3);
    }
    let mut jpeg = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85);
    DynamicImage::ImageRgb8(picture.to_rgb8()).write_with_encoder(encoder).map_err(|error| {
        tracing::error!(%error, "a decoded photo could not be encoded");
        PhotoProblem::NotAPicture
    })?;
    Ok(CleanPhoto { jpeg })
}

/// Cleans every photo of a request, off the async threads; the first
/// problem refuses them all.
pub async fn clean_all(photos: Vec<Vec<u8>>) -> Result<Vec<CleanPhoto>, PhotoProblem> {
    if photos.len() > MAX_PHOTOS {
        return Err(PhotoProblem::TooMany);
    }
    tokio::task::spawn_blocking(move || photos.iter().map(|p| clean(p)).collect())
        .await
        .unwrap_or(Err(PhotoProblem::NotAPicture))
}

/// Where photos are kept.
#[derive(Clone)]
pub struct PhotoStore {
    store: Arc<dyn ObjectStore>,
    prefix: Path,
}

impl std::fmt::Debug for PhotoStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PhotoStore({} under {})", self.store, self.prefix)
    }
}

impl PhotoStore {
    /// Opens the store at `location`: a directory (made when the first
    /// photo is written), a `file://` URL, or an `s3://bucket/prefix` URL
    /// configured by the usual `AWS_*` variables (`AWS_ENDPOINT` for an
    /// S3-compatible service).
    pub fn open(location: &str) -> Result<PhotoStore, String> {
        let url = if location.contains("://") {
            url::Url::parse(location).map_err(|e| format!("{location:?} is not a URL: {e}"))?
        } else {
            let dir = std::path::absolute(location).map_err(|e| format!("{location:?}: {e}"))?;
            url::Url::from_directory_path(&dir).map_err(|_| format!("{location:?} is not a directory path"))?
        };
        let options = std::env::vars()
            .filter(|(key, _)| key.starts_with("AWS_"))
            .map(|(key, value)| (key.to_ascii_lowercase(), value));
        let (store, prefix) = object_store::parse_url_opts(&url, options).map_err(|e| format!("{location:?}: {e}"))?;
        Ok(PhotoStore { store: Arc::from(store), prefix })
    }

    fn path(&self, key: &str) -> Path {
        self.prefix.parts().chain(Path::from(key).parts()).collect()
    }

    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), object_store::Error> {
        self.store.put(&self.path(key), PutPayload::from(bytes)).await.map(|_| ())
    }

    pub async fn get(&self, key: &str) -> Result<Vec<u8>, object_store::Error> {
        Ok(self.store.get(&self.path(key)).await?.bytes().await?.to_vec())
    }

    /// The object at `key`, or `None` if there is none.
    pub async fn find(&self, key: &str) -> Result<Option<Vec<u8>>, object_store::Error> {
        match self.get(key).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// The names of the objects in `folder` (one level down), for checks.
    pub async fn names_in(&self, folder: &str) -> Result<Vec<String>, object_store::Error> {
        match self.store.list_with_delimiter(Some(&self.path(folder))).await {
            Ok(listed) => {
                Ok(listed.objects.into_iter().filter_map(|o| o.location.filename().map(str::to_owned)).collect())
            }
            Err(object_store::Error::NotFound { .. }) => Ok(Vec::new()),
            Err(error) => Err(error),
        }
    }

    /// Best effort: deletes a photo no row names any more (a request that
    /// was not written, an account erased). One that stays is reachable by
    /// nobody, and logged.
    pub async fn forget(&self, key: &str) {
        if let Err(error) = self.store.delete(&self.path(key)).await {
            tracing::warn!(%error, key, "a photo no row names stays in the store");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg_with_gps() -> Vec<u8> {
        // A small JPEG, then an EXIF segment with a GPS tag spliced in after SOI.
        let picture = DynamicImage::ImageRgb8(image::RgbImage::from_fn(40, 30, |x, y| {
            image::Rgb([(x * 6) as u8, (y * 8) as u8, 120])
        }));
        let mut plain = Vec::new();
        picture.write_to(&mut Cursor::new(&mut plain), ImageFormat::Jpeg).unwrap();
        let mut exif = b"Exif\0\0".to_vec();
        exif.extend_from_slice(b"MM\0\x2a\0\0\0\x08\0\x01\x88\x25\0\x04\0\0\0\x01\0\0\0\x1aGPS-48.8566N-2.3522E");
        let length = u16::try_from(exif.len() + 2).unwrap().to_be_bytes();
        let mut out = plain[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1, length[0], length[1]]);
        out.extend_from_slice(&exif);
        out.extend_from_slice(&plain[2..]);
        out
    }

    #[test]
    fn a_photo_loses_its_metadata_and_keeps_its_picture() {
        let sent = jpeg_with_gps();
        assert!(sent.windows(3).any(|w| w == b"GPS"));
        let kept = clean(&sent).unwrap().jpeg;
        assert!(!kept.windows(4).any(|w| w == b"Exif"), "no EXIF segment");
        assert!(!kept.windows(3).any(|w| w == b"GPS"));
        let back = image::load_from_memory(&kept).unwrap();
        assert_eq!((back.width(), back.height()), (40, 30));
    }

    #[test]
    fn the_type_is_read_from_the_bytes() {
        assert_eq!(clean(b"%PDF-1.7 not a picture").unwrap_err(), PhotoProblem::NotAPicture);
        assert_eq!(clean(b"GIF89a").unwrap_err(), PhotoProblem::NotAPicture);
        // A PNG's signature with nothing after it.
        assert_eq!(clean(b"\x89PNG\r\n\x1a\n").unwrap_err(), PhotoProblem::NotAPicture);
        let mut png = Vec::new();
        DynamicImage::ImageRgba8(image::RgbaImage::new(3, 3))
            .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .unwrap();
        assert!(clean(&png).is_ok());
        assert_eq!(clean(&vec![0xFF; MAX_PHOTO_BYTES + 1]).unwrap_err(), PhotoProblem::TooLarge);
    }

    #[test]
    fn a_huge_picture_in_a_small_file_is_refused() {
        // A PNG header claiming 100,000 × 100,000 pixels.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(clean(&png).unwrap_err(), PhotoProblem::NotAPicture);
    }
}
