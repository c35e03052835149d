//! The built widget's files, at the paths the server does not answer
//! itself. Only regular files inside the widget's folder are served, and
//! none whose name, or the name of a folder on the way, starts with a dot;
//! a symbolic link is followed only when it leads to such a file. Every
//! other path is a `404`, whatever is wrong with it.

use std::fs::Metadata;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;
use tower_http::services::ServeFile;

/// The longest file name the usual file systems take, in bytes.
const NAME_MAX: usize = 255;

/// The widget's folder.
#[derive(Debug, Clone)]
pub struct WidgetFiles {
    /// Its canonical path: what every served file's path starts with.
    root: PathBuf,
}

impl WidgetFiles {
    /// The files of the folder at `dir`.
    pub fn new(dir: &Path) -> std::io::Result<WidgetFiles> {
        Ok(WidgetFiles {
            root: dir.canonicalize()?,
        })
    }

    /// The file that the request path `path` names, when it may be served,
    /// with what the file system says of it.
    ///
    /// Symbolic links are resolved and the result checked to lie inside
    /// the folder, rather than refused: a build may link a file it shares
    /// with another, and a link that stays inside shows nothing more.
    pub async fn resolve(&self, path: &str) -> Option<(PathBuf, Metadata)> {
        let decoded = percent_decode_str(path).decode_utf8().ok()?;
        let mut asked = self.root.clone();
        for segment in decoded.split('/').filter(|segment| !segment.is_empty()) {
            if !is_servable_name(segment) {
                return None;
            }
            asked.push(segment);
        }
        let found = tokio::fs::canonicalize(&asked).await.ok()?;
        let inside = found.strip_prefix(&self.root).ok()?;
        let names_ok = inside.components().all(|component| match component {
            Component::Normal(name) => name.to_str().is_some_and(is_servable_name),
            _ => false,
        });
        if !names_ok {
            return None;
        }
        let meta = tokio::fs::metadata(&found).await.ok()?;
        meta.is_file().then_some((found, meta))
    }
}

/// Whether `name` may be a served file's name, or a folder's on its path:
/// one plain name, not hidden, not too long for a file system.
fn is_servable_name(name: &str) -> bool {
    let mut components = Path::new(name).components();
    matches!(components.next(), Some(Component::Normal(_)))
        && components.next().is_none()
        && !name.starts_with('.')
        && name.len() <= NAME_MAX
        && !name.contains(['\0', '\\'])
}

/// Serves the file the request names: revalidated at every use
/// (`Cache-Control: no-cache`, so that a rebuilt widget is picked up), by
/// its `ETag` or its `Last-Modified` date.
pub async fn serve(State(files): State<Arc<WidgetFiles>>, mut request: Request) -> Response {
    let Some((path, meta)) = files.resolve(request.uri().path()).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let etag = etag_of(&meta);
    let mut headers = HeaderMap::new();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Some(etag) = &etag {
        headers.insert(header::ETAG, etag.clone());
        if let Some(asked) = request.headers().get(header::IF_NONE_MATCH) {
            if asked.to_str().is_ok_and(|asked| {
                super::published::matches_etag(asked, etag.to_str().unwrap_or(""))
            }) {
                return (StatusCode::NOT_MODIFIED, headers).into_response();
            }
            // RFC 9110: with If-None-Match, If-Modified-Since is ignored.
            request.headers_mut().remove(header::IF_MODIFIED_SINCE);
        }
    }
    // An error reading a file that was there a moment ago (removed since,
    // unreadable) says nothing a reader should know about: not found.
    let Ok(response) = ServeFile::new(&path).try_call(request).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (mut parts, body) = response.map(axum::body::Body::new).into_parts();
    if parts.status.is_success() || parts.status == StatusCode::NOT_MODIFIED {
        parts.headers.extend(headers);
    }
    Response::from_parts(parts, body)
}

/// A weak tag of the file's version: its length and modification time.
fn etag_of(meta: &Metadata) -> Option<HeaderValue> {
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    HeaderValue::from_str(&format!("W/\"{:x}-{:x}\"", meta.len(), modified.as_nanos())).ok()
}

#[cfg(test)]
mod tests {
    use super::is_servable_name;

    #[test]
    fn only_plain_visible_names_of_a_usual_length_are_served() {
        for name in ["roadmap-timeline.js", "a", "x.y.wasm", &"n".repeat(255)] {
            assert!(is_servable_name(name), "{name}");
        }
        for name in [
            ".",
            "..",
            ".env",
            ".git",
            &"n".repeat(256),
            "a\0b",
            "a\\b",
            "a/b",
            "",
        ] {
            assert!(!is_servable_name(name), "{name:?}");
        }
    }
}
