//! The product page's buy area: exactly one of the three offers of PRODUCT.md §1.

use crate::domain::{
    availability::{AdvisorReason, BuyArea},
    basket::AddRefused,
    catalogue::SizeLabel,
    service::SERVICE_PHONE,
    slug::Slug,
};
use crate::i18n::use_locale;
use crate::shopper::basket_store::BasketStore;
use leptos::prelude::*;

/// What happened when the shopper pressed "Add to basket".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AddFeedback {
    Added(u32),
    ChooseSize,
    Refused(AddRefused),
}

/// The piece the buy area sells, and how many of the chosen size may be bought.
#[derive(Clone, Debug)]
pub struct Offer {
    pub product: Slug,
    pub name: String,
    pub chosen: Signal<Option<SizeLabel>>,
    /// Stock of the chosen size (or the piece) and the per-line cap, whichever is lower.
    pub limit: Signal<u32>,
}

/// Shows the one offer that fits the piece, its chosen size and the
/// delivery country (`country`, its name).
#[component]
pub fn BuyAreaView(#[prop(into)] state: Signal<BuyArea>, offer: Offer, country: String) -> impl IntoView {
    let t = use_locale();
    let store = BasketStore::get();
    let feedback = RwSignal::new(None::<AddFeedback>);
    let Offer { product, name, chosen, limit } = offer;
    // A new size is a new question: forget what was said about the last one.
    Effect::new(move |_| {
        chosen.track();
        feedback.set(None);
    });
    let asked = product.clone();
    let add = move |_| {
        let outcome = match state.get_untracked() {
            BuyArea::AddToBasket { needs_size: true } => AddFeedback::ChooseSize,
            BuyArea::AddToBasket { needs_size: false } => {
                let size = chosen.get_untracked();
                match store.update(|basket| basket.add(product.clone(), size, limit.get_untracked())) {
                    Ok(quantity) => AddFeedback::Added(quantity.get()),
                    Err(refused) => AddFeedback::Refused(refused),
                }
            }
            _ => return,
        };
        feedback.set(Some(outcome));
    };
    let feedback_view = move || {
        feedback.get().map(|f| match f {
            AddFeedback::Added(quantity) => view! {
                <p class="buy-feedback buy-added" role="status">
                    {if quantity == 1 { t.buy_added_one().to_owned() } else { t.buy_added_more(quantity) }}
                    <a href=t.href("/basket")>{t.buy_view_basket()}</a>
                </p>
            }
            .into_any(),
            AddFeedback::ChooseSize => view! {
                <p class="field-error" role="alert">
                    {t.buy_choose_size_first()}
                </p>
            }
            .into_any(),
            AddFeedback::Refused(refused) => view! {
                <p class="field-error" role="alert">
                    {t.buy_add_refused(refused)}
                </p>
            }
            .into_any(),
        })
    };

    move || match state.get() {
        BuyArea::AddToBasket { needs_size } => view! {
            <div class="buy-area" data-state="add-to-basket">
                <button type="button" class="button-primary" on:click=add.clone()>
                    {t.buy_add_to_basket()}
                </button>
                {needs_size.then(|| view! { <p class="buy-hint">{t.buy_choose_size_hint()}</p> })}
                {feedback_view}
            </div>
        }
        .into_any(),
        // The form for an alert is the page's, under this area (`stock_alert_form`).
        BuyArea::NotifyWhenBackInStock => view! {
            <div class="buy-area" data-state="notify">
                <p class="buy-status">{t.buy_size_out_of_stock()}</p>
            </div>
        }
        .into_any(),
        BuyArea::AskClientAdvisor(reason) => {
            let why = match reason {
                AdvisorReason::BoutiqueOnly => t.buy_boutique_only().to_owned(),
                AdvisorReason::CountryNotServed => t.buy_country_not_served(&country),
            };
            let name = name.clone();
            let piece = asked.clone();
            let about = Signal::derive(move || {
                advisor_path(Some(piece.as_str()), chosen.get().as_ref().map(SizeLabel::as_str))
            });
            view! {
                <div class="buy-area" data-state="ask-advisor">
                    <p class="buy-status">{why}</p>
                    <AdvisorContact piece=name about/>
                </div>
            }
            .into_any()
        }
    }
}

/// How to reach a client advisor: about a piece (`piece`, its name in the
/// page's language), or, without one, about the pieces in the basket. The
/// telephone number, and the client service page (`about`, from
/// [`advisor_path`]), where the contact and callback forms carry the piece.
#[component]
pub fn AdvisorContact(
    #[prop(optional, into)] piece: Option<String>,
    #[prop(into)] about: Signal<String>,
) -> impl IntoView {
    let t = use_locale();
    view! {
        <p>
            {t.buy_advisor_offer(piece.as_deref())} <a href=SERVICE_PHONE.0>{SERVICE_PHONE.1}</a>
            {t.buy_advisor_hours()}
        </p>
        <a class="button-secondary" href=move || t.href(&about.get()) data-testid="ask-advisor">
            {t.buy_ask_advisor()}
        </a>
    }
}

/// The client service page (without language), about a piece in a size
/// when given: `/contact?piece=aube-solitaire-ring&size=52`. Slugs and
/// sizes are URL-safe by construction.
pub fn advisor_path(piece: Option<&str>, size: Option<&str>) -> String {
    let mut path = String::from("/contact");
    if let Some(piece) = piece {
        path.push_str("?piece=");
        path.push_str(piece);
        if let Some(size) = size {
            path.push_str("&size=");
            path.push_str(size);
        }
    }
    path
}
