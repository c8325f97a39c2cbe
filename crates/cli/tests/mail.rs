//! `premiers-pas mail check`, by domain and through MX records served by a DNS responder on 127.0.0.1.

// Test helpers may panic: a failed set-up is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::{SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use hickory_proto::op::{Message, OpCode, ResponseCode};
use hickory_proto::rr::rdata::MX;
use hickory_proto::rr::{Name, RData, Record, RecordType};

fn premiers_pas() -> Command {
    Command::cargo_bin("premiers-pas").unwrap()
}

/// The MX records our test zone holds.
fn zone(name: &str) -> Option<Vec<(u16, &'static str)>> {
    match name.trim_end_matches('.') {
        "workspace.example" => Some(vec![(5, "alt1.aspmx.l.google.com."), (1, "aspmx.l.google.com.")]),
        "m365.example" => Some(vec![(0, "m365-example.mail.protection.outlook.com.")]),
        "selfhosted.example" => Some(vec![(10, "mail.selfhosted.example.")]),
        "nomx.example" => Some(vec![]),
        _ => None,
    }
}

/// A tiny UDP DNS responder on 127.0.0.1 that answers MX queries from [`zone`]. It stops when dropped,
/// and by itself after a minute at most.
struct DnsServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl DnsServer {
    fn start() -> DnsServer {
        let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
        socket.set_read_timeout(Some(Duration::from_millis(100))).unwrap();
        let addr = socket.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let started = Instant::now();
            let mut buf = [0u8; 4096];
            while !flag.load(Ordering::Relaxed) && started.elapsed() < Duration::from_secs(60) {
                let Ok((len, peer)) = socket.recv_from(&mut buf) else {
                    continue;
                };
                let Ok(query) = Message::from_vec(&buf[..len]) else {
                    continue;
                };
                let mut response = Message::response(query.metadata.id, OpCode::Query);
                response.metadata.recursion_desired = query.metadata.recursion_desired;
                response.metadata.recursion_available = true;
                for q in &query.queries {
                    response.add_query(q.clone());
                    match zone(&q.name().to_ascii()) {
                        None => response.metadata.response_code = ResponseCode::NXDomain,
                        Some(records) if q.query_type() == RecordType::MX => {
                            for (pref, host) in records {
                                let rdata = RData::MX(MX::new(pref, Name::from_ascii(host).unwrap()));
                                response.add_answer(Record::from_rdata(q.name().clone(), 300, rdata));
                            }
                        }
                        Some(_) => {}
                    }
                }
                let _ = socket.send_to(&response.to_vec().unwrap(), peer);
            }
        });
        DnsServer { addr, stop, thread: Some(thread) }
    }
}

impl Drop for DnsServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn check_json(args: &[&str]) -> serde_json::Value {
    let out = premiers_pas().args(["mail", "check"]).args(args).arg("--json").assert().success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn known_domains_need_no_network() {
    let json = check_json(&["ana@gmail.com"]);
    assert_eq!(json["provider"]["id"], "google");
    assert_eq!(json["provider"]["kind"], "big-tech");
    assert!(json["mx_hosts"].is_null());
    assert_eq!(json["requests"].as_array().unwrap().len(), 0, "no lookup without --mx");
    let json = check_json(&["ana@posteo.net"]);
    assert_eq!(json["provider"]["kind"], "ethical");
}

#[test]
fn mx_reveals_google_workspace_behind_a_custom_domain() {
    let dns = DnsServer::start();
    let server = dns.addr.to_string();
    let json = check_json(&["ana@workspace.example", "--mx", "--dns-server", &server]);
    assert_eq!(json["by_domain"]["id"], "unknown");
    assert_eq!(json["provider"]["id"], "google");
    assert_eq!(json["mx_hosts"], serde_json::json!(["aspmx.l.google.com", "alt1.aspmx.l.google.com"]));
    let requests = json["requests"].as_array().unwrap();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0]["purpose"], "dns");
    assert_eq!(requests[0]["target"], "workspace.example MX");
}

#[test]
fn mx_reveals_microsoft_365() {
    let dns = DnsServer::start();
    let json = check_json(&["contact@m365.example", "--mx", "--dns-server", &dns.addr.to_string()]);
    assert_eq!(json["provider"]["id"], "microsoft");
    assert_eq!(json["provider"]["matched_by"], "mx:m365-example.mail.protection.outlook.com");
}

#[test]
fn a_self_hosted_domain_stays_unknown_and_is_said_so() {
    let dns = DnsServer::start();
    let server = dns.addr.to_string();
    let json = check_json(&["moi@selfhosted.example", "--mx", "--dns-server", &server]);
    assert_eq!(json["provider"]["id"], "unknown");
    assert_eq!(json["mx_hosts"], serde_json::json!(["mail.selfhosted.example"]));
    let out = premiers_pas()
        .args(["--lang", "fr", "mail", "check", "moi@selfhosted.example", "--mx", "--dns-server", &server])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("auto-hébergé") && text.contains("mail.selfhosted.example"), "{text}");
}

#[test]
fn a_domain_without_mx_and_one_that_does_not_exist() {
    let dns = DnsServer::start();
    let server = dns.addr.to_string();
    let json = check_json(&["a@nomx.example", "--mx", "--dns-server", &server]);
    assert_eq!(json["mx_hosts"], serde_json::json!([]));
    let json = check_json(&["a@nowhere.example", "--mx", "--dns-server", &server]);
    assert_eq!(json["mx_hosts"], serde_json::json!([]), "NXDOMAIN: no mail servers");
}

#[test]
fn a_silent_server_is_an_error_not_a_hang() {
    // A bound socket that never answers.
    let silent = UdpSocket::bind("127.0.0.1:0").unwrap();
    let addr = silent.local_addr().unwrap().to_string();
    let out = premiers_pas()
        .args(["mail", "check", "a@workspace.example", "--mx", "--json", "--dns-server", &addr])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(2);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["code"], "mail.dns_failed");
}

#[test]
fn a_bad_address_is_refused_with_its_code() {
    let out = premiers_pas().args(["mail", "check", "not-an-address", "--json"]).assert().code(2);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["code"], "mail.invalid_address");
    premiers_pas().args(["mail", "check", "a@b.example", "--dns-server", "127.0.0.1:53"]).assert().code(2);
}

#[test]
fn the_sentence_follows_the_language() {
    let fr = premiers_pas().args(["--lang", "fr", "mail", "check", "ana@gmail.com"]).assert().success();
    assert!(String::from_utf8_lossy(&fr.get_output().stdout).contains("géant du numérique"));
    let en = premiers_pas().args(["--lang", "en", "mail", "check", "ana@gmail.com"]).assert().success();
    assert!(String::from_utf8_lossy(&en.get_output().stdout).contains("big tech"));
}
