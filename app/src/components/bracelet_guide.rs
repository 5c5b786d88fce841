//! The bracelet guide on bracelet pages (PRODUCT.md §3): wrist plus ease
//! gives the length, and the length the size. Runs in the browser.

use crate::domain::bracelet_size::{advise, cm, BraceletAdvice, Fit, Wrist};
use leptos::prelude::*;

/// Measures a wrist and names the size among `sizes_cm`, the sizes this
/// bracelet is made in; `picked` receives each size it advises.
#[component]
pub fn BraceletGuide(sizes_cm: Vec<u32>, picked: WriteSignal<Option<String>>) -> impl IntoView {
    let wrist = RwSignal::new(String::new());
    let fit = RwSignal::new(Fit::Comfortable);
    let answer = Memo::new(move |_| {
        let raw = wrist.get();
        (!raw.trim().is_empty()).then(|| {
            Wrist::parse(&raw).map(|w| {
                let length = w.length_mm(fit.get());
                (length, advise(length, &sizes_cm))
            })
        })
    });
    Effect::new(move |_| {
        if let Some(Ok((_, Some(BraceletAdvice::Size(size))))) = answer.get() {
            picked.set(Some(size.to_string()));
        }
    });
    view! {
        <div class="bracelet-guide">
            <p class="note">
                "Wrap a strip of paper or a tape measure around your wrist, just below the wrist bone, and read the length in centimetres."
            </p>
            <label for="wrist-cm" class="measurement-label">
                "Your wrist, in cm"
            </label>
            <input
                id="wrist-cm"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                maxlength="20"
                aria-describedby="bracelet-answer"
                on:input=move |ev| wrist.set(event_target_value(&ev))
            />
            <fieldset class="method-choice">
                <legend>"How should it sit?"</legend>
                {Fit::ALL
                    .into_iter()
                    .map(|f| {
                        view! {
                            <label>
                                <input
                                    type="radio"
                                    name="bracelet-fit"
                                    checked=f == Fit::Comfortable
                                    on:change=move |_| fit.set(f)
                                />
                                " "
                                {f.label()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div id="bracelet-answer" class="ring-size-answer" aria-live="polite">
                {move || match answer.get() {
                    None => view! { <p class="hint">"Enter your wrist size to see which bracelet size fits."</p> }.into_any(),
                    Some(Err(problem)) => view! { <p class="field-error">{problem.to_string()}</p> }.into_any(),
                    Some(Ok((length, advice))) => {
                        let advice = match advice {
                            Some(BraceletAdvice::Size(size)) => format!("Your size: {size} cm."),
                            Some(BraceletAdvice::LongerThanMade { longest }) => {
                                format!(
                                    "That is longer than our longest size, {longest} cm: a client advisor can have one made for you.",
                                )
                            }
                            Some(BraceletAdvice::ShorterThanMade { shortest }) => {
                                format!(
                                    "That is shorter than our shortest size, {shortest} cm: a client advisor can have it shortened for you.",
                                )
                            }
                            None => "This bracelet is made in one length.".to_owned(),
                        };
                        view! {
                            <p class="answer-size" data-answer="bracelet">
                                {advice}
                            </p>
                            <p class="note">{format!("A bracelet of {} cm for this wrist and fit.", cm(length))}</p>
                        }
                            .into_any()
                    }
                }}
            </div>
        </div>
    }
}
