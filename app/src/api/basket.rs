//! The basket's server side: re-pricing and re-checking a basket sent from
//! the browser. Prices, stock and eligibility come from the database only;
//! the browser's copy says which pieces, which sizes and how many, nothing more.

use crate::domain::{
    basket::{BasketLine, LineProblem},
    catalogue::{Category, Picture, SizeLabel, SizeStock},
    country::CountryCode,
    gift::{GiftOffer, GiftState},
    money::Money,
    slug::Slug,
};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// A basket as the browser sends it to be priced. Fields are plain text and
/// numbers, parsed on the server; anything else a client adds (a price, say) is ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasketRequest {
    #[serde(default)]
    pub lines: Vec<RequestedLine>,
    #[serde(default)]
    pub gift: Option<String>,
    /// The delivery country's two-letter code.
    pub country: String,
}

/// One line as sent: which piece, which size, how many.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestedLine {
    pub product: String,
    #[serde(default)]
    pub size: Option<String>,
    pub quantity: i64,
}

impl From<&BasketLine> for RequestedLine {
    fn from(line: &BasketLine) -> Self {
        RequestedLine {
            product: line.product.to_string(),
            size: line.size.as_ref().map(ToString::to_string),
            quantity: i64::from(line.quantity.get()),
        }
    }
}

/// A line priced by the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricedLine {
    pub product: Slug,
    pub size: Option<SizeLabel>,
    pub quantity: u32,
    /// Empty when the product is unknown.
    pub name: String,
    pub category: Option<Category>,
    pub picture: Option<Picture>,
    pub unit_price: Option<Money>,
    pub line_total: Money,
    /// The sizes the piece is made in, to change the line's size.
    pub sizes: Vec<SizeStock>,
    /// Made in the workshop once ordered: a size without stock may still be had.
    #[serde(default)]
    pub made_to_order: bool,
    /// How many of this size may be bought now (0 when none).
    pub limit: u32,
    /// Why the line cannot be bought as it is; blocks checkout.
    pub problem: Option<LineProblem>,
}

/// The basket as the server prices it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricedBasket {
    pub lines: Vec<PricedLine>,
    /// The merchandise subtotal of the lines that can be bought.
    pub subtotal: Money,
    pub gift: GiftState,
    /// The gift on offer, if the house offers one.
    pub gift_offer: Option<GiftOffer>,
    pub country: CountryCode,
    /// Whether pieces may be bought online for delivery to `country`.
    pub country_served: bool,
    /// True when every line can be bought, the country is served and the basket is not empty.
    pub checkout_allowed: bool,
}

/// Prices and checks a basket. A request that cannot be a basket of ours
/// (a malformed name or size, a quantity outside 1–5, too many lines, an
/// unknown country) is a 400 that says what is wrong; a well-formed line for
/// a piece that cannot be bought is priced as far as possible and flagged.
#[server(endpoint = "basket/price", input = Json)]
pub async fn price_basket(basket: BasketRequest) -> Result<PricedBasket, AppError> {
    let (db, site) = super::context()?;
    Ok(price(&db, &site, &basket).await?.0)
}

/// Parses and prices a basket request: what the basket page shows and what
/// checkout starts from. Also hands back the catalogue rows it read.
#[cfg(feature = "ssr")]
pub(crate) async fn price(
    db: &crate::store::Db,
    site: &crate::config::SiteConfig,
    basket: &BasketRequest,
) -> Result<(PricedBasket, Vec<crate::domain::basket::BasketProduct>), AppError> {
    use crate::domain::{
        basket::{line_problem, Quantity, MAX_LINES},
        gift::gift_state,
    };
    use crate::store::{gifts, products};
    use std::collections::HashSet;

    let t = crate::i18n::use_locale();
    let bad = |message: String| AppError::BadRequest(message).respond();

    let country = CountryCode::parse_known(&basket.country).map_err(|e| bad(t.basket_unknown_country(&e.0)))?;
    if basket.lines.len() > MAX_LINES {
        return Err(bad(t.basket_too_many_lines()));
    }
    let mut lines = Vec::with_capacity(basket.lines.len());
    let mut seen = HashSet::new();
    for raw in &basket.lines {
        let product = Slug::parse(&raw.product).map_err(|e| bad(t.basket_not_a_piece(&e.0)))?;
        let size = raw.size.as_deref().map(SizeLabel::parse).transpose().map_err(|e| bad(t.basket_not_a_size(&e.0)))?;
        let count = u64::try_from(raw.quantity).unwrap_or(0);
        let quantity = Quantity::parse(count).map_err(|_| bad(t.basket_bad_quantity(raw.quantity)))?;
        let line = BasketLine { product, size, quantity };
        if !seen.insert(line.key()) {
            return Err(bad(t.basket_listed_twice(line.product.as_str())));
        }
        lines.push(line);
    }
    let gift = basket.gift.as_deref().map(Slug::parse).transpose().map_err(|e| bad(t.basket_not_a_piece(&e.0)))?;

    let slugs: Vec<Slug> = lines.iter().map(|l| l.product.clone()).collect();
    let audience = super::session::audience(db, site, crate::store::unix_now()).await?;
    let catalogue = products::for_basket(db, &slugs, audience, t).await?;
    let mut subtotal = Money::ZERO;
    let priced: Vec<PricedLine> = lines
        .into_iter()
        .map(|line| {
            let product = catalogue.iter().find(|p| p.slug == line.product);
            let problem = line_problem(product, &line, audience);
            let quantity = line.quantity.get();
            let unit_price = product.map(|p| p.price);
            let line_total = unit_price.map(|p| p.times(quantity)).unwrap_or_default();
            if problem.is_none() {
                subtotal = subtotal.plus(line_total);
            }
            PricedLine {
                name: product.map(|p| p.name.clone()).unwrap_or_default(),
                category: product.map(|p| p.category),
                picture: product.map(|p| p.picture.clone()),
                sizes: product.map(|p| p.sizes().to_vec()).unwrap_or_default(),
                made_to_order: product.is_some_and(|p| p.flags.made_to_order),
                limit: product.map(|p| p.limit(line.size.as_ref())).unwrap_or(0),
                product: line.product,
                size: line.size,
                quantity,
                unit_price,
                line_total,
                problem,
            }
        })
        .collect();

    let offer = gifts::current(db, t).await?;
    let gift = gift_state(offer.as_ref(), subtotal, gift.as_ref());
    let country_served = site.delivery_countries.allows(country);
    let checkout_allowed = country_served
        && !priced.is_empty()
        && priced.iter().all(|l| l.problem.is_none())
        && gift != GiftState::Withdrawn;
    let basket =
        PricedBasket { lines: priced, subtotal, gift, gift_offer: offer, country, country_served, checkout_allowed };
    Ok((basket, catalogue))
}
