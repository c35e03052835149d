//! The one way text and numbers enter the markup: [`Markup::text`] and
//! [`Markup::attr`] pass every roadmap text through the project's display
//! rule for hostile text (`roadmap_core::controls::neutralise`: controls
//! and bidi overrides made visible escapes, tabs spaces), then escape
//! `& < > " '`, so that a text is always shown as text and never read as
//! markup. Numbers are written without float formatting.

use roadmap_core::controls::{Lines, neutralise};

/// HTML or SVG markup being written.
#[derive(Debug, Default)]
pub struct Markup {
    out: String,
}

impl Markup {
    /// Empty markup.
    pub fn new() -> Self {
        Markup::default()
    }

    /// The markup written.
    pub fn finish(self) -> String {
        self.out
    }

    /// Markup written by this crate itself (tags, fixed attributes): never
    /// roadmap text.
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// `text`, shown as text.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.out, text);
        self
    }

    /// A symbol (a status, the stale mark), shown as text.
    pub fn symbol(&mut self, symbol: char) -> &mut Self {
        let mut buffer = [0_u8; 4];
        self.text(symbol.encode_utf8(&mut buffer))
    }

    /// ` name="value"`, the value shown as text.
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape_into(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// ` name="value"` for a length in CSS pixels, to a tenth.
    pub fn px(&mut self, name: &str, value: f64) -> &mut Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_tenths(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// A length in CSS pixels, to a tenth, with no attribute around it.
    pub fn number(&mut self, value: f64) -> &mut Self {
        push_tenths(&mut self.out, value);
        self
    }

    /// A whole number.
    pub fn int(&mut self, value: usize) -> &mut Self {
        push_int(&mut self.out, value as u64);
        self
    }
}

/// Appends `text` to `out`, neutralised for display and escaped for HTML.
fn escape_into(out: &mut String, text: &str) {
    let shown = neutralise(text, Lines::Many);
    let mut from = 0;
    for (at, c) in shown.char_indices() {
        let entity = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&shown[from..at]);
        out.push_str(entity);
        from = at + 1;
    }
    out.push_str(&shown[from..]);
}

/// `text` neutralised for display and escaped for HTML, as [`Markup::text`] writes it.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends `value` rounded to a tenth: "12", "12.5", "-3.2". One decimal
/// is finer than a pixel; integers keep float printing out of the module.
fn push_tenths(out: &mut String, value: f64) {
    let tenths = if value.is_finite() {
        (value * 10.0).round() as i64
    } else {
        0
    };
    if tenths < 0 {
        out.push('-');
    }
    let tenths = tenths.unsigned_abs();
    push_int(out, tenths / 10);
    if tenths % 10 != 0 {
        out.push('.');
        out.push(char::from(b'0' + (tenths % 10) as u8));
    }
}

fn push_int(out: &mut String, mut value: u64) {
    let mut digits = [0_u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_neutralised() {
        assert_eq!(
            escape("<b a='1'>\"&\"</b>"),
            "&lt;b a=&#39;1&#39;&gt;&quot;&amp;&quot;&lt;/b&gt;"
        );
        // Controls and bidi overrides become visible escapes; tabs, spaces.
        assert_eq!(
            escape("a\u{1b}[31m\u{202e}b\tc"),
            "a\\u{1b}[31m\\u{202e}b c"
        );
        let mut markup = Markup::new();
        markup.raw("<p").attr("title", "x\"><script>").raw(">");
        assert_eq!(markup.finish(), "<p title=\"x&quot;&gt;&lt;script&gt;\">");
    }

    #[test]
    fn numbers_are_written_to_a_tenth() {
        let mut markup = Markup::new();
        markup
            .number(12.0)
            .raw(" ")
            .number(12.46)
            .raw(" ")
            .number(-3.25)
            .raw(" ")
            .number(0.04)
            .raw(" ")
            .number(f64::NAN)
            .raw(" ")
            .int(10_000);
        assert_eq!(markup.finish(), "12 12.5 -3.3 0 0 10000");
    }
}
