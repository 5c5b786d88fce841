//! A kept page's body, cut where its nonce stands, so that every answer
//! carries a nonce of its own (the Content-Security-Policy's, issue 17)
//! while the page is still compressed once, not once per answer.
//!
//! Both encodings can be joined from pieces compressed apart:
//! - **gzip**: a deflate stream is a run of blocks. Each piece is
//!   compressed by a compressor of its own (so it refers to nothing before
//!   it) and ends on a sync flush (byte aligned, not final); each nonce
//!   goes between two pieces as a stored block, and an empty final block
//!   ends the stream. The checksum is combined from the pieces' and the
//!   nonces'.
//! - **brotli**: the first piece is an "appendable" stream, the others and
//!   each nonce "catable" ones (they refer to nothing before their start),
//!   joined by the brotli crate's `BroCatli`. Catable streams cannot use
//!   brotli's built-in dictionary: the page is a few per cent larger than
//!   compressed whole, still far smaller than gzip.

use axum::body::Bytes;
use brotli::concat::{BroCatli, BroCatliResult};
use std::sync::OnceLock;

/// Brotli quality for the pieces: each is compressed once per kept page,
/// so a good ratio is affordable (11 costs tens of milliseconds a page; 9
/// is within a few per cent of it at a fraction).
const BROTLI_QUALITY: i32 = 9;

/// Brotli's window (log2 bytes) for the pieces. Joined streams may not
/// exceed the first one's, so every piece uses the same.
const BROTLI_WINDOW: i32 = 22;

/// The body of a kept page, with a hole wherever the render's nonce stood.
pub struct PageBody {
    /// The body between the holes (one piece when there are none).
    pieces: Vec<Bytes>,
    brotli: OnceLock<Vec<Bytes>>,
    gzip: OnceLock<GzipPieces>,
}

/// The pieces deflated, with their checksums and lengths.
struct GzipPieces {
    deflated: Vec<Bytes>,
    checksums: Vec<crc32fast::Hasher>,
}

impl PageBody {
    /// Cuts `body` wherever `nonce` stands (nowhere when there is none).
    pub fn cut(body: Bytes, nonce: Option<&str>) -> PageBody {
        let mut pieces = Vec::new();
        match nonce.map(str::as_bytes).filter(|n| !n.is_empty()) {
            Some(nonce) => {
                let mut start = 0;
                let mut at = 0;
                while at + nonce.len() <= body.len() {
                    if &body[at..at + nonce.len()] == nonce {
                        pieces.push(body.slice(start..at));
                        at += nonce.len();
                        start = at;
                    } else {
                        at += 1;
                    }
                }
                pieces.push(body.slice(start..));
            }
            None => pieces.push(body),
        }
        PageBody { pieces, brotli: OnceLock::new(), gzip: OnceLock::new() }
    }

    /// How many holes the body has: where nonces go.
    pub fn holes(&self) -> usize {
        self.pieces.len() - 1
    }

    /// The bytes the body keeps (its length less its holes).
    pub fn kept_bytes(&self) -> usize {
        self.pieces.iter().map(Bytes::len).sum()
    }

    /// The body with `nonce` in each hole.
    pub fn identity(&self, nonce: &str) -> Bytes {
        if self.holes() == 0 {
            return self.pieces[0].clone();
        }
        let mut body = Vec::with_capacity(self.kept_bytes() + self.holes() * nonce.len());
        for (index, piece) in self.pieces.iter().enumerate() {
            if index > 0 {
                body.extend_from_slice(nonce.as_bytes());
            }
            body.extend_from_slice(piece);
        }
        Bytes::from(body)
    }

    /// The body with `nonce` in each hole, brotli-compressed.
    pub fn brotli(&self, nonce: &str) -> Bytes {
        let pieces = self.brotli.get_or_init(|| {
            let pieces = self.pieces.iter().enumerate();
            pieces.map(|(index, piece)| brotli_stream(piece, BROTLI_QUALITY, index > 0)).collect()
        });
        if self.holes() == 0 {
            return pieces[0].clone();
        }
        // A nonce is a few dozen bytes, different each answer: written as
        // it is, in an uncompressed stream (an encoder's set-up alone would
        // cost ten times the rest of the answer).
        let nonce = uncompressed_brotli(nonce.as_bytes());
        let mut joined = vec![0; pieces.iter().map(Bytes::len).sum::<usize>() + self.holes() * nonce.len() + 16];
        let mut joiner = BroCatli::new();
        let mut written = 0;
        for (index, piece) in pieces.iter().enumerate() {
            if index > 0 {
                join(&mut joiner, &nonce, &mut joined, &mut written);
            }
            join(&mut joiner, piece, &mut joined, &mut written);
        }
        let finished = joiner.finish(&mut joined, &mut written);
        debug_assert_eq!(finished, BroCatliResult::Success);
        joined.truncate(written);
        Bytes::from(joined)
    }

    /// The body with `nonce` in each hole, gzip-compressed.
    pub fn gzip(&self, nonce: &str) -> Bytes {
        let pieces = self.gzip.get_or_init(|| GzipPieces {
            deflated: self.pieces.iter().map(|piece| deflate_piece(piece)).collect(),
            checksums: self.pieces.iter().map(|piece| checksum(piece)).collect(),
        });
        let nonce = nonce.as_bytes();
        let nonce_checksum = checksum(nonce);
        let mut out = Vec::with_capacity(pieces.deflated.iter().map(Bytes::len).sum::<usize>() + 64);
        // A gzip header: deflate, no name, no time, unknown system.
        out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
        let mut whole = crc32fast::Hasher::new();
        let mut length: u64 = 0;
        for (index, (piece, piece_checksum)) in pieces.deflated.iter().zip(&pieces.checksums).enumerate() {
            if index > 0 {
                stored_block(&mut out, nonce);
                whole.combine(&nonce_checksum);
                length += nonce.len() as u64;
            }
            out.extend_from_slice(piece);
            whole.combine(piece_checksum);
            length += self.pieces[index].len() as u64;
        }
        // The final block: fixed Huffman codes, holding only its end.
        out.extend_from_slice(&[0x03, 0x00]);
        out.extend_from_slice(&whole.finalize().to_le_bytes());
        // The length modulo 2^32, as gzip has it.
        out.extend_from_slice(&(length as u32).to_le_bytes());
        Bytes::from(out)
    }
}

/// Appends one brotli stream to the joined output.
fn join(joiner: &mut BroCatli, stream: &[u8], out: &mut [u8], written: &mut usize) {
    joiner.new_brotli_file();
    let mut read = 0;
    let result = joiner.stream(stream, &mut read, out, written);
    // The output was sized for every stream, and each was made to be joined.
    debug_assert_eq!(result, BroCatliResult::NeedsMoreInput);
}

/// `bytes` as a brotli stream that can be joined: `catable` for any but
/// the first (no reference before its start), appendable in any case.
fn brotli_stream(bytes: &[u8], quality: i32, catable: bool) -> Bytes {
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: BROTLI_WINDOW,
        appendable: true,
        catable,
        use_dictionary: !catable,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 + 16);
    // Writing to memory cannot fail.
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    Bytes::from(out)
}

/// `bytes` as a brotli stream of uncompressed meta-blocks (RFC 7932 §9.2),
/// which can be joined anywhere but first: the window (16, one zero bit);
/// per chunk of up to 64 KiB, a header (not last, four length nibbles,
/// the length less one, uncompressed) padded to the byte, then the bytes;
/// then the last, empty meta-block.
fn uncompressed_brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 8);
    // Bits not yet written, least significant first, and how many.
    let (mut bits, mut count) = (0u32, 1u32);
    for chunk in bytes.chunks(1 << 16) {
        let length = u32::try_from(chunk.len() - 1).unwrap_or(u32::MAX) & 0xffff;
        // ISLAST 0, MNIBBLES 0 (four nibbles), MLEN - 1, ISUNCOMPRESSED 1.
        bits |= (length << 3 | 1 << 19) << count;
        count += 20;
        while count > 0 {
            // Whole bytes, then the partial one padded with zeros.
            out.push(bits as u8);
            bits >>= 8;
            count = count.saturating_sub(8);
        }
        out.extend_from_slice(chunk);
    }
    // ISLAST 1, ISLASTEMPTY 1, padding.
    out.push((0b11 << count) as u8);
    out
}

/// `piece` as deflate blocks that end byte aligned and not final, referring
/// to nothing before them: a compressor of its own, ended by a sync flush
/// (which closes on an empty stored block) instead of a final block.
fn deflate_piece(piece: &[u8]) -> Bytes {
    let mut compressor = flate2::Compress::new(flate2::Compression::new(6), false);
    let mut out = Vec::with_capacity(piece.len() / 3 + 64);
    loop {
        let read = usize::try_from(compressor.total_in()).unwrap_or(piece.len());
        if out.len() == out.capacity() {
            out.reserve(out.capacity());
        }
        // Compressing into memory cannot fail.
        let _ = compressor.compress_vec(&piece[read..], &mut out, flate2::FlushCompress::Sync);
        // Done once all is read and the flush left room unused (zlib's rule).
        if compressor.total_in() as usize == piece.len() && out.len() < out.capacity() {
            return Bytes::from(out);
        }
    }
}

/// Appends `bytes` as stored (uncompressed) deflate blocks, not final.
fn stored_block(out: &mut Vec<u8>, bytes: &[u8]) {
    for chunk in bytes.chunks(usize::from(u16::MAX)) {
        let length = chunk.len() as u16;
        // BFINAL 0, BTYPE 00, then padding to the byte: the stream is byte aligned here.
        out.push(0);
        out.extend_from_slice(&length.to_le_bytes());
        out.extend_from_slice(&(!length).to_le_bytes());
        out.extend_from_slice(chunk);
    }
}

fn checksum(bytes: &[u8]) -> crc32fast::Hasher {
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(bytes);
    hasher
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn unbrotli(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        brotli::Decompressor::new(bytes, 4096).read_to_end(&mut out).unwrap();
        out
    }

    fn ungzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        // A single-member reader: the whole page must be one gzip member.
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
        out
    }

    fn page(nonce: &str) -> String {
        let mut page = format!(
            "<!DOCTYPE html><html><head><link rel=modulepreload crossorigin={nonce}>\
             <script type=module nonce={nonce}>import('/pkg/a.js')</script></head><body>"
        );
        for index in 0..2_000 {
            page.push_str(&format!("<li class=piece><a href=/en/products/ring-{index}>Ring {index}</a></li>"));
        }
        page.push_str(&format!("<script nonce={nonce}>x()</script></body></html>"));
        page
    }

    #[test]
    fn each_encoding_holds_the_page_with_the_new_nonce() {
        let rendered = "AAAAAAAAAAAAAAAAAAAAAA";
        let body = PageBody::cut(Bytes::from(page(rendered)), Some(rendered));
        assert_eq!(body.holes(), 3);
        for nonce in ["bbbbbbbbbbbbbbbbbbbbbb", "c", "a-much-longer-nonce-with-symbols_-"] {
            let expected = page(nonce).into_bytes();
            assert_eq!(body.identity(nonce), expected);
            assert_eq!(unbrotli(&body.brotli(nonce)), expected);
            assert_eq!(ungzip(&body.gzip(nonce)), expected);
        }
        // Still much smaller than the page.
        let nonce = "dddddddddddddddddddddd";
        assert!(body.brotli(nonce).len() * 10 < body.kept_bytes(), "{}", body.brotli(nonce).len());
        assert!(body.gzip(nonce).len() * 5 < body.kept_bytes(), "{}", body.gzip(nonce).len());
    }

    #[test]
    fn an_uncompressed_stream_decodes_to_its_bytes() {
        for length in [0, 1, 22, 65_536, 70_000] {
            let bytes: Vec<u8> = (0..length).map(|i| (i * 7 % 251) as u8).collect();
            assert_eq!(unbrotli(&uncompressed_brotli(&bytes)), bytes, "{length} bytes");
        }
    }

    #[test]
    fn a_page_without_a_nonce_is_kept_whole() {
        let text = page("none-here");
        let body = PageBody::cut(Bytes::from(text.clone()), None);
        assert_eq!(body.holes(), 0);
        assert_eq!(unbrotli(&body.brotli("ignored")), text.as_bytes());
        assert_eq!(ungzip(&body.gzip("ignored")), text.as_bytes());
        let unmatched = PageBody::cut(Bytes::from(text.clone()), Some("absent"));
        assert_eq!(unmatched.holes(), 0);
        assert_eq!(unmatched.identity("x"), text.as_bytes());
        // Holes at the very start and end, and an empty body.
        let edges = PageBody::cut(Bytes::from_static(b"NmiddleN"), Some("N"));
        assert_eq!(edges.holes(), 2);
        assert_eq!(unbrotli(&edges.brotli("xy")), b"xymiddlexy");
        assert_eq!(ungzip(&edges.gzip("xy")), b"xymiddlexy");
        let empty = PageBody::cut(Bytes::new(), Some("N"));
        assert_eq!(ungzip(&empty.gzip("xy")), b"");
        assert_eq!(unbrotli(&empty.brotli("xy")), b"");
    }
}
