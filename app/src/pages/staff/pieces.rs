//! `/staff/pieces`: every piece of the catalogue, published or not, and the
//! form for a new one; `/staff/pieces/:slug`: one piece, to edit, publish
//! or withdraw. Plain server pages posting plain forms (no island): the
//! server function sends the browser back to the piece's page, or here with
//! its refusal.

use super::{refusal, PasswordAgain, StaffNav};
use crate::api::staff_pictures::PictureRow;
use crate::api::staff_pieces::{staff_piece, staff_pieces, PieceChoice, PieceView, PiecesView};
use crate::domain::catalogue::Category;
use crate::domain::piece_editor::{PieceForm, MAX_DESCRIPTION, MAX_NAME};
use crate::domain::piece_picture::MAX_ALT;
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::{account::signed_in_only, here};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

const SAVE: &str = "/api/staff/pieces/save";
const PUBLISH: &str = "/api/staff/pieces/publish";
const ADD_PICTURE: &str = "/api/staff/pieces/pictures/add";
const CHANGE_PICTURE: &str = "/api/staff/pieces/pictures/change";

#[component]
pub fn StaffPiecesPage() -> impl IntoView {
    let t = use_locale();
    let pieces = page_resource(|| (), |()| staff_pieces());
    view! {
        <Title text=t.staff_pieces_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            {signed_in_only(pieces, here(), |view| view! { <PieceList view/> }.into_any())}
        </section>
    }
}

#[component]
fn PieceList(view: PiecesView) -> impl IntoView {
    let t = use_locale();
    let PiecesView { pieces, collections, materials, password_needed } = view;
    let blank = PieceForm { online: "on".into(), ..PieceForm::default() };
    view! {
        <h1>{t.staff_pieces_heading()}</h1>
        <StaffNav/>
        <p>{t.staff_pieces_intro()}</p>
        <table class="order-list piece-list">
            <thead><tr>
                <th scope="col">{t.staff_piece_col_name()}</th>
                <th scope="col">{t.staff_piece_category_label()}</th>
                <th scope="col">{t.staff_piece_collection_label()}</th>
                <th scope="col">{t.staff_piece_col_price()}</th>
                <th scope="col">{t.staff_piece_col_stock()}</th>
                <th scope="col">{t.staff_piece_col_state()}</th>
            </tr></thead>
            <tbody>
                {pieces.into_iter().map(|row| {
                    let price = match row.former_price {
                        Some(former) => format!("{} ({})", t.money(row.price), t.money(former)),
                        None => t.money(row.price),
                    };
                    view! {
                        <tr data-piece=row.slug.clone()>
                            <td><a href=t.href(&format!("/staff/pieces/{}", row.slug))>{row.name.clone()}</a></td>
                            <td>{t.category_name(row.category)}</td>
                            <td>{row.collection.clone()}</td>
                            <td data-testid="price">{price}</td>
                            <td>{t.number(u64::try_from(row.in_stock).unwrap_or(0))}</td>
                            <td data-testid="state">{t.staff_piece_state(row.state)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <h2 id="new-piece">{t.staff_piece_new_heading()}</h2>
        {refusal(SAVE)}
        <form method="post" action=SAVE class="account-form piece-form" aria-labelledby="new-piece">
            <label for="piece-slug">{t.staff_piece_slug_label()}</label>
            <input id="piece-slug" name="piece[slug]" required maxlength="80" pattern="[a-z0-9]+(-[a-z0-9]+)*"
                spellcheck="false" aria-describedby="piece-slug-hint"/>
            <p id="piece-slug-hint" class="hint">{t.staff_piece_slug_hint()}</p>
            <label for="piece-category">{t.staff_piece_category_label()}</label>
            <select id="piece-category" name="piece[category]" required aria-describedby="piece-category-hint">
                {Category::ALL.into_iter().map(|c| view! {
                    <option value=c.slug()>{t.category_name(c)}</option>
                }).collect_view()}
            </select>
            <p id="piece-category-hint" class="hint">{t.staff_piece_category_hint()}</p>
            <PieceFields form=blank collections materials/>
            <PasswordAgain id="piece-password" needed=password_needed/>
            <button type="submit" class="button-primary">{t.staff_piece_create()}</button>
        </form>
    }
}

/// Everything of a piece but its address and category (set once, at creation).
#[component]
fn PieceFields(form: PieceForm, collections: Vec<PieceChoice>, materials: Vec<PieceChoice>) -> impl IntoView {
    let t = use_locale();
    let checked = |raw: &str| raw == "on";
    let flag = move |name: &'static str, label: &'static str, on: bool| {
        let id = format!("piece-{}", name.replace('_', "-"));
        view! {
            <p class="checkbox">
                <input type="checkbox" id=id.clone() name=format!("piece[{name}]") checked=on/>
                <label for=id>{label}</label>
            </p>
        }
    };
    view! {
        <label for="piece-collection">{t.staff_piece_collection_label()}</label>
        <select id="piece-collection" name="piece[collection]" required>
            {collections.into_iter().map(|c| {
                let selected = c.slug == form.collection;
                view! { <option value=c.slug selected=selected>{c.name}</option> }
            }).collect_view()}
        </select>
        <label for="piece-name-en">{t.staff_piece_name_en()}</label>
        <input id="piece-name-en" name="piece[name_en]" required maxlength=MAX_NAME lang="en" value=form.name_en.clone()/>
        <label for="piece-name-fr">{t.staff_piece_name_fr()}</label>
        <input id="piece-name-fr" name="piece[name_fr]" required maxlength=MAX_NAME lang="fr" value=form.name_fr.clone()/>
        <label for="piece-description-en">{t.staff_piece_description_en()}</label>
        <textarea id="piece-description-en" name="piece[description_en]" required maxlength=MAX_DESCRIPTION rows="4"
            lang="en">{form.description_en.clone()}</textarea>
        <label for="piece-description-fr">{t.staff_piece_description_fr()}</label>
        <textarea id="piece-description-fr" name="piece[description_fr]" required maxlength=MAX_DESCRIPTION rows="4"
            lang="fr">{form.description_fr.clone()}</textarea>
        <fieldset>
            <legend>{t.staff_piece_materials_legend()}</legend>
            {materials.into_iter().map(|m| {
                let id = format!("piece-material-{}", m.slug);
                let on = form.materials.get(&m.slug).is_some_and(|v| v == "on");
                view! {
                    <p class="checkbox">
                        <input type="checkbox" id=id.clone() name=format!("piece[materials][{}]", m.slug) checked=on/>
                        <label for=id>{m.name}</label>
                    </p>
                }
            }).collect_view()}
        </fieldset>
        <label for="piece-price">{t.staff_piece_price_label()}</label>
        <input id="piece-price" name="piece[price]" required inputmode="decimal" maxlength="14" value=form.price.clone()/>
        <label for="piece-former-price">{t.staff_piece_former_price_label()}</label>
        <input id="piece-former-price" name="piece[former_price]" inputmode="decimal" maxlength="14"
            value=form.former_price.clone() aria-describedby="piece-former-price-hint"/>
        <p id="piece-former-price-hint" class="hint">{t.staff_piece_former_price_hint()}</p>
        <label for="piece-sizes">{t.staff_piece_sizes_label()}</label>
        <input id="piece-sizes" name="piece[sizes]" maxlength="300" spellcheck="false" value=form.sizes.clone()
            aria-describedby="piece-sizes-hint"/>
        <p id="piece-sizes-hint" class="hint">{t.staff_piece_sizes_hint()}</p>
        <fieldset>
            <legend>{t.staff_piece_flags_legend()}</legend>
            {flag("online", t.staff_piece_online(), checked(&form.online))}
            {flag("made_to_order", t.staff_piece_made_to_order(), checked(&form.made_to_order))}
            {flag("personalised", t.staff_piece_personalised(), checked(&form.personalised))}
            {flag("members_preview", t.staff_piece_members_preview(), checked(&form.members_preview))}
        </fieldset>
        <label for="piece-public-from">{t.staff_piece_public_from_label()}</label>
        <input id="piece-public-from" name="piece[public_from]" type="date" value=form.public_from.clone()
            aria-describedby="piece-public-from-hint"/>
        <p id="piece-public-from-hint" class="hint">{t.staff_piece_public_from_hint()}</p>
    }
}

#[component]
pub fn StaffPiecePage() -> impl IntoView {
    let t = use_locale();
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    let title = format!("{slug} · {}", t.staff_pieces_title());
    let piece = page_resource(move || slug.clone(), staff_piece);
    view! {
        <Title text=title/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            {signed_in_only(piece, here(), |view| view! { <PiecePage view/> }.into_any())}
        </section>
    }
}

#[component]
fn PiecePage(view: PieceView) -> impl IntoView {
    let t = use_locale();
    let PieceView {
        form,
        name,
        category,
        state,
        revision,
        seen,
        stock,
        pictures,
        collections,
        materials,
        password_needed,
    } = view;
    let query = use_query_map().read_untracked();
    let said = if query.get("created").is_some() {
        Some(t.staff_piece_created())
    } else if query.get("published").is_some() {
        Some(t.staff_piece_published_said())
    } else if query.get("withdrawn").is_some() {
        Some(t.staff_piece_withdrawn_said())
    } else if let Some(done) = query.get("picture") {
        match done.as_str() {
            "added" => Some(t.staff_picture_added()),
            "moved" => Some(t.staff_picture_moved()),
            "described" => Some(t.staff_picture_described()),
            _ => Some(t.staff_picture_removed()),
        }
    } else {
        query.get("saved").map(|_| t.staff_piece_saved())
    };
    let published = state != crate::domain::piece_editor::PieceState::NotPublished;
    let slug = form.slug.clone();
    let revision = revision.to_string();
    view! {
        <h1>{t.staff_piece_heading(&name)}</h1>
        <StaffNav/>
        {said.map(|message| view! { <p class="form-success" role="status">{message}</p> })}
        <dl class="return-facts">
            <dt>{t.staff_piece_slug_label()}</dt><dd><code>{slug.clone()}</code></dd>
            <dt>{t.staff_piece_category_label()}</dt><dd>{t.category_name(category)}</dd>
            <dt>{t.staff_piece_col_state()}</dt><dd data-testid="state">{t.staff_piece_state(state)}</dd>
            <dt>{t.staff_piece_stock_heading()}</dt>
            <dd data-testid="stock">
                {stock.iter().map(|(size, quantity)| {
                    let size = if size.is_empty() { t.staff_piece_one_size().to_owned() } else { size.clone() };
                    format!("{size}: {}", t.number(u64::try_from(*quantity).unwrap_or(0)))
                }).collect::<Vec<_>>().join(" · ")}
                " "<a href=t.href("/staff/stock")>{t.staff_piece_stock_link()}</a>
            </dd>
        </dl>
        {published.then(|| view! {
            <p><a href=t.href(&format!("/products/{slug}"))>{t.staff_piece_view()}</a></p>
        })}
        <h2 id="publish-piece">{t.staff_piece_publish_heading()}</h2>
        {refusal(PUBLISH)}
        <form method="post" action=PUBLISH class="account-form" aria-labelledby="publish-piece">
            <input type="hidden" name="slug" value=slug.clone()/>
            <input type="hidden" name="revision" value=revision.clone()/>
            <input type="hidden" name="seen" value=seen.clone()/>
            <input type="hidden" name="publish" value=if published { "false" } else { "true" }/>
            <button type="submit" class=if published { "button-small" } else { "button-primary" }>
                {if published { t.staff_piece_withdraw() } else { t.staff_piece_publish() }}
            </button>
        </form>
        <PictureSection slug=slug.clone() revision=revision.clone() pictures/>
        <h2 id="edit-piece">{t.staff_piece_edit_heading()}</h2>
        {refusal(SAVE)}
        <form method="post" action=SAVE class="account-form piece-form" aria-labelledby="edit-piece">
            <input type="hidden" name="piece[slug]" value=slug.clone()/>
            <input type="hidden" name="piece[category]" value=category.slug()/>
            <input type="hidden" name="revision" value=revision/>
            <input type="hidden" name="seen" value=seen/>
            <PieceFields form collections materials/>
            {password_needed.then(|| view! {
                <label for="piece-password">{t.staff_password_again_label()}</label>
                <input id="piece-password" type="password" name="password" autocomplete="current-password"
                    maxlength="128" aria-describedby="piece-password-hint"/>
                <p id="piece-password-hint" class="hint">{t.staff_piece_password_when_priced()}</p>
            })}
            <button type="submit" class="button-primary">{t.staff_piece_save()}</button>
        </form>
        <p><a href=t.href("/staff/pieces")>{t.staff_piece_back()}</a></p>
    }
}

/// The piece's pictures, each with its descriptions and buttons, and the
/// form that adds one (a plain multipart form: no JavaScript needed).
#[component]
fn PictureSection(slug: String, revision: String, pictures: Vec<PictureRow>) -> impl IntoView {
    let t = use_locale();
    let max_alt = MAX_ALT.to_string();
    let count = pictures.len();
    view! {
        <h2 id="pictures">{t.staff_pictures_heading()}</h2>
        <p>{t.staff_pictures_intro()}</p>
        {refusal(CHANGE_PICTURE)}
        {(count == 0).then(|| view! { <p class="hint" data-testid="no-picture">{t.staff_piece_awaiting_picture()}</p> })}
        <ol class="piece-pictures">
            {pictures.into_iter().map(|p| {
                let label = t.staff_picture_number(p.position);
                let id = |what: &str| format!("picture-{}-{what}", p.position);
                view! {
                    <li class="piece-picture" data-position=p.position.to_string()>
                        <img src=p.thumbnail.clone() alt="" width="120" height="120" loading="lazy"/>
                        <form method="post" action=CHANGE_PICTURE class="account-form" aria-label=label.clone()>
                            <p class="hint">
                                {label.clone()}
                                {p.drawing.then(|| format!(" · {}", t.staff_picture_drawing()))}
                            </p>
                            <input type="hidden" name="slug" value=slug.clone()/>
                            <input type="hidden" name="revision" value=revision.clone()/>
                            <input type="hidden" name="position" value=p.position.to_string()/>
                            <label for=id("alt-en")>{t.staff_picture_alt_en()}</label>
                            <input id=id("alt-en") name="alt_en" maxlength=max_alt.clone() value=p.alt_en.clone()/>
                            <label for=id("alt-fr")>{t.staff_picture_alt_fr()}</label>
                            <input id=id("alt-fr") name="alt_fr" maxlength=max_alt.clone() value=p.alt_fr.clone()/>
                            <p class="picture-actions">
                                <button type="submit" name="action" value="alt" class="button-small">
                                    {t.staff_picture_save_alt()}
                                </button>
                                {(p.position > 0).then(|| view! {
                                    <button type="submit" name="action" value="up" class="button-small">
                                        {t.staff_picture_up()}
                                    </button>
                                })}
                                {(usize::try_from(p.position + 1).unwrap_or(count) < count).then(|| view! {
                                    <button type="submit" name="action" value="down" class="button-small">
                                        {t.staff_picture_down()}
                                    </button>
                                })}
                                <button type="submit" name="action" value="remove" class="button-small">
                                    {t.staff_picture_remove()}
                                </button>
                            </p>
                        </form>
                    </li>
                }
            }).collect_view()}
        </ol>
        <h3 id="add-picture">{t.staff_picture_add_heading()}</h3>
        {refusal(ADD_PICTURE)}
        <form method="post" action=ADD_PICTURE enctype="multipart/form-data" class="account-form"
            aria-labelledby="add-picture">
            <input type="hidden" name="slug" value=slug/>
            <input type="hidden" name="revision" value=revision/>
            <label for="picture-file">{t.staff_picture_file_label()}</label>
            <input id="picture-file" type="file" name="picture" required accept="image/jpeg,image/png,image/webp"
                aria-describedby="picture-file-hint"/>
            <p id="picture-file-hint" class="hint">{t.staff_picture_file_hint()}</p>
            <label for="picture-alt-en">{t.staff_picture_alt_en()}</label>
            <input id="picture-alt-en" name="alt_en" required maxlength=max_alt.clone()
                aria-describedby="picture-alt-hint"/>
            <label for="picture-alt-fr">{t.staff_picture_alt_fr()}</label>
            <input id="picture-alt-fr" name="alt_fr" required maxlength=max_alt aria-describedby="picture-alt-hint"/>
            <p id="picture-alt-hint" class="hint">{t.staff_picture_alt_hint()}</p>
            <button type="submit" class="button-primary">{t.staff_picture_add()}</button>
        </form>
    }
}
