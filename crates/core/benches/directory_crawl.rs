//! Crawl benchmark: 120 organizations × 6 services on a loopback server that waits 50 ms before each
//! answer. Compares the refresh time with the ideal bound for the concurrency (latency × Σ over levels of
//! ⌈files of the level / concurrency⌉) and with a sequential crawl, and the bytes of a second refresh
//! (all 304) with the first. Run with `cargo bench -p premiers-pas-core --bench directory_crawl`.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

#[path = "../tests/directory_server/mod.rs"]
mod directory_server;

use std::time::{Duration, Instant};

use directory_server::Server;
use premiers_pas_core::directory::{CancellationToken, DirectoryStore, RefreshOptions, RefreshReport};
use premiers_pas_core::journal::Journal;

const ORGS: usize = 120;
const SERVICES: usize = 6;
const LATENCY: Duration = Duration::from_millis(50);

fn federation(server: &Server) {
    let mut fed = String::from("file.class = Federation\nfederation.name = Bench\n");
    for o in 0..ORGS {
        fed.push_str(&format!("subs.org{o} = {}/orgs/{o}.properties\n", server.base));
        let mut org = format!(
            "file.class = Organization\norganization.name = Organisation {o}\n\
             organization.description = Une organisation de test, avec une description de taille ordinaire.\n\
             organization.website = https://org{o}.example/\norganization.country.code = FR\n\
             organization.geolocation.latitude = {}\norganization.geolocation.longitude = {}\n",
            43.0 + (o as f64) * 0.05,
            -1.0 + (o as f64) * 0.06
        );
        for s in 0..SERVICES {
            org.push_str(&format!("subs.s{s} = {}/services/{o}-{s}.properties\n", server.base));
            let mut service = format!(
                "file.class = Service\nservice.name = Service {s}\nservice.website = https://s{s}.org{o}.example/\n\
                 service.registration = Free\nservice.registration.load = OPEN\nsoftware.name = Nextcloud\n"
            );
            // Real service files carry monthly metrics; they are read, then not kept.
            for m in 1..=24 {
                service.push_str(&format!("metrics.http.hits.2024.{m:02} = {}\n", m * 1234));
            }
            server.set_file(&format!("/services/{o}-{s}.properties"), service.into_bytes());
        }
        server.set_file(&format!("/orgs/{o}.properties"), org.into_bytes());
    }
    server.set_file("/federation.properties", fed.into_bytes());
}

fn refresh(
    rt: &tokio::runtime::Runtime,
    store: &mut DirectoryStore,
    opts: &RefreshOptions,
) -> (RefreshReport, Duration) {
    let start = Instant::now();
    let report =
        rt.block_on(store.refresh(opts, &Journal::new(), &|_| {}, &CancellationToken::new())).unwrap();
    (report, start.elapsed())
}

fn ideal(concurrency: usize) -> Duration {
    let levels = [1, ORGS, ORGS * SERVICES];
    let rounds: usize = levels.iter().map(|n| n.div_ceil(concurrency)).sum();
    LATENCY * rounds as u32
}

fn main() {
    let server = Server::start();
    server.set_latency(LATENCY);
    federation(&server);
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let files = 1 + ORGS + ORGS * SERVICES;
    println!(
        "directory_crawl: {ORGS} organizations × {SERVICES} services = {files} files, {LATENCY:?} latency"
    );

    let opts = RefreshOptions::with_source(server.url("/federation.properties"));
    let mut store = DirectoryStore::ephemeral();
    server.reset_counters();
    let (first, t_first) = refresh(&rt, &mut store, &opts);
    let (wire_first, body_first) = (server.wire_bytes(), server.body_bytes());
    assert_eq!(first.counts.fetched as usize, files);
    assert_eq!(first.services as usize, ORGS * SERVICES);
    let bound = ideal(opts.concurrency);
    println!(
        "concurrency {:>2}: {:>7.0} ms   ideal bound {:>6.0} ms   ratio {:.2}",
        opts.concurrency,
        t_first.as_secs_f64() * 1000.0,
        bound.as_secs_f64() * 1000.0,
        t_first.as_secs_f64() / bound.as_secs_f64()
    );

    server.reset_counters();
    let (second, t_second) = refresh(&rt, &mut store, &opts);
    assert_eq!(second.counts.unchanged as usize, files);
    let (wire_second, body_second) = (server.wire_bytes(), server.body_bytes());
    println!(
        "second refresh (304): {:>7.0} ms; bytes sent by the server {wire_second} vs {wire_first} ({:.1} %), \
         body bytes {body_second} vs {body_first}; body bytes received by the client {} vs {}",
        t_second.as_secs_f64() * 1000.0,
        100.0 * wire_second as f64 / wire_first as f64,
        second.bytes_received,
        first.bytes_received
    );

    let sequential = RefreshOptions { concurrency: 1, ..opts.clone() };
    let mut fresh = DirectoryStore::ephemeral();
    let (_, t_seq) = refresh(&rt, &mut fresh, &sequential);
    println!(
        "concurrency  1: {:>7.0} ms   ideal bound {:>6.0} ms   speed-up of concurrency {} over sequential: {:.1}×",
        t_seq.as_secs_f64() * 1000.0,
        ideal(1).as_secs_f64() * 1000.0,
        opts.concurrency,
        t_seq.as_secs_f64() / t_first.as_secs_f64()
    );
}
