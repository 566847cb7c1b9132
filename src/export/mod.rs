//! Writing charts and briefing packs to files: PNG and SVG images (written
//! atomically) and the briefing pack (HTML/Markdown page, Word and PDF note,
//! PowerPoint deck). Depends on `analysis`, `report`, `charts` and `io`.

pub mod brief;
pub mod brief_groups;
pub mod document;
pub mod docx;
pub mod note;
pub mod pdf;
pub mod pptx;

use crate::charts::{self, ChartError, ChartInput, ChartKind};
use crate::model::Lang;
use crate::tr;
use std::path::Path;

/// An image file format, chosen by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Raster image.
    Png,
    /// Vector image.
    Svg,
}

impl ImageFormat {
    /// The format named by `path`'s extension (case-insensitive), if known.
    pub fn from_path(path: &Path) -> Option<ImageFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "png" => Some(ImageFormat::Png),
            "svg" => Some(ImageFormat::Svg),
            _ => None,
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
        }
    }
}

/// Why an export failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExportError {
    /// The chart could not be drawn.
    #[error(transparent)]
    Chart(#[from] ChartError),
    /// The output path does not end in .png or .svg.
    #[error("{0}: unknown image format (use .png or .svg)")]
    UnknownFormat(String),
    /// A file could not be saved (the io layer says why, in either language).
    #[error("{}", .0.message(Lang::En))]
    Save(crate::io::SaveError),
    /// A file or folder could not be written.
    #[error("{file}: could not write: {message}")]
    Write {
        /// The file or folder.
        file: String,
        /// What the system said.
        message: String,
    },
}

impl ExportError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::Chart(e) => e.message(lang),
            ExportError::Save(e) => e.message(lang),
            ExportError::UnknownFormat(file) => tr!(lang, "export.error.format", file = file),
            ExportError::Write { file, message } => {
                tr!(lang, "export.error.write", file = file, message = message)
            }
        }
    }
}

/// A SMAA run (default options: 10,000 samples, seed 1) for the
/// acceptability chart, under `profile` (None: the active one) and the
/// profile's weight bounds. None when no option is feasible, the profile is
/// unknown or its bounds cannot be met.
pub fn smaa_for(
    scenario: &crate::model::Scenario,
    profile: Option<&str>,
    method: crate::analysis::Method,
) -> Option<crate::analysis::smaa::SmaaResult> {
    use crate::analysis::smaa::{SmaaOptions, TreeSampler, smaa_with};
    let profile = crate::analysis::select_profile(scenario, profile).ok()?;
    let evaluation = crate::analysis::evaluate_profile(scenario, profile, method);
    if evaluation.matrix.n() == 0 {
        return None;
    }
    let sampler = TreeSampler::for_profile(scenario, profile, &evaluation.matrix).ok()?;
    Some(smaa_with(
        &evaluation.matrix,
        method,
        &sampler,
        &SmaaOptions::default(),
    ))
}

/// Writes `bytes` to `path` atomically (temporary file, then rename).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    crate::io::write_atomic(path, bytes).map_err(ExportError::Save)
}

/// Renders chart `kind` in `format` at `width_px` × `height_px` (scale 1).
pub fn chart_bytes(
    kind: ChartKind,
    input: &ChartInput<'_>,
    format: ImageFormat,
    width_px: u32,
    height_px: u32,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        ImageFormat::Png => charts::render_png(kind, input, width_px, height_px, 1.0)?,
        ImageFormat::Svg => charts::render_svg(kind, input, width_px, height_px)?.into_bytes(),
    })
}

/// Writes chart `kind` to `path` as PNG or SVG (by extension), atomically.
pub fn write_chart(
    path: &Path,
    kind: ChartKind,
    input: &ChartInput<'_>,
    width_px: u32,
    height_px: u32,
) -> Result<(), ExportError> {
    let format = ImageFormat::from_path(path)
        .ok_or_else(|| ExportError::UnknownFormat(path.display().to_string()))?;
    let bytes = chart_bytes(kind, input, format, width_px, height_px)?;
    write_file(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_extension() {
        assert_eq!(
            ImageFormat::from_path(Path::new("a/b.PNG")),
            Some(ImageFormat::Png)
        );
        assert_eq!(
            ImageFormat::from_path(Path::new("b.svg")),
            Some(ImageFormat::Svg)
        );
        assert_eq!(ImageFormat::from_path(Path::new("b.pdf")), None);
    }
}
