//! A real HTTP server on 127.0.0.1 for the directory tests and benchmark: serves fixture federations
//! with injectable latency, status codes, ETags, redirects, endless and trickling bodies.
//!
//! It runs on its own thread and runtime, so synchronous tests (and a CLI binary run as a child process)
//! can use it as well as async ones. It stops when the test process ends.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, Response, StatusCode};

/// What the server does for one path.
#[derive(Clone, Debug)]
pub enum Behaviour {
    /// 200 with the body; 304 when `If-None-Match` matches the ETag or `If-Modified-Since` equals the date.
    File { body: Vec<u8>, etag: Option<String>, last_modified: Option<String> },
    /// This status, empty body.
    Status(u16),
    /// 302 to this location.
    Redirect(String),
    /// 200, the body sent one byte per `interval`.
    Trickle { body: Vec<u8>, interval: Duration },
    /// 200, `bytes` of generated text, streamed without a length.
    Endless { bytes: u64 },
    /// Never answers.
    Hang,
}

#[derive(Default)]
struct State {
    routes: Mutex<HashMap<String, Behaviour>>,
    latency: Mutex<Duration>,
    hits: Mutex<HashMap<String, u32>>,
    body_bytes: AtomicU64,
    wire_bytes: AtomicU64,
    not_modified: AtomicU64,
    requests: AtomicU64,
}

/// A running server.
pub struct Server {
    pub base: String,
    state: Arc<State>,
}

impl Server {
    /// Starts a server on 127.0.0.1 with a free port.
    pub fn start() -> Server {
        let state = Arc::new(State::default());
        let (tx, rx) = std::sync::mpsc::channel();
        let st = state.clone();
        std::thread::spawn(move || {
            let rt =
                tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                tx.send(listener.local_addr().unwrap()).unwrap();
                let app = axum::Router::new().fallback(move |req: Request<Body>| handle(st.clone(), req));
                axum::serve(listener, app).await.unwrap();
            });
        });
        let addr = rx.recv().unwrap();
        Server { base: format!("http://{addr}"), state }
    }

    /// The URL of a path on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Sets what a path does.
    pub fn set(&self, path: &str, behaviour: Behaviour) {
        self.state.routes.lock().unwrap().insert(path.to_owned(), behaviour);
    }

    /// A file with an ETag derived from its content.
    pub fn set_file(&self, path: &str, body: Vec<u8>) {
        let etag = format!("\"{:x}\"", fnv(&body));
        self.set(path, Behaviour::File { body, etag: Some(etag), last_modified: None });
    }

    /// Latency added before every answer.
    pub fn set_latency(&self, latency: Duration) {
        *self.state.latency.lock().unwrap() = latency;
    }

    /// Serves every file of `tests/fixtures/federations/<name>/` at its relative path, with `{{BASE}}`
    /// replaced by this server's base URL.
    pub fn load_fixture(&self, name: &str) {
        // From crates/core, crates/cli or src-tauri alike.
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = ["../core/tests/fixtures/federations", "../crates/core/tests/fixtures/federations"]
            .iter()
            .map(|rel| manifest.join(rel).join(name))
            .find(|p| p.is_dir())
            .unwrap();
        self.load_dir(&root, &root);
    }

    fn load_dir(&self, root: &Path, dir: &Path) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                self.load_dir(root, &path);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                let body = replace_bytes(&std::fs::read(&path).unwrap(), b"{{BASE}}", self.base.as_bytes());
                self.set_file(&format!("/{rel}"), body);
            }
        }
    }

    /// Every path served so far now answers with `behaviour` (a server gone bad all at once).
    #[allow(dead_code)]
    pub fn set_all(&self, behaviour: Behaviour) {
        for route in self.state.routes.lock().unwrap().values_mut() {
            *route = behaviour.clone();
        }
    }

    /// Requests received for a path.
    pub fn hits(&self, path: &str) -> u32 {
        self.state.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    /// All requests received.
    pub fn requests(&self) -> u64 {
        self.state.requests.load(Ordering::Relaxed)
    }

    /// Body bytes sent (complete answers of `File` routes).
    pub fn body_bytes(&self) -> u64 {
        self.state.body_bytes.load(Ordering::Relaxed)
    }

    /// Bytes of complete answers as sent: status line, headers and body (streamed bodies not counted).
    pub fn wire_bytes(&self) -> u64 {
        self.state.wire_bytes.load(Ordering::Relaxed)
    }

    /// 304 answers sent.
    pub fn not_modified(&self) -> u64 {
        self.state.not_modified.load(Ordering::Relaxed)
    }

    /// Resets the counters.
    pub fn reset_counters(&self) {
        self.state.hits.lock().unwrap().clear();
        self.state.body_bytes.store(0, Ordering::Relaxed);
        self.state.wire_bytes.store(0, Ordering::Relaxed);
        self.state.not_modified.store(0, Ordering::Relaxed);
        self.state.requests.store(0, Ordering::Relaxed);
    }
}

/// A URL on 127.0.0.1 where nothing listens (connection refused).
pub fn refused_url(path: &str) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}{path}")
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100000001b3))
}

fn replace_bytes(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

async fn handle(state: Arc<State>, req: Request<Body>) -> Response<Body> {
    let response = answer(&state, req).await;
    // `HTTP/1.1 200 OK\r\n`, each `name: value\r\n`, the blank line, the body when its size is known;
    // hyper adds `date` and `content-length`/`transfer-encoding` (about 60 bytes) on top.
    let headers: usize = response.headers().iter().map(|(k, v)| k.as_str().len() + v.len() + 4).sum();
    let body = axum::body::HttpBody::size_hint(response.body()).exact().unwrap_or(0);
    state.wire_bytes.fetch_add((17 + headers + 60 + 2) as u64 + body, Ordering::Relaxed);
    response
}

async fn answer(state: &State, req: Request<Body>) -> Response<Body> {
    let path = req.uri().path().to_owned();
    state.requests.fetch_add(1, Ordering::Relaxed);
    *state.hits.lock().unwrap().entry(path.clone()).or_default() += 1;
    let latency = *state.latency.lock().unwrap();
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let behaviour = state.routes.lock().unwrap().get(&path).cloned();
    let builder = Response::builder();
    match behaviour {
        None => builder.status(StatusCode::NOT_FOUND).body(Body::empty()).unwrap(),
        Some(Behaviour::Status(code)) => builder.status(code).body(Body::empty()).unwrap(),
        Some(Behaviour::Redirect(to)) => {
            builder.status(StatusCode::FOUND).header(header::LOCATION, to).body(Body::empty()).unwrap()
        }
        Some(Behaviour::File { body, etag, last_modified }) => {
            let headers = req.headers();
            let etag_match =
                etag.as_deref().is_some_and(|e| header_str(headers, header::IF_NONE_MATCH) == Some(e));
            let date_match = last_modified
                .as_deref()
                .is_some_and(|d| header_str(headers, header::IF_MODIFIED_SINCE) == Some(d));
            let mut b = builder;
            if let Some(e) = &etag {
                b = b.header(header::ETAG, e);
            }
            if let Some(d) = &last_modified {
                b = b.header(header::LAST_MODIFIED, d);
            }
            if etag_match || date_match {
                state.not_modified.fetch_add(1, Ordering::Relaxed);
                return b.status(StatusCode::NOT_MODIFIED).body(Body::empty()).unwrap();
            }
            state.body_bytes.fetch_add(body.len() as u64, Ordering::Relaxed);
            b.status(StatusCode::OK).body(Body::from(body)).unwrap()
        }
        Some(Behaviour::Trickle { body, interval }) => {
            let stream = futures_util::stream::unfold(0usize, move |i| {
                let body = body.clone();
                async move {
                    if i >= body.len() {
                        return None;
                    }
                    if i > 0 {
                        tokio::time::sleep(interval).await;
                    }
                    Some((Ok::<_, std::io::Error>(vec![body[i]]), i + 1))
                }
            });
            builder.status(StatusCode::OK).body(Body::from_stream(stream)).unwrap()
        }
        Some(Behaviour::Endless { bytes }) => {
            const CHUNK: usize = 64 * 1024;
            let line = b"metrics.filler = 0123456789012345678901234567890123456789012345678901234567\n";
            let chunk: Vec<u8> = line.iter().copied().cycle().take(CHUNK).collect();
            let stream = futures_util::stream::unfold(0u64, move |sent| {
                let chunk = chunk.clone();
                async move {
                    if sent >= bytes {
                        return None;
                    }
                    let n = (bytes - sent).min(CHUNK as u64) as usize;
                    Some((Ok::<_, std::io::Error>(chunk[..n].to_vec()), sent + n as u64))
                }
            });
            builder.status(StatusCode::OK).body(Body::from_stream(stream)).unwrap()
        }
        Some(Behaviour::Hang) => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            builder.status(StatusCode::OK).body(Body::empty()).unwrap()
        }
    }
}
