//! Texts of the audit log page (issue 16 part 4), read by the house's staff.

use super::texts;
use crate::domain::{
    audit::{AuditAction, AuditKind, FilterProblem},
    locale::Locale,
};

texts! {
    staff_nav_audit { fr: "Journal", en: "Audit log" }
    audit_title { fr: "Journal des actions · Back-office", en: "Audit log · Back office" }
    audit_heading { fr: "Journal des actions", en: "Audit log" }
    audit_filter_staff { fr: "Membre de l’équipe (adresse e-mail)", en: "Member of staff (email address)" }
    audit_filter_kind { fr: "Type d’action", en: "Kind of action" }
    audit_filter_from { fr: "Du", en: "From" }
    audit_filter_to { fr: "Au", en: "To" }
    audit_export { fr: "Exporter en CSV", en: "Export as CSV" }
    audit_none { fr: "Aucune action ne correspond à ces filtres.", en: "No action matches these filters." }
    audit_more {
        fr: "Seules les 500 actions les plus récentes sont affichées : affinez les filtres, ou exportez-les toutes en CSV.",
        en: "Only the newest 500 actions are shown: narrow the filters, or export them all as CSV.",
    }
    audit_export_too_many {
        fr: "Plus de 200 000 actions correspondent : choisissez des dates plus proches.",
        en: "More than 200,000 actions match: choose dates closer together.",
    }
    audit_col_when { fr: "Date", en: "When" }
    audit_col_who { fr: "Qui", en: "Who" }
    audit_col_action { fr: "Opération", en: "Action" }
    audit_col_before { fr: "Avant", en: "Before" }
    audit_col_after { fr: "Après", en: "After" }
    audit_col_detail { fr: "Détail", en: "Detail" }
}

impl Locale {
    /// What an action is called on the audit page.
    pub fn audit_action(self, action: AuditAction) -> &'static str {
        use AuditAction::*;
        let fr = self == Locale::Fr;
        match action {
            PaymentAuthorised => {
                if fr {
                    "Paiement autorisé"
                } else {
                    "Payment authorised"
                }
            }
            PaymentDeclined => {
                if fr {
                    "Paiement refusé"
                } else {
                    "Payment declined"
                }
            }
            PaymentExpired => {
                if fr {
                    "Paiement expiré"
                } else {
                    "Payment expired"
                }
            }
            Validate => {
                if fr {
                    "Commande validée"
                } else {
                    "Order validated"
                }
            }
            Ship => {
                if fr {
                    "Colis expédié"
                } else {
                    "Parcel shipped"
                }
            }
            MarkDelivered => {
                if fr {
                    "Commande livrée"
                } else {
                    "Order delivered"
                }
            }
            Cancel => {
                if fr {
                    "Commande annulée"
                } else {
                    "Order cancelled"
                }
            }
            ReturnApprove => {
                if fr {
                    "Retour accepté"
                } else {
                    "Return approved"
                }
            }
            ReturnReject => {
                if fr {
                    "Retour refusé"
                } else {
                    "Return rejected"
                }
            }
            ReturnReceive => {
                if fr {
                    "Retour reçu"
                } else {
                    "Return received"
                }
            }
            ReturnRefund => {
                if fr {
                    "Retour remboursé"
                } else {
                    "Return refunded"
                }
            }
            SetStock => {
                if fr {
                    "Stock modifié"
                } else {
                    "Stock set"
                }
            }
            ServiceHandled => {
                if fr {
                    "Demande traitée"
                } else {
                    "Request handled"
                }
            }
            StaffSignIn => {
                if fr {
                    "Connexion au back-office"
                } else {
                    "Back-office sign-in"
                }
            }
            PromoCreated => {
                if fr {
                    "Code promo créé"
                } else {
                    "Promo code created"
                }
            }
            PromoChanged => {
                if fr {
                    "Code promo modifié"
                } else {
                    "Promo code changed"
                }
            }
            PromoEnded => {
                if fr {
                    "Code promo arrêté"
                } else {
                    "Promo code ended"
                }
            }
            GiftChanged => {
                if fr {
                    "Cadeau modifié"
                } else {
                    "Gift changed"
                }
            }
            PieceCreated => {
                if fr {
                    "Pièce créée"
                } else {
                    "Piece created"
                }
            }
            PieceChanged => {
                if fr {
                    "Pièce modifiée"
                } else {
                    "Piece changed"
                }
            }
            PiecePublished => {
                if fr {
                    "Pièce publiée"
                } else {
                    "Piece published"
                }
            }
            PieceWithdrawn => {
                if fr {
                    "Pièce retirée"
                } else {
                    "Piece withdrawn"
                }
            }
            PictureAdded => {
                if fr {
                    "Photo ajoutée"
                } else {
                    "Picture added"
                }
            }
            PictureMoved => {
                if fr {
                    "Photo déplacée"
                } else {
                    "Picture moved"
                }
            }
            PictureDescribed => {
                if fr {
                    "Description de photo modifiée"
                } else {
                    "Picture's description changed"
                }
            }
            PictureRemoved => {
                if fr {
                    "Photo retirée"
                } else {
                    "Picture removed"
                }
            }
        }
    }

    /// A kind of action, in the audit page's filter.
    pub fn audit_kind(self, kind: AuditKind) -> &'static str {
        let fr = self == Locale::Fr;
        match kind {
            AuditKind::Order => {
                if fr {
                    "Commandes"
                } else {
                    "Orders"
                }
            }
            AuditKind::Return => {
                if fr {
                    "Retours"
                } else {
                    "Returns"
                }
            }
            AuditKind::Stock => {
                if fr {
                    "Stocks"
                } else {
                    "Stock"
                }
            }
            AuditKind::Service => {
                if fr {
                    "Service client"
                } else {
                    "Client service"
                }
            }
            AuditKind::SignIn => {
                if fr {
                    "Connexions"
                } else {
                    "Sign-ins"
                }
            }
            AuditKind::Promo => {
                if fr {
                    "Codes promo"
                } else {
                    "Promo codes"
                }
            }
            AuditKind::Gift => {
                if fr {
                    "Cadeau"
                } else {
                    "Gift"
                }
            }
            // The same word in both languages.
            AuditKind::Catalogue => "Catalogue",
            AuditKind::Pictures => {
                if fr {
                    "Photos"
                } else {
                    "Pictures"
                }
            }
        }
    }

    /// Why the audit page's filters were refused.
    pub fn audit_filter_problem(self, problem: FilterProblem) -> &'static str {
        let fr = self == Locale::Fr;
        match problem {
            FilterProblem::NotAKind => {
                if fr {
                    "Ce type d’action n’existe pas."
                } else {
                    "There is no such kind of action."
                }
            }
            FilterProblem::NotADate => {
                if fr {
                    "Saisissez les dates au format AAAA-MM-JJ."
                } else {
                    "Type the dates as YYYY-MM-DD."
                }
            }
            FilterProblem::EndsBeforeItStarts => {
                if fr {
                    "La date de fin précède la date de début."
                } else {
                    "The end date is before the start date."
                }
            }
            FilterProblem::StaffTooLong => {
                if fr {
                    "Cette adresse est trop longue (254 caractères au plus)."
                } else {
                    "This address is too long (254 characters at most)."
                }
            }
        }
    }
}
