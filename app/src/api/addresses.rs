//! The signed-in customer's delivery addresses. Every call is scoped to the
//! caller: someone else's address id is answered 404, and nothing changes.

use crate::domain::profile::{AddressForm, SavedAddress};
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in customer's addresses, the default first.
#[server(endpoint = "account/addresses")]
pub async fn my_addresses() -> Result<Vec<SavedAddress>, AppError> {
    use crate::store::{addresses, unix_now};
    let (db, site) = super::context()?;
    let me = super::session::require(&db, &site, unix_now()).await?.customer;
    Ok(addresses::list(&db, me.id).await?)
}

/// Adds an address (no `id`) or replaces one (its `id`).
#[server(endpoint = "account/addresses/save")]
pub async fn save_address(
    id: Option<String>,
    address: AddressForm,
    make_default: Option<String>,
) -> Result<String, AppError> {
    use crate::domain::profile::{PostalAddress, MAX_ADDRESSES};
    use crate::store::{addresses, unix_now};
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require(&db, &site, now).await?.customer;
    let address = PostalAddress::parse(&address)
        .map_err(|p| super::invalid_field(p.field.name(), t.account_field_problem(&p)))?;
    let make_default = make_default.is_some();
    match id.as_deref().map(str::trim).filter(|id| !id.is_empty()) {
        None => match addresses::add(&db, me.id, &address, make_default, now).await? {
            addresses::Added::Added(_) => Ok(t.account_address_added().to_owned()),
            addresses::Added::Full => Err(super::bad_request(t.account_addresses_limit(MAX_ADDRESSES))),
        },
        Some(raw) => {
            let id: i64 = raw.parse().map_err(|_| super::bad_request(t.account_address_not_found()))?;
            if addresses::update(&db, me.id, id, &address, make_default).await? {
                Ok(t.account_address_saved().to_owned())
            } else {
                Err(AppError::NotFound.respond())
            }
        }
    }
}

/// Removes one of the customer's addresses.
#[server(endpoint = "account/addresses/remove")]
pub async fn remove_address(id: i64) -> Result<String, AppError> {
    use crate::store::{addresses, unix_now};
    let (db, site) = super::context()?;
    let me = super::session::require(&db, &site, unix_now()).await?.customer;
    if addresses::remove(&db, me.id, id).await? {
        Ok(crate::i18n::use_locale().account_address_removed().to_owned())
    } else {
        Err(AppError::NotFound.respond())
    }
}

/// Makes one of the customer's addresses the default.
#[server(endpoint = "account/addresses/default")]
pub async fn make_default_address(id: i64) -> Result<String, AppError> {
    use crate::store::{addresses, unix_now};
    let (db, site) = super::context()?;
    let me = super::session::require(&db, &site, unix_now()).await?.customer;
    if addresses::set_default(&db, me.id, id).await? {
        Ok(crate::i18n::use_locale().account_address_now_default().to_owned())
    } else {
        Err(AppError::NotFound.respond())
    }
}
