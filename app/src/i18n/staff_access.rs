//! Texts of the staff's sign-in safeguards (issue 16 part 5): the second
//! factor, its recovery codes, the password asked again before a
//! sensitive action, and the day's dashboard.

use super::texts;
use crate::domain::locale::{Locale, Plural};

texts! {
    // Errors of the staff functions.
    staff_second_factor_needed {
        fr: "Saisissez le code de votre application d’authentification pour ouvrir le back-office.",
        en: "Type the code from your authenticator app to open the back office.",
    }
    staff_password_again {
        fr: "Pour cette action, saisissez de nouveau votre mot de passe (il a été saisi il y a plus de 15 minutes).",
        en: "For this action, type your password again (it was typed more than 15 minutes ago).",
    }
    staff_password_again_wrong { fr: "Ce mot de passe n’est pas le bon.", en: "That password is not right." }
    /// The field a sensitive action's form shows when the password is asked again.
    staff_password_again_label {
        fr: "Votre mot de passe (demandé de nouveau pour cette action)",
        en: "Your password (asked again for this action)",
    }

    // The second factor's page.
    second_factor_title { fr: "Vérification · Back-office", en: "Verification · Back office" }
    second_factor_heading { fr: "Confirmez que c’est bien vous", en: "Confirm it is you" }
    second_factor_intro {
        fr: "Saisissez le code à six chiffres que montre votre application d’authentification, ou l’un de vos codes de secours.",
        en: "Type the six-digit code your authenticator app shows, or one of your recovery codes.",
    }
    second_factor_enrol_heading { fr: "Installez votre application d’authentification", en: "Set up your authenticator app" }
    second_factor_enrol_intro {
        fr: "Le back-office demande, à chaque connexion, un code donné par une application d’authentification (par exemple FreeOTP, Aegis ou Google Authenticator). Scannez ce QR code avec l’application, ou saisissez-y la clé, puis tapez ici le code à six chiffres qu’elle affiche.",
        en: "At every sign-in, the back office asks for a code from an authenticator app (FreeOTP, Aegis or Google Authenticator, for instance). Scan this QR code with the app, or type the key into it, then type here the six-digit code it shows.",
    }
    second_factor_qr_alt {
        fr: "QR code contenant la clé de votre application d’authentification",
        en: "QR code holding the key for your authenticator app",
    }
    second_factor_key { fr: "Clé à saisir dans l’application", en: "Key to type into the app" }
    second_factor_code_label { fr: "Code à six chiffres, ou code de secours", en: "Six-digit code, or a recovery code" }
    second_factor_enrol_code_label { fr: "Code à six chiffres affiché par l’application", en: "Six-digit code the app shows" }
    second_factor_button { fr: "Confirmer", en: "Confirm" }
    second_factor_not_a_code {
        fr: "Saisissez les six chiffres affichés par l’application (ou un code de secours, comme ABCDE-FGHIJ).",
        en: "Type the six digits the app shows (or a recovery code, such as ABCDE-FGHIJ).",
    }
    second_factor_wrong {
        fr: "Ce code n’est pas le bon, ou a déjà servi. Attendez le code suivant et réessayez.",
        en: "This code is not right, or was used already. Wait for the next code and try again.",
    }

    // The recovery codes, shown once after enrolment.
    recovery_title { fr: "Codes de secours · Back-office", en: "Recovery codes · Back office" }
    recovery_heading { fr: "Vos codes de secours", en: "Your recovery codes" }
    recovery_intro {
        fr: "Chaque code ouvre une fois le back-office si vous perdez votre téléphone. Ils ne sont affichés que maintenant : imprimez-les ou notez-les, et gardez-les loin de votre téléphone.",
        en: "Each code opens the back office once if you lose your phone. They are shown only now: print them or write them down, and keep them away from your phone.",
    }
    recovery_already {
        fr: "Vos codes de secours ont été affichés à l’installation de votre application, et ne le sont plus. Si vous les avez perdus, demandez à l’équipe technique de réinitialiser votre application d’authentification.",
        en: "Your recovery codes were shown when you set up your app, and are not shown again. If you have lost them, ask the engineers to reset your authenticator.",
    }
    recovery_continue { fr: "Continuer vers le back-office", en: "Continue to the back office" }

    // The day's dashboard.
    staff_nav_today { fr: "Aujourd’hui", en: "Today" }
    staff_dashboard_title { fr: "Aujourd’hui · Back-office", en: "Today · Back office" }
    staff_dashboard_heading { fr: "Aujourd’hui", en: "Today" }
    staff_dashboard_placed_today { fr: "Commandes passées aujourd’hui", en: "Orders placed today" }
    staff_dashboard_to_validate { fr: "Commandes à valider", en: "Orders to validate" }
    staff_dashboard_to_ship { fr: "Commandes à expédier", en: "Orders to ship" }
    staff_dashboard_returns_to_answer { fr: "Retours à accepter ou refuser", en: "Returns to approve or reject" }
    staff_dashboard_returns_to_inspect { fr: "Retours attendus, à inspecter à réception", en: "Returns on their way, to inspect on arrival" }
    staff_dashboard_inbox { fr: "Demandes ouvertes du service client", en: "Open client service requests" }
    staff_dashboard_all_done { fr: "Rien n’attend : tout est à jour.", en: "Nothing is waiting: all is up to date." }
}

impl Locale {
    /// How many recovery codes a member of staff has left.
    pub fn recovery_left(self, n: u64) -> String {
        let count = self.number(n);
        match (self, self.plural(n)) {
            (Locale::Fr, Plural::One) => format!("Il vous reste {count} code de secours."),
            (Locale::Fr, Plural::Many) => format!("Il vous reste {count} de codes de secours."),
            (Locale::Fr, Plural::Other) => format!("Il vous reste {count} codes de secours."),
            (Locale::En, Plural::One) => format!("You have {count} recovery code left."),
            (Locale::En, Plural::Many | Plural::Other) => format!("You have {count} recovery codes left."),
        }
    }
}
