//! Texts of returns (PRODUCT.md §7): the customer's form, the return's
//! steps on the order page and the slip, the emails, and staff's queue.

use super::texts;
use crate::domain::locale::Locale;
use crate::domain::refund::RefundRefusal;
use crate::domain::returns::{
    AdjustProblem, PhotoProblem, PostagePaidBy, RequestProblem, ReturnReason, ReturnState, ReturnStep,
};

texts! {
    // The customer's form.
    return_link { fr: "Retourner une pièce", en: "Return a piece" }
    return_intro {
        fr: "Choisissez les pièces à renvoyer et dites-nous pourquoi\u{a0}; nous vous répondons sous deux jours ouvrés, par e-mail, avec les instructions de retour.",
        en: "Choose the pieces to send back and tell us why; we answer within two business days, by email, with the return instructions.",
    }
    return_pieces { fr: "Pièces à retourner", en: "Pieces to return" }
    return_pieces_of { fr: "Nombre à retourner", en: "How many to return" }
    return_reason_label { fr: "Motif", en: "Reason" }
    return_condition {
        fr: "La pièce n’a pas été portée et se trouve dans son écrin d’origine, avec ses étiquettes.",
        en: "The piece is unworn, in its original packaging, with its tags.",
    }
    return_condition_fault_note {
        fr: "Pour une pièce abîmée ou défectueuse, joignez au moins une photo\u{a0}; la case ci-dessus n’est alors pas demandée.",
        en: "For a damaged or defective piece, add at least one photo; the box above is then not asked for.",
    }
    return_photos { fr: "Photos de la pièce et de son emballage", en: "Photos of the piece and its packaging" }
    return_photos_hint {
        fr: "Jusqu’à 5 photos JPEG, PNG ou WebP, de 10 Mo chacune au plus. Nous retirons leurs métadonnées (position GPS comprise).",
        en: "Up to 5 JPEG, PNG or WebP photos, 10 MB each at most. We remove their metadata (GPS position included).",
    }
    return_note { fr: "Précisions (facultatif)", en: "Anything to add (optional)" }
    return_send { fr: "Demander le retour", en: "Ask for the return" }
    return_nothing_returnable {
        fr: "Aucune pièce de cette commande ne peut être retournée aujourd’hui.",
        en: "No piece of this order can be returned today.",
    }
    return_back_to_order { fr: "Revenir à la commande", en: "Back to the order" }
    return_tracked_advice {
        fr: "Nous vous conseillons un envoi suivi, pour suivre le colis jusqu’à nous.",
        en: "We advise a tracked service, so you can follow the parcel until it reaches us.",
    }

    // The order page's returns.
    order_returns { fr: "Retours", en: "Returns" }
    return_slip_link { fr: "Bon de retour à imprimer", en: "Printable return slip" }
    return_gift_back {
        fr: "Le cadeau offert revient dans le même colis\u{a0}: les pièces gardées sont sous le seuil qui l’offrait.",
        en: "The gift comes back in the same parcel: the pieces kept are below the threshold that earned it.",
    }
    return_photo { fr: "Photo", en: "Photo" }

    // The slip.
    return_slip_title { fr: "Bon de retour", en: "Return slip" }
    return_slip_order { fr: "Commande", en: "Order" }
    return_slip_customer { fr: "Nom", en: "Name" }
    return_slip_send_to { fr: "À envoyer à", en: "Send to" }
    return_slip_in_parcel { fr: "Dans le colis", en: "In the parcel" }
    return_slip_instructions {
        fr: "Imprimez ce bon et glissez-le dans le colis. Emballez chaque pièce dans son écrin, avec ses étiquettes, bien protégée.",
        en: "Print this slip and put it in the parcel. Pack each piece in its box, with its tags, well protected.",
    }
    return_slip_not_yet {
        fr: "Le bon de retour est disponible une fois le retour accepté.",
        en: "The return slip is available once the return is approved.",
    }

    return_form_unreadable {
        fr: "Le formulaire n’a pas pu être lu. Rechargez la page et réessayez.",
        en: "The form could not be read. Please reload the page and try again.",
    }
    return_choose_reason { fr: "Choisissez le motif du retour.", en: "Please choose why you are returning it." }

    // Emails.
    return_print_slip { fr: "Imprimer le bon de retour", en: "Print the return slip" }

    // Staff.
    staff_nav_returns { fr: "Retours", en: "Returns" }
    staff_returns_title { fr: "Retours · Back-office", en: "Returns · Back office" }
    staff_returns_heading { fr: "Retours", en: "Returns" }
    staff_col_return { fr: "Retour", en: "Return" }
    staff_col_reason { fr: "Motif", en: "Reason" }
    staff_col_updated { fr: "Dernière étape", en: "Last step" }
    staff_returns_none { fr: "Aucun retour.", en: "No returns." }
    staff_return_state { fr: "État", en: "State" }
    staff_return_customer_note { fr: "Mot du client", en: "The customer’s note" }
    staff_return_proposed { fr: "Remboursement proposé par la règle", en: "Refund the rule proposes" }
    staff_return_approve { fr: "Accepter le retour", en: "Approve the return" }
    staff_return_approved { fr: "Accepté\u{a0}; le client reçoit les instructions et le bon de retour.", en: "Approved; the customer gets the instructions and the slip." }
    staff_return_reject_reason { fr: "Motif du refus (le client le lira)", en: "Reason for rejecting (the customer reads it)" }
    staff_return_reject { fr: "Refuser le retour", en: "Reject the return" }
    staff_return_rejected { fr: "Refusé\u{a0}; le client en connaît le motif.", en: "Rejected; the customer is told why." }
    staff_return_postage { fr: "Frais de retour à la charge de", en: "Return postage paid by" }
    staff_return_receive { fr: "Marquer comme reçu et inspecté", en: "Mark received and inspected" }
    staff_return_received { fr: "Reçu\u{a0}; le client en est informé.", en: "Received; the customer is told." }
    staff_return_amount { fr: "Montant à rembourser (€)", en: "Amount to refund (€)" }
    staff_return_lower_reason { fr: "Motif d’un montant plus bas", en: "Reason for a lower amount" }
    staff_return_refund { fr: "Rembourser", en: "Refund" }
    staff_return_refunded { fr: "Remboursement émis.", en: "Refund issued." }
    staff_return_not_an_amount { fr: "Un montant en euros, par exemple 420 ou 420,50.", en: "An amount in euros, such as 420 or 420.50." }
    staff_return_unknown_state { fr: "Cet état de retour n’existe pas.", en: "There is no such return state." }
    staff_return_reason_needed { fr: "Dites au client pourquoi le retour est refusé (500 caractères au plus).", en: "Tell the customer why the return is rejected (at most 500 characters)." }
    staff_return_unknown_postage { fr: "Choisissez qui paie les frais de retour.", en: "Choose who pays the return postage." }
    staff_return_open_order { fr: "Voir la commande", en: "See the order" }
}

impl Locale {
    /// Why a customer sends a piece back.
    pub fn return_reason(self, reason: ReturnReason) -> &'static str {
        match (self, reason) {
            (Locale::Fr, ReturnReason::ChangedMind) => "Je ne la souhaite plus",
            (Locale::En, ReturnReason::ChangedMind) => "I no longer want it",
            (Locale::Fr, ReturnReason::WrongSize) => "La taille ne convient pas",
            (Locale::En, ReturnReason::WrongSize) => "It does not fit",
            (Locale::Fr, ReturnReason::Damaged) => "Elle est arrivée abîmée",
            (Locale::En, ReturnReason::Damaged) => "It arrived damaged",
            (Locale::Fr, ReturnReason::Defective) => "Elle présente un défaut",
            (Locale::En, ReturnReason::Defective) => "It has a defect",
        }
    }

    /// Where a return stands, as the order page and staff's queue say it.
    pub fn return_state(self, state: ReturnState) -> &'static str {
        match (self, state) {
            (Locale::Fr, ReturnState::Requested) => "Demandé — nous répondons sous deux jours ouvrés",
            (Locale::En, ReturnState::Requested) => "Requested — we answer within two business days",
            (Locale::Fr, ReturnState::Approved) => "Accepté — envoyez le colis avec le bon de retour",
            (Locale::En, ReturnState::Approved) => "Approved — send the parcel with the return slip",
            (Locale::Fr, ReturnState::Received) => "Reçu et inspecté — le remboursement suit",
            (Locale::En, ReturnState::Received) => "Received and inspected — the refund follows",
            (Locale::Fr, ReturnState::Refunded) => "Remboursé",
            (Locale::En, ReturnState::Refunded) => "Refunded",
            (Locale::Fr, ReturnState::Rejected) => "Refusé",
            (Locale::En, ReturnState::Rejected) => "Rejected",
        }
    }

    /// Who pays the return postage.
    pub fn return_postage(self, paid_by: PostagePaidBy) -> &'static str {
        match (self, paid_by) {
            (Locale::Fr, PostagePaidBy::Customer) => "Le client",
            (Locale::En, PostagePaidBy::Customer) => "The customer",
            (Locale::Fr, PostagePaidBy::House) => "La maison (pièce défectueuse ou erronée)",
            (Locale::En, PostagePaidBy::House) => "The house (a defective or wrong piece)",
        }
    }

    /// A step of a return in the order's timeline.
    pub fn order_return_step(self, step: ReturnStep, number: &str) -> String {
        match (self, step) {
            (Locale::Fr, ReturnStep::Requested) => format!("Retour {number} demandé."),
            (Locale::En, ReturnStep::Requested) => format!("Return {number} requested."),
            (Locale::Fr, ReturnStep::Approved) => format!("Retour {number} accepté\u{a0}: instructions envoyées."),
            (Locale::En, ReturnStep::Approved) => format!("Return {number} approved: instructions sent."),
            (Locale::Fr, ReturnStep::Received) => format!("Retour {number} reçu et inspecté."),
            (Locale::En, ReturnStep::Received) => format!("Return {number} received and inspected."),
            (Locale::Fr, ReturnStep::Rejected) => format!("Retour {number} refusé."),
            (Locale::En, ReturnStep::Rejected) => format!("Return {number} rejected."),
        }
    }

    /// The subject of a return's email.
    pub fn return_email_subject(self, step: ReturnStep, number: &str) -> String {
        match (self, step) {
            (Locale::Fr, ReturnStep::Requested) => format!("Votre demande de retour {number}"),
            (Locale::En, ReturnStep::Requested) => format!("Your return request {number}"),
            (Locale::Fr, ReturnStep::Approved) => format!("Votre retour {number} est accepté"),
            (Locale::En, ReturnStep::Approved) => format!("Your return {number} is approved"),
            (Locale::Fr, ReturnStep::Received) => format!("Nous avons reçu votre retour {number}"),
            (Locale::En, ReturnStep::Received) => format!("We have received your return {number}"),
            (Locale::Fr, ReturnStep::Rejected) => format!("Votre retour {number}"),
            (Locale::En, ReturnStep::Rejected) => format!("Your return {number}"),
        }
    }

    pub fn return_requested_email(self, number: &str, contents: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Nous avons bien reçu votre demande de retour {number}\u{a0}: {contents}. Nous vous répondons sous deux jours ouvrés, avec les instructions de retour. N’envoyez rien avant."
            ),
            Locale::En => format!(
                "We have your return request {number}: {contents}. We answer within two business days, with the return instructions. Please send nothing before then."
            ),
        }
    }

    pub fn return_approved_email(self, number: &str, gift_back: bool) -> String {
        let gift = if gift_back { format!(" {}", self.return_gift_back()) } else { String::new() };
        match self {
            Locale::Fr => format!(
                "Votre retour {number} est accepté. Imprimez le bon de retour, glissez-le dans le colis avec les pièces dans leur écrin et leurs étiquettes, et envoyez-le à l’adresse indiquée sur le bon.{gift} {} Les frais d’envoi sont à votre charge, sauf pour une pièce défectueuse ou qui n’était pas celle commandée.",
                self.return_tracked_advice()
            ),
            Locale::En => format!(
                "Your return {number} is approved. Print the return slip, put it in the parcel with the pieces in their boxes with their tags, and send it to the address on the slip.{gift} {} Return postage is yours, unless the piece was defective or not the one you ordered.",
                self.return_tracked_advice()
            ),
        }
    }

    pub fn return_received_email(self, number: &str, postage: PostagePaidBy) -> String {
        let postage = match (self, postage) {
            (_, PostagePaidBy::Customer) => "",
            (Locale::Fr, PostagePaidBy::House) => {
                " Les frais d’envoi de votre colis vous seront remboursés avec la pièce."
            }
            (Locale::En, PostagePaidBy::House) => {
                " The postage you paid to send it is ours: it is refunded with the piece."
            }
        };
        match self {
            Locale::Fr => format!(
                "Votre retour {number} nous est parvenu et a été inspecté\u{a0}; son remboursement suit.{postage}"
            ),
            Locale::En => {
                format!("Your return {number} has reached us and been inspected; its refund follows.{postage}")
            }
        }
    }

    pub fn return_rejected_email(self, number: &str, reason: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Nous ne pouvons pas accepter votre retour {number}\u{a0}: {reason}. Pour en parler, répondez à cet e-mail ou écrivez à notre service client."
            ),
            Locale::En => format!(
                "We cannot accept your return {number}: {reason}. To talk it over, reply to this email or write to client service."
            ),
        }
    }

    /// The answer to a customer's form once the return is written.
    pub fn return_requested_now(self, number: &str) -> String {
        match self {
            Locale::Fr => format!("Votre retour {number} est demandé. Nous vous avons écrit\u{a0}; nous répondons sous deux jours ouvrés."),
            Locale::En => format!("Your return {number} is requested. We have emailed you; we answer within two business days."),
        }
    }

    /// Why a photo is refused.
    pub fn return_photo_problem(self, problem: PhotoProblem) -> &'static str {
        match (self, problem) {
            (Locale::Fr, PhotoProblem::NotAPicture) => "Ce fichier n’est pas une photo JPEG, PNG ou WebP.",
            (Locale::En, PhotoProblem::NotAPicture) => "This file is not a JPEG, PNG or WebP picture.",
            (Locale::Fr, PhotoProblem::TooLarge) => "Chaque photo fait 10 Mo au plus.",
            (Locale::En, PhotoProblem::TooLarge) => "Each photo must be at most 10 MB.",
            (Locale::Fr, PhotoProblem::TooMany) => "5 photos au plus.",
            (Locale::En, PhotoProblem::TooMany) => "At most 5 photos.",
        }
    }

    /// Why a return request is refused.
    pub fn return_problem(self, problem: RequestProblem) -> String {
        match (self, problem) {
            (Locale::Fr, RequestProblem::NothingChosen) => "Choisissez au moins une pièce à retourner.".into(),
            (Locale::En, RequestProblem::NothingChosen) => "Please choose at least one piece to return.".into(),
            (Locale::Fr, RequestProblem::UnknownLine) => "Cette pièce ne fait pas partie de la commande.".into(),
            (Locale::En, RequestProblem::UnknownLine) => "That piece is not in this order.".into(),
            (Locale::Fr, RequestProblem::TooMany { left: 0 }) => "Ces pièces font déjà l’objet d’un retour.".into(),
            (Locale::En, RequestProblem::TooMany { left: 0 }) => "These pieces are already in a return.".into(),
            (Locale::Fr, RequestProblem::TooMany { left }) => {
                format!("Au plus {left} pièce(s) peuvent encore être retournées.")
            }
            (Locale::En, RequestProblem::TooMany { left }) => format!("At most {left} piece(s) can still be returned."),
            (Locale::Fr, RequestProblem::TooManyPhotos) => "5 photos au plus.".into(),
            (Locale::En, RequestProblem::TooManyPhotos) => "At most 5 photos.".into(),
            (Locale::Fr, RequestProblem::NoteTooLong) => "Vos précisions tiennent en 1000 caractères au plus.".into(),
            (Locale::En, RequestProblem::NoteTooLong) => "Please keep your note to 1000 characters.".into(),
            (_, RequestProblem::Refused(refusal)) => self.return_refusal(refusal),
        }
    }

    /// Why the rule refuses a line.
    pub fn return_refusal(self, refusal: crate::domain::returns::ReturnRefusal) -> String {
        use crate::domain::returns::ReturnRefusal as R;
        match (self, refusal) {
            (Locale::Fr, R::NotDelivered) => "Cette pièce n’a pas encore été livrée.".into(),
            (Locale::En, R::NotDelivered) => "This piece has not been delivered yet.".into(),
            (_, R::WindowClosed { ended_at }) => {
                let on = self.paris_date_of(ended_at);
                match self {
                    Locale::Fr => format!("Le délai de retour de 30 jours a pris fin le {on}."),
                    Locale::En => format!("The 30-day return period ended on {on}."),
                }
            }
            (_, R::FinalSale(why)) => match self {
                Locale::Fr => {
                    format!("{} ne sont pas reprises, sauf abîmées ou défectueuses.", self.order_final_sale(why))
                }
                Locale::En => format!("{} cannot be returned unless damaged or defective.", self.order_final_sale(why)),
            },
            (_, R::FaultReportedLate { ended_at }) => {
                let on = self.paris_date_of(ended_at);
                match self {
                    Locale::Fr => format!("Une pièce abîmée ou défectueuse se signale dans les 7 jours suivant la livraison\u{a0}: ce délai a pris fin le {on}."),
                    Locale::En => format!("Damage or a defect is reported within 7 days of delivery: that period ended on {on}."),
                }
            }
            (Locale::Fr, R::PhotoNeeded) => "Ajoutez au moins une photo de la pièce abîmée ou défectueuse.".into(),
            (Locale::En, R::PhotoNeeded) => "Please add at least one photo of the damage or defect.".into(),
            (Locale::Fr, R::ConditionNotConfirmed) => {
                "Confirmez que la pièce n’a pas été portée et qu’elle est dans son écrin, avec ses étiquettes.".into()
            }
            (Locale::En, R::ConditionNotConfirmed) => {
                "Please confirm the piece is unworn, in its packaging, with its tags.".into()
            }
            (Locale::Fr, R::GiftAlone) => "Le cadeau offert revient avec la pièce qui l’a valu, jamais seul.".into(),
            (Locale::En, R::GiftAlone) => {
                "A gift with purchase goes back with the piece that earned it, never alone.".into()
            }
        }
    }

    /// A Unix time's date in Paris.
    fn paris_date_of(self, unix: i64) -> String {
        #[cfg(feature = "ssr")]
        {
            jiff::Timestamp::from_second(unix)
                .ok()
                .and_then(|t| t.in_tz("Europe/Paris").ok())
                .map(|z| self.date(crate::domain::opening_hours::wall_clock(&z).0))
                .unwrap_or_default()
        }
        #[cfg(not(feature = "ssr"))]
        {
            let _ = unix;
            String::new()
        }
    }

    /// Why a staff step on a return did not happen now.
    pub fn return_not_now(self, state: ReturnState) -> String {
        match self {
            Locale::Fr => format!(
                "Ce retour est «\u{a0}{}\u{a0}»\u{a0}: cette étape n’est plus possible.",
                self.return_state(state)
            ),
            Locale::En => format!("This return is “{}”: that step is no longer possible.", self.return_state(state)),
        }
    }

    pub fn return_adjust_problem(self, problem: AdjustProblem) -> String {
        match (self, problem) {
            (_, AdjustProblem::MoreThanProposed { proposed }) => match self {
                Locale::Fr => format!("Au plus {} : le montant proposé par la règle.", self.money(proposed)),
                Locale::En => format!("At most {}: the amount the rule proposes.", self.money(proposed)),
            },
            (Locale::Fr, AdjustProblem::Nothing) => {
                "Un remboursement est supérieur à zéro\u{a0}; sinon, refusez le retour.".into()
            }
            (Locale::En, AdjustProblem::Nothing) => "A refund is more than zero; otherwise reject the return.".into(),
            (Locale::Fr, AdjustProblem::ReasonNeeded) => {
                "Dites pourquoi le montant est plus bas que celui proposé.".into()
            }
            (Locale::En, AdjustProblem::ReasonNeeded) => "Say why the amount is lower than the one proposed.".into(),
        }
    }

    pub fn refund_refusal(self, refusal: RefundRefusal) -> String {
        match refusal {
            RefundRefusal::MoreThanLeft(left) => match self {
                Locale::Fr => format!("Il ne reste que {} à rembourser sur ce paiement.", self.money(left)),
                Locale::En => format!("Only {} is left to refund on this payment.", self.money(left)),
            },
            _ => match self {
                Locale::Fr => "Un remboursement est supérieur à zéro.".into(),
                Locale::En => "A refund is more than zero.".into(),
            },
        }
    }
}
