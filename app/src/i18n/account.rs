//! Texts of the customer's account (signing up and in, passwords, details,
//! addresses, deleting the account), of the newsletter, of every email the
//! shop writes, and of the sandbox gateway's payment page.

use super::texts;
use crate::domain::{
    account::{EmailProblem, PasswordProblem, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS},
    locale::{Locale, Plural},
    profile::{Field, FieldIssue, FieldProblem},
    test_card::{CardOutcome, CardProblem},
};
use crate::HOUSE_NAME;

texts! {
    account_email_language_heading { fr: "Langue de nos e-mails", en: "Language of our emails" }
    account_email_language_label {
        fr: "Nos e-mails vous sont écrits en",
        en: "Our emails to you are written in",
    }
    account_email_language_save { fr: "Enregistrer la langue", en: "Save the language" }
    account_email_language_unknown {
        fr: "Veuillez choisir le français ou l’anglais.",
        en: "Please choose French or English.",
    }
    // The links between the signed-in customer's pages.
    account_nav_label { fr: "Votre compte", en: "Your account" }
    account_nav_details { fr: "Mes informations", en: "Details" }
    account_nav_orders { fr: "Mes commandes", en: "Orders" }
    account_nav_addresses { fr: "Mes adresses", en: "Addresses" }
    account_nav_password { fr: "Mot de passe", en: "Password" }
    account_nav_delete { fr: "Supprimer mon compte", en: "Delete account" }

    // Form fields shared by several pages.
    account_email_label { fr: "Adresse e-mail", en: "Email address" }
    account_password_label { fr: "Mot de passe", en: "Password" }
    account_first_name_label { fr: "Prénom", en: "First name" }
    account_last_name_label { fr: "Nom", en: "Last name" }
    account_new_password_label { fr: "Nouveau mot de passe", en: "New password" }

    // Signing in.
    account_sign_in_title { fr: "Connexion", en: "Sign in" }
    account_sign_in_button { fr: "Se connecter", en: "Sign in" }
    account_sign_in_after_reset { fr: "Votre mot de passe est modifié. Veuillez vous connecter avec votre nouveau mot de passe.", en: "Your password is changed. Please sign in with it." }
    account_sign_in_forgotten { fr: "Mot de passe oublié\u{a0}?", en: "Forgotten your password?" }
    /// Before the link to create an account, on the sign-in page.
    account_sign_in_new_client { fr: "Vous découvrez la Maison\u{a0}? ", en: "New to the house? " }
    account_sign_in_refused { fr: "L’adresse e-mail ou le mot de passe est incorrect.", en: "The email address or password is incorrect." }
    account_sign_in_required { fr: "Veuillez vous connecter pour continuer.", en: "Please sign in to continue." }
    account_staff_only { fr: "Cette partie du site est réservée aux équipes de la Maison.", en: "This part of the site is for the house's staff only." }

    // Creating an account.
    account_register_title { fr: "Créer un compte", en: "Create an account" }
    /// Before the link to sign in, on the registration page.
    account_register_have_account { fr: "Vous avez déjà un compte\u{a0}? ", en: "Already have an account? " }
    account_register_button { fr: "Créer mon compte", en: "Create my account" }
    account_email_taken { fr: "Un compte existe déjà pour cette adresse e-mail. Veuillez vous connecter, ou choisir un nouveau mot de passe si vous l’avez oublié.", en: "An account already exists for this email address. Please sign in, or choose a new password if you have forgotten yours." }

    // The forgotten password and the reset link.
    account_forgot_title { fr: "Mot de passe oublié", en: "Forgotten password" }
    account_forgot_intro { fr: "Saisissez l’adresse e-mail de votre compte\u{a0}: nous vous enverrons un lien pour choisir un nouveau mot de passe.", en: "Enter the email address of your account: we will send it a link to choose a new password." }
    account_forgot_send { fr: "Envoyer le lien", en: "Send the link" }
    account_back_to_sign_in { fr: "Retour à la connexion", en: "Back to sign in" }
    account_reset_title { fr: "Choisir un nouveau mot de passe", en: "Choose a new password" }
    /// The reset page, when its link was used already or is too old.
    account_reset_link_dead { fr: "Ce lien ne fonctionne plus\u{a0}: il a déjà été utilisé, ou date de plus d’une heure. Veuillez en demander un nouveau.", en: "This link does not work any more: it was used already, or is more than an hour old. Please ask for a new one." }
    account_reset_ask_again { fr: "Demander un nouveau lien", en: "Ask for a new link" }
    account_reset_save { fr: "Enregistrer mon nouveau mot de passe", en: "Save my new password" }

    // Changing the password.
    account_password_title { fr: "Modifier votre mot de passe", en: "Change your password" }
    account_current_password_label { fr: "Mot de passe actuel", en: "Current password" }
    account_password_others_signed_out { fr: "Vos autres appareils seront déconnectés.", en: "Your other devices will be signed out." }
    account_password_change_button { fr: "Modifier mon mot de passe", en: "Change my password" }
    account_current_password_wrong { fr: "Votre mot de passe actuel est incorrect.", en: "Your current password is incorrect." }

    // Confirming the address from the welcome email.
    account_verify_title { fr: "Confirmer votre adresse e-mail", en: "Confirm your email address" }
    account_verify_heading { fr: "Votre adresse e-mail", en: "Your email address" }
    account_verify_go_to_account { fr: "Accéder à votre compte", en: "Go to your account" }
    account_verify_link_dead { fr: "Ce lien de confirmation ne fonctionne plus\u{a0}: il a déjà été utilisé, ou date de plus d’une semaine.", en: "This confirmation link does not work any more: it was used already, or is more than a week old." }
    account_verify_done { fr: "Merci\u{a0}: votre adresse e-mail est confirmée.", en: "Thank you: your email address is confirmed." }
    account_verify_intro {
        fr: "Confirmez que cette adresse est bien la vôtre pour achever la création de votre compte.",
        en: "Confirm that this address is yours to finish setting up your account.",
    }
    account_verify_button { fr: "Confirmer mon adresse", en: "Confirm my address" }

    // The account overview.
    account_title { fr: "Votre compte", en: "Your account" }
    account_details_heading { fr: "Vos informations", en: "Your details" }
    /// Before the customer's address, on the account page.
    account_email_is { fr: "Adresse e-mail\u{a0}: ", en: "Email address: " }
    account_email_confirmed { fr: " (confirmée)", en: " (confirmed)" }
    account_email_unconfirmed { fr: " (pas encore confirmée\u{a0}: voyez l’e-mail de bienvenue que nous vous avons envoyé)", en: " (not yet confirmed: see the welcome email we sent you)" }
    account_phone_optional_label { fr: "Téléphone (facultatif)", en: "Telephone (optional)" }
    account_details_save { fr: "Enregistrer mes informations", en: "Save my details" }
    account_details_saved { fr: "Vos informations sont enregistrées.", en: "Your details are saved." }
    account_newsletter_heading { fr: "Abonnement à la newsletter", en: "Newsletter" }
    account_newsletter_subscribed { fr: "Vous recevez notre newsletter.", en: "You receive our newsletter." }
    account_newsletter_pending { fr: "Veuillez confirmer votre inscription avec le lien que nous vous avons envoyé par e-mail.", en: "Please confirm with the link we emailed you." }
    account_newsletter_not_subscribed { fr: "Vous ne recevez pas notre newsletter.", en: "You do not receive our newsletter." }
    account_newsletter_unsubscribe { fr: "Me désabonner", en: "Unsubscribe" }
    account_newsletter_send_again { fr: "Renvoyer le lien", en: "Send the link again" }
    account_newsletter_subscribe { fr: "M’abonner", en: "Subscribe" }
    account_sign_out { fr: "Se déconnecter", en: "Sign out" }

    // The address book.
    account_addresses_title { fr: "Vos adresses", en: "Your addresses" }
    account_addresses_none { fr: "Vous n’avez pas encore enregistré d’adresse.", en: "You have no saved address yet." }
    account_address_add_heading { fr: "Ajouter une adresse", en: "Add an address" }
    account_address_make_default_check { fr: "En faire mon adresse par défaut", en: "Make this my default address" }
    account_address_add { fr: "Ajouter l’adresse", en: "Add the address" }
    account_address_default { fr: "Adresse par défaut", en: "Default address" }
    account_address_cancel { fr: "Annuler", en: "Cancel" }
    account_address_edit { fr: "Modifier", en: "Edit" }
    account_address_make_default { fr: "Définir par défaut", en: "Make default" }
    account_address_remove { fr: "Supprimer", en: "Remove" }
    account_address_save { fr: "Enregistrer l’adresse", en: "Save the address" }
    account_address_full_name { fr: "Nom complet", en: "Full name" }
    account_address_line1 { fr: "Adresse", en: "Street address" }
    account_address_line2 { fr: "Complément d’adresse (facultatif)", en: "Address line 2 (optional)" }
    account_address_postcode { fr: "Code postal", en: "Postcode" }
    account_address_city { fr: "Ville", en: "Town or city" }
    account_address_country { fr: "Pays", en: "Country" }
    account_address_phone { fr: "Téléphone pour le transporteur (facultatif)", en: "Telephone for the courier (optional)" }
    account_address_added { fr: "L’adresse est ajoutée.", en: "The address is added." }
    account_address_saved { fr: "L’adresse est enregistrée.", en: "The address is saved." }
    account_address_removed { fr: "L’adresse est supprimée.", en: "The address is removed." }
    account_address_now_default { fr: "C’est désormais votre adresse par défaut.", en: "This is now your default address." }
    account_address_not_found { fr: "Cette adresse est introuvable.", en: "This address could not be found." }

    // The customer's orders.
    account_orders_title { fr: "Vos commandes", en: "Your orders" }
    account_orders_none { fr: "Vous n’avez pas encore passé de commande.", en: "You have not ordered yet." }
    account_orders_col_order { fr: "Commande", en: "Order" }
    account_orders_col_placed { fr: "Date", en: "Placed" }
    account_orders_col_status { fr: "Statut", en: "Status" }
    account_orders_col_total { fr: "Montant", en: "Total" }

    // Deleting the account.
    account_delete_title { fr: "Supprimer votre compte", en: "Delete your account" }
    account_delete_explain { fr: "La suppression de votre compte efface votre nom, votre téléphone, vos adresses et votre abonnement à la newsletter, et vous déconnecte de tous vos appareils. Les commandes que vous avez passées sont conservées pour notre comptabilité, sans votre nom ni vos adresses. Cette action est définitive.", en: "Deleting your account erases your name, telephone, addresses and newsletter subscription, and signs you out everywhere. Orders you placed are kept for our accounts, without your name or addresses. This cannot be undone." }
    account_delete_button { fr: "Supprimer définitivement mon compte", en: "Delete my account" }
    account_delete_password_wrong { fr: "Le mot de passe est incorrect. Votre compte n’a pas été supprimé.", en: "The password is incorrect. Your account was not deleted." }
    account_deleted_title { fr: "Votre compte est supprimé", en: "Your account is deleted" }
    account_deleted_body { fr: "Vos données personnelles sont effacées et votre session est fermée. Une confirmation vous a été envoyée par e-mail.", en: "Your personal details are erased and you are signed out. A confirmation is on its way to your inbox." }

    // Address and details form problems.
    account_problem_postcode { fr: "Un code postal ne contient que des lettres, des chiffres, des espaces et des traits d’union.", en: "A postcode has only letters, digits, spaces and hyphens." }
    account_problem_country { fr: "Veuillez choisir un pays dans la liste.", en: "Please choose a country from the list." }
    account_problem_phone { fr: "Veuillez saisir un numéro de téléphone avec son indicatif, par exemple +33 1 42 60 00 00.", en: "Please enter a telephone number with its country code, for example +33 1 42 60 00 00." }

    // The newsletter's pages and answers.
    newsletter_confirm_title { fr: "Abonnement à la newsletter", en: "Newsletter" }
    newsletter_confirm_heading { fr: "Votre abonnement", en: "Your subscription" }
    newsletter_discover { fr: "Découvrir nos bijoux", en: "Discover the jewellery" }
    newsletter_unsubscribe_title { fr: "Désabonnement", en: "Unsubscribe" }
    newsletter_confirm_intro {
        fr: "Une dernière étape\u{a0}: confirmez que vous souhaitez recevoir notre newsletter.",
        en: "One step left: confirm that you would like our newsletter.",
    }
    newsletter_confirm_button { fr: "Confirmer mon abonnement", en: "Confirm my subscription" }
    newsletter_confirmed_done {
        fr: "Merci\u{a0}: votre abonnement est confirmé. Notre première lettre est en route.",
        en: "Thank you: your subscription is confirmed. Our first letter is on its way.",
    }
    newsletter_unsubscribe_intro {
        fr: "Ne plus recevoir notre newsletter à cette adresse\u{a0}?",
        en: "Stop receiving our newsletter at this address?",
    }
    newsletter_unsubscribe_button { fr: "Me désabonner", en: "Unsubscribe me" }
    newsletter_unsubscribed_done {
        fr: "C’est fait\u{a0}: cette adresse ne recevra plus notre newsletter.",
        en: "Done: this address will receive no more newsletters.",
    }
    newsletter_changed_mind { fr: "Vous avez changé d’avis\u{a0}? Vous pouvez vous réabonner depuis le bas de chaque page.", en: "Changed your mind? You can subscribe again from the foot of any page." }
    newsletter_choose_intent { fr: "Veuillez choisir de vous abonner ou de vous désabonner.", en: "Please choose to subscribe or to unsubscribe." }
    newsletter_confirm_link_dead { fr: "Ce lien de confirmation ne fonctionne plus\u{a0}: il a déjà été utilisé, ou date de plus d’une semaine. Veuillez vous abonner de nouveau depuis le bas de la page.", en: "This confirmation link does not work any more: it was used already, or is more than a week old. Please subscribe again from the foot of the page." }
    newsletter_link_not_ours { fr: "Ce lien de désabonnement ne provient pas de chez nous. Veuillez vous désabonner avec le formulaire en bas de la page.", en: "This unsubscribe link is not one of ours. Please unsubscribe with the form at the foot of the page." }

    // Every email: greeting, signature, newsletter footer.
    email_hello { fr: "Bonjour,", en: "Hello," }
    email_unsubscribe_link { fr: "Se désabonner", en: "Unsubscribe" }
    /// After the unsubscribe link, in a newsletter email's HTML part.
    email_unsubscribe_after_link { fr: " de notre newsletter en un clic.", en: " from our newsletter in one click." }
    email_unsubscribe_plain { fr: "Se désabonner de notre newsletter", en: "Unsubscribe from our newsletter" }

    // The welcome email.
    email_welcome_confirm_para { fr: "Merci de confirmer que cette adresse e-mail est bien la vôtre. Le lien est valable sept jours.", en: "Please confirm that this address is yours. The link works for seven days." }
    email_welcome_confirm_link { fr: "Confirmer mon adresse e-mail", en: "Confirm my email address" }
    email_welcome_not_you { fr: "Si vous n’êtes pas à l’origine de cette inscription, vous pouvez ignorer cet e-mail.", en: "If you did not open this account, please ignore this email." }

    // The password emails.
    email_reset_subject { fr: "Choisissez un nouveau mot de passe", en: "Choose a new password" }
    email_reset_intro { fr: "Un nouveau mot de passe a été demandé pour votre compte, sans doute par vous.", en: "Someone, hopefully you, asked to choose a new password for your account." }
    email_reset_link { fr: "Choisir un nouveau mot de passe", en: "Choose a new password" }
    email_reset_once { fr: "Ce lien ne sert qu’une fois, pendant une heure. Si vous n’avez rien demandé, ignorez cet e-mail\u{a0}: votre mot de passe reste inchangé.", en: "The link works once, for one hour. If you did not ask, ignore this email: your password stays as it is." }
    email_password_changed_subject { fr: "Votre mot de passe a été modifié", en: "Your password was changed" }
    email_password_changed_para { fr: "Le mot de passe de votre compte vient d’être modifié, et tous vos autres appareils connectés ont été déconnectés.", en: "The password of your account was just changed, and every other signed-in device was signed out." }
    email_password_changed_not_you { fr: "Si vous n’êtes pas à l’origine de ce changement, veuillez choisir un nouveau mot de passe depuis la page de connexion, ou appeler notre service clientèle au +33 1 42 60 00 00.", en: "If this was not you, please choose a new password from the sign-in page, or call our client service on +33 1 42 60 00 00." }

    // The account-deleted email.
    email_deleted_subject { fr: "Votre compte a été supprimé", en: "Your account was deleted" }
    email_deleted_para { fr: "Comme vous l’avez demandé, votre compte et les données personnelles qu’il contenait ont été effacés.", en: "Your account and the personal details it held have been erased, as you asked." }
    email_deleted_orders { fr: "Les commandes que vous avez passées sont conservées pour notre comptabilité, sans votre nom ni vos adresses. Vous pourrez ouvrir un nouveau compte à tout moment.", en: "Orders you placed are kept for our accounts, without your name or addresses. You are welcome to open a new account at any time." }

    // The newsletter emails.
    email_newsletter_confirm_subject { fr: "Merci de confirmer votre inscription", en: "Please confirm your subscription" }
    email_newsletter_confirm_intro { fr: "Merci de l’intérêt que vous portez à notre newsletter\u{a0}: nouvelles collections, événements en boutique, quelques nouvelles de l’atelier.", en: "Thank you for your interest in our newsletter: new collections, events at the boutique, a few words from the workshop." }
    email_newsletter_confirm_ask { fr: "Merci de confirmer que vous souhaitez la recevoir. D’ici là, nous ne vous enverrons rien d’autre.", en: "Please confirm that you wish to receive it. Until you do, we will send you nothing more." }
    email_newsletter_confirm_link { fr: "Confirmer mon inscription", en: "Confirm my subscription" }
    email_newsletter_confirm_not_you { fr: "Si vous n’avez rien demandé, ignorez simplement cet e-mail.", en: "If you did not ask for this, ignore this email." }
    email_newsletter_welcome_subject { fr: "Votre inscription à notre newsletter est confirmée", en: "You are subscribed to our newsletter" }
    email_newsletter_welcome_para { fr: "Votre inscription est confirmée. Vous aurez de nos nouvelles quelques fois par saison, jamais davantage.", en: "Your subscription is confirmed. You will hear from us a few times a season, never more." }
    email_newsletter_goodbye_subject { fr: "Votre désabonnement est confirmé", en: "You are unsubscribed" }
    email_newsletter_goodbye_para { fr: "Cette adresse ne figure plus sur la liste de notre newsletter, et ne recevra plus aucun envoi.", en: "This address is no longer on our newsletter list, and will receive no more newsletters." }
    email_newsletter_goodbye_again { fr: "Vous pouvez vous réabonner à tout moment depuis le bas de chaque page de notre site.", en: "You can subscribe again at any time from the foot of any page of our site." }

    // The order emails.
    email_order_follow_link { fr: "Suivre ma commande", en: "Follow my order" }
    email_order_keep { fr: "Conservez cet e-mail\u{a0}: son lien vous montre votre commande à tout moment, avec ou sans compte.", en: "Keep this email: its link shows your order at any time, account or not." }
    email_order_see_link { fr: "Voir ma commande", en: "See my order" }

    // The sandbox gateway's payment page (a stand-in for a card processor's).
    sandbox_heading { fr: "Paiements de test", en: "Sandbox payments" }
    sandbox_banner { fr: "SANDBOX · mode test · aucun argent réel n’est débité", en: "SANDBOX · test mode · no real money moves" }
    sandbox_authorised { fr: "Ce paiement a été autorisé.", en: "This payment was authorised." }
    sandbox_declined { fr: "Ce paiement a été refusé.", en: "This payment was declined." }
    sandbox_back { fr: "Retour à la boutique", en: "Back to the shop" }
    sandbox_card_number { fr: "Numéro de carte", en: "Card number" }
    sandbox_expiry { fr: "Date d’expiration (MM/AA)", en: "Expiry (MM/YY)" }
    sandbox_expiry_placeholder { fr: "MM/AA", en: "MM/YY" }
    sandbox_cvc { fr: "Cryptogramme (CVC)", en: "Security code" }
    sandbox_cancel { fr: "Annuler et revenir à la boutique", en: "Cancel and return to the shop" }
    sandbox_test_cards { fr: "Cartes de test (toute date d’expiration future, 3 chiffres au choix)", en: "Test cards (any future expiry, any 3 digits)" }
    sandbox_no_such_payment { fr: "Ce paiement n’existe pas.", en: "No such payment." }
    sandbox_try_again { fr: "Veuillez réessayer dans un instant.", en: "Please try again in a moment." }
}

/// Texts with parameters, and texts cut around a link or a value.
impl Locale {
    /// The parts of a sentence around the customer's address, on the delete page.
    pub fn account_delete_confirm(self) -> (&'static str, &'static str) {
        match self {
            Locale::Fr => ("Pour confirmer, saisissez le mot de passe du compte ", "."),
            Locale::En => ("To confirm, enter the password of ", "."),
        }
    }

    /// The sentence around the link to create a new account, once the old one is deleted.
    pub fn account_deleted_welcome_back(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Locale::Fr => ("Vous pouvez à tout moment ", "créer un nouveau compte", "."),
            Locale::En => ("You are welcome back at any time: ", "create a new account", "."),
        }
    }

    /// The account page's heading.
    pub fn account_greeting(self, first_name: &str) -> String {
        match self {
            Locale::Fr => format!("Bonjour {first_name}"),
            Locale::En => format!("Hello, {first_name}"),
        }
    }

    /// The rule under a new password's field.
    pub fn account_password_rule(self) -> String {
        match self {
            Locale::Fr => format!(
                "Au moins {MIN_PASSWORD_CHARS} caractères. Quelques mots sans rapport entre eux font un mot de passe solide."
            ),
            Locale::En => {
                format!("At least {MIN_PASSWORD_CHARS} characters. A few unrelated words make a strong password.")
            }
        }
    }

    /// The forgotten-password answer, the same whether or not the address has an account.
    pub fn account_reset_link_sent(self, email: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Si un compte existe pour {email}, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Ce lien est valable une heure."
            ),
            Locale::En => format!(
                "If an account exists for {email}, we have sent it a link to choose a new password. The link works for one hour."
            ),
        }
    }

    /// The answer to a changed password, with how many other devices were signed out.
    pub fn account_password_changed(self, others_signed_out: u64) -> String {
        let n = others_signed_out;
        match (self, n) {
            (Locale::Fr, 0) => "Votre mot de passe est modifié.".to_owned(),
            (Locale::Fr, 1) => "Votre mot de passe est modifié, et votre autre appareil a été déconnecté.".to_owned(),
            (Locale::Fr, n) => format!(
                "Votre mot de passe est modifié, et vos {} autres appareils ont été déconnectés.",
                self.number(n)
            ),
            (Locale::En, 0) => "Your password is changed.".to_owned(),
            (Locale::En, 1) => "Your password is changed, and your other device was signed out.".to_owned(),
            (Locale::En, n) => {
                format!("Your password is changed, and your {} other devices were signed out.", self.number(n))
            }
        }
    }

    /// The address book is full (on the page, before the form would be shown).
    pub fn account_addresses_full(self, max: usize) -> String {
        match self {
            Locale::Fr => format!(
                "Vous conservez déjà {max} adresses, le maximum pour un compte. Supprimez-en une pour en ajouter une autre."
            ),
            Locale::En => {
                format!("You keep {max} addresses, the most an account holds. Remove one to add another.")
            }
        }
    }

    /// The address book is full (the server's answer to one more).
    pub fn account_addresses_limit(self, max: usize) -> String {
        match self {
            Locale::Fr => format!(
                "Vous pouvez conserver jusqu’à {max} adresses. Veuillez en supprimer une avant d’en ajouter une autre."
            ),
            Locale::En => format!("You can keep up to {max} addresses. Please remove one before adding another."),
        }
    }

    /// Why an email address was refused.
    pub fn account_email_problem(self, problem: &EmailProblem) -> String {
        match (self, problem) {
            (Locale::Fr, EmailProblem::Empty) => "Veuillez saisir votre adresse e-mail.".to_owned(),
            (Locale::Fr, EmailProblem::Invalid(typed)) => format!(
                "«\u{a0}{typed}\u{a0}» n’est pas une adresse e-mail. Veuillez la vérifier, par exemple nom@exemple.fr."
            ),
            (Locale::En, EmailProblem::Empty) => "Please enter your email address.".to_owned(),
            (Locale::En, EmailProblem::Invalid(typed)) => {
                format!("'{typed}' is not an email address. Please check it, for example name@example.com.")
            }
        }
    }

    /// Why a new password was refused.
    pub fn account_password_problem(self, problem: &PasswordProblem) -> String {
        match (self, problem) {
            (Locale::Fr, PasswordProblem::TooShort) => {
                format!("Votre mot de passe doit comporter au moins {MIN_PASSWORD_CHARS} caractères.")
            }
            (Locale::Fr, PasswordProblem::TooLong) => {
                format!("Votre mot de passe doit comporter au plus {MAX_PASSWORD_CHARS} caractères.")
            }
            (Locale::Fr, PasswordProblem::TooCommon) => {
                "Ce mot de passe est trop facile à deviner. Quelques mots sans rapport entre eux font un mot de passe solide."
                    .to_owned()
            }
            (Locale::Fr, PasswordProblem::ContainsEmail) => {
                "Votre mot de passe ne doit pas contenir votre adresse e-mail.".to_owned()
            }
            (Locale::En, PasswordProblem::TooShort) => {
                format!("Your password must have at least {MIN_PASSWORD_CHARS} characters.")
            }
            (Locale::En, PasswordProblem::TooLong) => {
                format!("Your password must have at most {MAX_PASSWORD_CHARS} characters.")
            }
            (Locale::En, PasswordProblem::TooCommon) => {
                "This password is too easy to guess. A few unrelated words make a strong one.".to_owned()
            }
            (Locale::En, PasswordProblem::ContainsEmail) => {
                "Your password must not contain your email address.".to_owned()
            }
        }
    }

    /// What a field of the details or address form holds, as its problems name it
    /// ("your {what}"; French: "votre {what}").
    fn account_field_name(self, field: Field) -> &'static str {
        match (self, field) {
            (Locale::Fr, Field::FirstName) => "prénom",
            (Locale::Fr, Field::LastName) => "nom",
            (Locale::Fr, Field::FullName) => "nom complet",
            (Locale::Fr, Field::Line1) => "adresse",
            (Locale::Fr, Field::Line2) => "complément d’adresse",
            (Locale::Fr, Field::Postcode) => "code postal",
            (Locale::Fr, Field::City) => "ville",
            (Locale::Fr, Field::Country) => "pays",
            (Locale::Fr, Field::Phone) => "numéro de téléphone",
            (Locale::En, Field::FirstName) => "first name",
            (Locale::En, Field::LastName) => "last name",
            (Locale::En, Field::FullName) => "name",
            (Locale::En, Field::Line1) => "street address",
            (Locale::En, Field::Line2) => "second address line",
            (Locale::En, Field::Postcode) => "postcode",
            (Locale::En, Field::City) => "town or city",
            (Locale::En, Field::Country) => "country",
            (Locale::En, Field::Phone) => "telephone number",
        }
    }

    /// Why a field of the details or address form was refused, said so the shopper can fix it.
    pub fn account_field_problem(self, problem: &FieldProblem) -> String {
        let what = self.account_field_name(problem.field);
        match (self, problem.issue) {
            (Locale::Fr, FieldIssue::Missing) => format!("Veuillez saisir votre {what}."),
            (Locale::Fr, FieldIssue::TooLong { max }) => {
                format!("Votre {what} ne doit pas dépasser {max}\u{a0}caractères.")
            }
            (Locale::Fr, FieldIssue::Unprintable) => {
                format!("Votre {what} contient des caractères que nous ne pouvons pas imprimer.")
            }
            (Locale::En, FieldIssue::Missing) => format!("Please enter your {what}."),
            (Locale::En, FieldIssue::TooLong { max }) => format!("Your {what} must have at most {max} characters."),
            (Locale::En, FieldIssue::Unprintable) => format!("Your {what} contains characters we cannot print."),
            (_, FieldIssue::Postcode) => self.account_problem_postcode().to_owned(),
            (_, FieldIssue::Country) => self.account_problem_country().to_owned(),
            (_, FieldIssue::Phone) => self.account_problem_phone().to_owned(),
        }
    }

    /// A rate limit reached: how long to wait.
    pub fn account_too_many_attempts(self, minutes: u64) -> String {
        let n = self.number(minutes);
        match (self, self.plural(minutes)) {
            (Locale::Fr, Plural::One) => format!(
                "Trop de tentatives. Pour votre sécurité, veuillez patienter {n}\u{a0}minute avant de réessayer."
            ),
            (Locale::Fr, Plural::Many | Plural::Other) => format!(
                "Trop de tentatives. Pour votre sécurité, veuillez patienter {n}\u{a0}minutes avant de réessayer."
            ),
            (Locale::En, Plural::One) => {
                format!("Too many attempts. For your security, please wait {n} minute before trying again.")
            }
            (Locale::En, Plural::Many | Plural::Other) => {
                format!("Too many attempts. For your security, please wait {n} minutes before trying again.")
            }
        }
    }

    /// The answer to a newsletter subscription (the same whether or not the address was on the list).
    pub fn newsletter_almost_there(self, email: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Encore une étape\u{a0}: veuillez suivre le lien que nous venons d’envoyer à {email} pour confirmer. Si cette adresse est déjà inscrite, vous n’avez rien d’autre à faire."
            ),
            Locale::En => format!(
                "Almost there: please follow the link we have emailed to {email} to confirm. If you are subscribed already, there is nothing more to do."
            ),
        }
    }

    /// The answer to an unsubscription from the form (the same whether or not the address was on the list).
    pub fn newsletter_no_more(self, email: &str) -> String {
        match self {
            Locale::Fr => format!(
                "L’adresse {email} ne recevra plus notre newsletter. Si elle y était inscrite, une confirmation lui a été envoyée."
            ),
            Locale::En => {
                format!("{email} will receive no more newsletters. If it was subscribed, a confirmation is on its way.")
            }
        }
    }

    /// The unsubscribe page, from a newsletter email's link.
    pub fn newsletter_unsubscribed(self, email: &str) -> String {
        match self {
            Locale::Fr => {
                format!("L’adresse {email} ne recevra plus notre newsletter. Une confirmation lui a été envoyée.")
            }
            Locale::En => format!("{email} will receive no more newsletters. A confirmation is on its way."),
        }
    }

    /// The confirmation page, from the double opt-in link.
    pub fn newsletter_confirmed(self, email: &str) -> String {
        match self {
            Locale::Fr => format!("Merci\u{a0}: l’adresse {email} est désormais inscrite à notre newsletter."),
            Locale::En => format!("Thank you: {email} is subscribed to our newsletter."),
        }
    }

    /// The email's sign-off, the house's name on its last line (plain text).
    pub fn email_signature_plain(self) -> String {
        match self {
            Locale::Fr => format!("Bien à vous,\nLe service clientèle de {HOUSE_NAME}\n"),
            Locale::En => format!("With our best regards,\n{HOUSE_NAME}, client service\n"),
        }
    }

    /// The email's sign-off, as two lines: the HTML part puts a line break between them.
    pub fn email_signature_lines(self) -> (&'static str, String) {
        match self {
            Locale::Fr => ("Bien à vous,", format!("Le service clientèle de {HOUSE_NAME}")),
            Locale::En => ("With our best regards,", format!("{HOUSE_NAME}, client service")),
        }
    }

    /// The welcome email's subject.
    pub fn email_welcome_subject(self) -> String {
        match self {
            Locale::Fr => format!("Bienvenue chez {HOUSE_NAME}"),
            Locale::En => format!("Welcome to {HOUSE_NAME}"),
        }
    }

    /// The welcome email's first paragraph.
    pub fn email_welcome_greeting(self, first_name: &str) -> String {
        match self {
            Locale::Fr => format!("Bienvenue chez {HOUSE_NAME}, {first_name}. Votre compte est ouvert."),
            Locale::En => format!("Welcome to {HOUSE_NAME}, {first_name}. Your account is open."),
        }
    }

    /// The order-received email's subject.
    pub fn email_order_received_subject(self, reference: &str) -> String {
        match self {
            Locale::Fr => format!("Votre commande {reference} est bien reçue"),
            Locale::En => format!("Your order {reference} is received"),
        }
    }

    /// The order-received email's first paragraph.
    pub fn email_order_received_intro(self, reference: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Merci pour votre commande {reference}. Nous l’avons bien reçue et attendons la réponse de votre banque\u{a0}; nous vous écrirons à chaque étape."
            ),
            Locale::En => format!(
                "Thank you for your order {reference}. We have received it and are waiting for your bank's answer; you will hear from us at each step."
            ),
        }
    }

    /// A line of the order email's totals: `Remise : -20,00 €`, `Shipping: €25.00`.
    pub fn email_order_discount(self, amount: &str) -> String {
        match self {
            Locale::Fr => format!("Remise\u{a0}: -{amount}"),
            Locale::En => format!("Discount: -{amount}"),
        }
    }

    pub fn email_order_shipping(self, amount: &str) -> String {
        match self {
            Locale::Fr => format!("Livraison\u{a0}: {amount}"),
            Locale::En => format!("Shipping: {amount}"),
        }
    }

    pub fn email_order_total(self, amount: &str) -> String {
        match self {
            Locale::Fr => format!("Total\u{a0}: {amount}"),
            Locale::En => format!("Total: {amount}"),
        }
    }

    /// The order-status email's subject.
    pub fn email_order_status_subject(self, reference: &str, status: &str) -> String {
        match self {
            Locale::Fr => format!("Votre commande {reference}\u{a0}: {status}"),
            Locale::En => format!("Your order {reference}: {status}"),
        }
    }

    /// The order-status email's first paragraph.
    pub fn email_order_status_headline(self, reference: &str, status: &str) -> String {
        match self {
            Locale::Fr => format!("Votre commande {reference} est désormais «\u{a0}{status}\u{a0}»."),
            Locale::En => format!("Your order {reference} is now: {status}."),
        }
    }

    /// The carrier and tracking number, in the shipment email.
    pub fn email_order_tracking(self, carrier: &str, number: &str) -> String {
        match self {
            Locale::Fr => format!("Transporteur\u{a0}: {carrier}. Numéro de suivi\u{a0}: {number}."),
            Locale::En => format!("Carrier: {carrier}. Tracking number: {number}."),
        }
    }

    /// The sandbox page's title.
    pub fn sandbox_title(self, amount: &str) -> String {
        match self {
            Locale::Fr => format!("Payer {amount} · Paiements de test"),
            Locale::En => format!("Pay {amount} · Sandbox payments"),
        }
    }

    /// The sandbox page's pay button.
    pub fn sandbox_pay(self, amount: &str) -> String {
        match self {
            Locale::Fr => format!("Payer {amount}"),
            Locale::En => format!("Pay {amount}"),
        }
    }

    /// The sentence around the amount and the order's reference, on the sandbox page.
    pub fn sandbox_request(self) -> (String, &'static str, &'static str) {
        match self {
            Locale::Fr => (format!("{HOUSE_NAME} demande "), " pour la commande ", "."),
            Locale::En => (format!("{HOUSE_NAME} asks for "), " for order ", "."),
        }
    }

    /// What a test card does, in the sandbox page's list.
    pub fn sandbox_card_outcome(self, outcome: CardOutcome) -> &'static str {
        match (self, outcome) {
            (Locale::Fr, CardOutcome::Approve) => "acceptée",
            (Locale::Fr, CardOutcome::Decline) => "refusée",
            (Locale::Fr, CardOutcome::ApproveAfterDelay) => "acceptée après un délai",
            (Locale::En, CardOutcome::Approve) => "approved",
            (Locale::En, CardOutcome::Decline) => "declined",
            (Locale::En, CardOutcome::ApproveAfterDelay) => "approved after a delay",
        }
    }

    /// Why the sandbox's card form was refused.
    pub fn sandbox_card_problem(self, problem: &CardProblem) -> &'static str {
        match (self, problem) {
            (Locale::Fr, CardProblem::Number) => "Le numéro de carte n’est pas valide\u{a0}: veuillez le vérifier.",
            (Locale::Fr, CardProblem::NotATestCard) => {
                "Ceci est la sandbox\u{a0}: seules les cartes de test indiquées sur cette page fonctionnent."
            }
            (Locale::Fr, CardProblem::Expiry) => {
                "Veuillez indiquer la date d’expiration au format MM/AA, dans le futur."
            }
            (Locale::Fr, CardProblem::Cvc) => "Le cryptogramme est composé des 3 ou 4 chiffres au dos de la carte.",
            (Locale::En, CardProblem::Number) => "The card number is not valid: please check it.",
            (Locale::En, CardProblem::NotATestCard) => {
                "This is the sandbox: only the test cards listed on this page work."
            }
            (Locale::En, CardProblem::Expiry) => "Please give the expiry date as MM/YY, in the future.",
            (Locale::En, CardProblem::Cvc) => "The security code is the 3 or 4 digits on the back of the card.",
        }
    }
}

impl Locale {
    /// Said once the language of the customer's emails is saved.
    pub fn account_email_language_saved(self, chosen: Locale) -> String {
        let name = match (self, chosen) {
            (Locale::Fr, Locale::Fr) => "français",
            (Locale::Fr, Locale::En) => "anglais",
            (Locale::En, Locale::Fr) => "French",
            (Locale::En, Locale::En) => "English",
        };
        match self {
            Locale::Fr => format!("Nos e-mails vous seront désormais écrits en {name}."),
            Locale::En => format!("Our emails to you will now be written in {name}."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::{AddressForm, PostalAddress};

    #[test]
    fn english_problems_read_as_their_display() {
        // Logs keep the English `Display`; shoppers read the same words in English.
        for problem in [EmailProblem::Empty, EmailProblem::Invalid("anne".into())] {
            assert_eq!(Locale::En.account_email_problem(&problem), problem.to_string());
        }
        for problem in [
            PasswordProblem::TooShort,
            PasswordProblem::TooLong,
            PasswordProblem::TooCommon,
            PasswordProblem::ContainsEmail,
        ] {
            assert_eq!(Locale::En.account_password_problem(&problem), problem.to_string());
        }
        for problem in [CardProblem::Number, CardProblem::NotATestCard, CardProblem::Expiry, CardProblem::Cvc] {
            assert_eq!(Locale::En.sandbox_card_problem(&problem), problem.to_string());
        }
    }

    #[test]
    fn field_problems_are_said_in_each_language() {
        let form = AddressForm { postcode: "75002".into(), country: "FR".into(), ..AddressForm::default() };
        let problem = PostalAddress::parse(&form).unwrap_err();
        assert_eq!(Locale::En.account_field_problem(&problem), "Please enter your name.");
        assert_eq!(Locale::Fr.account_field_problem(&problem), "Veuillez saisir votre nom complet.");
    }

    #[test]
    fn waits_and_devices_are_counted() {
        assert!(Locale::En.account_too_many_attempts(15).contains("wait 15 minutes"));
        assert!(Locale::En.account_too_many_attempts(1).contains("wait 1 minute "));
        assert!(Locale::Fr.account_too_many_attempts(60).contains("60\u{a0}minutes"));
        assert!(Locale::Fr.account_too_many_attempts(1).contains("1\u{a0}minute "));
        assert_eq!(
            Locale::En.account_password_changed(3),
            "Your password is changed, and your 3 other devices were signed out."
        );
        assert!(Locale::Fr.account_password_changed(2).contains("vos 2 autres appareils"));
    }
}
