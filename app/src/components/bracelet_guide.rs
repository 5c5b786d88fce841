//! The bracelet guide on bracelet pages (PRODUCT.md §3): wrist plus ease
//! gives the length, and the length the size. Runs in the browser.

use crate::domain::bracelet_size::{advise, cm, BraceletAdvice, Fit, Wrist};
use crate::i18n::use_locale;
use leptos::prelude::*;

/// Measures a wrist and names the size among `sizes_cm`, the sizes this
/// bracelet is made in; `picked` receives each size it advises.
#[component]
pub fn BraceletGuide(sizes_cm: Vec<u32>, picked: WriteSignal<Option<String>>) -> impl IntoView {
    let t = use_locale();
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
            <p class="note">{t.bracelet_how_to()}</p>
            <label for="wrist-cm" class="measurement-label">
                {t.bracelet_wrist_label()}
            </label>
            <input
                id="wrist-cm"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                maxlength="20"
                aria-describedby="bracelet-answer"
                aria-invalid=move || matches!(answer.get(), Some(Err(_))).then_some("true")
                on:input=move |ev| wrist.set(event_target_value(&ev))
            />
            <fieldset class="method-choice">
                <legend>{t.bracelet_fit_question()}</legend>
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
                                {t.bracelet_fit(f)}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div id="bracelet-answer" class="ring-size-answer" aria-live="polite">
                {move || match answer.get() {
                    None => view! { <p class="hint">{t.bracelet_enter()}</p> }.into_any(),
                    Some(Err(problem)) => {
                        view! { <p class="field-error">{t.bracelet_wrist_problem(&problem)}</p> }.into_any()
                    }
                    Some(Ok((length, advice))) => {
                        let advice = match advice {
                            Some(BraceletAdvice::Size(size)) => t.bracelet_your_size(size),
                            Some(BraceletAdvice::LongerThanMade { longest }) => t.bracelet_longer_than_made(longest),
                            Some(BraceletAdvice::ShorterThanMade { shortest }) => {
                                t.bracelet_shorter_than_made(shortest)
                            }
                            None => t.bracelet_one_length().to_owned(),
                        };
                        view! {
                            <p class="answer-size" data-answer="bracelet">
                                {advice}
                            </p>
                            <p class="note">{t.bracelet_length(&cm(length))}</p>
                        }
                            .into_any()
                    }
                }}
            </div>
        </div>
    }
}
