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
    staff_nav_stock { fr: "Stocks", en: "Stock" }

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

    // Stock per (product, size).
    staff_stock_title { fr: "Stock · Back-office", en: "Stock · Back office" }
    staff_stock_heading { fr: "Stock par pièce et par taille", en: "Stock by piece and size" }
    staff_stock_intro { fr: "Un retour en stock depuis zéro envoie aussitôt leur e-mail aux clients qui attendent cette taille.", en: "A restock from zero at once emails the shoppers waiting for that size." }
    staff_stock_search { fr: "Rechercher une pièce", en: "Find a piece" }
    staff_stock_search_button { fr: "Chercher", en: "Search" }
    staff_search_too_long { fr: "Une recherche tient en 100 caractères au plus.", en: "A search is at most 100 characters long." }
    staff_col_piece { fr: "Pièce", en: "Piece" }
    staff_col_size { fr: "Taille", en: "Size" }
    staff_col_stock { fr: "Quantité", en: "Stock" }
    staff_col_waiting { fr: "Alertes en attente", en: "Alerts waiting" }
    staff_stock_one_size { fr: "Taille unique", en: "One size" }
    staff_stock_offline { fr: "En boutique uniquement", en: "Boutique only" }
    staff_stock_preview { fr: "Avant-première membres", en: "Members’ preview" }
    staff_stock_made_to_order { fr: "Sur commande", en: "Made to order" }
    staff_stock_save { fr: "Enregistrer", en: "Save" }
    staff_stock_none { fr: "Aucune pièce ne correspond à cette recherche.", en: "No piece matches this search." }
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

impl Locale {
    /// The stock field's label, read by screen readers.
    pub fn staff_stock_field(self, piece: &str, size: &str) -> String {
        match (self, size.is_empty()) {
            (Locale::Fr, true) => format!("Stock de {piece}"),
            (Locale::Fr, false) => format!("Stock de {piece}, taille {size}"),
            (Locale::En, true) => format!("Stock of {piece}"),
            (Locale::En, false) => format!("Stock of {piece}, size {size}"),
        }
    }

    /// Said once a stock is saved, with the alerts it sent.
    pub fn staff_stock_saved(self, quantity: u32, alerts_sent: u32) -> String {
        let (q, n) = (self.number(u64::from(quantity)), self.number(u64::from(alerts_sent)));
        match (self, alerts_sent) {
            (Locale::Fr, 0) => format!("Stock enregistré\u{a0}: {q}."),
            (Locale::Fr, 1) => format!("Stock enregistré\u{a0}: {q}. 1 alerte de retour en stock envoyée."),
            (Locale::Fr, _) => format!("Stock enregistré\u{a0}: {q}. {n} alertes de retour en stock envoyées."),
            (Locale::En, 0) => format!("Stock saved: {q}."),
            (Locale::En, 1) => format!("Stock saved: {q}. 1 back-in-stock alert sent."),
            (Locale::En, _) => format!("Stock saved: {q}. {n} back-in-stock alerts sent."),
        }
    }

    /// A stock changed by someone else since the page was read.
    pub fn staff_stock_changed(self, now: i64) -> String {
        match self {
            Locale::Fr => format!(
                "Ce stock a changé entre-temps (une vente, ou un autre membre de l’équipe)\u{a0}: il est maintenant de {now}. Rien n’a été enregistré\u{a0}: rechargez la page, vérifiez, puis recommencez."
            ),
            Locale::En => format!(
                "This stock changed meanwhile (a sale, or another member of staff): it is now {now}. Nothing was saved: reload the page, check, then try again."
            ),
        }
    }

    /// A stock that is not a whole number in range.
    pub fn staff_stock_invalid(self, max: u32) -> String {
        let max = self.number(u64::from(max));
        match self {
            Locale::Fr => format!("Le stock est un nombre entier de 0 à {max}."),
            Locale::En => format!("Stock is a whole number from 0 to {max}."),
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
