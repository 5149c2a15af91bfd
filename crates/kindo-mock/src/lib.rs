//! `kindo-mock`: a stateful, stream-correct server that speaks the published Kindo and Koda
//! OpenAPI documents (the files in `spec/`, or the copies built into the binary), one
//! listener per document.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let mock = kindo_mock::Mock::new(kindo_mock::Spec::embedded().unwrap(), Default::default());
//! let running = kindo_mock::start_local(mock).await?;
//! println!("{}", running.url(kindo_mock::Surface::Api)); // http://127.0.0.1:<port>
//! running.stop().await;
//! # Ok(()) }
//! ```

pub mod auth;
pub mod errors;
pub mod events;
pub mod examples;
pub mod faults;
mod handlers;
pub mod ids;
pub mod reply;
pub mod router;
pub mod server;
pub mod spec;
pub mod state;
pub mod streams;
pub mod validate;

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use server::{Mock, Options};
pub use spec::{Spec, SpecError, Surface};

/// A mock serving on its listeners until [`Running::stop`] (or drop of the runtime).
pub struct Running {
    pub addrs: Vec<(Surface, SocketAddr)>,
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<std::io::Result<()>>>,
}

impl Running {
    /// `http://ADDR` of `surface`'s listener.
    pub fn url(&self, surface: Surface) -> String {
        let addr = self
            .addrs
            .iter()
            .find(|(s, _)| *s == surface)
            .map(|(_, a)| *a)
            .expect("every surface has a listener");
        format!("http://{addr}")
    }

    /// Stops accepting, lets in-flight requests finish, and waits for the listeners to close.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        for task in self.tasks {
            let _ = task.await;
        }
    }

    /// Waits until the listeners end (after a stop signal sent elsewhere).
    pub async fn wait(self) -> std::io::Result<()> {
        for task in self.tasks {
            task.await.map_err(std::io::Error::other)??;
        }
        Ok(())
    }

    /// A handle that stops the mock when sent `true`.
    pub fn stopper(&self) -> watch::Sender<bool> {
        self.stop.clone()
    }
}

/// Serves `mock` on the given listeners (one per surface).
pub fn start(mock: Mock, listeners: Vec<(Surface, TcpListener)>) -> std::io::Result<Running> {
    let mock = Arc::new(mock);
    let (stop, watcher) = watch::channel(false);
    let mut addrs = Vec::new();
    let mut tasks = Vec::new();
    for (surface, listener) in listeners {
        addrs.push((surface, listener.local_addr()?));
        let app = axum::Router::new()
            .fallback(server::handle)
            .with_state((Arc::clone(&mock), surface));
        let mut watcher = watcher.clone();
        tasks.push(tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = watcher.wait_for(|stop| *stop).await;
                })
                .await
        }));
    }
    Ok(Running { addrs, stop, tasks })
}

/// Serves `mock` on three ephemeral ports of 127.0.0.1 (for tests).
pub async fn start_local(mock: Mock) -> std::io::Result<Running> {
    let mut listeners = Vec::new();
    for surface in spec::SURFACES {
        listeners.push((surface, TcpListener::bind("127.0.0.1:0").await?));
    }
    start(mock, listeners)
}
