//! `cargo xtask docs --open`: a small static file server on 127.0.0.1, stopped after a fixed
//! time (or Ctrl-C). GET and HEAD only; paths cannot leave the site directory.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

use crate::XtaskError;

/// A bound server, not yet serving.
pub struct Server {
    listener: TcpListener,
    root: PathBuf,
}

impl Server {
    /// Binds `127.0.0.1:port` (0 picks a free port).
    pub fn bind(root: &Path, port: u16) -> Result<Server, XtaskError> {
        let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| XtaskError::Io {
            path: root.to_path_buf(),
            message: format!("cannot listen on 127.0.0.1:{port}: {e}"),
        })?;
        listener
            .set_nonblocking(true)
            .expect("a bound listener can be made non-blocking");
        Ok(Server {
            listener,
            root: root.to_path_buf(),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves requests one at a time until `duration` has passed.
    pub fn serve_for(&self, duration: Duration) {
        let deadline = Instant::now() + duration;
        while Instant::now() < deadline {
            match self.listener.accept() {
                Ok((stream, _)) => {
                    // A client that stalls or hangs up only ends its own connection.
                    let _ = self.handle(stream);
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    }

    fn handle(&self, stream: TcpStream) -> std::io::Result<()> {
        stream.set_nonblocking(false)?;
        stream.set_read_timeout(Some(Duration::from_secs(5)))?;
        stream.set_write_timeout(Some(Duration::from_secs(5)))?;
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut line = String::new();
        reader.read_line(&mut line)?;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
                break;
            }
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        let mut stream = stream;
        if method != "GET" && method != "HEAD" {
            return respond(
                &mut stream,
                "405 Method Not Allowed",
                "text/plain",
                b"",
                true,
            );
        }
        match self
            .file_for(target)
            .and_then(|p| fs::read(&p).ok().map(|b| (p, b)))
        {
            Some((path, body)) => respond(
                &mut stream,
                "200 OK",
                content_type(&path),
                &body,
                method == "GET",
            ),
            None => respond(
                &mut stream,
                "404 Not Found",
                "text/plain",
                b"not found\n",
                true,
            ),
        }
    }

    /// The file a request target names, or `None` when it is outside the site.
    fn file_for(&self, target: &str) -> Option<PathBuf> {
        let path = target.split(['?', '#']).next().unwrap_or("");
        let decoded = percent_decode(path)?;
        let mut full = self.root.clone();
        for component in Path::new(decoded.trim_start_matches('/')).components() {
            match component {
                Component::Normal(part) => full.push(part),
                Component::CurDir => {}
                _ => return None,
            }
        }
        if full.is_dir() {
            full.push("index.html");
        }
        full.is_file().then_some(full)
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("json") => "application/json",
        Some("yaml") => "application/yaml",
        Some("md") => "text/markdown; charset=utf-8",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn get(addr: SocketAddr, request: &str) -> String {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut out = String::new();
        stream.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn serves_site_files_on_loopback_and_nothing_outside() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        fs::create_dir_all(site.join("downloads")).unwrap();
        fs::write(site.join("index.html"), "<p>index</p>").unwrap();
        fs::write(site.join("downloads/a b.json"), "{}").unwrap();
        fs::write(dir.path().join("secret.txt"), "outside").unwrap();
        let server = Server::bind(&site, 0).unwrap();
        let addr = server.addr();
        assert!(addr.ip().is_loopback());
        let thread = std::thread::spawn(move || server.serve_for(Duration::from_secs(3)));

        let index = get(addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(index.starts_with("HTTP/1.1 200 OK"), "{index}");
        assert!(index.contains("text/html"), "{index}");
        assert!(index.ends_with("<p>index</p>"), "{index}");
        let json = get(addr, "GET /downloads/a%20b.json?x=1 HTTP/1.1\r\n\r\n");
        assert!(
            json.contains("application/json") && json.ends_with("{}"),
            "{json}"
        );
        let head = get(addr, "HEAD /index.html HTTP/1.1\r\n\r\n");
        assert!(
            head.contains("Content-Length: 12") && !head.contains("<p>"),
            "{head}"
        );
        for escape in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/downloads/../../secret.txt",
        ] {
            let out = get(addr, &format!("GET {escape} HTTP/1.1\r\n\r\n"));
            assert!(out.starts_with("HTTP/1.1 404"), "{escape}: {out}");
        }
        let post = get(addr, "POST / HTTP/1.1\r\n\r\n");
        assert!(post.starts_with("HTTP/1.1 405"), "{post}");
        thread.join().unwrap();
    }
}
