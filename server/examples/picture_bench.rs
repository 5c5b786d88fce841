//! The catalogue's uploads (issue 16 part 2): how long the server takes to
//! make a camera-sized picture into its widths in WebP and JPEG, against
//! the return photos' cleaning of the same file (decode, shrink to 2048
//! px, one JPEG), measured in the same run. `bench/pictures.sh` runs it.
//!
//!   picture_bench [WIDTH] [HEIGHT] [ROUNDS]

use image::{DynamicImage, ImageFormat};
use std::io::Cursor;
use std::time::{Duration, Instant};

/// A photograph's worth of detail: gradients and grain (a flat test card
/// would flatter every encoder).
fn camera_jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut seed: u32 = 0x9e37_79b9;
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let grain = (seed >> 27) as u8;
        let r = ((x * 255 / width) as u8).saturating_add(grain);
        let g = ((y * 255 / height) as u8).saturating_add(grain / 2);
        let b = (((x + y) % 256) as u8) / 2 + grain;
        image::Rgb([r, g, b])
    });
    let mut bytes = Vec::new();
    DynamicImage::ImageRgb8(picture).write_to(&mut Cursor::new(&mut bytes), ImageFormat::Jpeg).expect("a JPEG");
    bytes
}

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<u32> = std::env::args().skip(1).map(|a| a.parse().expect("a number")).collect();
    let (width, height, rounds) = (
        args.first().copied().unwrap_or(4000),
        args.get(1).copied().unwrap_or(3000),
        args.get(2).copied().unwrap_or(5),
    );
    let upload = camera_jpeg(width, height);
    println!("upload: {width}x{height} JPEG, {} bytes; {rounds} rounds each", upload.len());
    let mut made_times = Vec::new();
    let mut reference = Vec::new();
    let mut made = None;
    for _ in 0..rounds {
        let start = Instant::now();
        made = Some(app::pictures::make(&upload).expect("the picture is made"));
        made_times.push(start.elapsed());
        let start = Instant::now();
        app::photos::clean(&upload).expect("the photo is cleaned");
        reference.push(start.elapsed());
    }
    let made = made.expect("one round at least");
    for file in &made.files {
        println!("  {:<32} {:>8} bytes", file.name.as_string(), file.bytes.len());
    }
    let (ms, reference_ms) = (median(made_times), median(reference));
    println!("made (widths {}, WebP + JPEG): {ms:.0} ms median", made.renditions.widths_text());
    println!("reference (return photo: decode, 2048 px, one JPEG): {reference_ms:.0} ms median");
    println!("ratio: {:.2}x the reference", ms / reference_ms);
}
