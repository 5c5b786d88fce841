//! The words of every account, newsletter and order email, each with an
//! HTML part and a plain-text part, in the recipient's language. Built on
//! the server and written to the outbox in the transaction of the change
//! that causes it.
//!
//! Links are given as paths on the site (`/account/verify?token=…`): each
//! email writes them in its own language, on the site's public address, so
//! a French email never links to an English page.

use crate::config::SiteConfig;
use crate::domain::{account::Email, locale::Locale, outbox::OutgoingEmail};
use crate::HOUSE_NAME;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

/// One paragraph or one link of an email.
enum Block<'a> {
    Para(&'a str),
    Link { label: &'a str, url: &'a str },
}

/// The absolute address of a page of the site, in a language.
pub fn page_url(site: &SiteConfig, locale: Locale, path: &str) -> String {
    site.url(&locale.href(path))
}

/// Lays out an email: a greeting, blocks, the house's signature.
/// `unsubscribe` is, for newsletters, the page a reader opens and the
/// one-click address for the `List-Unsubscribe` header.
fn compose(
    locale: Locale,
    to: &Email,
    subject: &str,
    blocks: &[Block<'_>],
    unsubscribe: Option<(&str, &str)>,
) -> OutgoingEmail {
    let hello = locale.email_hello();
    let mut plain = format!("{hello}\n\n");
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
         <body style=\"font-family:Georgia,serif;color:#1f1b16;max-width:36rem;margin:auto;padding:1rem\">\
         <p style=\"letter-spacing:.2em;text-transform:uppercase\">{}</p><p>{}</p>",
        locale.tag(),
        text(subject),
        text(HOUSE_NAME),
        text(hello)
    );
    for block in blocks {
        match block {
            Block::Para(words) => {
                plain.push_str(words);
                plain.push_str("\n\n");
                html.push_str(&format!("<p>{}</p>", text(words).replace('\n', "<br>")));
            }
            Block::Link { label, url } => {
                plain.push_str(&format!("{label}{} {url}\n\n", colon(locale)));
                html.push_str(&format!(
                    "<p><a href=\"{}\" style=\"display:inline-block;padding:.6rem 1.2rem;background:#1f1b16;\
                     color:#fff;text-decoration:none\">{}</a></p>",
                    attr(url),
                    text(label)
                ));
            }
        }
    }
    plain.push_str(&locale.email_signature_plain());
    let (regards, signed) = locale.email_signature_lines();
    html.push_str(&format!("<p>{}<br>{}</p>", text(regards), text(&signed)));
    if let Some((url, _)) = unsubscribe {
        plain.push_str(&format!("\n{}{} {url}\n", locale.email_unsubscribe_plain(), colon(locale)));
        html.push_str(&format!(
            "<p style=\"font-size:.8rem;color:#6b6257\"><a href=\"{}\">{}</a>{}</p>",
            attr(url),
            text(locale.email_unsubscribe_link()),
            text(locale.email_unsubscribe_after_link())
        ));
    }
    html.push_str("</body></html>");
    OutgoingEmail {
        to: to.clone(),
        subject: subject.to_owned(),
        text_body: plain,
        html_body: html,
        unsubscribe_url: unsubscribe.map(|(_, one_click)| one_click.to_owned()),
    }
}

/// A colon as the language writes it after a label (French puts a no-break space before it).
fn colon(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => "\u{a0}:",
        Locale::En => ":",
    }
}

/// Sent on registration: a welcome, and the link that confirms the address
/// (`verify_path`, e.g. `/account/verify?token=…`).
pub fn welcome(locale: Locale, to: &Email, first_name: &str, site: &SiteConfig, verify_path: &str) -> OutgoingEmail {
    let greeting = locale.email_welcome_greeting(first_name);
    let verify_url = page_url(site, locale, verify_path);
    compose(
        locale,
        to,
        &locale.email_welcome_subject(),
        &[
            Block::Para(&greeting),
            Block::Para(locale.email_welcome_confirm_para()),
            Block::Link { label: locale.email_welcome_confirm_link(), url: &verify_url },
            Block::Para(locale.email_welcome_not_you()),
        ],
        None,
    )
}

/// The password-reset link (one hour, once), `reset_path` on the site.
pub fn password_reset(locale: Locale, to: &Email, site: &SiteConfig, reset_path: &str) -> OutgoingEmail {
    let reset_url = page_url(site, locale, reset_path);
    compose(
        locale,
        to,
        locale.email_reset_subject(),
        &[
            Block::Para(locale.email_reset_intro()),
            Block::Link { label: locale.email_reset_link(), url: &reset_url },
            Block::Para(locale.email_reset_once()),
        ],
        None,
    )
}

/// Sent whenever the password changes, so a customer notices one they did not make.
pub fn password_changed(locale: Locale, to: &Email) -> OutgoingEmail {
    compose(
        locale,
        to,
        locale.email_password_changed_subject(),
        &[Block::Para(locale.email_password_changed_para()), Block::Para(locale.email_password_changed_not_you())],
        None,
    )
}

/// Sent when an account is deleted.
pub fn account_deleted(locale: Locale, to: &Email) -> OutgoingEmail {
    compose(
        locale,
        to,
        locale.email_deleted_subject(),
        &[Block::Para(locale.email_deleted_para()), Block::Para(locale.email_deleted_orders())],
        None,
    )
}

/// The double opt-in link, `confirm_path` on the site.
pub fn newsletter_confirm(locale: Locale, to: &Email, site: &SiteConfig, confirm_path: &str) -> OutgoingEmail {
    let confirm_url = page_url(site, locale, confirm_path);
    compose(
        locale,
        to,
        locale.email_newsletter_confirm_subject(),
        &[
            Block::Para(locale.email_newsletter_confirm_intro()),
            Block::Para(locale.email_newsletter_confirm_ask()),
            Block::Link { label: locale.email_newsletter_confirm_link(), url: &confirm_url },
            Block::Para(locale.email_newsletter_confirm_not_you()),
        ],
        None,
    )
}

/// The two unsubscribe addresses of a newsletter email for its token: the
/// page a reader opens (in the email's language), and the one-click
/// address mail clients post to (RFC 8058; no page, no language).
pub fn unsubscribe_urls(site: &SiteConfig, locale: Locale, token: &str) -> (String, String) {
    (
        page_url(site, locale, &format!("/newsletter/unsubscribe?token={token}")),
        site.url(&format!("/newsletter/one-click?token={token}")),
    )
}

/// Sent once the subscription is confirmed: the first newsletter email,
/// with its unsubscribe links for `unsubscribe_token`.
pub fn newsletter_welcome(locale: Locale, to: &Email, site: &SiteConfig, unsubscribe_token: &str) -> OutgoingEmail {
    let (page, one_click) = unsubscribe_urls(site, locale, unsubscribe_token);
    compose(
        locale,
        to,
        locale.email_newsletter_welcome_subject(),
        &[Block::Para(locale.email_newsletter_welcome_para())],
        Some((&page, &one_click)),
    )
}

/// Sent when an address leaves the list.
pub fn newsletter_goodbye(locale: Locale, to: &Email) -> OutgoingEmail {
    compose(
        locale,
        to,
        locale.email_newsletter_goodbye_subject(),
        &[Block::Para(locale.email_newsletter_goodbye_para()), Block::Para(locale.email_newsletter_goodbye_again())],
        None,
    )
}

/// Sent when an order is placed: what was ordered (`lines`, one per piece,
/// written by the caller in `locale`), what it costs, and the link to
/// follow it (`order_path` on the site; it works without an account).
pub fn order_received(
    locale: Locale,
    to: &Email,
    reference: &str,
    lines: &[String],
    totals: &crate::domain::checkout::Totals,
    site: &SiteConfig,
    order_path: &str,
) -> OutgoingEmail {
    let intro = locale.email_order_received_intro(reference);
    let mut summary = lines.join("\n");
    if totals.discount.cents() > 0 {
        summary.push('\n');
        summary.push_str(&locale.email_order_discount(&locale.money(totals.discount)));
    }
    summary.push('\n');
    summary.push_str(&locale.email_order_shipping(&locale.money(totals.shipping)));
    summary.push('\n');
    summary.push_str(&locale.email_order_total(&locale.money(totals.total)));
    let order_url = page_url(site, locale, order_path);
    compose(
        locale,
        to,
        &locale.email_order_received_subject(reference),
        &[
            Block::Para(&intro),
            Block::Para(&summary),
            Block::Link { label: locale.email_order_follow_link(), url: &order_url },
            Block::Para(locale.email_order_keep()),
        ],
        None,
    )
}

/// Sent at every change of an order's status, with the tracking number
/// when it ships; `note` is shown as given (the caller writes it in
/// `locale`), `order_path` is the order's page on the site.
#[allow(clippy::too_many_arguments)]
pub fn order_status(
    locale: Locale,
    to: &Email,
    reference: &str,
    status: crate::domain::order_status::OrderStatus,
    note: &str,
    tracking: Option<(&str, &str)>,
    site: &SiteConfig,
    order_path: &str,
) -> OutgoingEmail {
    let label = locale.order_status(status);
    let headline = locale.email_order_status_headline(reference, label);
    let tracking = tracking.map(|(carrier, number)| locale.email_order_tracking(carrier, number));
    let order_url = page_url(site, locale, order_path);
    let mut blocks = vec![Block::Para(&headline), Block::Para(locale.order_status_meaning(status))];
    if !note.is_empty() {
        blocks.push(Block::Para(note));
    }
    if let Some(tracking) = &tracking {
        blocks.push(Block::Para(tracking));
    }
    blocks.push(Block::Link { label: locale.email_order_see_link(), url: &order_url });
    compose(locale, to, &locale.email_order_status_subject(reference, label), &blocks, None)
}

/// A refund made (PRODUCT.md §7): `said` is the order page's entry for it,
/// which says when the money arrives and what to do if it does not.
pub fn refund_made(
    locale: Locale,
    to: &Email,
    reference: &str,
    said: &str,
    site: &SiteConfig,
    order_path: &str,
) -> OutgoingEmail {
    about_refund(locale, to, &locale.email_refund_subject(reference), said, site, order_path)
}

/// A refund on its way that no status change announces (a payment
/// authorised after its order was cancelled).
pub fn refund_issued(
    locale: Locale,
    to: &Email,
    reference: &str,
    said: &str,
    site: &SiteConfig,
    order_path: &str,
) -> OutgoingEmail {
    about_refund(locale, to, &locale.email_refund_issued_subject(reference), said, site, order_path)
}

fn about_refund(
    locale: Locale,
    to: &Email,
    subject: &str,
    said: &str,
    site: &SiteConfig,
    order_path: &str,
) -> OutgoingEmail {
    let order_url = page_url(site, locale, order_path);
    compose(
        locale,
        to,
        subject,
        &[Block::Para(said), Block::Link { label: locale.email_order_see_link(), url: &order_url }],
        None,
    )
}

/// A step of a return (PRODUCT.md §7: an email at each step): what
/// happened and what to do, then one link (the order, or the return slip).
pub fn about_return(
    locale: Locale,
    to: &Email,
    subject: &str,
    said: &str,
    site: &SiteConfig,
    (label, path): (&str, &str),
) -> OutgoingEmail {
    let url = page_url(site, locale, path);
    compose(locale, to, subject, &[Block::Para(said), Block::Link { label, url: &url }], None)
}

/// A back-in-stock alert come true: the piece (`piece`, its name in the
/// email's language) in `size` can be bought again. `product_path` opens it
/// in that size; `cancel_path` is the alert's own cancel page, which now
/// says the alert was used.
pub fn back_in_stock(
    locale: Locale,
    to: &Email,
    piece: &str,
    size: Option<&str>,
    site: &SiteConfig,
    product_path: &str,
    cancel_path: &str,
) -> OutgoingEmail {
    let product_url = page_url(site, locale, product_path);
    let cancel_url = page_url(site, locale, cancel_path);
    let news = locale.email_back_in_stock_para(piece, size);
    compose(
        locale,
        to,
        &locale.email_back_in_stock_subject(piece),
        &[
            Block::Para(&news),
            Block::Link { label: locale.email_back_in_stock_link(), url: &product_url },
            Block::Para(locale.email_back_in_stock_once()),
            Block::Link { label: locale.alert_cancel_link(), url: &cancel_url },
        ],
        None,
    )
}

/// Acknowledges a contact message to its sender, with a copy of what they wrote.
pub fn contact_acknowledgement(
    locale: Locale,
    to: &Email,
    topic: crate::domain::service::ContactTopic,
    message: &str,
) -> OutgoingEmail {
    let thanks = locale.email_contact_ack_para(topic);
    let copy = format!("{}\n{message}", locale.email_contact_ack_copy());
    compose(
        locale,
        to,
        locale.email_contact_ack_subject(),
        &[Block::Para(&thanks), Block::Para(&locale.email_contact_ack_answer()), Block::Para(&copy)],
        None,
    )
}

/// A request forwarded to client service's address (`site.service_email`),
/// in the house's language: who asked, about what, their words, and a link
/// to the inbox. `facts` are (label, value) lines the caller chose.
pub fn to_client_service(
    site: &SiteConfig,
    kind: crate::domain::service::RequestKind,
    from: &str,
    facts: &[(&str, String)],
    message: &str,
) -> OutgoingEmail {
    let locale = Locale::DEFAULT;
    let mut summary = String::new();
    for (label, value) in facts.iter().filter(|(_, value)| !value.is_empty()) {
        summary.push_str(&format!("{label}{} {value}\n", colon(locale)));
    }
    let inbox_url = page_url(site, locale, &format!("/staff/service?kind={}", kind.tag()));
    let mut blocks = vec![Block::Para(summary.trim_end())];
    if !message.is_empty() {
        blocks.push(Block::Para(message));
    }
    blocks.push(Block::Link { label: locale.email_service_inbox_link(), url: &inbox_url });
    compose(locale, &site.service_email, &locale.email_service_subject(kind, from), &blocks, None)
}

/// Confirms a callback: the slot (`slot`, as the customer's language writes
/// it, Paris time) and the number that will be called.
pub fn callback_confirmation(locale: Locale, to: &Email, slot: &str, phone: &str) -> OutgoingEmail {
    let news = locale.email_callback_para(slot, phone);
    compose(
        locale,
        to,
        locale.email_callback_subject(),
        &[Block::Para(&news), Block::Para(locale.email_callback_change())],
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::country::DeliveryCountries;
    use strum::IntoEnumIterator;

    fn anne() -> Email {
        Email::parse("anne@example.fr").unwrap()
    }

    fn site() -> SiteConfig {
        SiteConfig {
            public_url: "https://shop.example".to_owned(),
            delivery_countries: DeliveryCountries::house_default(),
            service_email: Email::parse("service@shop.example").unwrap(),
        }
    }

    #[test]
    fn both_parts_carry_the_link_in_the_emails_language() {
        let email = password_reset(Locale::En, &anne(), &site(), "/account/reset-password?token=abc");
        assert!(email.text_body.contains("https://shop.example/en/account/reset-password?token=abc"));
        assert!(email.html_body.contains("href=\"https://shop.example/en/account/reset-password?token=abc\""));
        assert_eq!(email.unsubscribe_url, None);
        let french = password_reset(Locale::Fr, &anne(), &site(), "/account/reset-password?token=abc");
        assert!(french.text_body.starts_with("Bonjour,"));
        assert!(french.text_body.contains("https://shop.example/fr/account/reset-password?token=abc"));
        assert!(french.html_body.contains("<html lang=\"fr\">"));
        assert_eq!(french.subject, "Choisissez un nouveau mot de passe");
    }

    #[test]
    fn what_a_customer_typed_is_escaped_in_html() {
        let email = welcome(Locale::En, &anne(), "<script>x</script>", &site(), "/v?token=a&b");
        assert!(!email.html_body.contains("<script>x"));
        assert!(email.html_body.contains("&lt;script&gt;"));
        assert!(email.html_body.contains("token=a&amp;b"));
    }

    #[test]
    fn a_shipment_email_carries_the_tracking_number_and_the_link() {
        use crate::domain::order_status::OrderStatus;
        let email = order_status(
            Locale::En,
            &anne(),
            "MA-0123456789",
            OrderStatus::PartiallyShipped,
            "",
            Some(("Colissimo", "6A123")),
            &site(),
            "/orders/MA-0123456789?key=k",
        );
        assert_eq!(email.subject, "Your order MA-0123456789: Partially shipped");
        assert!(email.text_body.contains("Tracking number: 6A123"));
        assert!(email.html_body.contains("href=\"https://shop.example/en/orders/MA-0123456789?key=k\""));
        let french = order_status(
            Locale::Fr,
            &anne(),
            "MA-0123456789",
            OrderStatus::Shipped,
            "",
            Some(("Colissimo", "6A123")),
            &site(),
            "/orders/MA-0123456789?key=k",
        );
        assert_eq!(french.subject, "Votre commande MA-0123456789\u{a0}: Expédiée");
        assert!(french.text_body.contains("Numéro de suivi\u{a0}: 6A123"));
        assert!(french.text_body.contains("https://shop.example/fr/orders/MA-0123456789?key=k"));
    }

    #[test]
    fn an_order_email_writes_its_amounts_in_its_language() {
        use crate::domain::{checkout::Totals, money::Money};
        let totals = Totals {
            subtotal: Money::from_cents(125_000),
            discount: Money::from_cents(0),
            shipping: Money::from_cents(2_500),
            total: Money::from_cents(127_500),
        };
        let email = order_received(Locale::Fr, &anne(), "MA-1", &[], &totals, &site(), "/orders/MA-1?key=k");
        assert!(email.text_body.contains("Total\u{a0}: 1\u{202f}275,00\u{a0}€"), "{}", email.text_body);
        let email = order_received(Locale::En, &anne(), "MA-1", &[], &totals, &site(), "/orders/MA-1?key=k");
        assert!(email.text_body.contains("Shipping: €25.00\nTotal: €1,275.00"), "{}", email.text_body);
    }

    #[test]
    fn a_message_to_client_service_says_who_and_what_safely() {
        use crate::domain::service::RequestKind;
        let facts = [("Sujet", "Une pièce".to_owned()), ("Commande", String::new())];
        let email = to_client_service(&site(), RequestKind::Contact, "anne@example.fr", &facts, "<b>Bonjour</b>");
        assert_eq!(email.to.as_str(), "service@shop.example");
        assert_eq!(email.subject, "[Message écrit] anne@example.fr");
        assert!(email.text_body.contains("Sujet\u{a0}: Une pièce\n"), "{}", email.text_body);
        assert!(!email.text_body.contains("Commande"), "empty facts are left out");
        assert!(email.html_body.contains("&lt;b&gt;Bonjour&lt;/b&gt;"));
        assert!(email.text_body.contains("https://shop.example/fr/staff/service?kind=contact"));
        let ack = contact_acknowledgement(
            Locale::En,
            &anne(),
            crate::domain::service::ContactTopic::MissingGift,
            "Where is my pouch?",
        );
        assert!(ack.text_body.contains("(a missing gift)") && ack.text_body.contains("Where is my pouch?"));
    }

    #[test]
    fn only_newsletters_carry_an_unsubscribe_link() {
        let email = newsletter_welcome(Locale::En, &anne(), &site(), "t");
        assert_eq!(email.unsubscribe_url.as_deref(), Some("https://shop.example/newsletter/one-click?token=t"));
        assert!(email
            .text_body
            .contains("Unsubscribe from our newsletter: https://shop.example/en/newsletter/unsubscribe?token=t"));
        for locale in Locale::iter() {
            for other in [
                newsletter_goodbye(locale, &anne()),
                newsletter_confirm(locale, &anne(), &site(), "/u"),
                account_deleted(locale, &anne()),
                password_changed(locale, &anne()),
            ] {
                assert_eq!(other.unsubscribe_url, None);
            }
        }
    }
}
