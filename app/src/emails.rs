//! The words of every account and newsletter email, each with an HTML part
//! and a plain-text part. Built on the server and written to the outbox in
//! the transaction of the change that causes it.

use crate::domain::{account::Email, outbox::OutgoingEmail};
use crate::HOUSE_NAME;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

/// One paragraph or one link of an email.
enum Block<'a> {
    Para(&'a str),
    Link { label: &'a str, url: &'a str },
}

/// Lays out an email: a greeting, blocks, the house's signature.
/// `unsubscribe` is, for newsletters, the page a reader opens and the
/// one-click address for the `List-Unsubscribe` header.
fn compose(to: &Email, subject: &str, blocks: &[Block<'_>], unsubscribe: Option<(&str, &str)>) -> OutgoingEmail {
    let mut plain = String::from("Hello,\n\n");
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
         <body style=\"font-family:Georgia,serif;color:#1f1b16;max-width:36rem;margin:auto;padding:1rem\">\
         <p style=\"letter-spacing:.2em;text-transform:uppercase\">{}</p><p>Hello,</p>",
        text(subject),
        text(HOUSE_NAME)
    );
    for block in blocks {
        match block {
            Block::Para(words) => {
                plain.push_str(words);
                plain.push_str("\n\n");
                html.push_str(&format!("<p>{}</p>", text(words).replace('\n', "<br>")));
            }
            Block::Link { label, url } => {
                plain.push_str(&format!("{label}: {url}\n\n"));
                html.push_str(&format!(
                    "<p><a href=\"{}\" style=\"display:inline-block;padding:.6rem 1.2rem;background:#1f1b16;\
                     color:#fff;text-decoration:none\">{}</a></p>",
                    attr(url),
                    text(label)
                ));
            }
        }
    }
    plain.push_str(&format!("With our best regards,\n{HOUSE_NAME}, client service\n"));
    html.push_str(&format!("<p>With our best regards,<br>{}, client service</p>", text(HOUSE_NAME)));
    if let Some((url, _)) = unsubscribe {
        plain.push_str(&format!("\nUnsubscribe from our newsletter: {url}\n"));
        html.push_str(&format!(
            "<p style=\"font-size:.8rem;color:#6b6257\"><a href=\"{}\">Unsubscribe</a> from our newsletter in one click.</p>",
            attr(url)
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

/// Sent on registration: a welcome, and the link that confirms the address.
pub fn welcome(to: &Email, first_name: &str, verify_url: &str) -> OutgoingEmail {
    let greeting = format!("Welcome to {HOUSE_NAME}, {first_name}. Your account is open.");
    compose(
        to,
        &format!("Welcome to {HOUSE_NAME}"),
        &[
            Block::Para(&greeting),
            Block::Para("Please confirm that this address is yours. The link works for seven days."),
            Block::Link { label: "Confirm my email address", url: verify_url },
            Block::Para("If you did not open this account, please ignore this email."),
        ],
        None,
    )
}

/// The password-reset link (one hour, once).
pub fn password_reset(to: &Email, reset_url: &str) -> OutgoingEmail {
    compose(
        to,
        "Choose a new password",
        &[
            Block::Para("Someone, hopefully you, asked to choose a new password for your account."),
            Block::Link { label: "Choose a new password", url: reset_url },
            Block::Para("The link works once, for one hour. If you did not ask, ignore this email: your password stays as it is."),
        ],
        None,
    )
}

/// Sent whenever the password changes, so a customer notices one they did not make.
pub fn password_changed(to: &Email) -> OutgoingEmail {
    compose(
        to,
        "Your password was changed",
        &[
            Block::Para("The password of your account was just changed, and every other signed-in device was signed out."),
            Block::Para("If this was not you, please choose a new password from the sign-in page, or call our client service on +33 1 42 60 00 00."),
        ],
        None,
    )
}

/// Sent when an account is deleted.
pub fn account_deleted(to: &Email) -> OutgoingEmail {
    compose(
        to,
        "Your account was deleted",
        &[
            Block::Para("Your account and the personal details it held have been erased, as you asked."),
            Block::Para("Orders you placed are kept for our accounts, without your name or addresses. You are welcome to open a new account at any time."),
        ],
        None,
    )
}

/// The double opt-in link.
pub fn newsletter_confirm(to: &Email, confirm_url: &str) -> OutgoingEmail {
    compose(
        to,
        "Please confirm your subscription",
        &[
            Block::Para("Thank you for your interest in our newsletter: new collections, events at the boutique, a few words from the workshop."),
            Block::Para("Please confirm that you wish to receive it. Until you do, we will send you nothing more."),
            Block::Link { label: "Confirm my subscription", url: confirm_url },
            Block::Para("If you did not ask for this, ignore this email."),
        ],
        None,
    )
}

/// Sent once the subscription is confirmed: the first newsletter email, with its unsubscribe link.
pub fn newsletter_welcome(to: &Email, unsubscribe_page: &str, one_click: &str) -> OutgoingEmail {
    compose(
        to,
        "You are subscribed to our newsletter",
        &[Block::Para("Your subscription is confirmed. You will hear from us a few times a season, never more.")],
        Some((unsubscribe_page, one_click)),
    )
}

/// Sent when an address leaves the list.
pub fn newsletter_goodbye(to: &Email) -> OutgoingEmail {
    compose(
        to,
        "You are unsubscribed",
        &[
            Block::Para("This address is no longer on our newsletter list, and will receive no more newsletters."),
            Block::Para("You can subscribe again at any time from the foot of any page of our site."),
        ],
        None,
    )
}

/// Sent when an order is placed: what was ordered, what it costs, and the
/// link to follow it (it works without an account).
pub fn order_received(
    to: &Email,
    reference: &str,
    lines: &[String],
    totals: &crate::domain::checkout::Totals,
    order_url: &str,
) -> OutgoingEmail {
    let intro = format!(
        "Thank you for your order {reference}. We have received it and are waiting for your bank's answer; you will hear from us at each step."
    );
    let mut summary = lines.join("\n");
    if totals.discount.cents() > 0 {
        summary.push_str(&format!("\nDiscount: -{}", totals.discount));
    }
    summary.push_str(&format!("\nShipping: {}\nTotal: {}", totals.shipping, totals.total));
    compose(
        to,
        &format!("Your order {reference} is received"),
        &[
            Block::Para(&intro),
            Block::Para(&summary),
            Block::Link { label: "Follow my order", url: order_url },
            Block::Para("Keep this email: its link shows your order at any time, account or not."),
        ],
        None,
    )
}

/// Sent at every change of an order's status, with the tracking number when it ships.
pub fn order_status(
    to: &Email,
    reference: &str,
    status: crate::domain::order_status::OrderStatus,
    note: &str,
    tracking: Option<(&str, &str)>,
    order_url: &str,
) -> OutgoingEmail {
    let headline = format!("Your order {reference} is now: {}.", status.label());
    let tracking = tracking.map(|(carrier, number)| format!("Carrier: {carrier}. Tracking number: {number}."));
    let mut blocks = vec![Block::Para(&headline), Block::Para(status.meaning())];
    if !note.is_empty() {
        blocks.push(Block::Para(note));
    }
    if let Some(tracking) = &tracking {
        blocks.push(Block::Para(tracking));
    }
    blocks.push(Block::Link { label: "See my order", url: order_url });
    compose(to, &format!("Your order {reference}: {}", status.label()), &blocks, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anne() -> Email {
        Email::parse("anne@example.fr").unwrap()
    }

    #[test]
    fn both_parts_carry_the_link() {
        let email = password_reset(&anne(), "https://shop.example/account/reset-password?token=abc");
        assert!(email.text_body.contains("https://shop.example/account/reset-password?token=abc"));
        assert!(email.html_body.contains("href=\"https://shop.example/account/reset-password?token=abc\""));
        assert_eq!(email.unsubscribe_url, None);
    }

    #[test]
    fn what_a_customer_typed_is_escaped_in_html() {
        let email = welcome(&anne(), "<script>x</script>", "https://shop.example/v?token=a&b");
        assert!(!email.html_body.contains("<script>x"));
        assert!(email.html_body.contains("&lt;script&gt;"));
        assert!(email.html_body.contains("token=a&amp;b"));
    }

    #[test]
    fn a_shipment_email_carries_the_tracking_number_and_the_link() {
        use crate::domain::order_status::OrderStatus;
        let email = order_status(
            &anne(),
            "MA-0123456789",
            OrderStatus::PartiallyShipped,
            "",
            Some(("Colissimo", "6A123")),
            "https://shop.example/orders/MA-0123456789?key=k",
        );
        assert_eq!(email.subject, "Your order MA-0123456789: Partially shipped");
        assert!(email.text_body.contains("Tracking number: 6A123"));
        assert!(email.html_body.contains("href=\"https://shop.example/orders/MA-0123456789?key=k\""));
    }

    #[test]
    fn only_newsletters_carry_an_unsubscribe_link() {
        let email = newsletter_welcome(
            &anne(),
            "https://shop.example/newsletter/unsubscribe?token=t",
            "https://shop.example/newsletter/one-click?token=t",
        );
        assert_eq!(email.unsubscribe_url.as_deref(), Some("https://shop.example/newsletter/one-click?token=t"));
        assert!(email
            .text_body
            .contains("Unsubscribe from our newsletter: https://shop.example/newsletter/unsubscribe?token=t"));
        for other in [
            newsletter_goodbye(&anne()),
            newsletter_confirm(&anne(), "u"),
            account_deleted(&anne()),
            password_changed(&anne()),
        ] {
            assert_eq!(other.unsubscribe_url, None);
        }
    }
}
