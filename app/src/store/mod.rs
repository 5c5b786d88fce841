//! Server-side storage: one module per aggregate, all SQL in one place.
//!
//! One body of portable SQL serves SQLite and PostgreSQL through sqlx's
//! `Any` driver: `$n` placeholders, integers for flags, no vendor functions.

pub mod account_tokens;
pub mod addresses;
pub mod audit;
pub mod catalogue_version;
pub mod customers;
pub mod dashboard;
pub mod gifts;
pub mod holds;
pub mod newsletter;
pub mod orders;
pub mod outbox;
pub mod piece_pictures;
pub mod pieces;
pub mod products;
pub mod promos;
pub mod rate_limits;
pub mod refunds;
pub mod returns;
pub mod sandbox_payments;
pub mod second_factors;
pub mod secrets;
pub mod service_requests;
pub mod sessions;
pub mod shipping;
pub mod shops;
pub mod stock;
pub mod stock_alerts;

use sqlx::AnyPool;

/// Which database engine is behind the pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database handle shared by every request.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
}

impl Db {
    /// Begins a transaction that writes. On SQLite it is `BEGIN IMMEDIATE`:
    /// the write lock is taken at once, waiting its turn (`busy_timeout`),
    /// so a transaction that reads before it writes cannot fail with
    /// SQLITE_BUSY when another writer commits in between (a deferred
    /// transaction's read lock cannot be upgraded then). PostgreSQL's row
    /// locks need nothing more than `BEGIN`.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }
}

/// The current time in Unix seconds: what every stored time is measured in.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// A value to bind into a query built at run time.
#[derive(Clone, Debug)]
pub(crate) enum Bind {
    Int(i64),
    Text(String),
}

/// SQL text with numbered placeholders, built piece by piece.
///
/// sqlx's `QueryBuilder` cannot number placeholders for the `Any` driver,
/// and PostgreSQL needs `$1`, `$2`…; SQLite accepts the same.
#[derive(Debug, Default)]
pub(crate) struct Sql {
    pub text: String,
    binds: Vec<Bind>,
}

impl Sql {
    pub fn new(text: &str) -> Self {
        Sql { text: text.to_owned(), binds: Vec::new() }
    }

    /// Appends SQL text.
    pub fn push(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// Adds a bound value and returns its placeholder, e.g. `$3`.
    pub fn bind(&mut self, value: Bind) -> String {
        self.binds.push(value);
        format!("${}", self.binds.len())
    }

    /// The query, ready to run.
    pub fn query(&self) -> sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments<'_>> {
        let mut query = sqlx::query(&self.text);
        for bind in &self.binds {
            query = match bind {
                Bind::Int(i) => query.bind(*i),
                Bind::Text(s) => query.bind(s.as_str()),
            };
        }
        query
    }
}

/// Escapes text for use inside `LIKE … ESCAPE '\'`, so that `%` and `_`
/// typed by a shopper are searched for literally.
pub(crate) fn like_contains(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(like_contains("or"), "%or%");
        assert_eq!(like_contains("100%"), "%100\\%%");
        assert_eq!(like_contains("a_b\\"), "%a\\_b\\\\%");
    }

    #[test]
    fn placeholders_are_numbered_in_order() {
        let mut sql = Sql::new("SELECT 1 WHERE a = ");
        let a = sql.bind(Bind::Int(1));
        sql.push(&a).push(" AND b = ");
        let b = sql.bind(Bind::Text("x".into()));
        sql.push(&b);
        assert_eq!(sql.text, "SELECT 1 WHERE a = $1 AND b = $2");
    }
}
