//! Checkout (PRODUCT.md §5): a quote for the review step, then placing the
//! order and opening its payment. Every price, discount, shipping rate and
//! eligibility is worked out here from the database; the browser sends only
//! what it wants (pieces, sizes, quantities), where to, and a promo code.

use super::basket::{BasketRequest, PricedLine};
use crate::domain::{checkout::Totals, profile::AddressForm};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// What the checkout page sends.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutRequest {
    /// The basket; its `country` is ignored: the delivery address says where.
    pub basket: BasketRequest,
    pub email: String,
    pub address: AddressForm,
    #[serde(default)]
    pub promo: Option<String>,
    /// The revision of the code the review showed (`Quote::promo_revision`):
    /// placing refuses (409) a code staff changed or ended since.
    #[serde(default)]
    pub promo_revision: Option<i64>,
    /// The total the review showed, in cents: placing refuses (409) an
    /// order that would cost anything else (staff repriced a piece since).
    #[serde(default)]
    pub reviewed_total: Option<i64>,
}

/// The review step: what the order will cost, line by line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub lines: Vec<PricedLine>,
    /// The gift's name, when the basket holds it: a €0 line.
    pub gift: Option<String>,
    pub totals: Totals,
    /// The zone's name, in the page's language.
    pub shipping_zone: String,
    /// "5–10 business days", in the page's language.
    pub estimate: String,
    /// The code applied, as normalised.
    pub promo: Option<String>,
    /// Why the code typed was refused, in the shopper's words and language.
    pub promo_refusal: Option<String>,
    /// The code's revision as priced here, sent back when paying.
    pub promo_revision: Option<i64>,
    /// For deliveries outside the EU, in the page's language.
    pub customs_notice: Option<String>,
    /// The delivery country's name, in the page's language.
    pub country_name: String,
    /// A fresh idempotency key for placing this order: a double click or a
    /// retry sends it again and gets the same order.
    pub order_key: String,
}

/// A placed order: where to pay for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedOrder {
    pub reference: String,
    /// The gateway's payment page, or the order's page when it is no longer awaiting payment.
    pub next_url: String,
}

/// What checkout can fill in for a signed-in customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Buyer {
    pub email: String,
    pub addresses: Vec<crate::domain::profile::SavedAddress>,
}

/// The signed-in customer's address and saved addresses; `None` for a guest
/// (not an error: guests check out too).
#[server(endpoint = "checkout/profile")]
pub async fn checkout_profile() -> Result<Option<Buyer>, AppError> {
    use crate::store::{addresses, unix_now};
    let (db, site) = super::context()?;
    super::session::no_store();
    let Some(me) = super::session::current(&db, &site, unix_now()).await? else { return Ok(None) };
    let addresses = addresses::list(&db, me.customer.id).await?;
    Ok(Some(Buyer { email: me.customer.email.as_str().to_owned(), addresses }))
}

/// Prices the checkout for the review step. A refused promo code is not an
/// error here: the quote says why, and comes without the discount.
#[server(endpoint = "checkout/quote", input = Json)]
pub async fn quote_checkout(request: CheckoutRequest) -> Result<Quote, AppError> {
    let (db, site) = super::context()?;
    let prepared = prepare::prepare(&db, &site, &request, crate::store::unix_now()).await?;
    Ok(prepared.quote)
}

/// Places the order (idempotent by `key`), reserving its stock, and opens
/// its payment. The same key again answers with the same order.
#[server(endpoint = "checkout/place", input = Json)]
pub async fn place_order(request: CheckoutRequest, key: String) -> Result<PlacedOrder, AppError> {
    use crate::domain::checkout::IdempotencyKey;
    let (db, site) = super::context()?;
    let key =
        IdempotencyKey::parse(&key).map_err(|_| super::bad_request(crate::i18n::use_locale().checkout_bad_key()))?;
    prepare::place(&db, &site, &request, key, crate::store::unix_now()).await
}

#[cfg(feature = "ssr")]
mod prepare {
    use super::*;
    use crate::api::{bad_request, session};
    use crate::config::SiteConfig;
    use crate::domain::{
        account::Email,
        basket::BasketProduct,
        checkout::{IdempotencyKey, OrderRef},
        gift::GiftState,
        money::Money,
        profile::PostalAddress,
        promo::{self, PromoLine},
        rate_limit::PROMO_PER_CLIENT,
        shipping::{in_eu, zone_for},
    };
    use crate::payments::{
        sandbox::{self, Sandbox},
        PaymentGateway, PaymentRequest,
    };
    use crate::store::{
        orders::{self, NewLine, NewOrder, Placement},
        promos, rate_limits, shipping, Db,
    };

    /// Everything placing an order needs, worked out once.
    pub struct Prepared {
        pub quote: Quote,
        pub email: Email,
        pub address: PostalAddress,
        pub products: Vec<BasketProduct>,
        pub min_days: i64,
        pub max_days: i64,
        /// The promo code's revision as read, if a code applies.
        pub promo_revision: Option<i64>,
        /// The threshold the gift is given from, if the basket holds it.
        pub gift_threshold: Option<Money>,
    }

    pub async fn prepare(
        db: &Db,
        site: &SiteConfig,
        request: &CheckoutRequest,
        now: i64,
    ) -> Result<Prepared, AppError> {
        let t = crate::i18n::use_locale();
        let email = Email::parse(&request.email)
            .map_err(|p| crate::api::invalid_field("email", t.account_email_problem(&p)))?;
        let address = PostalAddress::parse(&request.address)
            .map_err(|p| crate::api::invalid_field(p.field.name(), t.account_field_problem(&p)))?;
        let country_name = address.country.display_name_in(t);
        if address.phone.is_none() {
            return Err(bad_request(t.checkout_phone_needed()));
        }
        if !site.delivery_countries.allows(address.country) {
            return Err(bad_request(t.checkout_country_not_served(&country_name)));
        }
        let basket = BasketRequest { country: address.country.as_str().to_owned(), ..request.basket.clone() };
        let (priced, products) = crate::api::basket::price(db, site, &basket).await?;
        if priced.lines.is_empty() {
            return Err(bad_request(t.basket_empty()));
        }
        if !priced.checkout_allowed {
            let problem = priced
                .lines
                .iter()
                .find_map(|l| l.problem.as_ref().map(|p| t.checkout_line_problem(&l.name, &t.basket_problem(p))))
                .unwrap_or_else(|| t.checkout_gift_no_longer_offered().to_owned());
            return Err(AppError::Conflict(t.checkout_basket_changed(&problem)).respond());
        }
        let zones = shipping::zones(db, t).await?;
        let zone = zone_for(&zones, address.country).ok_or_else(|| bad_request(t.checkout_no_rate(&country_name)))?;

        let promo_lines: Vec<PromoLine> = priced
            .lines
            .iter()
            .map(|l| PromoLine {
                total: l.line_total,
                on_sale: products.iter().any(|p| p.slug == l.product && p.on_sale),
            })
            .collect();
        let mut promo = None;
        let mut promo_refusal = None;
        let mut promo_revision = None;
        let mut discount = Money::ZERO;
        if let Some(raw) = request.promo.as_deref().filter(|r| !r.trim().is_empty()) {
            let outcome = match promo::normalise(raw) {
                Err(refusal) => Err(Some(refusal)),
                Ok(code) => {
                    // Codes cannot be guessed by trying them all: each one
                    // typed is counted first (so tries sent at once cannot
                    // slip through together), and forgotten if it is open.
                    // Over the limit, the code is not even looked up.
                    let client = session::client();
                    let (counted, allowed) = rate_limits::count_then_allows(db, PROMO_PER_CLIENT, &client, now).await?;
                    if !allowed {
                        rate_limits::forget(db, counted).await?;
                        Err(None)
                    } else {
                        match promos::find(db, &code).await? {
                            None => Err(Some(promo::PromoRefusal::Unknown(code))),
                            Some(found) => {
                                let outcome = promo::discount(&found.promo, &promo_lines, now);
                                // A code that is not open reads as unknown, and counts as one.
                                if !matches!(
                                    outcome,
                                    Err(promo::PromoRefusal::NotYet(_) | promo::PromoRefusal::Expired(_))
                                ) {
                                    rate_limits::forget(db, counted).await?;
                                }
                                outcome.map(|amount| (code, amount, found.revision)).map_err(Some)
                            }
                        }
                    }
                }
            };
            match outcome {
                Ok((code, amount, revision)) => {
                    promo = Some(code);
                    promo_revision = Some(revision);
                    discount = amount;
                }
                Err(Some(refusal)) => {
                    // Staff (and the log) see why; the shopper reads only
                    // "not valid" for a code unknown, expired or not yet open.
                    tracing::info!(%refusal, "a promo code was refused");
                    promo_refusal = Some(t.checkout_promo_refusal(&refusal));
                }
                // Too many codes tried: the order can still go ahead without one.
                Err(None) => promo_refusal = Some(PROMO_PER_CLIENT.message(t)),
            }
        }
        let gift_taken = (priced.gift == GiftState::InBasket).then_some(priced.gift_offer.as_ref()).flatten();
        let gift = gift_taken.map(|g| g.name.clone());
        let gift_threshold = gift_taken.map(|g| g.threshold);
        let quote = Quote {
            totals: Totals::new(priced.subtotal, discount, zone.rate),
            lines: priced.lines,
            gift,
            shipping_zone: zone.name.clone(),
            estimate: t.checkout_estimate(i64::from(zone.min_days), i64::from(zone.max_days)),
            promo,
            promo_refusal,
            promo_revision,
            customs_notice: (!in_eu(address.country)).then(|| t.checkout_customs_notice().to_owned()),
            country_name,
            order_key: crate::auth::token::Token::generate().as_str().to_owned(),
        };
        Ok(Prepared {
            quote,
            email,
            address,
            products,
            min_days: i64::from(zone.min_days),
            max_days: i64::from(zone.max_days),
            promo_revision,
            gift_threshold,
        })
    }

    fn random_reference() -> OrderRef {
        use argon2::password_hash::rand_core::{OsRng, RngCore};
        let mut bytes = [0u8; 10];
        OsRng.fill_bytes(&mut bytes);
        OrderRef::from_random(bytes)
    }

    pub async fn place(
        db: &Db,
        site: &SiteConfig,
        request: &CheckoutRequest,
        key: IdempotencyKey,
        now: i64,
    ) -> Result<PlacedOrder, AppError> {
        let keys = &crate::api::shop_keys(db).await?;
        // A retry of an order already placed gets that order, whatever the basket now says.
        if let Some(existing) = orders::by_key(db, &key).await? {
            return answer_existing(db, site, keys, existing, request, now).await;
        }
        let prepared = prepare(db, site, request, now).await?;
        if let Some(refusal) = &prepared.quote.promo_refusal {
            return Err(bad_request(refusal));
        }
        // The review showed other terms: the shopper sees the new ones before paying.
        if let (Some(code), Some(reviewed)) = (&prepared.quote.promo, request.promo_revision) {
            if prepared.promo_revision != Some(reviewed) {
                let t = crate::i18n::use_locale();
                return Err(AppError::Conflict(t.checkout_promo_changed(code)).respond());
            }
        }
        if request.reviewed_total.is_some_and(|cents| cents != prepared.quote.totals.total.cents()) {
            let t = crate::i18n::use_locale();
            return Err(AppError::Conflict(t.checkout_total_changed().to_owned()).respond());
        }
        let signed_in = session::current(db, site, now).await?;
        let quote = &prepared.quote;
        let mut lines: Vec<NewLine> = quote
            .lines
            .iter()
            .map(|l| {
                let product = prepared.products.iter().find(|p| p.slug == l.product);
                let made_to_order = product.is_some_and(|p| p.flags.made_to_order);
                NewLine {
                    product_id: product.map(|p| p.id),
                    slug: l.product.to_string(),
                    name: l.name.clone(),
                    size: l.size.as_ref().map(ToString::to_string).unwrap_or_default(),
                    quantity: l.quantity,
                    unit: l.unit_price.unwrap_or_default(),
                    on_sale: product.is_some_and(|p| p.on_sale),
                    is_gift: false,
                    made_to_order,
                    reserve: if made_to_order { 0 } else { l.quantity },
                    gift_threshold: None,
                }
            })
            .collect();
        if let Some(gift) = &quote.gift {
            lines.push(NewLine {
                product_id: None,
                slug: "gift".into(),
                name: gift.clone(),
                size: String::new(),
                quantity: 1,
                unit: Money::ZERO,
                on_sale: false,
                is_gift: true,
                made_to_order: false,
                reserve: 0,
                gift_threshold: prepared.gift_threshold,
            });
        }
        let reference = random_reference();
        let address = &prepared.address;
        let payments = use_context::<crate::config::PaymentSettings>().unwrap_or_default();
        let order = NewOrder {
            reference: reference.clone(),
            key,
            customer_id: signed_in.as_ref().map(|s| s.customer.id),
            email: prepared.email.as_str().to_owned(),
            email_key: prepared.email.lookup_key(),
            full_name: address.full_name.clone(),
            line1: address.line1.clone(),
            line2: address.line2.clone(),
            postcode: address.postcode.clone(),
            city: address.city.clone(),
            country: address.country.as_str().to_owned(),
            phone: address.phone.clone(),
            zone: quote.shipping_zone.clone(),
            min_days: prepared.min_days,
            max_days: prepared.max_days,
            promo_code: quote.promo.clone(),
            promo_revision: prepared.promo_revision,
            totals: quote.totals,
            lines,
            pay_by: now + payments.minutes * 60,
            locale: crate::i18n::use_locale(),
            held_by: session::client(),
            hold_limits: payments.hold_limits,
        };
        // The confirmation is written in the language the order was placed in.
        let t = order.locale;
        let summary: Vec<String> = order
            .lines
            .iter()
            .map(|l| t.checkout_email_line(l.quantity, &l.name, &l.size, l.unit.times(l.quantity)))
            .collect();
        let email = crate::emails::order_received(
            t,
            &prepared.email,
            reference.as_str(),
            &summary,
            &quote.totals,
            site,
            &keys.order_path(&reference),
        );
        match orders::place(db, &order, &email, now).await? {
            Placement::SoldOut { name, size } => Err(AppError::Conflict(t.checkout_sold_out(&name, &size)).respond()),
            Placement::PromoChanged { code } => Err(AppError::Conflict(t.checkout_promo_changed(&code)).respond()),
            Placement::PieceChanged { name } => Err(AppError::Conflict(t.checkout_piece_changed(&name)).respond()),
            Placement::HoldRefused(refusal) => {
                // Which limit, for whoever reads the log: a script hoarding stock shows here.
                tracing::info!(?refusal, "an order was refused: unpaid orders hold enough");
                Err(AppError::TooManyAttempts(t.checkout_hold_refused(&refusal)).respond())
            }
            Placement::Existing(existing) => answer_existing(db, site, keys, *existing, request, now).await,
            Placement::Placed { id } => {
                tracing::info!(order = %reference, total = %quote.totals.total, "order placed");
                open_payment(db, site, keys, id, &reference, quote.totals.total, now).await
            }
        }
    }

    async fn open_payment(
        db: &Db,
        site: &SiteConfig,
        keys: &crate::payments::keys::Keys,
        id: i64,
        reference: &OrderRef,
        amount: Money,
        now: i64,
    ) -> Result<PlacedOrder, AppError> {
        // Back from the payment page to the order's page, in the shopper's language.
        let back = crate::i18n::use_locale().href(&format!("{}&paid=1", keys.order_path(reference)));
        let request = PaymentRequest { order: reference.clone(), amount, return_url: site.url(&back) };
        let start = Sandbox { secret: &keys.sandbox_callbacks }.start(db, &request, now).await?;
        orders::set_payment_ref(db, id, &start.payment_ref).await?;
        Ok(PlacedOrder { reference: reference.as_str().to_owned(), next_url: start.redirect_url })
    }

    /// The answer to a key already used: the same order, its payment page
    /// if it still waits for one, else its own page.
    async fn answer_existing(
        db: &Db,
        site: &SiteConfig,
        keys: &crate::payments::keys::Keys,
        existing: orders::OrderHead,
        request: &CheckoutRequest,
        now: i64,
    ) -> Result<PlacedOrder, AppError> {
        let t = crate::i18n::use_locale();
        // A key is not a way into someone else's order.
        let same_buyer = Email::parse(&request.email).is_ok_and(|e| Some(e.lookup_key()) == existing.email_key);
        if !same_buyer {
            return Err(bad_request(t.checkout_key_used()));
        }
        let reference = existing.reference.clone();
        if existing.status == crate::domain::order_status::OrderStatus::AwaitingPayment {
            if let Some(payment) = &existing.payment_ref {
                if let Some(open) = crate::store::sandbox_payments::get(db, payment).await? {
                    if open.status == "open" {
                        return Ok(PlacedOrder {
                            reference: reference.as_str().to_owned(),
                            next_url: format!("{}{}", sandbox::PAGE_PREFIX, open.id),
                        });
                    }
                }
            } else {
                return open_payment(db, site, keys, existing.id, &reference, existing.totals.total, now).await;
            }
        }
        Ok(PlacedOrder { reference: reference.as_str().to_owned(), next_url: t.href(&keys.order_path(&reference)) })
    }
}
