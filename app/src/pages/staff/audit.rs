//! `/staff/audit`: the audit log — every staff action, newest first,
//! filtered by member of staff, kind and dates (a plain GET form, no
//! island), with each entry's value before and after, and a link to the
//! CSV export of the same filters.

use super::StaffNav;
use crate::api::staff_audit::{staff_audit, AuditPageView};
use crate::domain::{audit::AuditKind, next_path::encode_query_value};
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::{account::signed_in_only, here};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use strum::IntoEnumIterator;

/// The filters as the address gives them: staff, kind, from, to.
type Filters = [Option<String>; 4];

#[component]
pub fn StaffAuditPage() -> impl IntoView {
    let t = use_locale();
    let query = use_query_map();
    let filters = move || -> Filters {
        let q = query.read();
        [q.get("staff"), q.get("kind"), q.get("from"), q.get("to")]
    };
    let given = filters();
    let log = page_resource(filters, |[staff, kind, from, to]| staff_audit(staff, kind, from, to));
    view! {
        <Title text=t.audit_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            {signed_in_only(log, here(), move |log| view! { <AuditLog log filters=given.clone()/> }.into_any())}
        </section>
    }
}

#[component]
fn AuditLog(log: AuditPageView, filters: Filters) -> impl IntoView {
    let t = use_locale();
    let [staff, kind, from, to] = filters;
    let export = {
        let pairs: Vec<String> = [("staff", &staff), ("kind", &kind), ("from", &from), ("to", &to)]
            .iter()
            .filter_map(|(name, value)| value.as_ref().map(|v| format!("{name}={}", encode_query_value(v))))
            .collect();
        if pairs.is_empty() {
            "/staff/audit.csv".to_owned()
        } else {
            format!("/staff/audit.csv?{}", pairs.join("&"))
        }
    };
    let chosen = kind.unwrap_or_default();
    let empty = log.entries.is_empty();
    view! {
        <h1>{t.audit_heading()}</h1>
        <StaffNav/>
        <form method="get" class="staff-filter">
            <label for="audit-staff">{t.audit_filter_staff()}</label>
            <input id="audit-staff" name="staff" type="email" maxlength="254" value=staff.unwrap_or_default()/>
            <label for="audit-kind">{t.audit_filter_kind()}</label>
            <select id="audit-kind" name="kind">
                <option value="">{t.staff_filter_any()}</option>
                {AuditKind::iter().map(|k| {
                    let selected = chosen == k.as_str();
                    view! { <option value=k.as_str() selected=selected>{t.audit_kind(k)}</option> }
                }).collect_view()}
            </select>
            <label for="audit-from">{t.audit_filter_from()}</label>
            <input id="audit-from" name="from" type="date" value=from.unwrap_or_default()/>
            <label for="audit-to">{t.audit_filter_to()}</label>
            <input id="audit-to" name="to" type="date" value=to.unwrap_or_default()/>
            <button type="submit" class="button-small">{t.staff_filter_button()}</button>
        </form>
        <p><a href=export download="" data-testid="audit-export">{t.audit_export()}</a></p>
        {log.more.then(|| view! { <p class="note">{t.audit_more()}</p> })}
        {empty.then(|| view! { <p>{t.audit_none()}</p> })}
        {(!empty).then(|| view! {
            <table class="order-list" data-testid="audit-log">
                <thead><tr>
                    <th scope="col">{t.audit_col_when()}</th><th scope="col">{t.audit_col_who()}</th>
                    <th scope="col">{t.audit_col_action()}</th><th scope="col">{t.staff_col_order()}</th>
                    <th scope="col">{t.audit_col_before()}</th><th scope="col">{t.audit_col_after()}</th>
                    <th scope="col">{t.audit_col_detail()}</th>
                </tr></thead>
                <tbody>
                    {log.entries.into_iter().map(|e| view! {
                        <tr data-action=e.action.as_str()>
                            <td>{e.at}</td>
                            <td>{e.staff}</td>
                            <td>{t.audit_action(e.action)}</td>
                            <td>{e.reference.map(|r| view! { <a href=t.href(&format!("/staff/orders/{r}"))>{r.clone()}</a> })}</td>
                            <td>{e.before}</td>
                            <td>{e.after}</td>
                            <td>{e.detail}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}
