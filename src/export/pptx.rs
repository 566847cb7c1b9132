//! A [`Deck`] as a PowerPoint file (.pptx), written directly as an OOXML
//! package (zip + XML) because no maintained Rust crate writes
//! PresentationML.
//!
//! The package is the smallest one PowerPoint and LibreOffice both accept
//! (ECMA-376 part 1, §13 and §19): `[Content_Types].xml`, the package and
//! part relationships, the document properties, two themes (the slide
//! master's and the notes master's), one slide master with one blank
//! layout, a notes master (speaker notes need one), then per slide its XML,
//! its chart (PNG) and its notes slide. Text boxes and pictures are placed in EMU
//! (914,400 per inch) on a 16:9 slide of 13.33 × 7.5 inches.

use super::ExportError;
use super::document::{PrintImage, escape_html as escape};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;

/// One slide: a headline that states the finding, optional lines under
/// it, one chart, and speaker notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    /// The finding, as a sentence.
    pub headline: String,
    /// Short lines under the headline (title slide: subtitle and author).
    pub lines: Vec<String>,
    /// Key of the chart's print image (its PNG file name), if any.
    pub chart: Option<String>,
    /// The chart's caption, used as its alternative text.
    pub caption: String,
    /// Speaker notes, one paragraph each: the numbers and the sources.
    pub notes: Vec<String>,
}

/// A slide deck: the first slide is the title slide.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    /// Language tag of the text ("en-GB", "fr-FR").
    pub lang: &'static str,
    /// Title of the presentation (document properties).
    pub title: String,
    /// Slides in order.
    pub slides: Vec<Slide>,
}

const EMU_PER_INCH: i64 = 914_400;
const SLIDE_W: i64 = 12_192_000;
const SLIDE_H: i64 = 6_858_000;
const MARGIN: i64 = EMU_PER_INCH / 2;
const FONT: &str = "Arial";
/// Widest a chart may be on a slide, so its print image stays over 300 dpi.
const CHART_MAX_W: i64 = EMU_PER_INCH * 19 / 2;

const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
const XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument";

/// The empty group every shape tree starts with.
const GROUP: &str = r#"<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#;

const CLR_MAP: &str = r#"<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>"#;

/// A relationships part.
fn rels(items: &[(&str, &str, &str)]) -> String {
    let mut out = format!(
        "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    for (id, kind, target) in items {
        let _ = write!(
            out,
            "<Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{target}\"/>"
        );
    }
    out.push_str("</Relationships>");
    out
}

/// A text box at (x, y) of size (w, h), one paragraph per line.
fn text_box(
    id: usize,
    (x, y, w, h): (i64, i64, i64, i64),
    lines: &[String],
    size_hundredths: u32,
    bold: bool,
    colour: &str,
    lang: &str,
) -> String {
    let mut paragraphs = String::new();
    for line in lines {
        let _ = write!(
            paragraphs,
            "<a:p><a:pPr><a:spcAft><a:spcPts val=\"600\"/></a:spcAft></a:pPr><a:r><a:rPr lang=\"{lang}\" sz=\"{size_hundredths}\" b=\"{}\" dirty=\"0\"><a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill><a:latin typeface=\"{FONT}\"/><a:cs typeface=\"{FONT}\"/></a:rPr><a:t>{}</a:t></a:r></a:p>",
            u8::from(bold),
            escape(line)
        );
    }
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Text {id}\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{w}\" cy=\"{h}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"t\"><a:normAutofit/></a:bodyPr><a:lstStyle/>{paragraphs}</p:txBody></p:sp>"
    )
}

/// A picture filling (x, y, w, h), from relationship `rel`.
fn picture(id: usize, (x, y, w, h): (i64, i64, i64, i64), rel: &str, description: &str) -> String {
    format!(
        "<p:pic><p:nvPicPr><p:cNvPr id=\"{id}\" name=\"Chart {id}\" descr=\"{}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed=\"{rel}\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{w}\" cy=\"{h}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>",
        escape(description)
    )
}

/// The XML of slide `k` (0: the title slide) and whether it has a picture.
fn slide_xml(deck: &Deck, k: usize, image: Option<&PrintImage>) -> String {
    let slide = &deck.slides[k];
    let mut shapes = String::new();
    let width = SLIDE_W - 2 * MARGIN;
    if k == 0 {
        shapes.push_str(&text_box(
            2,
            (MARGIN, SLIDE_H / 3, width, EMU_PER_INCH * 3 / 2),
            std::slice::from_ref(&slide.headline),
            4000,
            true,
            "222222",
            deck.lang,
        ));
        shapes.push_str(&text_box(
            3,
            (
                MARGIN,
                SLIDE_H / 3 + EMU_PER_INCH * 3 / 2,
                width,
                EMU_PER_INCH * 2,
            ),
            &slide.lines,
            2000,
            false,
            "555555",
            deck.lang,
        ));
    } else {
        let headline_h = EMU_PER_INCH * 11 / 10;
        shapes.push_str(&text_box(
            2,
            (MARGIN, MARGIN * 3 / 4, width, headline_h),
            std::slice::from_ref(&slide.headline),
            2600,
            true,
            "222222",
            deck.lang,
        ));
        let mut top = MARGIN * 3 / 4 + headline_h;
        if !slide.lines.is_empty() {
            let h = EMU_PER_INCH * 2 / 5 * slide.lines.len() as i64;
            shapes.push_str(&text_box(
                3,
                (MARGIN, top, width, h),
                &slide.lines,
                1600,
                false,
                "555555",
                deck.lang,
            ));
            top += h;
        }
        if let Some(image) = image {
            let avail_h = SLIDE_H - top - MARGIN / 2;
            let aspect = image.height_px as f64 / image.width_px.max(1) as f64;
            let mut w = width.min(CHART_MAX_W);
            let mut h = (w as f64 * aspect) as i64;
            if h > avail_h {
                h = avail_h;
                w = (h as f64 / aspect) as i64;
            }
            let x = (SLIDE_W - w) / 2;
            shapes.push_str(&picture(4, (x, top, w, h), "rId2", &slide.caption));
        }
    }
    format!(
        "{XML}<p:sld {NS}><p:cSld><p:spTree>{GROUP}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
    )
}

/// The notes slide of a slide: the speaker notes in the body placeholder.
fn notes_xml(deck: &Deck, k: usize) -> String {
    let mut paragraphs = String::new();
    for line in &deck.slides[k].notes {
        let _ = write!(
            paragraphs,
            "<a:p><a:r><a:rPr lang=\"{}\" dirty=\"0\"/><a:t>{}</a:t></a:r></a:p>",
            deck.lang,
            escape(line)
        );
    }
    if paragraphs.is_empty() {
        paragraphs.push_str("<a:p><a:endParaRPr/></a:p>");
    }
    format!(
        "{XML}<p:notes {NS}><p:cSld><p:spTree>{GROUP}<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Notes\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"685800\" y=\"4400550\"/><a:ext cx=\"5486400\" cy=\"3600450\"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
    )
}

/// A theme: the Office colours and fonts, and the three required style
/// lists with the simplest entries.
fn theme() -> String {
    let colours = [
        ("dk1", "000000"),
        ("lt1", "FFFFFF"),
        ("dk2", "222222"),
        ("lt2", "F3F6F9"),
        ("accent1", "0072B2"),
        ("accent2", "E69F00"),
        ("accent3", "009E73"),
        ("accent4", "CC79A7"),
        ("accent5", "56B4E9"),
        ("accent6", "D55E00"),
        ("hlink", "0072B2"),
        ("folHlink", "6A3D9A"),
    ];
    let mut scheme = String::new();
    for (name, rgb) in colours {
        let _ = write!(scheme, "<a:{name}><a:srgbClr val=\"{rgb}\"/></a:{name}>");
    }
    let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    let line = "<a:ln w=\"9525\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>";
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        "{XML}<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Tradeoff\"><a:themeElements><a:clrScheme name=\"Tradeoff\">{scheme}</a:clrScheme><a:fontScheme name=\"Tradeoff\"><a:majorFont><a:latin typeface=\"{FONT}\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont><a:minorFont><a:latin typeface=\"{FONT}\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont></a:fontScheme><a:fmtScheme name=\"Tradeoff\"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst><a:lnStyleLst>{line}{line}{line}</a:lnStyleLst><a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst><a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"
    )
}

fn zip_error(e: impl std::fmt::Display) -> ExportError {
    ExportError::Write {
        file: "PPTX".into(),
        message: e.to_string(),
    }
}

/// The parts of a package, in the order they are written.
type Parts = Vec<(String, Vec<u8>)>;

/// Writes `deck` as a .pptx; `images` holds each chart's print-quality PNG
/// by key (a slide whose chart is missing shows its text only).
pub fn to_pptx(deck: &Deck, images: &HashMap<String, PrintImage>) -> Result<Vec<u8>, ExportError> {
    let mut parts: Parts = Vec::new();
    package_parts(deck, &mut parts);
    presentation_parts(deck, &mut parts);
    master_parts(&mut parts);
    for k in 0..deck.slides.len() {
        slide_parts(deck, k, images, &mut parts);
    }
    zip_parts(parts)
}

/// The content types of every part, the package relationships and the
/// document properties (title, language, slide count).
fn package_parts(deck: &Deck, parts: &mut Parts) {
    let n = deck.slides.len();
    let mut types = format!(
        "{XML}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/><Override PartName=\"/ppt/presentation.xml\" ContentType=\"{CT}.presentationml.presentation.main+xml\"/><Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"{CT}.presentationml.slideMaster+xml\"/><Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"{CT}.presentationml.slideLayout+xml\"/><Override PartName=\"/ppt/notesMasters/notesMaster1.xml\" ContentType=\"{CT}.presentationml.notesMaster+xml\"/><Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"{CT}.theme+xml\"/><Override PartName=\"/ppt/theme/theme2.xml\" ContentType=\"{CT}.theme+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"{CT}.extended-properties+xml\"/>"
    );
    for k in 1..=n {
        let _ = write!(
            types,
            "<Override PartName=\"/ppt/slides/slide{k}.xml\" ContentType=\"{CT}.presentationml.slide+xml\"/><Override PartName=\"/ppt/notesSlides/notesSlide{k}.xml\" ContentType=\"{CT}.presentationml.notesSlide+xml\"/>"
        );
    }
    types.push_str("</Types>");
    parts.push(("[Content_Types].xml".into(), types.into_bytes()));
    parts.push((
        "_rels/.rels".into(),
        rels(&[
            ("rId1", &format!("{REL}/officeDocument"), "ppt/presentation.xml"),
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
            ("rId3", &format!("{REL}/extended-properties"), "docProps/app.xml"),
        ])
        .into_bytes(),
    ));
    parts.push((
        "docProps/core.xml".into(),
        format!(
            "{XML}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:creator>Tradeoff</dc:creator><dc:language>{}</dc:language></cp:coreProperties>",
            escape(&deck.title),
            deck.lang
        )
        .into_bytes(),
    ));
    parts.push((
        "docProps/app.xml".into(),
        format!(
            "{XML}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Tradeoff</Application><Slides>{n}</Slides></Properties>"
        )
        .into_bytes(),
    ));
}

/// The presentation: its slide list and size, and its relationships.
fn presentation_parts(deck: &Deck, parts: &mut Parts) {
    let n = deck.slides.len();
    let mut slide_ids = String::new();
    let mut presentation_rels: Vec<(String, String, String)> = vec![
        (
            "rId1".into(),
            format!("{REL}/slideMaster"),
            "slideMasters/slideMaster1.xml".into(),
        ),
        (
            "rId2".into(),
            format!("{REL}/notesMaster"),
            "notesMasters/notesMaster1.xml".into(),
        ),
        (
            "rId3".into(),
            format!("{REL}/theme"),
            "theme/theme1.xml".into(),
        ),
    ];
    for k in 1..=n {
        let _ = write!(
            slide_ids,
            "<p:sldId id=\"{}\" r:id=\"rId{}\"/>",
            255 + k,
            9 + k
        );
        presentation_rels.push((
            format!("rId{}", 9 + k),
            format!("{REL}/slide"),
            format!("slides/slide{k}.xml"),
        ));
    }
    parts.push((
        "ppt/presentation.xml".into(),
        format!(
            "{XML}<p:presentation {NS} saveSubsetFonts=\"1\"><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst><p:sldIdLst>{slide_ids}</p:sldIdLst><p:sldSz cx=\"{SLIDE_W}\" cy=\"{SLIDE_H}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>"
        )
        .into_bytes(),
    ));
    let borrowed: Vec<(&str, &str, &str)> = presentation_rels
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    parts.push((
        "ppt/_rels/presentation.xml.rels".into(),
        rels(&borrowed).into_bytes(),
    ));
}

/// The two themes, the slide master with its one blank layout, and the
/// notes master, each with its relationships.
fn master_parts(parts: &mut Parts) {
    parts.push(("ppt/theme/theme1.xml".into(), theme().into_bytes()));
    parts.push(("ppt/theme/theme2.xml".into(), theme().into_bytes()));
    parts.push((
        "ppt/slideMasters/slideMaster1.xml".into(),
        format!(
            "{XML}<p:sldMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>{GROUP}</p:spTree></p:cSld>{CLR_MAP}<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst></p:sldMaster>"
        )
        .into_bytes(),
    ));
    parts.push((
        "ppt/slideMasters/_rels/slideMaster1.xml.rels".into(),
        rels(&[
            (
                "rId1",
                &format!("{REL}/slideLayout"),
                "../slideLayouts/slideLayout1.xml",
            ),
            ("rId2", &format!("{REL}/theme"), "../theme/theme1.xml"),
        ])
        .into_bytes(),
    ));
    parts.push((
        "ppt/slideLayouts/slideLayout1.xml".into(),
        format!(
            "{XML}<p:sldLayout {NS} type=\"blank\" preserve=\"1\"><p:cSld name=\"Blank\"><p:spTree>{GROUP}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
        )
        .into_bytes(),
    ));
    parts.push((
        "ppt/slideLayouts/_rels/slideLayout1.xml.rels".into(),
        rels(&[(
            "rId1",
            &format!("{REL}/slideMaster"),
            "../slideMasters/slideMaster1.xml",
        )])
        .into_bytes(),
    ));
    parts.push((
        "ppt/notesMasters/notesMaster1.xml".into(),
        format!(
            "{XML}<p:notesMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>{GROUP}</p:spTree></p:cSld>{CLR_MAP}</p:notesMaster>"
        )
        .into_bytes(),
    ));
    parts.push((
        "ppt/notesMasters/_rels/notesMaster1.xml.rels".into(),
        rels(&[("rId1", &format!("{REL}/theme"), "../theme/theme2.xml")]).into_bytes(),
    ));
}

/// Slide `k`: its XML, its chart (when there is one), its speaker notes,
/// and their relationships.
fn slide_parts(deck: &Deck, k: usize, images: &HashMap<String, PrintImage>, parts: &mut Parts) {
    let slide = &deck.slides[k];
    let number = k + 1;
    let image = slide.chart.as_ref().and_then(|key| images.get(key));
    parts.push((
        format!("ppt/slides/slide{number}.xml"),
        slide_xml(deck, k, image).into_bytes(),
    ));
    let layout = format!("{REL}/slideLayout");
    let notes = format!("{REL}/notesSlide");
    let picture = format!("{REL}/image");
    let notes_target = format!("../notesSlides/notesSlide{number}.xml");
    let media = format!("../media/chart{number}.png");
    let mut items = vec![
        ("rId1", layout.as_str(), "../slideLayouts/slideLayout1.xml"),
        ("rId3", notes.as_str(), notes_target.as_str()),
    ];
    if let Some(image) = image {
        items.push(("rId2", picture.as_str(), media.as_str()));
        parts.push((format!("ppt/media/chart{number}.png"), image.png.clone()));
    }
    parts.push((
        format!("ppt/slides/_rels/slide{number}.xml.rels"),
        rels(&items).into_bytes(),
    ));
    parts.push((
        format!("ppt/notesSlides/notesSlide{number}.xml"),
        notes_xml(deck, k).into_bytes(),
    ));
    let slide_target = format!("../slides/slide{number}.xml");
    parts.push((
        format!("ppt/notesSlides/_rels/notesSlide{number}.xml.rels"),
        rels(&[
            (
                "rId1",
                &format!("{REL}/notesMaster"),
                "../notesMasters/notesMaster1.xml",
            ),
            ("rId2", &format!("{REL}/slide"), &slide_target),
        ])
        .into_bytes(),
    ));
}

/// The parts zipped (deflate) in order.
fn zip_parts(parts: Parts) -> Result<Vec<u8>, ExportError> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(&bytes).map_err(zip_error)?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}
