//! The briefing note (Word, PDF) and the slide deck (PowerPoint): parts of
//! each package, every option and the top option named, headings in order,
//! charts at print resolution, the robustness sentence from the SMAA and
//! sensitivity engines, French without English interface text, and — when
//! LibreOffice and poppler are installed — conversion to PDF with the text
//! intact.

use crate::charts_support::english_fragments;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use tradeoff::analysis::sensitivity::all_criteria;
use tradeoff::analysis::{Method, evaluate};
use tradeoff::export::brief::{BriefFiles, BriefOptions, write_brief};
use tradeoff::i18n::pct;
use tradeoff::model::{Lang, Scenario};
use tradeoff::report::findings::{ROBUST_SHARE, findings};

fn canada(year: u16) -> Scenario {
    tradeoff::io::load(Path::new(&format!("scenarios/canada-{year}.ron"))).expect("bundled")
}

/// The pack of canada-2016 in `lang`, with its SMAA run, as the CLI writes it.
fn pack(lang: Lang, dir: &Path) -> (Scenario, BriefFiles) {
    let s = canada(2016);
    let smaa = tradeoff::export::smaa_for(&s, None, Method::Wsm);
    let options = BriefOptions {
        smaa: smaa.as_ref(),
        source_file: Some("canada-2016.ron"),
        ..BriefOptions::new(lang)
    };
    let files = write_brief(&s, dir, &options).expect("pack written");
    (s, files)
}

/// Every entry of a zip package: name → bytes.
fn unzip(path: &Path) -> Vec<(String, Vec<u8>)> {
    let file = std::fs::File::open(path).expect("package exists");
    let mut zip = zip::ZipArchive::new(file).expect("a zip package");
    (0..zip.len())
        .map(|k| {
            let mut entry = zip.by_index(k).expect("entry");
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).expect("entry reads");
            (entry.name().to_string(), bytes)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    parts
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, b)| b.as_slice())
        .unwrap_or_else(|| panic!("part {name} missing"))
}

/// The text of an XML part: tags dropped, entities decoded.
fn xml_text(xml: &[u8]) -> String {
    let xml = String::from_utf8_lossy(xml);
    let mut out = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Position of each of `needles` in `text`, panicking when one is missing.
fn in_order(text: &str, needles: &[String], what: &str) {
    let mut from = 0;
    for n in needles {
        let at = text[from..]
            .find(n.as_str())
            .unwrap_or_else(|| panic!("{what}: '{n}' missing or out of order"));
        from += at + n.len();
    }
}

fn top_name(s: &Scenario, lang: Lang) -> String {
    let e = evaluate(s, None, Method::Wsm).expect("evaluates");
    s.alternative_name(&e.ranking[0].alternative, lang)
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
    let w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let h = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    (w, h)
}

/// The `cx` values (EMU) of the drawings in an OOXML part.
fn extents(xml: &str, tag: &str) -> Vec<f64> {
    xml.match_indices(tag)
        .filter_map(|(i, _)| {
            let rest = &xml[i + tag.len()..];
            let rest = rest.strip_prefix(" cx=\"")?;
            rest[..rest.find('"')?].parse().ok()
        })
        .collect()
}

const HEADINGS_EN: [&str; 10] = [
    "Purpose",
    "Background",
    "Considerations",
    "Analysis",
    "Recommendation",
    "Annex A",
    "Annex B",
    "Annex C",
    "Annex D",
    "Annex E",
];

#[test]
fn the_word_note_leads_with_the_answer_and_holds_the_annexes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (s, files) = pack(Lang::En, dir.path());
    assert_eq!(
        files.docx.file_name().and_then(|n| n.to_str()),
        Some("briefing.docx")
    );
    let parts = unzip(&files.docx);
    for name in [
        "[Content_Types].xml",
        "word/document.xml",
        "word/styles.xml",
        "_rels/.rels",
    ] {
        part(&parts, name);
    }
    let document = String::from_utf8_lossy(part(&parts, "word/document.xml")).into_owned();
    let text = xml_text(document.as_bytes());
    let headings: Vec<String> = HEADINGS_EN.iter().map(|h| h.to_string()).collect();
    in_order(&text, &headings, "docx headings");
    assert!(
        document.contains("w:val=\"Heading1\""),
        "real heading styles"
    );
    for a in &s.alternatives {
        assert!(text.contains(&a.name.en), "option {}", a.name.en);
    }
    let top = top_name(&s, Lang::En);
    let recommendation = &text[text.find("Recommendation").expect("heading")..];
    assert!(
        recommendation[..400.min(recommendation.len())].contains(&top),
        "the recommendation names the top option {top}"
    );
    // Every chart is there, at 300 dpi or better where it is placed.
    let media: Vec<&(String, Vec<u8>)> = parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/media/") && n.ends_with(".png"))
        .collect();
    let charts = files
        .images
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .count();
    // The ranking chart is placed twice (page one and the annex) but may be stored once.
    assert!(media.len() >= charts, "every chart stored");
    let widths = extents(&document, "<wp:extent");
    assert_eq!(
        widths.len(),
        charts + 1,
        "every chart placed, the ranking twice"
    );
    let narrowest = media
        .iter()
        .map(|(_, png)| png_size(png).0)
        .min()
        .expect("images");
    for cx in &widths {
        let inches = cx / 914_400.0;
        assert!(
            f64::from(narrowest) / inches >= 300.0,
            "{narrowest} px over {inches} in"
        );
    }
    for src in &s.sources {
        assert!(text.contains(&src.title), "source {}", src.title);
    }
}

#[test]
fn the_robustness_sentence_comes_from_smaa_and_the_nearest_switch() {
    let s = canada(2016);
    let smaa = tradeoff::export::smaa_for(&s, None, Method::Wsm).expect("smaa");
    let f = findings(&s, None, Method::Wsm, Some(&smaa), Lang::En);
    let top = f.top.clone().expect("top");
    let i = smaa
        .alternatives
        .iter()
        .position(|a| *a == top)
        .expect("sampled");
    let share = smaa.acceptability[i][0];
    assert!(
        f.robustness.contains(&pct(share, 0, Lang::En)),
        "{}",
        f.robustness
    );
    assert_eq!(f.robust, share >= ROBUST_SHARE);
    // The switch is the threshold nearest the current weights, over every
    // criterion, at which the top option loses first place.
    let e = evaluate(&s, None, Method::Wsm).expect("evaluates");
    let mut nearest: Option<(f64, f64, String)> = None;
    for curve in all_criteria(&e.matrix, Method::Wsm, 201) {
        for t in &curve.thresholds {
            let losing = if t.weight > curve.current_weight {
                t.top_before == top && t.top_after != top
            } else {
                t.top_after == top && t.top_before != top
            };
            let d = (t.weight - curve.current_weight).abs();
            if losing && nearest.as_ref().is_none_or(|(best, _, _)| d < *best) {
                nearest = Some((d, t.weight, curve.criterion.clone()));
            }
        }
    }
    match (nearest, &f.switch) {
        (Some((_, weight, criterion)), Some(switch)) => {
            assert_eq!(switch.criterion, criterion);
            assert!((switch.weight - weight).abs() < 1e-12);
            let name = s.criterion_name(&criterion, Lang::En).to_lowercase();
            assert!(f.robustness.contains(&name), "{}", f.robustness);
            assert!(
                f.robustness.contains(&pct(weight, 0, Lang::En)),
                "{}",
                f.robustness
            );
        }
        (None, None) => {}
        (expected, got) => panic!("expected {expected:?}, got {got:?}"),
    }
}

#[test]
fn the_deck_has_a_title_slide_then_one_finding_per_slide_with_notes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (s, files) = pack(Lang::En, dir.path());
    let parts = unzip(&files.pptx);
    for name in [
        "[Content_Types].xml",
        "ppt/presentation.xml",
        "ppt/slideMasters/slideMaster1.xml",
        "ppt/slideLayouts/slideLayout1.xml",
        "ppt/notesMasters/notesMaster1.xml",
        "ppt/theme/theme1.xml",
    ] {
        part(&parts, name);
    }
    let slides = parts
        .iter()
        .filter(|(n, _)| n.starts_with("ppt/slides/slide") && n.ends_with(".xml"))
        .count();
    assert!(slides >= 5, "{slides} slides");
    let title = xml_text(part(&parts, "ppt/slides/slide1.xml"));
    assert!(title.contains(&s.title.en), "title slide: {title}");
    let top = top_name(&s, Lang::En);
    let second = xml_text(part(&parts, "ppt/slides/slide2.xml"));
    assert!(
        second.contains(&top) && second.contains("ranks first"),
        "{second}"
    );
    let mut all = String::new();
    for k in 2..=slides {
        let xml =
            String::from_utf8_lossy(part(&parts, &format!("ppt/slides/slide{k}.xml"))).into_owned();
        let notes = xml_text(part(&parts, &format!("ppt/notesSlides/notesSlide{k}.xml")));
        assert!(
            notes.contains("canada-2016.ron"),
            "slide {k} notes say where the numbers come from"
        );
        assert!(
            notes.chars().any(|c| c.is_ascii_digit()),
            "slide {k} notes hold numbers"
        );
        let pictures = xml.matches("<p:pic>").count();
        assert!(pictures <= 1, "slide {k}: one chart at most");
        if pictures == 1 {
            let rels = String::from_utf8_lossy(part(
                &parts,
                &format!("ppt/slides/_rels/slide{k}.xml.rels"),
            ))
            .into_owned();
            let media = rels
                .split("Target=\"../media/")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .expect("picture relationship");
            let (w, _) = png_size(part(&parts, &format!("ppt/media/{media}")));
            let pic = &xml[xml.find("<p:pic>").expect("picture")..];
            let cx = extents(pic, "<a:ext")
                .first()
                .copied()
                .expect("picture size");
            assert!(
                f64::from(w) / (cx / 914_400.0) >= 300.0,
                "slide {k}: {w} px over {cx} EMU"
            );
        }
        all.push_str(&xml_text(xml.as_bytes()));
    }
    for a in &s.alternatives {
        let named = all.contains(&a.name.en)
            || (2..=slides).any(|k| {
                xml_text(part(&parts, &format!("ppt/notesSlides/notesSlide{k}.xml")))
                    .contains(&a.name.en)
            });
        assert!(named, "option {} on a slide or in its notes", a.name.en);
    }
    assert!(all.contains("weight draws"), "the robustness slide");
}

#[test]
fn the_pdf_holds_searchable_text_in_embedded_fonts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (s, files) = pack(Lang::En, dir.path());
    let bytes = std::fs::read(&files.pdf).expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/FontFile2"), "fonts embedded");
    assert!(raw.contains("/ToUnicode"), "text maps back to Unicode");
    let Some(text) = pdftotext(&files.pdf, None) else {
        println!("pdftotext not installed: PDF text extraction not checked");
        return;
    };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let headings: Vec<String> = HEADINGS_EN.iter().map(|h| h.to_string()).collect();
    in_order(&flat, &headings, "pdf headings");
    for a in &s.alternatives {
        assert!(flat.contains(&a.name.en), "option {}", a.name.en);
    }
    // The answer fits on two pages: the annexes start on page 3 at the latest.
    let first = pdftotext(&files.pdf, Some((1, 3))).expect("pages");
    assert!(first.contains("Annex A"), "annexes start by page 3");
    let two = pdftotext(&files.pdf, Some((1, 2))).expect("pages");
    assert!(two.contains("Recommendation"));
    let chart_text = "Ranking of the options";
    assert!(flat.contains(chart_text), "chart text is real text");
}

fn pdftotext(pdf: &Path, pages: Option<(u32, u32)>) -> Option<String> {
    let mut cmd = Process::new("pdftotext");
    if let Some((f, l)) = pages {
        cmd.args(["-f", &f.to_string(), "-l", &l.to_string()]);
    }
    let out = cmd.arg(pdf).arg("-").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_french_note_and_deck_have_no_english_interface_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (s, files) = pack(Lang::Fr, dir.path());
    assert_eq!(
        files.docx.file_name().and_then(|n| n.to_str()),
        Some("note-breffage.docx")
    );
    let docx = unzip(&files.docx);
    let note = xml_text(part(&docx, "word/document.xml"));
    let pptx = unzip(&files.pptx);
    let deck: String = pptx
        .iter()
        .filter(|(n, _)| {
            n.starts_with("ppt/slides/slide") || n.starts_with("ppt/notesSlides/notesSlide")
        })
        .map(|(_, b)| xml_text(b))
        .collect::<Vec<_>>()
        .join(" ");
    let english = english_fragments(&["assets/locales/note.yml", "assets/locales/brief.yml"], 6);
    assert!(english.len() > 20, "fragments found");
    for fragment in &english {
        assert!(
            !note.contains(fragment.as_str()),
            "note: English '{fragment}'"
        );
        assert!(
            !deck.contains(fragment.as_str()),
            "deck: English '{fragment}'"
        );
    }
    let headings = [
        "Objet",
        "Contexte",
        "Considérations",
        "Analyse",
        "Recommandation",
        "Annexe A",
    ];
    in_order(&note, &headings.map(String::from), "French headings");
    for a in &s.alternatives {
        let name = a.name.get(Lang::Fr);
        assert!(note.contains(name), "option {name}");
    }
    let raw = String::from_utf8_lossy(part(&docx, "word/document.xml")).into_owned();
    assert!(raw.contains("\u{a0}%"), "French percentages");
    assert!(deck.contains("tirages de pondérations"), "{deck}");
    let decimal = note
        .split_whitespace()
        .any(|w| w.len() >= 3 && w.starts_with("0,") && w[2..].chars().all(|c| c.is_ascii_digit()));
    assert!(decimal, "French decimals like 0,58");
}

#[test]
fn compare_adds_the_comparison_slide_and_the_waterfall() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("pack");
    assert_cmd::Command::cargo_bin("tradeoff")
        .expect("binary")
        .args([
            "brief",
            "scenarios/canada-2016.ron",
            "--compare",
            "scenarios/canada-2018.ron",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let parts = unzip(&out.join("briefing.pptx"));
    let (a, b) = (canada(2016), canada(2018));
    let c = tradeoff::analysis::compare::compare_keys(&a, &b, Method::Wsm, None, None)
        .expect("compares");
    let summary = tradeoff::report::compare::summary(&a, &b, &c, Lang::En);
    let first_sentence = summary.split(". ").next().expect("a sentence");
    let slide = (1..)
        .map(|k| format!("ppt/slides/slide{k}.xml"))
        .take_while(|name| parts.iter().any(|(n, _)| n == name))
        .find(|name| xml_text(part(&parts, name)).contains(first_sentence))
        .expect("a slide states the comparison");
    let xml = String::from_utf8_lossy(part(&parts, &slide)).into_owned();
    assert!(
        xml.contains("<p:pic>"),
        "the comparison slide shows the waterfall"
    );
    for name in ["briefing.docx", "briefing.pdf", "waterfall.png"] {
        assert!(out.join(name).exists(), "{name}");
    }
}

/// LibreOffice converts a file to PDF in `out`; None when it is not installed.
fn soffice_to_pdf(file: &Path, out: &Path) -> Option<PathBuf> {
    let status = Process::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .arg(file)
        .env("HOME", out)
        .output()
        .ok()?;
    assert!(
        status.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let pdf = out.join(file.with_extension("pdf").file_name()?);
    assert!(
        pdf.exists(),
        "LibreOffice wrote no PDF for {}",
        file.display()
    );
    Some(pdf)
}

#[test]
fn libreoffice_opens_the_note_and_the_deck_with_their_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (s, files) = pack(Lang::En, dir.path());
    // One folder per file: both convert to briefing.pdf.
    let (note_dir, deck_dir) = (dir.path().join("note"), dir.path().join("deck"));
    for d in [&note_dir, &deck_dir] {
        std::fs::create_dir_all(d).expect("folder");
    }
    let Some(note) = soffice_to_pdf(&files.docx, &note_dir) else {
        println!("LibreOffice (soffice) not installed: conversion test skipped");
        return;
    };
    let deck = soffice_to_pdf(&files.pptx, &deck_dir).expect("soffice converts the deck");
    let Some(note_text) = pdftotext(&note, None) else {
        println!("pdftotext not installed: converted text not checked");
        return;
    };
    let deck_text = pdftotext(&deck, None).expect("pdftotext");
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let (note_text, deck_text) = (flat(&note_text), flat(&deck_text));
    let headings: Vec<String> = HEADINGS_EN.iter().map(|h| h.to_string()).collect();
    in_order(&note_text, &headings, "LibreOffice note");
    let f = findings(
        &s,
        None,
        Method::Wsm,
        tradeoff::export::smaa_for(&s, None, Method::Wsm).as_ref(),
        Lang::En,
    );
    assert!(
        note_text.contains(&flat(&f.recommendation)),
        "recommendation survives"
    );
    for a in &s.alternatives {
        assert!(note_text.contains(&a.name.en), "note: option {}", a.name.en);
    }
    assert!(deck_text.contains(&s.title.en), "deck title");
    assert!(
        deck_text.contains(&top_name(&s, Lang::En)),
        "deck top option"
    );
    let first_two = pdftotext(&note, Some((1, 2))).expect("pages");
    assert!(
        flat(&first_two).contains("Recommendation"),
        "the answer on the first two pages"
    );
}
