//! Texts of client service (PRODUCT.md §8): back-in-stock alerts, their
//! page and their emails; the contact and callback forms, their emails,
//! and the service inbox staff work from.

use super::texts;
use crate::domain::{
    locale::{Locale, WallClock},
    service::{opening_runs, BotSign, ContactTopic, RequestKind, RequestState, SlotReason, TextProblem, SERVICE_WEEK},
    stock_alert::AlertRefused,
};

texts! {
    // ---- The alert form, in a product page's buy area
    alert_form_intro { fr: "Laissez-nous votre adresse e-mail\u{a0}: nous vous écrirons une fois, dès son retour.", en: "Leave your email address: we will write to you once, as soon as it is back." }
    alert_email_label { fr: "Adresse e-mail", en: "Email address" }
    alert_size_label { fr: "Taille attendue", en: "Size you are waiting for" }
    alert_submit { fr: "M’avertir de son retour", en: "Notify me when it is back" }
    alert_already { fr: "Cette adresse attend déjà cette pièce dans cette taille\u{a0}: nous vous écrirons une fois, dès son retour.", en: "This address is already waiting for this piece in this size: we will write once, as soon as it is back." }
    alert_cancel_link { fr: "Annuler cette alerte", en: "Cancel this alert" }

    // ---- The alert's page, from the confirmation or the email
    alert_page_title { fr: "Alerte de retour en stock", en: "Back-in-stock alert" }
    alert_page_new { fr: "Votre alerte est enregistrée.", en: "Your alert is registered." }
    alert_page_gone { fr: "Cette alerte n’est plus en attente\u{a0}: elle a été envoyée ou annulée.", en: "This alert is no longer waiting: it has been sent or cancelled." }
    alert_cancel_button { fr: "Annuler cette alerte", en: "Cancel this alert" }
    alert_cancelled { fr: "Votre alerte est annulée\u{a0}: nous ne vous écrirons pas au sujet de cette pièce.", en: "Your alert is cancelled: we will not write to you about this piece." }
    alert_back_to_piece { fr: "Revenir à la pièce", en: "Back to the piece" }
    alert_link_not_ours { fr: "Ce lien n’est pas l’un des nôtres. Utilisez celui de votre confirmation ou de notre e-mail.", en: "This link is not one of ours. Please use the one on your confirmation or in our email." }

    // ---- The client service page: contact and callback
    contact_page_title { fr: "Service client", en: "Client service" }
    contact_page_intro { fr: "Écrivez-nous, ou demandez à être rappelé\u{a0}: un conseiller répond à chaque message.", en: "Write to us, or ask to be called back: a client advisor answers every message." }
    contact_reach_heading { fr: "Nous joindre", en: "Reach us" }
    contact_phone_label { fr: "Téléphone", en: "Telephone" }
    contact_email_address_label { fr: "Adresse e-mail", en: "Email" }
    contact_write_heading { fr: "Nous écrire", en: "Write to us" }
    contact_topic_label { fr: "Sujet", en: "Subject" }
    contact_topic_choose { fr: "Choisissez un sujet", en: "Choose a subject" }
    contact_topic_hint { fr: "Un cadeau manquant vous est dû s’il figure sur votre facture. La Maison ne réalise pas de pièces sur mesure, mais lit chacune de vos idées.", en: "A missing gift is owed when it appears on your invoice. The house makes no custom pieces, but reads every idea." }
    contact_email_label { fr: "Votre adresse e-mail", en: "Your email address" }
    contact_order_label { fr: "Numéro de commande (facultatif)", en: "Order number (optional)" }
    contact_order_hint { fr: "Par exemple MA-0123456789\u{a0}: il figure dans l’e-mail de confirmation.", en: "For example MA-0123456789: it is in the confirmation email." }
    contact_message_label { fr: "Votre message", en: "Your message" }
    contact_trap_label { fr: "Laissez ce champ vide", en: "Leave this field empty" }
    contact_submit { fr: "Envoyer mon message", en: "Send my message" }
    contact_sent { fr: "Merci\u{a0}: votre message est parvenu au service client. Un accusé de réception vous a été envoyé par e-mail, et un conseiller vous répondra par e-mail.", en: "Thank you: your message has reached client service. An acknowledgement is on its way to your inbox, and a client advisor will answer you by email." }
    contact_topic_invalid { fr: "Choisissez le sujet de votre message.", en: "Please choose what your message is about." }
    contact_unknown_piece { fr: "Cette pièce ne figure pas dans notre catalogue.", en: "This piece is not in our catalogue." }
    callback_heading { fr: "Être rappelé", en: "Be called back" }
    callback_name_label { fr: "Votre nom", en: "Your name" }
    callback_phone_label { fr: "Numéro de téléphone", en: "Telephone number" }
    callback_phone_hint { fr: "Avec l’indicatif du pays s’il ne s’agit pas d’un numéro de votre pays de livraison.", en: "With its country code if it is not a number of your delivery country." }
    callback_phone_missing { fr: "Indiquez le numéro auquel vous appeler.", en: "Please give the number to call you on." }
    callback_phone_invalid { fr: "Ce numéro ne peut pas être appelé\u{a0}: vérifiez-le, avec l’indicatif du pays s’il est à l’étranger.", en: "This number cannot be dialled: please check it, with its country code if it is abroad." }
    callback_date_label { fr: "Jour", en: "Day" }
    callback_time_label { fr: "Heure (heure de Paris, à l’heure pile ou à la demie)", en: "Time (Paris time, on the hour or half hour)" }
    callback_note_label { fr: "À quel sujet (facultatif)", en: "What it is about (optional)" }
    callback_submit { fr: "Demander à être rappelé", en: "Ask to be called back" }
    callback_offered_legend { fr: "Créneaux ouverts à choisir à la place", en: "Open slots to pick instead" }
    callback_slot_unreadable { fr: "Indiquez un jour et une heure.", en: "Please give a day and a time." }
    callback_booked_plain { fr: "Votre demande de rappel est enregistrée. Une confirmation vous a été envoyée par e-mail.", en: "Your callback request is registered. A confirmation is on its way to your inbox." }
    form_looks_automatic { fr: "Nous n’avons pas pu accepter ce formulaire. Patientez un instant, puis envoyez-le de nouveau.", en: "We could not accept this form. Please wait a moment, then send it again." }

    // ---- Their emails
    email_contact_ack_subject { fr: "Nous avons bien reçu votre message", en: "We have received your message" }
    email_contact_ack_copy { fr: "Votre message\u{a0}:", en: "Your message:" }
    email_callback_subject { fr: "Votre demande de rappel", en: "Your callback request" }
    email_callback_change { fr: "Si ce créneau ne vous convient plus, appelez-nous au +33\u{a0}1\u{a0}42\u{a0}60\u{a0}00\u{a0}00 ou écrivez-nous depuis notre page service client.", en: "If this time no longer suits you, call us on +33 1 42 60 00 00 or write to us from our client service page." }
    email_service_inbox_link { fr: "Ouvrir la boîte du service client", en: "Open the service inbox" }

    // ---- The service inbox (back office)
    inbox_title { fr: "Boîte du service client", en: "Service inbox" }
    inbox_intro { fr: "Messages, demandes de rappel et demandes des clients sur leurs commandes. Marquez chacun comme traité une fois la réponse donnée.", en: "Messages, callback requests and customers’ requests about their orders. Mark each handled once it has been answered." }
    inbox_kind_label { fr: "Type", en: "Kind" }
    inbox_all_kinds { fr: "Tous", en: "All" }
    inbox_state_label { fr: "État", en: "State" }
    inbox_show { fr: "Afficher", en: "Show" }
    inbox_filter_unknown { fr: "Choisissez un type et un état dans les listes.", en: "Please choose a kind and a state from the lists." }
    inbox_none { fr: "Rien ici.", en: "Nothing here." }
    inbox_mark_handled { fr: "Marquer comme traité", en: "Mark handled" }
    inbox_order_not_linked { fr: "(tel que saisi, aucune commande liée)", en: "(as typed, no order linked)" }

    // ---- The email
    email_back_in_stock_link { fr: "Voir la pièce", en: "See the piece" }
    email_back_in_stock_once { fr: "Cette alerte a servi\u{a0}: nous ne vous écrirons plus à son sujet. Les pièces revenues en stock partent vite, et ne peuvent être réservées.", en: "This alert has now been used: we will not write about it again. Pieces back in stock go quickly, and cannot be reserved." }
}

impl Locale {
    /// A contact message's subject, as the form lists it.
    pub fn contact_topic(self, topic: ContactTopic) -> &'static str {
        match (self, topic) {
            (Locale::Fr, ContactTopic::Order) => "Une commande",
            (Locale::En, ContactTopic::Order) => "An order",
            (Locale::Fr, ContactTopic::Product) => "Une pièce",
            (Locale::En, ContactTopic::Product) => "A piece",
            (Locale::Fr, ContactTopic::Returns) => "Un retour",
            (Locale::En, ContactTopic::Returns) => "A return",
            (Locale::Fr, ContactTopic::MissingGift) => "Un cadeau manquant",
            (Locale::En, ContactTopic::MissingGift) => "A missing gift",
            (Locale::Fr, ContactTopic::DesignIdea) => "Une idée de création",
            (Locale::En, ContactTopic::DesignIdea) => "A design idea",
            (Locale::Fr, ContactTopic::Other) => "Autre chose",
            (Locale::En, ContactTopic::Other) => "Something else",
        }
    }

    /// The piece a form is about, with its size if it has one.
    pub fn contact_about_piece(self, piece: &str, size: Option<&str>) -> String {
        let piece = self.alert_piece(piece, size);
        match self {
            Locale::Fr => format!("À propos de\u{a0}: {piece}"),
            Locale::En => format!("About: {piece}"),
        }
    }

    /// Why a text typed in a form was refused; `what` names the field.
    pub fn service_text_problem(self, what: &str, problem: TextProblem) -> String {
        match (self, problem) {
            (Locale::Fr, TextProblem::Missing) => format!("{what}\u{a0}: ce champ est à remplir."),
            (Locale::En, TextProblem::Missing) => format!("{what}: please fill this in."),
            (Locale::Fr, TextProblem::TooLong(max)) => {
                format!("{what}\u{a0}: {} caractères au plus.", self.number(max as u64))
            }
            (Locale::En, TextProblem::TooLong(max)) => {
                format!("{what}: at most {} characters.", self.number(max as u64))
            }
        }
    }

    /// Why a form was taken for a program's: the same words whatever the
    /// sign, so that a program learns nothing from them.
    pub fn form_bot_sign(self, _sign: BotSign) -> &'static str {
        self.form_looks_automatic()
    }

    /// Why a callback slot was refused. Hours are named from the week the
    /// rule checks, never retyped.
    pub fn callback_slot_problem(self, problem: SlotReason) -> String {
        let reason = match (self, problem) {
            (Locale::Fr, SlotReason::NotOnTheHalfHour) => {
                "Choisissez une heure pile ou une demi-heure, par exemple 10\u{a0}h ou 10\u{a0}h\u{a0}30."
            }
            (Locale::En, SlotReason::NotOnTheHalfHour) => {
                "Please choose a time on the hour or the half hour, such as 10:00 or 10:30."
            }
            (Locale::Fr, SlotReason::TooSoon) => {
                "Ce créneau est passé ou dans moins d’une heure\u{a0}: choisissez-en un plus tard."
            }
            (Locale::En, SlotReason::TooSoon) => {
                "That time has passed or is less than an hour away: please choose a later one."
            }
            (Locale::Fr, SlotReason::ClosedDay) => {
                "Le service client est fermé ce jour-là (jour de fermeture). Il est ouvert"
            }
            (Locale::En, SlotReason::ClosedDay) => "Client service is closed that day (a closing day). It is open",
            (_, SlotReason::OutsideHours) => match self {
                Locale::Fr => "Ce créneau est en dehors de nos heures d’ouverture\u{a0}:",
                Locale::En => "That time is outside our opening hours:",
            },
        };
        match problem {
            SlotReason::OutsideHours => format!("{reason} {}.", self.opening_hours(&SERVICE_WEEK)),
            SlotReason::ClosedDay => format!("{reason} {}.", self.opening_hours_in_sentence(&SERVICE_WEEK)),
            _ => reason.to_owned(),
        }
    }

    /// Client service's hours, from its week, inside a sentence: `Monday
    /// to Friday 10:00–19:00, Saturday 10:00–17:00 (Paris time)`, `du lundi
    /// au vendredi de 10 h à 19 h, le samedi de 10 h à 17 h (heure de Paris)`.
    pub fn opening_hours_in_sentence(self, week: &[Option<(u8, u8)>; 7]) -> String {
        let day = |d| self.weekday(d);
        let runs: Vec<String> = opening_runs(week)
            .into_iter()
            .map(|(first, last, (from, to))| match self {
                Locale::Fr if first == last => format!("le {} de {from}\u{a0}h à {to}\u{a0}h", day(first)),
                Locale::Fr => format!("du {} au {} de {from}\u{a0}h à {to}\u{a0}h", day(first), day(last)),
                Locale::En if first == last => format!("{} {from:02}:00–{to:02}:00", day(first)),
                Locale::En => format!("{} to {} {from:02}:00–{to:02}:00", day(first), day(last)),
            })
            .collect();
        let said = runs.join(", ");
        match self {
            Locale::Fr => format!("{said} (heure de Paris)"),
            Locale::En => format!("{said} (Paris time)"),
        }
    }

    /// Client service's hours at the start of a sentence: `Du lundi…`.
    pub fn opening_hours(self, week: &[Option<(u8, u8)>; 7]) -> String {
        let said = self.opening_hours_in_sentence(week);
        match said.get(..1) {
            Some(first) => format!("{}{}", first.to_uppercase(), &said[1..]),
            None => said,
        }
    }

    /// Said when the callback form is shown, with the hours calls are made in.
    pub fn callback_intro(self) -> String {
        let hours = self.opening_hours_in_sentence(&SERVICE_WEEK);
        match self {
            Locale::Fr => format!("Laissez votre numéro et un créneau\u{a0}: un conseiller vous appelle, {hours}, au moins une heure après votre demande."),
            Locale::En => format!("Leave your number and a time: a client advisor calls you, {hours}, at least an hour after you ask."),
        }
    }

    /// The acknowledgement's promise, with the hours answers are written in.
    pub fn email_contact_ack_answer(self) -> String {
        let hours = self.opening_hours_in_sentence(&SERVICE_WEEK);
        match self {
            Locale::Fr => format!("Un conseiller vous répondra par e-mail dès que possible, pendant nos heures d’ouverture\u{a0}: {hours}."),
            Locale::En => format!("A client advisor will answer you by email as soon as possible during our opening hours: {hours}."),
        }
    }

    /// A callback slot, with its weekday: `lundi 30 nov. 2026 à 10:00`,
    /// `Monday 30 Nov 2026, 10:00`. `weekday` counts from Monday, 0.
    pub fn slot_label(self, weekday: u8, at: WallClock) -> String {
        format!("{} {}", self.weekday(usize::from(weekday)), self.date_time(at))
    }

    /// Said once a callback is booked.
    pub fn callback_booked(self, slot: &str, phone: &str) -> String {
        match self {
            Locale::Fr => format!(
                "C’est noté\u{a0}: un conseiller vous appellera au {phone} le {slot} (heure de Paris). Une confirmation vous a été envoyée par e-mail."
            ),
            Locale::En => format!(
                "Noted: a client advisor will call you on {phone} on {slot} (Paris time). A confirmation is on its way to your inbox."
            ),
        }
    }

    /// The acknowledgement's first paragraph.
    pub fn email_contact_ack_para(self, topic: ContactTopic) -> String {
        let topic = self.contact_topic(topic).to_lowercase();
        match self {
            Locale::Fr => {
                format!("Merci de nous avoir écrit ({topic}). Votre message est bien parvenu au service client.")
            }
            Locale::En => format!("Thank you for writing to us ({topic}). Your message has reached client service."),
        }
    }

    /// The callback confirmation's news.
    pub fn email_callback_para(self, slot: &str, phone: &str) -> String {
        match self {
            Locale::Fr => format!("Un conseiller vous appellera au {phone} le {slot} (heure de Paris)."),
            Locale::En => format!("A client advisor will call you on {phone} on {slot} (Paris time)."),
        }
    }

    /// The subject of a request forwarded to client service.
    pub fn email_service_subject(self, kind: RequestKind, from: &str) -> String {
        format!("[{}] {from}", self.request_kind(kind))
    }

    /// One kind of request, as the inbox names it.
    pub fn request_kind(self, kind: RequestKind) -> &'static str {
        match (self, kind) {
            (Locale::Fr, RequestKind::Contact) => "Message écrit",
            (Locale::En, RequestKind::Contact) => "Message",
            (Locale::Fr, RequestKind::Callback) => "Rappel",
            (Locale::En, RequestKind::Callback) => "Callback",
            (Locale::Fr, RequestKind::OrderChange) => "Modification de commande",
            (Locale::En, RequestKind::OrderChange) => "Order change",
            (Locale::Fr, RequestKind::OrderCancel) => "Commande annulée",
            (Locale::En, RequestKind::OrderCancel) => "Order cancelled",
        }
    }

    /// Open or handled, as the inbox's filter names it.
    pub fn request_state(self, state: RequestState) -> &'static str {
        match (self, state) {
            (Locale::Fr, RequestState::Open) => "À traiter",
            (Locale::En, RequestState::Open) => "Open",
            (Locale::Fr, RequestState::Handled) => "Traités",
            (Locale::En, RequestState::Handled) => "Handled",
        }
    }

    /// Who handled a request, and when.
    pub fn inbox_handled_by(self, who: &str, when: &str) -> String {
        match self {
            Locale::Fr => format!("Traité par {who} le {when}"),
            Locale::En => format!("Handled by {who} on {when}"),
        }
    }

    /// A callback's slot, in the inbox.
    pub fn inbox_call_at(self, slot: &str) -> String {
        match self {
            Locale::Fr => format!("À rappeler le {slot}"),
            Locale::En => format!("Call on {slot}"),
        }
    }

    /// The language a customer wrote in, in the inbox.
    pub fn inbox_written_in(self, language: Locale) -> String {
        match (self, language) {
            (Locale::Fr, Locale::Fr) => "Écrit en français".to_owned(),
            (Locale::Fr, Locale::En) => "Écrit en anglais".to_owned(),
            (Locale::En, Locale::Fr) => "Written in French".to_owned(),
            (Locale::En, Locale::En) => "Written in English".to_owned(),
        }
    }

    /// Said when two members of staff mark the same request.
    pub fn inbox_already_handled(self, who: &str) -> String {
        match self {
            Locale::Fr => format!("Cette demande a déjà été traitée par {who}."),
            Locale::En => format!("This request has already been handled by {who}."),
        }
    }

    /// Why an alert cannot be left.
    pub fn alert_refused(self, refused: AlertRefused) -> &'static str {
        match (self, refused) {
            (Locale::Fr, AlertRefused::ChooseSize) => "Choisissez la taille que vous attendez.",
            (Locale::En, AlertRefused::ChooseSize) => "Please choose the size you are waiting for.",
            (Locale::Fr, AlertRefused::InStock) => {
                "Cette taille est disponible\u{a0}: vous pouvez l’ajouter à votre panier dès maintenant."
            }
            (Locale::En, AlertRefused::InStock) => "This size is in stock: you can add it to your basket now.",
            (Locale::Fr, AlertRefused::NotSoldOnline) => {
                "Cette pièce est proposée en boutique uniquement\u{a0}: un conseiller vous renseignera volontiers."
            }
            (Locale::En, AlertRefused::NotSoldOnline) => {
                "This piece is sold in our boutiques only: a client advisor will gladly help."
            }
        }
    }

    /// The piece an alert waits for, with its size if it has one.
    fn alert_piece(self, piece: &str, size: Option<&str>) -> String {
        match (self, size) {
            (_, None) => piece.to_owned(),
            (Locale::Fr, Some(size)) => format!("{piece} en taille {size}"),
            (Locale::En, Some(size)) => format!("{piece} in size {size}"),
        }
    }

    /// Said once an alert is registered, or on its page while it waits.
    pub fn alert_waiting(self, email: &str, piece: &str, size: Option<&str>) -> String {
        let piece = self.alert_piece(piece, size);
        match self {
            Locale::Fr => format!("Nous écrirons à {email} une seule fois, dès que {piece} sera de retour."),
            Locale::En => format!("We will write to {email} once, as soon as {piece} is back."),
        }
    }

    /// The back-in-stock email's subject.
    pub fn email_back_in_stock_subject(self, piece: &str) -> String {
        match self {
            Locale::Fr => format!("{piece} est de retour"),
            Locale::En => format!("{piece} is back in stock"),
        }
    }

    /// The back-in-stock email's news.
    pub fn email_back_in_stock_para(self, piece: &str, size: Option<&str>) -> String {
        let piece = self.alert_piece(piece, size);
        match self {
            Locale::Fr => format!("Bonne nouvelle\u{a0}: {piece} est de nouveau disponible sur notre site."),
            Locale::En => format!("Good news: {piece} can be bought on our site again."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_is_named_only_for_sized_pieces() {
        assert_eq!(
            Locale::En.alert_waiting("a@b.fr", "Aube ring", Some("52")),
            "We will write to a@b.fr once, as soon as Aube ring in size 52 is back."
        );
        assert_eq!(
            Locale::Fr.email_back_in_stock_para("Collier Lune", None),
            "Bonne nouvelle\u{a0}: Collier Lune est de nouveau disponible sur notre site."
        );
    }

    #[test]
    fn the_hours_are_said_from_the_week() {
        assert_eq!(
            Locale::En.opening_hours(&SERVICE_WEEK),
            "Monday to Friday 10:00–19:00, Saturday 10:00–17:00 (Paris time)"
        );
        assert_eq!(
            Locale::Fr.opening_hours(&SERVICE_WEEK),
            "Du lundi au vendredi de 10\u{a0}h à 19\u{a0}h, le samedi de 10\u{a0}h à 17\u{a0}h (heure de Paris)"
        );
        let mut week = [None; 7];
        week[5] = Some((9, 12));
        assert_eq!(Locale::Fr.opening_hours(&week), "Le samedi de 9\u{a0}h à 12\u{a0}h (heure de Paris)");
        assert!(Locale::En
            .callback_slot_problem(SlotReason::OutsideHours)
            .ends_with("opening hours: Monday to Friday 10:00–19:00, Saturday 10:00–17:00 (Paris time)."));
    }
}
