//! Texts of orders: statuses and what they mean, the timeline, the order
//! page and its receipt, the requests to change or cancel, and why a change
//! was refused (customers' and staff's).

use super::texts;
use crate::api::orders::LineReturns;
use crate::domain::checkout::ShipmentProblem;
use crate::domain::locale::{Locale, Plural};
use crate::domain::money::Money;
use crate::domain::order_status::{OrderEvent, OrderStatus, Refusal, TimelineKind};
use crate::domain::refund::{RefundReason, RefundState};
use crate::domain::returns::FinalSale;

texts! {
    order_status_awaiting_payment { fr: "En attente de paiement", en: "Awaiting payment" }
    order_status_being_validated { fr: "En cours de validation", en: "Being validated" }
    order_status_confirmed { fr: "Confirmée", en: "Confirmed" }
    order_status_partially_shipped { fr: "Partiellement expédiée", en: "Partially shipped" }
    order_status_shipped { fr: "Expédiée", en: "Shipped" }
    order_status_delivered { fr: "Livrée", en: "Delivered" }
    order_status_cancelled { fr: "Annulée", en: "Cancelled" }
    order_meaning_awaiting_payment { fr: "Reçue, en attente de la réponse de la banque.", en: "Received, waiting for the bank." }
    order_meaning_being_validated {
        fr: "Paiement autorisé\u{a0}; la maison vérifie votre commande.",
        en: "Payment authorised; the house is checking your order.",
    }
    order_meaning_confirmed { fr: "Validée\u{a0}; votre commande est en préparation.", en: "Validated; your order is being prepared." }
    order_meaning_partially_shipped {
        fr: "Les pièces disponibles sont en route\u{a0}; les pièces réalisées à la commande ou en réassort suivront.",
        en: "The available pieces are on their way; made-to-order or back-ordered pieces follow.",
    }
    order_meaning_shipped { fr: "Remise au transporteur.", en: "Handed to the carrier." }
    order_meaning_delivered { fr: "Votre commande vous a été livrée.", en: "Delivered." }
    order_meaning_cancelled { fr: "Cette commande est annulée.", en: "Cancelled." }

    /// The actions on an order, as buttons offer them.
    order_action_authorise { fr: "Autoriser le paiement", en: "Authorise the payment" }
    order_action_decline { fr: "Refuser le paiement", en: "Decline the payment" }
    order_action_expire { fr: "Laisser expirer le paiement", en: "Let the payment expire" }
    order_action_validate { fr: "Valider la commande", en: "Validate the order" }
    order_action_ship { fr: "Remettre au transporteur", en: "Hand to the carrier" }
    order_action_deliver { fr: "Marquer comme livrée", en: "Mark delivered" }
    order_action_cancel { fr: "Annuler la commande", en: "Cancel the order" }

    /// The timeline: what each entry records.
    order_event_placed { fr: "Commande passée.", en: "Order placed." }
    order_event_authorised { fr: "Paiement autorisé.", en: "Payment authorised." }
    order_event_declined {
        fr: "Votre banque a refusé le paiement\u{a0}; aucun montant n’a été débité.",
        en: "Your bank declined the payment; nothing was charged.",
    }
    order_event_expired {
        fr: "Le paiement n’est pas arrivé à temps\u{a0}: les pièces ont été remises en vente.",
        en: "No payment arrived in time: the pieces were released.",
    }
    order_event_validated { fr: "Validée par la maison.", en: "Validated by the house." }
    /// A shipment whose parcel is not on record.
    order_event_handed_over { fr: "Remise au transporteur.", en: "Handed to the carrier." }
    order_event_delivered { fr: "Livrée.", en: "Delivered." }
    order_event_cancelled_by_customer { fr: "Annulée à votre demande.", en: "Cancelled at your request." }
    order_event_cancelled_by_house { fr: "Annulée par la maison.", en: "Cancelled by the house." }

    /// How to return a piece, under an order's lines.
    order_returns_how {
        fr: "Pour retourner une pièce, choisissez-la sur le formulaire de retour\u{a0}; nous répondons sous deux jours ouvrés.",
        en: "To return a piece, choose it on the returns form; we answer within two business days.",
    }

    /// The order page's refunds.
    order_refunds { fr: "Remboursements", en: "Refunds" }
    order_refunds_arrive {
        fr: "Un remboursement apparaît sur votre compte sous 5 à 10 jours ouvrés après avoir été effectué. S’il n’y est pas passé ce délai, renseignez-vous auprès de votre banque, puis contactez notre service client.",
        en: "A refund reaches your account 5–10 business days after it is made. If it has not arrived by then, check with your bank, then contact client service.",
    }

    order_waiting_for_bank {
        fr: "Nous attendons la réponse de votre banque… cette page se met à jour d’elle-même.",
        en: "Waiting for your bank's answer… this page updates by itself.",
    }
    order_declined {
        fr: "Votre banque a refusé le paiement\u{a0}: aucun montant n’a été débité, et cette commande est annulée.",
        en: "Your bank declined the payment: nothing was charged, and this order is cancelled.",
    }
    order_declined_basket_kept {
        fr: "Votre panier vous attend toujours. Vous pouvez réessayer avec une autre carte.",
        en: "Your basket is still here. You may try again with another card.",
    }
    order_try_again { fr: "Réessayer", en: "Try again" }
    order_receipt_link { fr: "Reçu à imprimer", en: "Printable receipt" }
    order_change_or_cancel { fr: "Modifier ou annuler", en: "Change or cancel" }
    order_change_until_confirmed {
        fr: "Possible jusqu’à la confirmation de votre commande. Ensuite, vous pourrez nous la retourner.",
        en: "Possible until your order is confirmed. After that, a return is the way.",
    }
    order_cancel_this { fr: "Annuler cette commande", en: "Cancel this order" }
    order_ask_change { fr: "Demander une modification (taille, adresse…)", en: "Ask for a change (size, address…)" }
    order_send_request { fr: "Envoyer la demande", en: "Send the request" }
    order_cancelled_now { fr: "Votre commande est annulée.", en: "Your order is cancelled." }
    order_request_sent {
        fr: "Votre demande a été transmise à notre service clientèle.",
        en: "Your request is sent to our client service.",
    }
    order_parcels { fr: "Colis", en: "Parcels" }
    order_timeline { fr: "Historique", en: "Timeline" }
    order_pieces { fr: "Pièces", en: "Pieces" }
    order_piece { fr: "Pièce", en: "Piece" }
    order_unit_price { fr: "Prix unitaire", en: "Unit price" }
    /// The lines' column of totals.
    order_line_total { fr: "Montant", en: "Total" }
    order_subtotal { fr: "Sous-total", en: "Subtotal" }
    order_discount { fr: "Remise", en: "Discount" }
    order_shipping { fr: "Livraison", en: "Shipping" }
    /// The order's total, to pay or paid.
    order_total { fr: "Montant total", en: "Total" }
    order_delivery { fr: "Adresse de livraison", en: "Delivery" }
    /// After a line's name.
    order_gift_mark { fr: " — cadeau", en: " — gift" }
    order_made_to_order_mark { fr: " — réalisée à la commande", en: " — made to order" }
    order_print { fr: "Imprimer", en: "Print" }

    order_sign_in_or_link {
        fr: "Veuillez vous connecter, ou ouvrir le lien de l’e-mail de votre commande.",
        en: "Please sign in, or open the link in your order email.",
    }
    order_change_too_long {
        fr: "Veuillez indiquer ce qu’il faut modifier, en 1\u{202f}000\u{a0}caractères au plus.",
        en: "Please say what to change, in at most 1,000 characters.",
    }
    order_raced {
        fr: "La commande a changé pendant que vous la consultiez. Veuillez recharger la page.",
        en: "The order changed while you were looking at it. Please reload the page.",
    }
    order_only_the_house { fr: "Seule la maison peut effectuer cette opération.", en: "Only the house may do this." }
    order_cancel_reason_needed {
        fr: "Veuillez indiquer le motif que lira le client, en 500\u{a0}caractères au plus.",
        en: "Please give the reason the customer will read, in at most 500 characters.",
    }
    order_carrier_needed {
        fr: "Veuillez indiquer le nom du transporteur (de 2 à 40\u{a0}caractères).",
        en: "Please give the carrier's name (2 to 40 characters).",
    }
    order_tracking_needed {
        fr: "Veuillez indiquer le numéro de suivi (de 4 à 40\u{a0}lettres, chiffres, espaces ou tirets).",
        en: "Please give the tracking number (4 to 40 letters, digits, spaces or hyphens).",
    }
    order_nothing_to_ship { fr: "Veuillez choisir au moins une pièce à expédier.", en: "Please choose at least one piece to ship." }
}

impl Locale {
    /// A status's name, as customers and staff read it.
    pub fn order_status(self, status: OrderStatus) -> &'static str {
        match status {
            OrderStatus::AwaitingPayment => self.order_status_awaiting_payment(),
            OrderStatus::BeingValidated => self.order_status_being_validated(),
            OrderStatus::Confirmed => self.order_status_confirmed(),
            OrderStatus::PartiallyShipped => self.order_status_partially_shipped(),
            OrderStatus::Shipped => self.order_status_shipped(),
            OrderStatus::Delivered => self.order_status_delivered(),
            OrderStatus::Cancelled => self.order_status_cancelled(),
        }
    }

    /// What a status means, for the order page.
    pub fn order_status_meaning(self, status: OrderStatus) -> &'static str {
        match status {
            OrderStatus::AwaitingPayment => self.order_meaning_awaiting_payment(),
            OrderStatus::BeingValidated => self.order_meaning_being_validated(),
            OrderStatus::Confirmed => self.order_meaning_confirmed(),
            OrderStatus::PartiallyShipped => self.order_meaning_partially_shipped(),
            OrderStatus::Shipped => self.order_meaning_shipped(),
            OrderStatus::Delivered => self.order_meaning_delivered(),
            OrderStatus::Cancelled => self.order_meaning_cancelled(),
        }
    }

    /// The button or link that causes an event.
    pub fn order_action(self, event: OrderEvent) -> &'static str {
        match event {
            OrderEvent::PaymentAuthorised => self.order_action_authorise(),
            OrderEvent::PaymentDeclined => self.order_action_decline(),
            OrderEvent::PaymentExpired => self.order_action_expire(),
            OrderEvent::Validate => self.order_action_validate(),
            OrderEvent::Ship { .. } => self.order_action_ship(),
            OrderEvent::MarkDelivered => self.order_action_deliver(),
            OrderEvent::Cancel => self.order_action_cancel(),
        }
    }

    /// What an event did to an order, in a sentence ("Une commande expédiée
    /// ne peut pas être …").
    fn order_event_done(self, event: OrderEvent) -> &'static str {
        match (self, event) {
            (Locale::Fr, OrderEvent::PaymentAuthorised) => "payée",
            (Locale::Fr, OrderEvent::PaymentDeclined) => "refusée",
            (Locale::Fr, OrderEvent::PaymentExpired) => "expirée",
            (Locale::Fr, OrderEvent::Validate) => "validée",
            (Locale::Fr, OrderEvent::Ship { .. }) => "expédiée",
            (Locale::Fr, OrderEvent::MarkDelivered) => "marquée comme livrée",
            (Locale::Fr, OrderEvent::Cancel) => "annulée",
            (Locale::En, event) => event.done_words(),
        }
    }

    /// Why an event cannot happen to an order, said to whoever asked.
    pub fn order_refusal(self, refusal: &Refusal) -> String {
        match (self, refusal) {
            (Locale::Fr, Refusal::TooLateForCustomer(status)) => format!(
                "Votre commande est {}\u{a0}: elle ne peut plus être modifiée ni annulée. Une fois livrée, vous pourrez nous la retourner dans le délai de retour.",
                self.order_status(*status).to_lowercase()
            ),
            (Locale::Fr, Refusal::NotAllowed) => self.order_only_the_house().to_owned(),
            (Locale::Fr, Refusal::Impossible(status, event)) => format!(
                "Une commande {} ne peut pas être {}.",
                self.order_status(*status).to_lowercase(),
                self.order_event_done(*event)
            ),
            (Locale::En, refusal) => refusal.to_string(),
        }
    }

    /// What an entry of the timeline records, from its kind, what a person
    /// typed (`note`) and, for a shipment, its parcel (carrier, tracking number).
    pub fn order_timeline_says(self, kind: TimelineKind, note: &str, parcel: Option<(&str, &str)>) -> String {
        let note = note.trim();
        match kind {
            TimelineKind::Placed => self.order_event_placed().to_owned(),
            TimelineKind::PaymentAuthorised => self.order_event_authorised().to_owned(),
            TimelineKind::PaymentDeclined => self.order_event_declined().to_owned(),
            TimelineKind::PaymentExpired => self.order_event_expired().to_owned(),
            TimelineKind::Validated => self.order_event_validated().to_owned(),
            TimelineKind::Shipped => match parcel {
                Some((carrier, number)) => self.order_sent_with(carrier, number),
                None => self.order_event_handed_over().to_owned(),
            },
            TimelineKind::Delivered => self.order_event_delivered().to_owned(),
            TimelineKind::CancelledByCustomer => self.order_event_cancelled_by_customer().to_owned(),
            TimelineKind::CancelledByHouse if note.is_empty() => self.order_event_cancelled_by_house().to_owned(),
            TimelineKind::CancelledByHouse => match self {
                Locale::Fr => format!("Annulée par la maison\u{a0}: {note}"),
                Locale::En => format!("Cancelled by the house: {note}"),
            },
            TimelineKind::ChangeRequested => match self {
                Locale::Fr => format!("Modification demandée\u{a0}: {note}"),
                Locale::En => format!("Change requested: {note}"),
            },
            TimelineKind::Noted => note.to_owned(),
            TimelineKind::RefundIssued { reason, amount } => self.order_refund_issued(reason, amount),
            TimelineKind::Refunded { amount } => self.order_refund_made(amount),
            TimelineKind::RefundFailed { amount } => self.order_refund_failed(amount),
            TimelineKind::Return { step } => self.order_return_step(step, note),
        }
    }

    /// A refund asked of the gateway, as the timeline and the email say it.
    pub fn order_refund_issued(self, reason: RefundReason, amount: Money) -> String {
        let amount = self.money(amount);
        match (self, reason) {
            (Locale::Fr, RefundReason::OrderCancelled) => {
                format!("Votre paiement de {amount} vous est intégralement remboursé, sur la carte utilisée.")
            }
            (Locale::En, RefundReason::OrderCancelled) => {
                format!("Your payment of {amount} is being refunded in full, to the card you paid with.")
            }
            (Locale::Fr, RefundReason::LatePayment) => format!(
                "Votre banque a autorisé {amount} après l’annulation de cette commande\u{a0}: ce montant vous est intégralement remboursé, sur la carte utilisée."
            ),
            (Locale::En, RefundReason::LatePayment) => format!(
                "Your bank authorised {amount} after this order was cancelled: that amount is being refunded in full, to the card you paid with."
            ),
            (Locale::Fr, RefundReason::Return) => {
                format!("Un remboursement de {amount} pour les pièces retournées est en cours, sur la carte utilisée.")
            }
            (Locale::En, RefundReason::Return) => {
                format!("A refund of {amount} for the returned pieces is on its way, to the card you paid with.")
            }
        }
    }

    /// A refund the gateway made: when it arrives, and what to do if it does not (PRODUCT.md §7).
    pub fn order_refund_made(self, amount: Money) -> String {
        let amount = self.money(amount);
        match self {
            Locale::Fr => format!(
                "Remboursement de {amount} effectué. Il apparaît sur votre compte sous 5 à 10 jours ouvrés\u{a0}; s’il n’y est pas passé ce délai, renseignez-vous auprès de votre banque, puis contactez notre service client."
            ),
            Locale::En => format!(
                "Refund of {amount} made. It reaches your account within 5–10 business days; if it has not arrived by then, check with your bank, then contact client service."
            ),
        }
    }

    /// A refund the gateway could not make: the house takes it up.
    pub fn order_refund_failed(self, amount: Money) -> String {
        let amount = self.money(amount);
        match self {
            Locale::Fr => format!(
                "Le remboursement de {amount} n’a pas pu être effectué pour l’instant\u{a0}: notre service client s’en occupe et vous contactera."
            ),
            Locale::En => format!(
                "The refund of {amount} could not be made yet: client service is looking into it and will contact you."
            ),
        }
    }

    /// One of an order's refunds, on its page.
    pub fn order_refund_row(self, amount: Money, state: RefundState) -> String {
        let amount = self.money(amount);
        match (self, state) {
            (Locale::Fr, RefundState::Pending) => format!("{amount}\u{a0}: en cours auprès de la banque."),
            (Locale::En, RefundState::Pending) => format!("{amount}: with the bank now."),
            (Locale::Fr, RefundState::Refunded) => format!("{amount}\u{a0}: remboursé."),
            (Locale::En, RefundState::Refunded) => format!("{amount}: refunded."),
            (Locale::Fr, RefundState::Failed) => {
                format!("{amount}\u{a0}: n’a pas pu être effectué\u{a0}; notre service client s’en occupe.")
            }
            (Locale::En, RefundState::Failed) => format!("{amount}: could not be made; client service is on it."),
        }
    }

    /// Whether, and until when, a delivered line can be returned.
    pub fn order_line_returns(self, returns: &LineReturns) -> String {
        match (self, returns) {
            (_, LineReturns::Nothing) => String::new(),
            (Locale::Fr, LineReturns::Until { until, fault_until }) => format!(
                "Retour possible jusqu’au {until}\u{a0}; abîmée ou défectueuse\u{a0}: à nous signaler au plus tard le {fault_until}."
            ),
            (Locale::En, LineReturns::Until { until, fault_until }) => {
                format!("Returnable until {until}; damaged or defective: tell us by {fault_until}.")
            }
            (_, LineReturns::FinalSale { why, fault_until: Some(date) }) => match self {
                Locale::Fr => format!(
                    "{} ne sont pas reprises, sauf abîmées ou défectueuses\u{a0}: à nous signaler au plus tard le {date}.",
                    self.order_final_sale(*why)
                ),
                Locale::En => {
                    format!("{} cannot be returned unless damaged or defective: tell us by {date}.", self.order_final_sale(*why))
                }
            },
            (_, LineReturns::FinalSale { why, fault_until: None }) => match self {
                Locale::Fr => format!(
                    "{} ne sont pas reprises\u{a0}; une pièce abîmée ou défectueuse se signale dans les 7 jours suivant la livraison.",
                    self.order_final_sale(*why)
                ),
                Locale::En => format!(
                    "{} cannot be returned; damage or a defect is reported within 7 days of delivery.",
                    self.order_final_sale(*why)
                ),
            },
            (Locale::Fr, LineReturns::Ended { on }) => format!("Le délai de retour a pris fin le {on}."),
            (Locale::En, LineReturns::Ended { on }) => format!("The return period ended on {on}."),
        }
    }

    /// What kind of piece goes back only damaged or defective, as a sentence begins.
    pub fn order_final_sale(self, why: FinalSale) -> &'static str {
        match (self, why) {
            (Locale::Fr, FinalSale::Earrings) => "Les boucles d’oreilles",
            (Locale::En, FinalSale::Earrings) => "Earrings",
            (Locale::Fr, FinalSale::Personalised) => "Les pièces personnalisées",
            (Locale::En, FinalSale::Personalised) => "Personalised pieces",
            (Locale::Fr, FinalSale::OnSale) => "Les pièces soldées",
            (Locale::En, FinalSale::OnSale) => "Sale pieces",
        }
    }

    /// The subject of the email that says a refund is on its way.
    pub fn email_refund_issued_subject(self, reference: &str) -> String {
        match self {
            Locale::Fr => format!("Votre commande {reference}\u{a0}: remboursement en cours"),
            Locale::En => format!("Your order {reference}: refund on its way"),
        }
    }

    /// The subject of the email that says a refund was made.
    pub fn email_refund_subject(self, reference: &str) -> String {
        match self {
            Locale::Fr => format!("Votre commande {reference}\u{a0}: remboursement effectué"),
            Locale::En => format!("Your order {reference}: refund made"),
        }
    }

    /// A shipment in the timeline.
    pub fn order_sent_with(self, carrier: &str, number: &str) -> String {
        match self {
            Locale::Fr => format!("Confiée à {carrier}, numéro de suivi {number}."),
            Locale::En => format!("Sent with {carrier}, tracking number {number}."),
        }
    }

    /// The order page's title and heading.
    pub fn order_title(self, reference: &str) -> String {
        match self {
            Locale::Fr => format!("Commande {reference}"),
            Locale::En => format!("Order {reference}"),
        }
    }

    /// When the order was placed; `at` is a date and time in Paris.
    pub fn order_placed_on(self, at: &str) -> String {
        match self {
            Locale::Fr => format!("Passée le {at} (heure de Paris)"),
            Locale::En => format!("Placed on {at} (Paris time)"),
        }
    }

    /// Back from the payment page, the bank having said yes.
    pub fn order_thank_you(self, email: &str) -> String {
        match self {
            Locale::Fr => format!("Merci pour votre commande. Sa confirmation vous est envoyée à l’adresse {email}."),
            Locale::En => format!("Thank you for your order. Its confirmation is on its way to {email}."),
        }
    }

    /// A parcel: when, with whom, its tracking number (shown apart, in bold).
    pub fn order_parcel_sent(self, at: &str, carrier: &str) -> String {
        match self {
            Locale::Fr => format!("Expédié le {at} par {carrier}, numéro de suivi "),
            Locale::En => format!("Sent on {at} with {carrier}, tracking number "),
        }
    }

    /// What a parcel holds, after its tracking number.
    pub fn order_parcel_contents(self, contents: &str) -> String {
        match self {
            Locale::Fr => format!("\u{a0}: {contents}."),
            Locale::En => format!(": {contents}."),
        }
    }

    /// A line's size, after its name.
    pub fn order_size_mark(self, size: &str) -> String {
        match self {
            Locale::Fr => format!(" (taille {size})"),
            Locale::En => format!(" (size {size})"),
        }
    }

    /// The discount, with the code that gave it.
    pub fn order_discount_with(self, code: Option<&str>) -> String {
        match code {
            Some(code) => format!("{} ({code})", self.order_discount()),
            None => self.order_discount().to_owned(),
        }
    }

    /// An amount taken off.
    pub fn order_minus(self, amount: Money) -> String {
        format!("-{}", self.money(amount))
    }

    /// Shipping, with its zone and estimate.
    pub fn order_shipping_with(self, zone: &str, estimate: &str) -> String {
        format!("{} ({zone}, {estimate})", self.order_shipping())
    }

    pub fn order_receipt_title(self, reference: &str) -> String {
        match self {
            Locale::Fr => format!("Reçu {reference}"),
            Locale::En => format!("Receipt {reference}"),
        }
    }

    pub fn order_receipt_heading(self, reference: &str) -> String {
        match self {
            Locale::Fr => format!("Reçu de la commande {reference}"),
            Locale::En => format!("Receipt for order {reference}"),
        }
    }

    /// What is wrong with a shipment staff asked for.
    pub fn order_shipment_problem(self, problem: &ShipmentProblem) -> String {
        match problem {
            ShipmentProblem::Carrier => self.order_carrier_needed().to_owned(),
            ShipmentProblem::Tracking => self.order_tracking_needed().to_owned(),
            ShipmentProblem::Nothing => self.order_nothing_to_ship().to_owned(),
            ShipmentProblem::UnknownLine(line) => match self {
                Locale::Fr => format!("Cette commande n’a pas de ligne {line}."),
                Locale::En => format!("This order has no line {line}."),
            },
            ShipmentProblem::TooMany { line, left, asked } => {
                let left = u64::from(*left);
                match (self, self.plural(left)) {
                    (Locale::Fr, _) if left == 0 => {
                        format!("La ligne {line} n’a plus aucune pièce à expédier (demandé\u{a0}: {asked}).")
                    }
                    (Locale::Fr, Plural::One) => {
                        format!("La ligne {line} n’a plus qu’une pièce à expédier, et non {asked}.")
                    }
                    (Locale::Fr, Plural::Many | Plural::Other) => {
                        format!("La ligne {line} n’a plus que {} à expédier, et non {asked}.", self.basket_pieces(left))
                    }
                    (Locale::En, Plural::One) => format!("Line {line} has only one piece left to ship, not {asked}."),
                    (Locale::En, Plural::Many | Plural::Other) => {
                        format!("Line {line} has only {} left to ship, not {asked}.", self.basket_pieces(left))
                    }
                }
            }
        }
    }

    /// A status filter that names none.
    pub fn order_not_a_status(self, raw: &str) -> String {
        match self {
            Locale::Fr => format!("«\u{a0}{raw}\u{a0}» n’est pas un statut."),
            Locale::En => format!("{raw:?} is not a status."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::order_status::{transition, Actor};

    #[test]
    fn statuses_read_in_english_as_the_domain_names_them() {
        for status in OrderStatus::ALL {
            assert_eq!(Locale::En.order_status(status), status.label());
            assert_eq!(Locale::En.order_status_meaning(status), status.meaning());
        }
    }

    #[test]
    fn refusals_are_said_in_each_language() {
        let late = transition(OrderStatus::Confirmed, OrderEvent::Cancel, Actor::Customer).unwrap_err();
        assert_eq!(Locale::En.order_refusal(&late), late.to_string());
        assert!(Locale::Fr.order_refusal(&late).starts_with("Votre commande est confirmée\u{a0}:"));
        let impossible = transition(OrderStatus::Shipped, OrderEvent::Cancel, Actor::Staff).unwrap_err();
        assert_eq!(Locale::Fr.order_refusal(&impossible), "Une commande expédiée ne peut pas être annulée.");
        assert_eq!(Locale::En.order_refusal(&impossible), "An order that is Shipped cannot be cancelled.");
    }

    #[test]
    fn the_timeline_says_what_happened_in_the_readers_language() {
        let sent = Some(("Colissimo", "6A123"));
        assert_eq!(
            Locale::En.order_timeline_says(TimelineKind::Shipped, "", sent),
            "Sent with Colissimo, tracking number 6A123."
        );
        assert_eq!(
            Locale::Fr.order_timeline_says(TimelineKind::Shipped, "", sent),
            "Confiée à Colissimo, numéro de suivi 6A123."
        );
        assert_eq!(
            Locale::Fr.order_timeline_says(TimelineKind::ChangeRequested, "Taille 54, s’il vous plaît", None),
            "Modification demandée\u{a0}: Taille 54, s’il vous plaît"
        );
        assert_eq!(
            Locale::En.order_timeline_says(TimelineKind::CancelledByHouse, "too late", None),
            "Cancelled by the house: too late"
        );
        assert_eq!(
            Locale::En.order_timeline_says(TimelineKind::PaymentDeclined, "", None),
            "Your bank declined the payment; nothing was charged."
        );
    }

    #[test]
    fn refunds_say_the_amount_when_it_arrives_and_what_to_do() {
        use crate::domain::money::Money;
        use crate::domain::refund::RefundReason;
        let amount = Money::from_cents(125_000);
        let made = TimelineKind::Refunded { amount };
        let en = Locale::En.order_timeline_says(made, "", None);
        assert!(en.contains("€1,250.00") && en.contains("5–10 business days") && en.contains("check with your bank"));
        let fr = Locale::Fr.order_timeline_says(made, "", None);
        assert!(fr.contains("1\u{202f}250,00\u{a0}€") && fr.contains("5 à 10 jours ouvrés"), "{fr}");
        for reason in [RefundReason::OrderCancelled, RefundReason::LatePayment, RefundReason::Return] {
            for locale in [Locale::En, Locale::Fr] {
                let issued = locale.order_timeline_says(TimelineKind::RefundIssued { reason, amount }, "", None);
                assert!(issued.contains(&locale.money(amount)), "{issued}");
            }
        }
        let failed = Locale::En.order_timeline_says(TimelineKind::RefundFailed { amount }, "", None);
        assert!(failed.contains("client service"));
    }

    #[test]
    fn shipment_problems_count_pieces() {
        let too_many = ShipmentProblem::TooMany { line: 3, left: 2, asked: 3 };
        assert_eq!(Locale::En.order_shipment_problem(&too_many), "Line 3 has only 2 pieces left to ship, not 3.");
        assert_eq!(
            Locale::Fr.order_shipment_problem(&too_many),
            "La ligne 3 n’a plus que 2 pièces à expédier, et non 3."
        );
        assert_eq!(Locale::En.order_shipment_problem(&ShipmentProblem::Carrier), ShipmentProblem::Carrier.to_string());
    }
}
