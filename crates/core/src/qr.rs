//! QR codes made on this computer, for a phone to scan: store pages, a host's website, the take-home list.
//!
//! The `qrcode` crate computes the modules; this module draws them as a small SVG of its own making. The
//! SVG holds only numbers we computed (a viewBox, one path of squares, two fixed colours) and never any
//! of the encoded text, so a front-end may insert it as markup whatever the data was (a hostile URL in a
//! directory entry cannot become markup). Dark on light, always, with the four-module quiet zone the
//! standard asks for: phones read inverted codes badly, so dark mode must not recolour it.
//!
//! It does not decide what to encode (the pack, the takeaway do) and does not render bitmaps.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ErrorCode;

/// Modules of light margin around the code (the standard's quiet zone).
pub const QUIET_ZONE: u32 = 4;

/// The most bytes [`encode`] accepts: beyond this a code is too dense to be read from a screen anyway.
pub const MAX_BYTES: usize = 1200;

/// A QR code as a square matrix of modules, row by row (`true` = dark). For front-ends that draw it
/// themselves (a canvas, a printed grid).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QrMatrix {
    /// Modules per side, quiet zone excluded.
    pub size: u32,
    /// The QR version (1–40): 1 is 21×21 modules, each version adds 4.
    pub version: u8,
    /// `size * size` values, row after row.
    pub modules: Vec<bool>,
}

/// What can go wrong when making a QR code.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QrError {
    /// Nothing to encode.
    #[error("there is nothing to put in the QR code")]
    Empty,
    /// Too much to encode legibly.
    #[error("too much text for a QR code ({bytes} bytes, at most {max})")]
    TooLong { bytes: usize, max: usize },
}

impl ErrorCode for QrError {
    fn code(&self) -> &'static str {
        match self {
            QrError::Empty => "qr.empty",
            QrError::TooLong { .. } => "qr.too_long",
        }
    }
}

/// How much damage a code survives; more correction makes a denser code for the same text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Correction {
    /// About 7 %: for long text shown on a screen, where nothing smudges it.
    Low,
    /// About 15 %: a glare on a screen or a fold in paper. The default.
    Medium,
}

/// Encodes `text` (UTF-8 bytes) with medium error correction: a code shown on a screen or printed
/// survives a glare or a fold, and stays small enough to scan from arm's length.
pub fn encode(text: &str) -> Result<QrMatrix, QrError> {
    encode_with(text, Correction::Medium)
}

/// Encodes `text` with the given error correction.
pub fn encode_with(text: &str, correction: Correction) -> Result<QrMatrix, QrError> {
    if text.is_empty() {
        return Err(QrError::Empty);
    }
    let too_long = || QrError::TooLong { bytes: text.len(), max: MAX_BYTES };
    if text.len() > MAX_BYTES {
        return Err(too_long());
    }
    let code = qrcode::QrCode::with_error_correction_level(
        text.as_bytes(),
        match correction {
            Correction::Low => qrcode::EcLevel::L,
            Correction::Medium => qrcode::EcLevel::M,
        },
    )
    .map_err(|_| too_long())?;
    let version = match code.version() {
        qrcode::Version::Normal(v) => u8::try_from(v).unwrap_or(40),
        qrcode::Version::Micro(v) => u8::try_from(v).unwrap_or(4),
    };
    Ok(QrMatrix {
        size: code.width() as u32,
        version,
        modules: code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect(),
    })
}

/// An SVG drawing of `text` as a QR code, scaling to its container (no width or height of its own).
pub fn svg(text: &str) -> Result<String, QrError> {
    encode(text).map(|m| m.to_svg())
}

impl QrMatrix {
    /// Is the module at column `x`, row `y` dark? (Out of range: light.)
    pub fn dark(&self, x: u32, y: u32) -> bool {
        x < self.size && y < self.size && self.modules.get((y * self.size + x) as usize) == Some(&true)
    }

    /// The SVG drawing: a white square and one black path of unit squares, runs of dark modules on a row
    /// merged into one rectangle to keep the markup small.
    pub fn to_svg(&self) -> String {
        let side = self.size + 2 * QUIET_ZONE;
        let mut path = String::with_capacity(self.modules.len() * 3);
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.dark(x, y) {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    x - start,
                    x - start
                ));
            }
        }
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
             shape-rendering=\"crispEdges\" aria-hidden=\"true\" focusable=\"false\">\
             <rect width=\"{side}\" height=\"{side}\" fill=\"#ffffff\"/>\
             <path fill=\"#000000\" d=\"{path}\"/></svg>"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the drawing back into modules, to prove the SVG says what the matrix says.
    fn modules_from_svg(svg: &str, size: u32) -> Vec<bool> {
        let d = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
        let mut grid = vec![false; (size * size) as usize];
        for cmd in d.split('M').filter(|c| !c.is_empty()) {
            let nums: Vec<u32> = cmd
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            let (x, y, w) = (nums[0] - QUIET_ZONE, nums[1] - QUIET_ZONE, nums[2]);
            for i in x..x + w {
                grid[(y * size + i) as usize] = true;
            }
        }
        grid
    }

    #[test]
    fn svg_draws_exactly_the_matrix() {
        let matrix = encode("https://f-droid.org/packages/app.comaps.fdroid/").unwrap();
        assert_eq!(matrix.modules.len() as u32, matrix.size * matrix.size);
        assert_eq!(matrix.size, 17 + 4 * u32::from(matrix.version));
        let svg = matrix.to_svg();
        assert_eq!(modules_from_svg(&svg, matrix.size), matrix.modules);
        let side = matrix.size + 2 * QUIET_ZONE;
        assert!(svg.contains(&format!("viewBox=\"0 0 {side} {side}\"")), "{svg}");
    }

    #[test]
    fn the_text_never_reaches_the_markup() {
        let hostile = "\"><script>alert(1)</script><svg onload=alert(1)>";
        let svg = svg(hostile).unwrap();
        assert!(!svg.contains("script") && !svg.contains("onload") && !svg.contains("alert"), "{svg}");
        // Only our own elements and attributes.
        let tags: Vec<&str> =
            svg.split('<').skip(1).map(|t| t.split([' ', '>', '/']).next().unwrap()).collect();
        assert_eq!(tags, ["svg", "rect", "path", ""]);
    }

    #[test]
    fn finder_patterns_are_where_the_standard_puts_them() {
        let m = encode("premiers pas").unwrap();
        // Top-left finder: a dark 7×7 ring with a light ring inside, then a dark 3×3 core.
        assert!((0..7).all(|i| m.dark(i, 0) && m.dark(0, i) && m.dark(i, 6) && m.dark(6, i)));
        assert!((1..6).all(|i| !m.dark(i, 1) && !m.dark(1, i)));
        assert!(m.dark(3, 3));
        assert!(!m.dark(7, 7), "separator");
    }

    #[test]
    fn empty_and_too_long_are_clear_errors() {
        assert_eq!(svg("").unwrap_err().code(), "qr.empty");
        let long = "a".repeat(MAX_BYTES + 1);
        let err = svg(&long).unwrap_err();
        assert_eq!(err.code(), "qr.too_long");
        assert!(err.to_string().contains(&(MAX_BYTES + 1).to_string()));
        // Multi-byte characters count as bytes.
        assert!(svg(&"é".repeat(MAX_BYTES / 2 + 1)).is_err());
        assert!(svg(&"a".repeat(MAX_BYTES)).is_ok());
    }
}
