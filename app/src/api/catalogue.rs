//! Browsing the catalogue: the home page, listings and product pages.

use crate::domain::{
    catalogue::{Collection, Material, ProductCard, ProductDetail},
    listing::{ListingFilter, ListingQuery},
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the home page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeContent {
    pub collections: Vec<Collection>,
    pub highlights: Vec<ProductCard>,
    pub canonical: String,
}

/// The part of the catalogue a listing page is about, from its path.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ListingScope {
    /// `/shop`: everything.
    #[default]
    Everything,
    /// `/shop/{category}`.
    Category(String),
    /// `/collections/{slug}`.
    Collection(String),
}

/// What a listing page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListingContent {
    pub heading: String,
    pub intro: String,
    pub products: Vec<ProductCard>,
    /// The filter as understood, to fill the filter form.
    pub filter: ListingFilter,
    pub collections: Vec<Collection>,
    pub materials: Vec<Material>,
    pub canonical: String,
}

/// What a product page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductContent {
    pub product: ProductDetail,
    pub canonical: String,
    /// schema.org Product data, as JSON-LD text: made on the server, so the
    /// browser's module carries no JSON writer for it. None for a members'
    /// preview piece, which search engines must not learn of.
    pub json_ld: Option<String>,
    /// The signed-in customer's address, to suggest for a back-in-stock
    /// alert. Pages for signed-in customers are never kept by a cache.
    pub member_email: Option<String>,
}

/// How many pieces the home page highlights.
pub const HIGHLIGHTS: i64 = 8;

/// The home page: collections and the newest pieces.
#[server(endpoint = "catalogue/home")]
pub async fn home_page() -> Result<HomeContent, AppError> {
    use crate::store::products;
    let (db, site) = super::context()?;
    let locale = crate::i18n::use_locale();
    Ok(HomeContent {
        collections: products::collections(&db, locale).await?,
        highlights: products::highlights(&db, HIGHLIGHTS, locale).await?,
        canonical: site.url(&locale.href("/")),
    })
}

/// A listing: the scope from the path, the filters from the query string.
/// An unknown category or collection in the path is a 404; a malformed
/// filter is a 400 that says what to correct.
#[server(endpoint = "catalogue/list")]
pub async fn list_products(
    scope: ListingScope,
    // No query string at all is an unfiltered listing.
    #[server(default)] query: ListingQuery,
) -> Result<ListingContent, AppError> {
    use crate::domain::catalogue::Category;
    use crate::store::products;
    let (db, site) = super::context()?;
    let locale = crate::i18n::use_locale();
    let audience = super::session::audience(&db, &site, crate::store::unix_now()).await?;
    let mut filter = ListingFilter::parse(&query).map_err(|problems| {
        let said: Vec<_> = problems.iter().map(|problem| locale.listing_problem(problem)).collect();
        AppError::BadRequest(said.join(" ")).respond()
    })?;
    let collections = products::collections(&db, locale).await?;

    let (heading, intro, path) = match &scope {
        ListingScope::Everything => {
            (locale.listing_all_heading().to_owned(), locale.listing_all_intro().to_owned(), "/shop".to_owned())
        }
        ListingScope::Category(raw) => {
            let category = Category::from_slug(raw).ok_or_else(|| AppError::NotFound.respond())?;
            filter.category = Some(category);
            (
                locale.listing_category_heading(category).to_owned(),
                locale.listing_category_intro(category).to_owned(),
                format!("/shop/{}", category.slug()),
            )
        }
        ListingScope::Collection(raw) => {
            let collection =
                collections.iter().find(|c| c.slug.as_str() == raw).ok_or_else(|| AppError::NotFound.respond())?;
            filter.collection = Some(collection.slug.clone());
            (collection.name.clone(), collection.tagline.clone(), format!("/collections/{}", collection.slug))
        }
    };

    Ok(ListingContent {
        heading,
        intro,
        products: products::list(&db, &filter, audience, locale).await?,
        filter,
        collections,
        materials: products::materials(&db, audience, locale).await?,
        canonical: site.url(&locale.href(&path)),
    })
}

/// One product's page, or a 404.
#[server(endpoint = "catalogue/product")]
pub async fn product_page(slug: String) -> Result<ProductContent, AppError> {
    use crate::domain::slug::Slug;
    use crate::store::products;
    let (db, site) = super::context()?;
    let locale = crate::i18n::use_locale();
    // A slug that cannot be one of ours names nothing: same answer as an unknown one.
    let slug = Slug::parse(&slug).map_err(|_| AppError::NotFound.respond())?;
    let member = super::session::current(&db, &site, crate::store::unix_now()).await?;
    if member.is_some() {
        // What a member is sent may hold members' preview pieces and their address.
        super::session::no_store();
    }
    let audience = crate::domain::catalogue::Audience::of(member.is_some());
    // A members' preview piece does not exist for visitors who are not signed in.
    let mut product =
        products::by_slug(&db, &slug, audience, locale).await?.ok_or_else(|| AppError::NotFound.respond())?;
    // The page (and the cache holding it) carries no more than it shows.
    product.stock = crate::domain::availability::shown_stock(&product.stock);
    let canonical = site.url(&locale.href(&format!("/products/{}", product.slug)));
    let json_ld = (!product.flags.members_preview).then(|| product_json_ld(&product, &canonical, locale));
    let member_email = member.map(|m| m.customer.email.as_str().to_owned());
    Ok(ProductContent { json_ld, canonical, product, member_email })
}

/// schema.org Product data for search engines, as JSON-LD. Availability is
/// the piece's own, whatever country the visitor chose.
#[cfg(feature = "ssr")]
fn product_json_ld(product: &ProductDetail, canonical: &str, locale: crate::i18n::Locale) -> String {
    use crate::domain::availability::{buy_area, AdvisorReason, BuyArea};
    let availability = match buy_area(product.flags, &product.stock, None, true) {
        BuyArea::AskClientAdvisor(AdvisorReason::BoutiqueOnly) => "https://schema.org/InStoreOnly",
        _ if product.flags.made_to_order => "https://schema.org/MadeToOrder",
        BuyArea::NotifyWhenBackInStock => "https://schema.org/OutOfStock",
        _ => "https://schema.org/InStock",
    };
    let origin = canonical.split(&format!("/{}/products/", locale.tag())).next().unwrap_or_default();
    let data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "description": product.description,
        "sku": product.slug.as_str(),
        "category": locale.listing_category_heading(product.category),
        "inLanguage": locale.tag(),
        "material": product.materials.join(", "),
        "image": product.pictures.iter().map(|p| format!("{origin}{}", p.src)).collect::<Vec<_>>(),
        "brand": { "@type": "Brand", "name": crate::HOUSE_NAME },
        "offers": {
            "@type": "Offer",
            "url": canonical,
            "priceCurrency": "EUR",
            "price": product.price.decimal(),
            "availability": availability,
        },
    });
    // `</script>` inside the data would end the element early.
    data.to_string().replace('<', "\\u003c")
}
