//! A piece's picture as every page shows it: a drawing as one file; a
//! picture staff uploaded in each width it was made in, WebP first and
//! JPEG for browsers without it, so a card loads 480 pixels and a product
//! page on a dense screen the 1440.

use crate::domain::catalogue::Picture;
use leptos::prelude::*;

/// `size` is the picture's slot in CSS pixels (its `width` and `height`
/// attributes, and what `sizes` tells the browser).
#[component]
pub fn PiecePicture(picture: Picture, size: u32, #[prop(default = "lazy")] loading: &'static str) -> impl IntoView {
    let Picture { src, alt, srcset, webp } = picture;
    let side = size.to_string();
    if webp.is_empty() {
        return view! { <img src=src alt=alt width=side.clone() height=side loading=loading/> }.into_any();
    }
    let sizes = format!("(max-width: {size}px) 100vw, {size}px");
    view! {
        <picture>
            <source type="image/webp" srcset=webp sizes=sizes.clone()/>
            <img src=src srcset=srcset sizes=sizes alt=alt width=side.clone() height=side loading=loading/>
        </picture>
    }
    .into_any()
}
