//! The ring-size helper (PRODUCT.md §3): measure a finger or a ring that
//! fits, get the French/EU, US and UK sizes with the chart used. It runs in
//! the browser, answering as the shopper types; without JavaScript it is a
//! plain GET form to `/ring-size`, answered by the server from the same rules.

use crate::domain::ring_size::{chart, one_decimal, us_label, FingerSize, MeasurementProblem, Method, SizeAnswer};
use crate::i18n::use_locale;
use leptos::prelude::*;

/// The measuring form, the answer and the chart.
///
/// It starts from `method` and `measurement` (the helper's page takes them
/// from its query string, so the form's GET answer shows them). On a ring's
/// page, `picked` receives each French size the helper answers, so the page
/// can choose it.
#[component]
pub fn RingSizeHelper(
    method: Method,
    measurement: String,
    #[prop(optional)] picked: Option<WriteSignal<Option<String>>>,
) -> impl IntoView {
    let t = use_locale();
    let (initial_method, initial_mm) = (method, measurement);
    let method = RwSignal::new(initial_method);
    let measurement = RwSignal::new(initial_mm.clone());
    let result: Memo<Option<Result<SizeAnswer, MeasurementProblem>>> = Memo::new(move |_| {
        let raw = measurement.get();
        (!raw.trim().is_empty()).then(|| FingerSize::parse(method.get(), &raw).map(FingerSize::answer))
    });

    if let Some(picked) = picked {
        Effect::new(move |_| {
            if let Some(Ok(answer)) = result.get() {
                picked.set(Some(answer.french.to_string()));
            }
        });
    }

    let label = move || match method.get() {
        Method::Circumference => t.ring_size_label_finger(),
        Method::InnerDiameter => t.ring_size_label_ring(),
    };
    let chosen_french = move || result.get().and_then(Result::ok).map(|a| a.french);

    view! {
        // With JavaScript the answer is live and the form never submits.
        <form
            class="ring-size-form"
            method="get"
            action=t.href("/ring-size")
            on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()
        >
            <fieldset class="method-choice">
                <legend>{t.ring_size_what()}</legend>
                {[
                    (Method::Circumference, t.ring_size_method_finger()),
                    (Method::InnerDiameter, t.ring_size_method_ring()),
                ]
                    .into_iter()
                    .map(|(m, text)| {
                        view! {
                            <label>
                                <input
                                    type="radio"
                                    name="method"
                                    value=m.param()
                                    checked=initial_method == m
                                    on:change=move |_| method.set(m)
                                />
                                {text}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label for="ring-mm" class="measurement-label">
                {label}
            </label>
            <div class="measurement-row">
                <input
                    id="ring-mm"
                    name="mm"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    maxlength="20"
                    aria-describedby="ring-size-answer"
                    aria-invalid=move || matches!(result.get(), Some(Err(_))).then_some("true")
                    // The attribute fills the first render; the property follows typing.
                    value=initial_mm
                    prop:value=move || measurement.get()
                    on:input=move |ev| measurement.set(event_target_value(&ev))
                />
                <button type="submit" class="button-primary">
                    {t.ring_size_find()}
                </button>
            </div>
        </form>
        <div id="ring-size-answer" class="ring-size-answer" aria-live="polite">
            {move || match result.get() {
                None => view! { <p class="hint">{t.ring_size_enter()}</p> }.into_any(),
                Some(Err(problem)) => view! { <p class="field-error">{t.ring_size_problem(&problem)}</p> }.into_any(),
                Some(Ok(answer)) => view! { <Answer answer/> }.into_any(),
            }}
        </div>
        <aside class="ring-size-advice">
            <h2>{t.ring_size_advice_heading()}</h2>
            <ul>
                <li>{t.ring_size_advice_warm()}</li>
                <li>{t.ring_size_advice_knuckle()}</li>
                <li>{t.ring_size_advice_between()}</li>
            </ul>
        </aside>
        <section class="ring-size-chart">
            <h2>{t.ring_size_chart_heading()}</h2>
            <p class="note">{t.ring_size_chart_note()}</p>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t.ring_size_col_french()}</th>
                        <th scope="col">{t.ring_size_col_diameter()}</th>
                        <th scope="col">{t.ring_size_col_us()}</th>
                        <th scope="col">{t.ring_size_col_uk()}</th>
                    </tr>
                </thead>
                <tbody>
                    {chart()
                        .into_iter()
                        .map(|row| {
                            let french = row.french;
                            view! {
                                <tr class:chosen=move || chosen_french() == Some(french) data-french=french>
                                    <th scope="row">{french}</th>
                                    <td>{t.decimal_text(&one_decimal(row.diameter_mm))}</td>
                                    <td>{t.decimal_text(&us_label(row.us))}</td>
                                    <td>{row.uk}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// The size found, its equivalents, and the between-sizes advice.
#[component]
fn Answer(answer: SizeAnswer) -> impl IntoView {
    let t = use_locale();
    let SizeAnswer { circumference_mm, diameter_mm, french, between, us, uk } = answer;
    view! {
        <p class="answer-size">
            {t.ring_size_your_size()} <strong data-answer="french">{french}</strong> {t.ring_size_french_eu()}
        </p>
        <p class="answer-equivalents">
            {t.ring_size_us()} <span data-answer="us">{t.decimal_text(&us_label(us))}</span> {t.ring_size_uk()}
            <span data-answer="uk">{uk}</span>
        </p>
        <p class="note">{t.ring_size_measures(&one_decimal(circumference_mm), &one_decimal(diameter_mm))}</p>
        {between
            .map(|(low, high)| {
                view! {
                    <p class="answer-between">
                        {t.ring_size_between(low, high)}
                    </p>
                }
            })}
    }
}
