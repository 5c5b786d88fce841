//! Three release servers on one PostgreSQL database behind nginx, started
//! by `scripts/cluster.sh` as separate processes (issue 17, items 4 and 5):
//! "any replica serves any request" and "nothing is lost", run for real.
//!
//! These tests need the release build and nginx, so a plain `cargo test`
//! leaves them out (`#[ignore]`); `scripts/test.sh` runs them after the
//! release build (`cargo test --test api cluster:: -- --ignored`), and
//! `bench/crash.sh` runs the crash for longer.

mod crash;
mod replicas;

use crate::common::TestApp;
use crate::mailer::{start_smtp, Mailbox};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A running cluster: nginx in front, each replica on its own port, one
/// database, and an SMTP server (in this process) every replica sends to.
pub(crate) struct Cluster {
    /// Through nginx, as shoppers reach the shop.
    pub front: TestApp,
    /// Each replica directly.
    pub replicas: Vec<TestApp>,
    /// What the replicas' mailers delivered.
    pub mailbox: Mailbox,
    pids: Vec<u32>,
    _stop: Stop,
}

/// Stops a started cluster when dropped: made as soon as the script has
/// started it, so that a test failing while it reads the state file
/// leaves no replica, nginx or database behind.
struct Stop(PathBuf);

impl Drop for Stop {
    fn drop(&mut self) {
        let _ = Command::new("bash").arg(script()).arg("--stop").env("VITRINE_CLUSTER_STATE", &self.0).status();
    }
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/cluster.sh")
}

impl Cluster {
    /// Starts three replicas with `env` added to their environment.
    pub async fn start(env: &[(&str, &str)]) -> Cluster {
        let mailbox = Mailbox::default();
        let smtp = start_smtp(mailbox.clone());
        let state = std::env::temp_dir().join(format!("vitrine-cluster-{}.env", uuid::Uuid::new_v4().simple()));
        let started = Command::new("bash")
            .arg(script())
            .arg("--start")
            .env("VITRINE_CLUSTER_STATE", &state)
            .env("VITRINE_SMTP_URL", &smtp)
            .envs(env.iter().copied())
            .status()
            .expect("bash runs");
        assert!(
            started.success(),
            "scripts/cluster.sh --start failed: it needs the release build (bash scripts/build-release.sh), \
             nginx (bash scripts/setup.sh) and PostgreSQL"
        );
        let stop = Stop(state.clone());
        let text = std::fs::read_to_string(&state).expect("the cluster's state file");
        let vars: HashMap<&str, &str> =
            text.lines().filter_map(|l| l.split_once('=')).map(|(k, v)| (k, v.trim_matches('"'))).collect();
        let database_url = vars["VITRINE_CLUSTER_DATABASE_URL"];
        let db = server::db::connect_and_migrate(database_url).await.expect("the cluster's database");
        let pids = vars["VITRINE_CLUSTER_PIDS"].split_whitespace().map(|p| p.parse().expect("a pid")).collect();
        let replicas = (1..)
            .map_while(|n| vars.get(format!("VITRINE_REPLICA_{n}").as_str()).copied())
            .map(|base| TestApp::attach(base, database_url, db.clone()))
            .collect::<Vec<_>>();
        assert_eq!(replicas.len(), 3, "three replicas: {text}");
        let front = TestApp::attach(vars["VITRINE_CLUSTER_URL"], database_url, db);
        Cluster { front, replicas, mailbox, pids, _stop: stop }
    }

    /// Kills replica `n` (0-based) at once, as a crash does: SIGKILL, no
    /// chance to finish a request or a transaction.
    pub fn kill(&self, n: usize) {
        let killed = Command::new("kill").arg("-9").arg(self.pids[n].to_string()).status().expect("kill runs");
        assert!(killed.success(), "replica {} (pid {}) was running", n + 1, self.pids[n]);
    }

    /// One SQL count on the cluster's database.
    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.front.db.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Waits until every email written has been sent and every decided
    /// payment's callback delivered, up to `within`; says how long it took.
    pub async fn settle(&self, within: std::time::Duration) -> std::time::Duration {
        let began = std::time::Instant::now();
        let mut last_said = 0;
        loop {
            // Callbacks first: the shop writes a payment's email before it
            // answers the callback, so once none is left to deliver, no
            // email can appear after the outbox was read.
            let undelivered = self
                .count("SELECT COUNT(*) FROM sandbox_payments WHERE status <> 'open' AND callback_sent_at IS NULL")
                .await;
            let unsent = self.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").await;
            if unsent == 0 && undelivered == 0 {
                return began.elapsed();
            }
            if began.elapsed().as_secs() / 10 != last_said {
                last_said = began.elapsed().as_secs() / 10;
                eprintln!(
                    "cluster: after {:?}, {unsent} emails unsent, {undelivered} callbacks undelivered",
                    began.elapsed()
                );
            }
            assert!(
                began.elapsed() < within,
                "after {within:?}: {unsent} emails unsent, {undelivered} payment callbacks undelivered"
            );
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
    }

    /// What the SMTP server received for each address: how many emails
    /// (distinct `Message-ID`s), and how many copies in all (an email sent
    /// again after a crash carries its first copy's id).
    pub fn delivered(&self) -> HashMap<String, Delivered> {
        let mut delivered: HashMap<String, (HashSet<String>, i64)> = HashMap::new();
        for (to, id) in self.mailbox.recipients() {
            let entry = delivered.entry(to.trim_matches(['<', '>']).to_lowercase()).or_default();
            entry.0.insert(id);
            entry.1 += 1;
        }
        delivered.into_iter().map(|(to, (ids, copies))| (to, Delivered { emails: ids.len() as i64, copies })).collect()
    }
}

/// What one address received.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Delivered {
    pub emails: i64,
    pub copies: i64,
}
