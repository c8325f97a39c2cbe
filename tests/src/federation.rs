//! A CHATONS federation served on 127.0.0.1 for the journeys: the files of one fixture federation of the
//! core's tests, with `{{BASE}}` replaced by this server's address. Deliberately tiny (HTTP/1.0 style, one
//! thread per connection, no caching headers): the crawl itself is tested in the core, here it only needs
//! to answer.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};

/// A running federation server; it stops with the test process.
#[derive(Debug)]
pub struct Federation {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    requests: Arc<AtomicU64>,
}

impl Federation {
    /// Serves `crates/core/tests/fixtures/federations/<name>/`.
    pub fn serve(name: &str) -> Result<Federation> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        let base = format!("http://{}", listener.local_addr()?);
        let root = crate::workspace_root().join("crates/core/tests/fixtures/federations").join(name);
        let mut files = HashMap::new();
        load(&root, &root, &base, &mut files).with_context(|| format!("reading {}", root.display()))?;
        let files = Arc::new(files);
        let requests = Arc::new(AtomicU64::new(0));
        let counter = requests.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let files = files.clone();
                counter.fetch_add(1, Ordering::Relaxed);
                std::thread::spawn(move || answer(stream, &files));
            }
        });
        Ok(Federation { base, requests })
    }

    /// The federation file's URL, for `--directory-source`.
    pub fn url(&self) -> String {
        format!("{}/federation.properties", self.base)
    }

    /// Requests received so far.
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }
}

fn load(root: &Path, dir: &Path, base: &str, files: &mut HashMap<String, Vec<u8>>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            load(root, &path, base, files)?;
        } else {
            let rel = path.strip_prefix(root)?.to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&path)?.replace("{{BASE}}", base);
            files.insert(format!("/{rel}"), text.into_bytes());
        }
    }
    Ok(())
}

fn answer(mut stream: TcpStream, files: &HashMap<String, Vec<u8>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut request_line = String::new();
    let mut reader = BufReader::new(&stream);
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Read the headers to their end, so that the client is not cut off mid-request.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split('?').next().unwrap_or(path);
    let (status, body): (&str, &[u8]) = match files.get(path) {
        Some(body) => ("200 OK", body),
        None => ("404 Not Found", b"not found"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(body));
}
