//! Texts of the back office (PRODUCT.md §9), read by the house's staff.

use super::texts;
use crate::domain::locale::{Locale, Plural};

texts! {
    /// The back office's links, read by screen readers.
    staff_nav_label { fr: "Back-office", en: "Back office" }
    staff_nav_all { fr: "Toutes les commandes", en: "All orders" }
    staff_nav_to_validate { fr: "À valider", en: "To validate" }
    staff_nav_to_ship { fr: "À expédier", en: "To ship" }
    staff_nav_partially_shipped { fr: "Partiellement expédiées", en: "Partially shipped" }

    // The list of orders.
    staff_orders_title { fr: "Commandes · Back-office", en: "Orders · Back office" }
    staff_orders_heading { fr: "Commandes", en: "Orders" }
    staff_filter_status { fr: "Statut", en: "Status" }
    /// The status filter's first choice: no filter.
    staff_filter_any { fr: "Tous", en: "Any" }
    staff_filter_button { fr: "Filtrer", en: "Filter" }
    staff_col_order { fr: "Commande", en: "Order" }
    staff_col_placed { fr: "Date", en: "Placed" }
    staff_col_customer { fr: "Client", en: "Customer" }
    staff_col_pieces { fr: "Pièces", en: "Pieces" }
    staff_col_status { fr: "Statut", en: "Status" }
    staff_col_total { fr: "Montant", en: "Total" }

    // One order.
    /// Before the order's status.
    staff_status_is { fr: "Statut\u{a0}: ", en: "Status: " }
    staff_validate { fr: "Valider la commande", en: "Validate the order" }
    staff_validated { fr: "Validée\u{a0}: la commande est confirmée.", en: "Validated: the order is confirmed." }
    staff_ship_legend { fr: "Expédier des pièces", en: "Ship pieces" }
    staff_carrier { fr: "Transporteur", en: "Carrier" }
    staff_tracking { fr: "Numéro de suivi", en: "Tracking number" }
    staff_hand_to_carrier { fr: "Remettre au transporteur", en: "Hand to the carrier" }
    staff_shipped { fr: "Expédition enregistrée\u{a0}; le client en est informé par e-mail.", en: "Shipment recorded; the customer is emailed." }
    staff_mark_delivered { fr: "Marquer comme livrée", en: "Mark delivered" }
    staff_marked_delivered { fr: "Marquée comme livrée.", en: "Marked delivered." }
    staff_cancel_reason { fr: "Motif de l’annulation (le client le lira)", en: "Reason for cancelling (the customer reads it)" }
    staff_cancel { fr: "Annuler la commande", en: "Cancel the order" }
    staff_cancelled { fr: "Annulée\u{a0}; le stock est remis en vente.", en: "Cancelled; the stock is given back." }
    staff_audit_heading { fr: "Journal des actions", en: "Audit log" }
}

impl Locale {
    /// One order's page title.
    pub fn staff_order_title(self, reference: &str) -> String {
        match self {
            Locale::Fr => format!("{reference} · Back-office"),
            Locale::En => format!("{reference} · Back office"),
        }
    }

    /// One order's heading.
    pub fn staff_order_heading(self, reference: &str) -> String {
        match self {
            Locale::Fr => format!("Commande {reference}"),
            Locale::En => format!("Order {reference}"),
        }
    }

    /// How many orders the list shows.
    pub fn staff_order_count(self, n: u64) -> String {
        let count = self.number(n);
        match (self, self.plural(n)) {
            (Locale::Fr, Plural::One) => format!("{count} commande"),
            (Locale::Fr, Plural::Many) => format!("{count} de commandes"),
            (Locale::Fr, Plural::Other) => format!("{count} commandes"),
            (Locale::En, Plural::One) => format!("{count} order"),
            (Locale::En, Plural::Many | Plural::Other) => format!("{count} orders"),
        }
    }

    /// A line of the shipment form: the piece, and how many are left to ship.
    pub fn staff_left_to_ship(self, piece: &str, left: u32) -> String {
        let count = self.number(u64::from(left));
        match self {
            Locale::Fr => format!("{piece}\u{a0}: {count} à expédier"),
            Locale::En => format!("{piece}: {count} left to ship"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_are_counted_in_each_language() {
        assert_eq!(Locale::En.staff_order_count(1), "1 order");
        assert_eq!(Locale::En.staff_order_count(0), "0 orders");
        assert_eq!(Locale::En.staff_order_count(12), "12 orders");
        assert_eq!(Locale::Fr.staff_order_count(0), "0 commande");
        assert_eq!(Locale::Fr.staff_order_count(2), "2 commandes");
    }
}
