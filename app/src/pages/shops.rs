//! `/boutiques` (PRODUCT.md §8): the house's boutiques and its retailers,
//! filtered by a plain GET form, sorted by distance from a place typed in
//! or from the shopper's position (asked only when they press the button),
//! and drawn on the house's own map: server HTML and an SVG that need no
//! JavaScript, with two small lazy islands that ask for the position and
//! move the map in place.

use super::{loading, meta_description};
use crate::api::shops::{find_shops, ShopCard, ShopFilters, ShopFinder, SortedFrom};
use crate::components::{breadcrumbs::Breadcrumbs, error_notice::ErrorNotice};
use crate::domain::{
    boutique::ShopKind,
    map::{ViewBox, MAP_FILE},
    shop_finder::MAX_PLACE_CHARS,
};
use crate::i18n::use_locale;
use crate::live::island_started;
use crate::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_query_map;

/// The query fields the locator reads, in [`find_shops`]'s order.
const FIELDS: [&str; 6] = ["country", "city", "open", "near", "lat", "lon"];

#[component]
pub fn ShopsPage() -> impl IntoView {
    let query = use_query_map().read_untracked().clone();
    let fields = FIELDS.map(|name| query.get(name).unwrap_or_default());
    let content = page_resource(
        move || fields.clone(),
        |[country, city, open, near, lat, lon]| find_shops(country, city, open, near, lat, lon),
    );
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match content.await {
                    Ok(finder) => view! { <Locator finder/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Locator(finder: ShopFinder) -> impl IntoView {
    let t = use_locale();
    let ShopFinder { shops, total, countries, filters, sorted_from, view_box, marker_radius, canonical, json_ld } =
        finder;
    let title = t.shops_title();
    let order = match &sorted_from {
        SortedFrom::Nowhere => None,
        SortedFrom::Position { .. } => Some(t.shops_sorted_from_position().to_owned()),
        SortedFrom::Place { name, .. } => Some(t.shops_sorted_from(name)),
        SortedFrom::UnknownPlace(typed) => Some(t.shops_unknown_place(typed)),
    };
    let status = match order {
        Some(order) => format!("{} {order}", t.shops_count(shops.len(), total)),
        None => t.shops_count(shops.len(), total),
    };
    let none = shops.is_empty().then(|| {
        view! {
            <p class="shops-none">
                {t.shops_none()} " " <a href=t.href(crate::api::shops::SHOPS_PATH)>{t.shops_see_all()}</a>
            </p>
        }
    });
    view! {
        <Title text=title/>
        <Meta name="description" content=meta_description(t.shops_lede())/>
        <Link rel="canonical" href=canonical.clone()/>
        <script type="application/ld+json" inner_html=json_ld></script>
        <article class="shops-page">
            <Breadcrumbs here=title.to_owned() canonical/>
            <h1>{title}</h1>
            <p class="lede">{t.shops_lede()}</p>
            <Filters filters countries/>
            <p class="shops-status" role="status" data-testid="shops-status">{status}</p>
            {none}
            <div class="shops-layout">
                <ShopMap shops=shops.clone() sorted_from view_box marker_radius/>
                <ol class="shop-list">{shops.into_iter().map(|shop| view! { <ShopEntry shop/> }).collect_view()}</ol>
            </div>
        </article>
    }
}

/// The filters: a plain GET form to this page. The city list is grouped by
/// country, so it works without the country chosen first.
#[component]
fn Filters(filters: ShopFilters, countries: Vec<crate::api::shops::CountryChoice>) -> impl IntoView {
    let t = use_locale();
    let ShopFilters { country, city, open_now, near, lat, lon } = filters;
    let country_options = countries
        .iter()
        .map(|c| view! { <option value=c.code.clone() selected=c.code == country>{c.name.clone()}</option> })
        .collect_view();
    let city_groups = countries
        .into_iter()
        .map(|c| {
            let options = c
                .cities
                .into_iter()
                .map(|name| {
                    let selected = name.to_lowercase() == city.to_lowercase();
                    let value = name.clone();
                    view! { <option value=value selected=selected>{name}</option> }
                })
                .collect_view();
            view! { <optgroup label=c.name>{options}</optgroup> }
        })
        .collect_view();
    view! {
        // The action names the page without its fragment, so a marker clicked
        // before does not scroll the answer.
        <form
            class="shops-filters"
            method="get"
            action=t.href(crate::api::shops::SHOPS_PATH)
            role="search"
            aria-label=t.shops_filters_label()
        >
            <div class="field">
                <label for="shops-country">{t.shops_country()}</label>
                <select id="shops-country" name="country">
                    <option value="">{t.shops_any_country()}</option>
                    {country_options}
                </select>
            </div>
            <div class="field">
                <label for="shops-city">{t.shops_city()}</label>
                <select id="shops-city" name="city">
                    <option value="">{t.shops_any_city()}</option>
                    {city_groups}
                </select>
            </div>
            <div class="field">
                <label for="shops-near">{t.shops_near()}</label>
                <input
                    id="shops-near"
                    name="near"
                    type="text"
                    value=near
                    maxlength=MAX_PLACE_CHARS
                    autocomplete="address-level2"
                    aria-describedby="shops-near-hint"
                />
                <p id="shops-near-hint" class="hint">{t.shops_near_hint()}</p>
            </div>
            <div class="field checkbox">
                <input id="shops-open" name="open" type="checkbox" value="on" checked=open_now/>
                <label for="shops-open">{t.shops_open_now_only()}</label>
            </div>
            <button type="submit">{t.shops_apply()}</button>
            <LocateButton lat lon/>
        </form>
    }
}

/// The map: the house's world drawing and a marker per shop listed, each a
/// link to its entry; the view frames the list (and the shopper's place).
#[component]
fn ShopMap(shops: Vec<ShopCard>, sorted_from: SortedFrom, view_box: String, marker_radius: f64) -> impl IntoView {
    use crate::domain::map::WORLD;
    let t = use_locale();
    let markers = shops
        .into_iter()
        .map(|shop| {
            let label = format!("{}, {}", shop.name, shop.city);
            let title = label.clone();
            let class = match shop.kind {
                ShopKind::Boutique => "marker marker-boutique",
                ShopKind::Retailer => "marker marker-retailer",
            };
            view! {
                <a href=format!("#{}", shop.slug) aria-label=label>
                    <title>{title}</title>
                    <circle class=class cx=format!("{:.3}", shop.x) cy=format!("{:.3}", shop.y) r=format!("{marker_radius:.3}") data-marker=""/>
                </a>
            }
        })
        .collect_view();
    let origin = match sorted_from {
        SortedFrom::Position { x, y } | SortedFrom::Place { x, y, .. } => Some(view! {
            <g class="marker-origin" role="img" aria-label=t.shops_you_are_here()>
                <title>{t.shops_you_are_here()}</title>
                <circle cx=format!("{x:.3}") cy=format!("{y:.3}") r=format!("{marker_radius:.3}") data-marker=""/>
            </g>
        }),
        _ => None,
    };
    view! {
        <figure class="shop-map">
            <MapControls/>
            <svg
                id="shop-map"
                viewBox=view_box
                preserveAspectRatio="xMidYMid meet"
                role="group"
                aria-labelledby="shop-map-caption"
            >
                <image
                    href=MAP_FILE
                    x=WORLD.x.to_string()
                    y=WORLD.y.to_string()
                    width=WORLD.width.to_string()
                    height=WORLD.height.to_string()
                    preserveAspectRatio="none"
                    aria-hidden="true"
                />
                {markers}
                {origin}
            </svg>
            <figcaption id="shop-map-caption">{t.shops_map_label()}</figcaption>
        </figure>
    }
}

/// A shop's entry in the list.
#[component]
fn ShopEntry(shop: ShopCard) -> impl IntoView {
    let t = use_locale();
    let heading = format!("{}-name", shop.slug);
    let heading_id = heading.clone();
    let (kind, retailer) = match shop.kind {
        ShopKind::Boutique => (t.shops_kind_boutique(), None),
        ShopKind::Retailer => {
            (t.shops_kind_retailer(), Some(view! { <p class="retailer-note">{t.shops_retailer_stock()}</p> }))
        }
    };
    let (open_class, open_text) =
        if shop.open_now { ("open-now", t.shops_open_now()) } else { ("closed-now", t.shops_closed_now()) };
    let week = shop
        .week
        .into_iter()
        .map(|(day, hours)| view! { <tr><th scope="row">{day}</th><td>{hours}</td></tr> })
        .collect_view();
    let kind_key: &'static str = shop.kind.into();
    view! {
        <li id=shop.slug.clone() class="shop-entry" data-kind=kind_key aria-labelledby=heading>
            <h2 id=heading_id>{shop.name}</h2>
            <p class="shop-meta">
                <span class="shop-kind">{kind}</span>
                " · "
                <span class=open_class>{open_text}</span>
                {shop.distance.map(|d| view! { " · " <span class="shop-distance">{d}</span> })}
            </p>
            <address>
                {shop.street}
                <br/>
                {shop.postcode}
                " "
                {shop.city}
                <br/>
                {shop.country}
                <br/>
                <a href=shop.phone_link>{shop.phone}</a>
            </address>
            {retailer}
            <details class="shop-hours">
                <summary>{t.shops_hours()}</summary>
                <table>
                    <tbody>{week}</tbody>
                </table>
            </details>
        </li>
    }
}

/// "Use my position": asks the browser only when pressed, then sends the
/// filters' form with the position in it; a refusal says so and hands over
/// to the city box. Without JavaScript it keeps the position shared before
/// (`lat`, `lon`, empty when none) in the form while the filters change.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn LocateButton(lat: String, lon: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("locate_button");
    let t = use_locale();
    let live = island_started();
    let said = RwSignal::new(String::new());
    // Disabled fields are not sent: no position, no empty `lat=`.
    let (no_lat, no_lon) = (lat.is_empty(), lon.is_empty());
    view! {
        <input type="hidden" id="shops-lat" name="lat" value=lat disabled=no_lat/>
        <input type="hidden" id="shops-lon" name="lon" value=lon disabled=no_lon/>
        <div class="locate" hidden=move || !live.get()>
            <button type="button" class="secondary" on:click=move |_| locate(said, t)>
                {t.shops_use_position()}
            </button>
            <p class="hint">{t.shops_position_note()}</p>
            <p class="locate-status" role="status" data-testid="locate-status">{move || said.get()}</p>
        </div>
    }
}

/// Asks for the position, then sends the filters sorted from it.
///
/// Through attributes and the form, not `Url` or the SVG DOM: every browser
/// call an island makes adds its binding to the JavaScript every page loads.
fn locate(said: RwSignal<String>, t: crate::i18n::Locale) {
    use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let refused = move |text: &str| {
        said.set(text.to_string());
        // The fallback is the city box: the shopper goes straight to it.
        if let Some(input) = document().get_element_by_id("shops-near") {
            if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
                let _ = input.focus();
            }
        }
    };
    let Some(geolocation) = window().navigator().geolocation().ok() else {
        refused(t.shops_position_unsupported());
        return;
    };
    said.set(t.shops_locating().to_string());
    let found = Closure::once_into_js(move |position: JsValue| {
        let number =
            |object: &JsValue, key: &str| js_sys::Reflect::get(object, &key.into()).ok().and_then(|v| v.as_f64());
        let coords = js_sys::Reflect::get(&position, &"coords".into()).unwrap_or(JsValue::UNDEFINED);
        let (Some(lat), Some(lon)) = (number(&coords, "latitude"), number(&coords, "longitude")) else {
            return refused(t.shops_position_unavailable());
        };
        let field = |id: &str| document().get_element_by_id(id);
        let (Some(lat_field), Some(lon_field), Some(form)) =
            (field("shops-lat"), field("shops-lon"), document().query_selector("form.shops-filters").ok().flatten())
        else {
            return;
        };
        // Three decimals (about 100 m): enough to sort shops, no more.
        for (input, value) in [(lat_field, lat), (lon_field, lon)] {
            let _ = input.set_attribute("value", &format!("{value:.3}"));
            let _ = input.remove_attribute("disabled");
        }
        // A place typed would compete with the position: it is left out.
        if let Some(near) = field("shops-near") {
            let _ = near.set_attribute("disabled", "");
        }
        if let Ok(form) = form.dyn_into::<web_sys::HtmlFormElement>() {
            let _ = form.submit();
        }
    });
    let failed = Closure::once_into_js(move |error: JsValue| {
        let code = js_sys::Reflect::get(&error, &"code".into()).ok().and_then(|v| v.as_f64());
        // 1 is PERMISSION_DENIED; 2 and 3 are "unavailable" and "timed out".
        refused(if code == Some(1.0) { t.shops_position_denied() } else { t.shops_position_unavailable() });
    });
    if geolocation
        .get_current_position_with_error_callback(found.unchecked_ref(), Some(failed.unchecked_ref()))
        .is_err()
    {
        said.set(t.shops_position_unsupported().to_string());
    }
}

/// Zoom and pan buttons for the map: plain buttons, so the keyboard moves
/// it too. Without JavaScript the map keeps the view framing the list.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn MapControls() -> impl IntoView {
    crate::island_preload::preload_lazy_island("map_controls");
    let t = use_locale();
    let live = island_started();
    let frame = StoredValue::new(None);
    // In the toolbar's order: what each button does, its name, its symbol.
    let buttons = [
        (MapMove::Zoom(2.0), t.shops_zoom_in(), "+"),
        (MapMove::Zoom(0.5), t.shops_zoom_out(), "−"),
        (MapMove::Pan(-0.25, 0.0), t.shops_pan_west(), "←"),
        (MapMove::Pan(0.0, -0.25), t.shops_pan_north(), "↑"),
        (MapMove::Pan(0.0, 0.25), t.shops_pan_south(), "↓"),
        (MapMove::Pan(0.25, 0.0), t.shops_pan_east(), "→"),
        (MapMove::Frame, t.shops_map_reset(), "⟲"),
    ]
    .into_iter()
    .map(|(action, label, symbol)| {
        view! {
            <button type="button" aria-label=label title=label on:click=move |_| move_map(action, frame)>
                <span aria-hidden="true">{symbol}</span>
            </button>
        }
    })
    .collect_view();
    view! {
        <div class="map-controls" hidden=move || !live.get() role="toolbar" aria-label=t.shops_map_controls()>
            {buttons}
        </div>
    }
}

#[derive(Clone, Copy)]
enum MapMove {
    Zoom(f64),
    Pan(f64, f64),
    /// Back to the view framing the list.
    Frame,
}

/// Moves the map's view and keeps its markers the same size on screen,
/// through the `viewBox` and `r` attributes.
fn move_map(action: MapMove, frame: StoredValue<Option<ViewBox>>) {
    use leptos::wasm_bindgen::JsCast;
    let Some(map) = document().get_element_by_id("shop-map") else { return };
    let Some(view) = map.get_attribute("viewBox").and_then(|v| ViewBox::parse(&v)) else { return };
    // The first move starts from the server's view, the one framing the list.
    if frame.get_value().is_none() {
        frame.set_value(Some(view));
    }
    let view = match action {
        MapMove::Zoom(factor) => view.zoom(factor),
        MapMove::Pan(right, down) => view.pan(right, down),
        MapMove::Frame => frame.get_value().unwrap_or(view),
    };
    let _ = map.set_attribute("viewBox", &view.attribute());
    let radius = format!("{:.3}", view.marker_radius());
    if let Ok(markers) = map.query_selector_all("[data-marker]") {
        for i in 0..markers.length() {
            if let Some(marker) = markers.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = marker.set_attribute("r", &radius);
            }
        }
    }
}
