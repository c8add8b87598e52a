//! Source text positions: byte spans, and the line index that turns them into the 1-based line
//! and column users, SARIF and LSP expect (columns count UTF-16 code units, as they all do).

/// A half-open byte range `[start, end)` into one file's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ByteSpan {
    pub start: u32,
    pub end: u32,
}

impl ByteSpan {
    pub fn new(start: u32, end: u32) -> Self {
        Self {
            start,
            end: end.max(start),
        }
    }
    pub fn len(self) -> u32 {
        self.end - self.start
    }
    pub fn is_empty(self) -> bool {
        self.end == self.start
    }
}

/// 1-based line and column of a position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// Offsets of line starts, built once per file that has something to report.
pub struct LineIndex<'t> {
    text: &'t str,
    line_starts: Vec<u32>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        Self { text, line_starts }
    }

    /// Line and UTF-16 column (both 1-based) of a byte offset; offsets past the end clamp.
    pub fn line_col(&self, offset: u32) -> LineCol {
        let offset = offset.min(self.text.len() as u32);
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let mut end = offset as usize;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column: usize = self.text[start..end].chars().map(char::len_utf16).sum();
        LineCol {
            line: line as u32 + 1,
            column: column as u32 + 1,
        }
    }

    /// The text of the span, shortened to one line for messages.
    pub fn snippet(&self, span: ByteSpan, max: usize) -> String {
        snippet(self.text, span, max)
    }
}

/// The source text of `span` with whitespace runs collapsed, cut to `max` characters.
pub fn snippet(text: &str, span: ByteSpan, max: usize) -> String {
    let (s, e) = (span.start as usize, (span.end as usize).min(text.len()));
    let Some(raw) = text.get(s..e) else {
        return String::new();
    };
    let mut out = String::with_capacity(raw.len().min(max + 3));
    let mut last_space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
        if out.chars().count() >= max {
            out.push('…');
            break;
        }
    }
    out
}

/// Where the analysis reads the files a file imports: the disk, or an editor's unsaved buffers
/// over it.
pub trait ReadFile: Sync {
    /// The text of the file at `path` if it is there, valid UTF-8 and at most `max` bytes.
    fn read_file(&self, path: &std::path::Path, max: u64) -> Option<std::sync::Arc<str>>;
}

/// The disk as it is.
pub struct Disk;

impl ReadFile for Disk {
    fn read_file(&self, path: &std::path::Path, max: u64) -> Option<std::sync::Arc<str>> {
        if std::fs::metadata(path).ok()?.len() > max {
            return None;
        }
        std::fs::read_to_string(path).ok().map(Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        let text = "a\nh\u{e9}llo\u{1F642}x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(2), LineCol { line: 2, column: 1 });
        // 'x' follows "héllo🙂": 5 chars + a surrogate pair = 7 UTF-16 units.
        let x = text.find('x').unwrap() as u32;
        assert_eq!(idx.line_col(x), LineCol { line: 2, column: 8 });
    }
}
