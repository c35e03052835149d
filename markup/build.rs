//! Minifies the markup's stylesheet (`src/style.css`) into `OUT_DIR`, where
//! `lib.rs` includes it as `STYLE`: the comments and indentation that make the
//! source readable are a fifth of its bytes, and every page loads them.

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=src/style.css");
    let css = std::fs::read_to_string("src/style.css").expect("src/style.css is readable");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("style.min.css"), minify(&css)).expect("OUT_DIR is writable");
}

/// `css` without comments, with runs of white space made one space and no
/// space next to `{`, `}`, `;` or `,`; quoted strings are kept as written.
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            '"' | '\'' => {
                push_space(&mut out, &mut space, c);
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                push_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out.trim().to_owned()
}

/// Writes the pending space before `next`, unless punctuation on either
/// side makes it useless.
fn push_space(out: &mut String, space: &mut bool, next: char) {
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',');
    if *space && !tight(next) && !out.ends_with(tight) && !out.is_empty() {
        out.push(' ');
    }
    *space = false;
}
