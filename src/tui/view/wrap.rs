//! Long values over several rows instead of cut (a name cut is misread): a
//! label, then the value wrapped under it at a continuation indent; file
//! names cut in their middle, where they differ least.
//!
//! ```text
//! Sujet      CN=srv-web.clinique-test.fr,OU=1720012345,O=Clinique du Test,
//!            L=Le Mans,ST=Sarthe (72),C=FR
//! ```

use super::pad;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `value` in pieces of at most `width` columns, broken after a `,`, `:`
/// or space when one falls in the piece's second half, else anywhere.
pub fn chunks(value: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0;
    for c in value.chars() {
        let cw = c.width().unwrap_or(0);
        if cur_w + cw > width && !cur.is_empty() {
            let cut = cur
                .char_indices()
                .filter(|(_, ch)| matches!(ch, ',' | ':' | ' '))
                .map(|(i, ch)| i + ch.len_utf8())
                .rfind(|&i| cur[..i].width() * 2 >= width);
            let rest = match cut {
                Some(i) => cur.split_off(i),
                None => String::new(),
            };
            out.push(std::mem::take(&mut cur));
            cur = rest;
            cur_w = cur.width();
        }
        cur.push(c);
        cur_w += cw;
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
}

/// Cuts `s` to `width` columns in its middle with `…`, keeping its end
/// (a file's extension, a fingerprint's last bytes).
pub fn fit_middle(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width < 3 {
        return super::fit(s, width);
    }
    let keep = width - 1;
    let tail_w = keep / 2;
    let mut tail: Vec<char> = Vec::new();
    let mut w = 0;
    for c in s.chars().rev() {
        let cw = c.width().unwrap_or(0);
        if w + cw > tail_w {
            break;
        }
        tail.push(c);
        w += cw;
    }
    let mut head = String::new();
    let mut hw = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if hw + cw > keep - w {
            break;
        }
        head.push(c);
        hw += cw;
    }
    head.push('…');
    head.extend(tail.into_iter().rev());
    head
}

/// [`fit_middle`], both ends of the cut moved back to a `sep`, so the
/// fingerprint "9C:41:…:6F:D0" shows whole bytes.
pub fn fit_middle_at(s: &str, width: usize, sep: char) -> String {
    let cut = fit_middle(s, width);
    match cut.split_once('…') {
        Some((head, tail)) => {
            let head = head.rfind(sep).map_or(head, |i| &head[..=i]);
            let tail = tail.find(sep).map_or(tail, |i| &tail[i..]);
            format!("{head}…{tail}")
        }
        None => cut,
    }
}

/// A labelled value: one row when `rows` is 1 (cut with `…`, in the middle
/// when `middle`), else the value wrapped under the label, on at most
/// `rows` rows.
/// Where a value that must fit one row loses its characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    End,
    /// A fingerprint, compared by its ends.
    Middle,
    /// A serial, whose end tells two certificates apart.
    Start,
}

pub struct Labelled<'a> {
    pub label: &'a str,
    pub label_w: usize,
    pub label_style: Style,
    pub value: &'a str,
    pub style: Style,
    pub cut: Cut,
}

impl Labelled<'_> {
    /// The rows the whole value needs at `width`.
    pub fn rows_needed(&self, width: usize) -> usize {
        chunks(self.value, width.saturating_sub(self.label_w)).len()
    }

    pub fn lines(&self, width: usize, rows: usize) -> Vec<Line<'static>> {
        let value_w = width.saturating_sub(self.label_w);
        let parts = chunks(self.value, value_w);
        let values: Vec<String> = if rows >= parts.len() {
            parts
        } else {
            vec![match self.cut {
                Cut::Middle => fit_middle_at(self.value, value_w, ':'),
                Cut::Start => fit_start(self.value, value_w),
                Cut::End => super::fit(self.value, value_w),
            }]
        };
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let label = if i == 0 { self.label } else { "" };
                Line::from(vec![
                    Span::styled(pad(label, self.label_w), self.label_style),
                    Span::styled(v, self.style),
                ])
            })
            .collect()
    }
}

/// `s` in `width` columns, its start replaced by `…` when it is too long.
pub fn fit_start(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut w = 1;
    for c in s.chars().rev() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width {
            break;
        }
        kept.push(c);
        w += cw;
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// Rows `lines` take in a paragraph wrapping at words to `width`, without
/// trimming (as the step pane draws them).
pub fn height(lines: &[Line], width: usize) -> usize {
    lines
        .iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            wrapped_rows(&text, width)
        })
        .sum()
}

/// Rows `text` takes wrapped at words to `width`: its leading spaces are
/// kept, the spaces where a row breaks are dropped, a word longer than a
/// row is broken. (The status line's rows are counted here too.)
pub(super) fn wrapped_rows(text: &str, width: usize) -> usize {
    let width = width.max(1);
    let (mut rows, mut col, mut pending) = (1, 0, 0);
    let mut start = true;
    let mut rest = text;
    while !rest.is_empty() {
        let space = rest.starts_with(' ');
        let end = rest
            .find(|c: char| (c == ' ') != space)
            .unwrap_or(rest.len());
        let (token, tail) = rest.split_at(end);
        rest = tail;
        let w = token.width();
        if space {
            if start {
                col += w;
            } else {
                pending += w;
            }
            continue;
        }
        start = false;
        if col + pending + w <= width {
            col += pending + w;
        } else if col == 0 {
            col = w;
        } else {
            rows += 1;
            col = w;
        }
        pending = 0;
        while col > width {
            rows += 1;
            col -= width;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_space_counts() {
        // The status line's 80 characters after its leading space: 2 rows
        // at 80 columns, or its last word is lost.
        let status =
            " Demande « Dossier 1/Demande 1 » créée : Étape 1, touche g pour générer les clés.";
        assert_eq!(wrapped_rows(status, 80), 2);
        assert_eq!(wrapped_rows(status, 81), 1);
    }

    #[test]
    fn breaks_after_separators_and_keeps_every_character() {
        let subject = "CN=srv-web.clinique-test.fr,OU=1720012345,O=Clinique du Test,L=Le Mans";
        let parts = chunks(subject, 40);
        assert!(parts.iter().all(|p| p.width() <= 40), "{parts:?}");
        assert_eq!(parts.concat(), subject);
        assert!(parts[0].ends_with(','), "{parts:?}");
        let fp = "9C:41:D2:7E:0B:55:A8:13:F6:2D:90:C4:7A:E1:38:5B";
        let parts = chunks(fp, 20);
        assert_eq!(parts.concat(), fp);
        assert!(parts
            .iter()
            .all(|p| p.ends_with(':') || fp.ends_with(p.as_str())));
        // No separator: cut anywhere.
        assert_eq!(chunks("abcdef", 4), ["abcd", "ef"]);
        assert_eq!(chunks("", 4), [""]);
    }

    #[test]
    fn cuts_in_the_middle_keeping_the_end() {
        assert_eq!(fit_middle("short.p12", 20), "short.p12");
        let cut = fit_middle("aaaaaaaaaaaaaaaaaaaa-bbbbbbbbbb.p12", 15);
        assert_eq!(cut.width(), 15);
        assert!(cut.starts_with("aaaa") && cut.ends_with("bb.p12") && cut.contains('…'));
        let fp = "9C:41:D2:7E:0B:55:A8:13:F6:2D:90:C4:7A:E1:38:5B";
        assert_eq!(fit_middle_at(fp, 20, ':'), "9C:41:D2:…:E1:38:5B");
    }

    #[test]
    fn counts_rows_as_the_paragraph_wraps() {
        // Leading spaces count; the break's space does not.
        assert_eq!(wrapped_rows("    ↳ abc def", 13), 1);
        assert_eq!(wrapped_rows("    ↳ abc defgh", 13), 2);
        assert_eq!(wrapped_rows("abcdef ghijkl", 6), 2);
        assert_eq!(wrapped_rows("abcdefghijklm", 6), 3);
        assert_eq!(wrapped_rows("", 6), 1);
    }

    #[test]
    fn the_count_matches_the_paragraph() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        use ratatui::widgets::{Paragraph, Widget, Wrap};
        let texts = [
            "    ↳ une demande déjà émise ne peut pas être modifiée (créez une nouvelle demande)",
            "[m] Relever la boîte",
            "Demande faite pour le portail IGC-Santé : téléchargez-y le certificat, puis collez-le ici (v)",
            "  2026-03-02 09:15  Réponse importée · serial 4A1F09C2D37B",
        ];
        for width in [30u16, 48, 82] {
            for text in texts {
                let mut buf = Buffer::empty(Rect::new(0, 0, width, 20));
                Paragraph::new(text)
                    .wrap(Wrap { trim: false })
                    .render(buf.area, &mut buf);
                let used = (0..20)
                    .rev()
                    .find(|&y| (0..width).any(|x| buf[(x, y)].symbol() != " "))
                    .map_or(0, |y| usize::from(y) + 1);
                assert_eq!(
                    wrapped_rows(text, usize::from(width)),
                    used,
                    "{width}: {text}"
                );
            }
        }
    }
}
