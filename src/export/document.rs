//! A tiny document model for briefing pages (headings, paragraphs, lists,
//! tables, figures) with two writers: self-contained HTML and Markdown.
//! Pages are built once from blocks, so a comparison page can be added by
//! building more blocks.

use std::fmt::Write;

/// A run of inline text.
#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    /// Plain text.
    Text(String),
    /// Emphasised text.
    Strong(String),
    /// A link.
    Link {
        /// Shown text.
        text: String,
        /// Target address.
        url: String,
    },
    /// A small label ("illustrative judgement").
    Tag(String),
}

/// Inline content: a sequence of spans.
pub type Inline = Vec<Span>;

/// Plain text as inline content.
pub fn text(s: impl Into<String>) -> Inline {
    vec![Span::Text(s.into())]
}

/// A block of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Section heading (level 2 or 3).
    Heading(u8, String),
    /// A paragraph.
    Paragraph(Inline),
    /// A bulleted list.
    List(Vec<Inline>),
    /// A table with a header row.
    Table {
        /// Column headings.
        header: Vec<String>,
        /// Rows of cells.
        rows: Vec<Vec<Inline>>,
    },
    /// A chart: inline SVG for HTML, PNG file for Markdown.
    Figure {
        /// SVG document to inline.
        svg: String,
        /// File name of the PNG copy (relative to the page).
        png_file: String,
        /// File name of the SVG copy (relative to the page).
        svg_file: String,
        /// Caption and alternative text.
        caption: String,
    },
    /// The next block starts a new printed page (the note's annexes).
    PageBreak,
}

/// A chart at print quality for the Word note and the slide deck (PNG at
/// 300 dpi or better where it is placed).
#[derive(Debug, Clone, PartialEq)]
pub struct PrintImage {
    /// PNG file bytes.
    pub png: Vec<u8>,
    /// Width in pixels.
    pub width_px: u32,
    /// Height in pixels.
    pub height_px: u32,
}

/// A whole page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Language code for `<html lang>`.
    pub lang: &'static str,
    /// Page title (the question).
    pub title: String,
    /// Blocks in order.
    pub blocks: Vec<Block>,
    /// Line at the foot of the page (generator, date).
    pub footer: String,
}

/// Escapes text for HTML content and attributes.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for Markdown (characters that would start markup, and table pipes).
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '|' | '`' | '<' | '>' | '#'
        ) {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// True for a link target that is safe to put in a page (web or mail address).
fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

fn inline_html(spans: &Inline) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            Span::Text(t) => out.push_str(&escape_html(t)),
            Span::Strong(t) => {
                let _ = write!(out, "<strong>{}</strong>", escape_html(t));
            }
            Span::Link { text, url } if safe_url(url) => {
                let _ = write!(
                    out,
                    "<a href=\"{}\">{}</a>",
                    escape_html(url),
                    escape_html(text)
                );
            }
            Span::Link { text, .. } => out.push_str(&escape_html(text)),
            Span::Tag(t) => {
                let _ = write!(out, "<span class=\"tag\">{}</span>", escape_html(t));
            }
        }
    }
    out
}

fn inline_markdown(spans: &Inline) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            Span::Text(t) => out.push_str(&escape_markdown(t)),
            Span::Strong(t) => {
                let _ = write!(out, "**{}**", escape_markdown(t));
            }
            Span::Link { text, url } if safe_url(url) => {
                let _ = write!(out, "[{}](<{}>)", escape_markdown(text), url.trim());
            }
            Span::Link { text, .. } => out.push_str(&escape_markdown(text)),
            Span::Tag(t) => {
                let _ = write!(out, "*({})*", escape_markdown(t));
            }
        }
    }
    out
}

const CSS: &str = r#"
:root { --ink: #222; --muted: #555; --rule: #ddd; --accent: #0072B2; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: var(--ink);
  max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.5; font-size: 16px; }
h1 { font-size: 1.8rem; line-height: 1.25; margin-bottom: .25rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
p, li { max-width: 48rem; }
table { border-collapse: collapse; width: 100%; margin: .8rem 0 1.2rem; font-size: .92rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f6f9; font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1.5rem 0; }
figure svg { width: 100%; height: auto; border: 1px solid var(--rule); }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .3rem; }
.tag { display: inline-block; font-size: .78rem; padding: 0 .35rem; border: 1px solid #b36b00;
  color: #7a4a00; border-radius: 3px; white-space: nowrap; }
a { color: var(--accent); }
footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); margin-top: 3rem; padding-top: .5rem; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  figure, table, tr { break-inside: avoid; page-break-inside: avoid; }
  figure { break-before: auto; }
  figure svg { border: none; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); }
  .noprint { display: none; }
}
@page { margin: 18mm 15mm; }
"#;

/// The SVG ready to inline: without an XML declaration and scalable.
fn inline_svg(svg: &str) -> String {
    let body = match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg,
    };
    body.to_string()
}

/// Writes `page` as one self-contained HTML file (inline CSS and SVG).
pub fn to_html(page: &Page) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        page.lang,
        escape_html(&page.title),
        CSS,
        escape_html(&page.title)
    );
    for block in &page.blocks {
        match block {
            Block::Heading(level, t) => {
                let level = (*level).clamp(2, 4);
                let _ = writeln!(out, "<h{level}>{}</h{level}>", escape_html(t));
            }
            Block::Paragraph(spans) => {
                let _ = writeln!(out, "<p>{}</p>", inline_html(spans));
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", inline_html(item));
                }
                out.push_str("</ul>\n");
            }
            Block::Table { header, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for h in header {
                    let _ = write!(out, "<th>{}</th>", escape_html(h));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        let _ = write!(out, "<td>{}</td>", inline_html(cell));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Figure {
                svg,
                png_file,
                svg_file,
                caption,
            } => {
                let _ = writeln!(
                    out,
                    "<figure role=\"img\" aria-label=\"{}\">\n{}\n<figcaption>{} <span class=\"noprint\">(<a href=\"{}\">PNG</a>, <a href=\"{}\">SVG</a>)</span></figcaption>\n</figure>",
                    escape_html(caption),
                    inline_svg(svg),
                    escape_html(caption),
                    escape_html(png_file),
                    escape_html(svg_file)
                );
            }
            Block::PageBreak => out.push_str("<div style=\"break-after: page\"></div>\n"),
        }
    }
    let _ = write!(
        out,
        "<footer>{}</footer>\n</body>\n</html>\n",
        escape_html(&page.footer)
    );
    out
}

/// Writes `page` as Markdown; figures point at the PNG files beside it.
pub fn to_markdown(page: &Page) -> String {
    let mut out = format!("# {}\n\n", escape_markdown(&page.title));
    for block in &page.blocks {
        match block {
            Block::Heading(level, t) => {
                let _ = writeln!(
                    out,
                    "{} {}\n",
                    "#".repeat(usize::from((*level).clamp(2, 4))),
                    escape_markdown(t)
                );
            }
            Block::Paragraph(spans) => {
                let _ = writeln!(out, "{}\n", inline_markdown(spans));
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", inline_markdown(item));
                }
                out.push('\n');
            }
            Block::Table { header, rows } => {
                let head: Vec<String> = header.iter().map(|h| escape_markdown(h)).collect();
                let _ = writeln!(out, "| {} |", head.join(" | "));
                let _ = writeln!(out, "|{}", " --- |".repeat(header.len()));
                for row in rows {
                    let cells: Vec<String> = row.iter().map(inline_markdown).collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
                out.push('\n');
            }
            Block::Figure {
                png_file, caption, ..
            } => {
                let _ = writeln!(
                    out,
                    "![{}]({})\n\n*{}*\n",
                    escape_markdown(caption),
                    png_file,
                    escape_markdown(caption)
                );
            }
            Block::PageBreak => {}
        }
    }
    let _ = writeln!(out, "---\n\n{}", escape_markdown(&page.footer));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_and_refuses_script_links() {
        let page = Page {
            lang: "en",
            title: "A <b> & \"c\"".into(),
            blocks: vec![Block::Paragraph(vec![Span::Link {
                text: "x".into(),
                url: "javascript:alert(1)".into(),
            }])],
            footer: String::new(),
        };
        let html = to_html(&page);
        assert!(html.contains("A &lt;b&gt; &amp; &quot;c&quot;"));
        assert!(!html.contains("javascript:"));
    }

    #[test]
    fn markdown_tables_escape_pipes() {
        let page = Page {
            lang: "en",
            title: "t".into(),
            blocks: vec![Block::Table {
                header: vec!["a|b".into()],
                rows: vec![vec![text("c|d")]],
            }],
            footer: String::new(),
        };
        let md = to_markdown(&page);
        assert!(md.contains("a\\|b") && md.contains("c\\|d"));
    }
}
