//! Texts of the back office's promo codes and gift (issue 16 part 3).

use super::texts;
use crate::domain::{
    gift::{GiftProblem, GiftTerms},
    locale::Locale,
    money::Money,
    promo::Discount,
    promo_editor::{DiscountKind, PromoPhase, PromoProblem},
};

texts! {
    staff_nav_promos { fr: "Codes promo", en: "Promo codes" }
    staff_nav_gift { fr: "Cadeau", en: "Gift" }

    // The list of codes and the new code's form.
    staff_promos_title { fr: "Codes promo · Back-office", en: "Promo codes · Back office" }
    staff_promos_heading { fr: "Codes promo", en: "Promo codes" }
    staff_promos_intro {
        fr: "Un code s’applique aux pièces qui ne sont pas en solde, un seul par commande. Un code déjà utilisé garde ses conditions : on peut encore l’arrêter ou déplacer son dernier jour.",
        en: "A code applies to pieces that are not on sale, one per order. A code already used keeps its terms: it can still be ended, or its last day moved.",
    }
    staff_promos_none { fr: "Aucun code promo pour le moment.", en: "No promo code yet." }
    staff_promo_col_terms { fr: "Conditions", en: "Terms" }
    staff_promo_col_state { fr: "État", en: "State" }
    staff_promo_col_uses { fr: "Commandes", en: "Orders" }
    staff_promo_new_heading { fr: "Nouveau code", en: "New code" }
    staff_promo_code_label { fr: "Code", en: "Code" }
    staff_promo_code_hint {
        fr: "3 à 32 lettres, chiffres ou tirets ; les clients le saisissent sans tenir compte des majuscules.",
        en: "3 to 32 letters, digits or hyphens; shoppers may type it in any case.",
    }
    staff_promo_kind_legend { fr: "Remise", en: "Discount" }
    staff_promo_amount_label { fr: "Montant", en: "Amount" }
    staff_promo_amount_hint {
        fr: "Un pourcentage de 1 à 100, ou un montant en euros (par exemple 50 ou 49,90).",
        en: "A percentage from 1 to 100, or an amount in euros (50 or 49.90, for instance).",
    }
    staff_promo_first_day_label { fr: "Premier jour (heure de Paris)", en: "First day (Paris time)" }
    staff_promo_last_day_label { fr: "Dernier jour (facultatif)", en: "Last day (optional)" }
    staff_promo_minimum_label {
        fr: "Montant minimum du panier en euros (facultatif)",
        en: "Minimum basket in euros (optional)",
    }
    staff_promo_create { fr: "Créer le code", en: "Create the code" }

    // One code's page.
    staff_promo_saved { fr: "Le code est enregistré.", en: "The code is saved." }
    staff_promo_ended_said {
        fr: "Le code est arrêté : les clients qui le saisissent apprennent qu’il n’est pas valable.",
        en: "The code is ended: shoppers who type it are told it is not valid.",
    }
    staff_promo_used_note {
        fr: "Ce code a déjà servi : ses conditions restent celles des commandes qui l’ont utilisé. Seul son dernier jour peut changer.",
        en: "This code has been used: its terms stay those of the orders that used it. Only its last day can change.",
    }
    staff_promo_edit_heading { fr: "Modifier", en: "Edit" }
    staff_promo_save { fr: "Enregistrer", en: "Save" }
    staff_promo_end_heading { fr: "Arrêter le code", en: "End the code" }
    staff_promo_end_intro {
        fr: "Le code cesse de fonctionner tout de suite. Il reste dans la liste avec son historique.",
        en: "The code stops working at once. It stays in the list with its history.",
    }
    staff_promo_end { fr: "Arrêter ce code maintenant", en: "End this code now" }
    staff_promo_back { fr: "Tous les codes promo", en: "All promo codes" }
    staff_promo_bad_revision {
        fr: "Ce formulaire est incomplet. Rechargez la page et réessayez.",
        en: "This form is incomplete. Reload the page and try again.",
    }

    // The gift page.
    staff_gift_title { fr: "Cadeau · Back-office", en: "Gift · Back office" }
    staff_gift_heading { fr: "Cadeau offert", en: "Gift with purchase" }
    staff_gift_intro {
        fr: "Le cadeau est proposé dans le panier à partir du montant indiqué (pièces seules, hors livraison). Le client choisit de l’ajouter ; il disparaît si le panier repasse sous ce montant.",
        en: "The basket offers the gift from the amount set here (pieces only, before delivery). The shopper chooses to add it; it goes if the basket falls below that amount.",
    }
    staff_gift_none { fr: "Aucun cadeau n’est prévu.", en: "No gift is set up." }
    staff_gift_saved {
        fr: "Le cadeau est enregistré ; les paniers et les pages l’indiquent dès maintenant.",
        en: "The gift is saved; baskets and pages show it from now on.",
    }
    staff_gift_name_en { fr: "Nom en anglais", en: "Name in English" }
    staff_gift_name_fr { fr: "Nom en français", en: "Name in French" }
    staff_gift_description_en { fr: "Description en anglais", en: "Description in English" }
    staff_gift_description_fr { fr: "Description en français", en: "Description in French" }
    staff_gift_threshold { fr: "Offert à partir de (euros)", en: "Offered from (euros)" }
    staff_gift_offered { fr: "Proposer ce cadeau", en: "Offer this gift" }
    staff_gift_save { fr: "Enregistrer le cadeau", en: "Save the gift" }
}

impl Locale {
    /// A kind of discount, in the form's choice.
    pub fn staff_promo_kind(self, kind: DiscountKind) -> &'static str {
        match (self, kind) {
            (Locale::Fr, DiscountKind::Percent) => "Pourcentage",
            (Locale::Fr, DiscountKind::Fixed) => "Montant fixe",
            (Locale::En, DiscountKind::Percent) => "Percentage",
            (Locale::En, DiscountKind::Fixed) => "Fixed amount",
        }
    }

    /// Where a code stands.
    pub fn staff_promo_phase(self, phase: PromoPhase) -> &'static str {
        match (self, phase) {
            (Locale::Fr, PromoPhase::Scheduled) => "À venir",
            (Locale::Fr, PromoPhase::Running) => "En cours",
            (Locale::Fr, PromoPhase::Ended) => "Terminé",
            (Locale::En, PromoPhase::Scheduled) => "Scheduled",
            (Locale::En, PromoPhase::Running) => "Running",
            (Locale::En, PromoPhase::Ended) => "Ended",
        }
    }

    /// A code's terms in a sentence: `10 % · du 1 déc. 2026 au 31 déc. 2026 · dès 300,00 €`.
    pub fn staff_promo_terms(
        self,
        discount: Discount,
        first: &str,
        last: Option<&str>,
        minimum: Option<Money>,
    ) -> String {
        let off = match (self, discount) {
            (Locale::Fr, Discount::Percent(p)) => format!("{p}\u{a0}% de remise"),
            (Locale::En, Discount::Percent(p)) => format!("{p}% off"),
            (Locale::Fr, Discount::Fixed(m)) => format!("{} de remise", self.money(m)),
            (Locale::En, Discount::Fixed(m)) => format!("{} off", self.money(m)),
        };
        let window = match (self, last) {
            (Locale::Fr, Some(last)) => format!("du {first} au {last}"),
            (Locale::Fr, None) => format!("à partir du {first}, sans fin"),
            (Locale::En, Some(last)) => format!("{first} to {last}"),
            (Locale::En, None) => format!("from {first}, no end"),
        };
        let minimum = match (self, minimum) {
            (Locale::Fr, Some(m)) => format!("dès {} d’achat", self.money(m)),
            (Locale::Fr, None) => "sans minimum".to_owned(),
            (Locale::En, Some(m)) => format!("from {} spent", self.money(m)),
            (Locale::En, None) => "no minimum".to_owned(),
        };
        format!("{off} · {window} · {minimum}")
    }

    pub fn staff_promo_heading(self, code: &str) -> String {
        match self {
            Locale::Fr => format!("Code promo {code}"),
            Locale::En => format!("Promo code {code}"),
        }
    }

    /// Why the code form was refused.
    pub fn staff_promo_problem(self, problem: PromoProblem) -> &'static str {
        let fr = self == Locale::Fr;
        match problem {
            PromoProblem::Code if fr => "Le code doit compter de 3 à 32 lettres, chiffres ou tirets.",
            PromoProblem::Code => "The code must be 3 to 32 letters, digits or hyphens.",
            PromoProblem::Kind if fr => "Choisissez un pourcentage ou un montant fixe.",
            PromoProblem::Kind => "Choose a percentage or a fixed amount.",
            PromoProblem::Percent if fr => "Le pourcentage doit être un nombre entier de 1 à 100.",
            PromoProblem::Percent => "The percentage must be a whole number from 1 to 100.",
            PromoProblem::Amount if fr => "Saisissez un montant en euros supérieur à zéro, comme 50 ou 49,90.",
            PromoProblem::Amount => "Type an amount in euros above zero, such as 50 or 49.90.",
            PromoProblem::FirstDay if fr => "Saisissez le premier jour au format AAAA-MM-JJ.",
            PromoProblem::FirstDay => "Type the first day as YYYY-MM-DD.",
            PromoProblem::LastDay if fr => "Saisissez le dernier jour au format AAAA-MM-JJ, ou laissez-le vide.",
            PromoProblem::LastDay => "Type the last day as YYYY-MM-DD, or leave it empty.",
            PromoProblem::LastBeforeFirst if fr => "Le dernier jour précède le premier.",
            PromoProblem::LastBeforeFirst => "The last day is before the first.",
            PromoProblem::Minimum if fr => "Saisissez le minimum en euros, comme 300, ou laissez-le vide.",
            PromoProblem::Minimum => "Type the minimum in euros, such as 300, or leave it empty.",
            PromoProblem::EndedStaysEnded if fr => {
                "Un code terminé le reste : son dernier jour ne peut pas être repoussé. Créez un nouveau code."
            }
            PromoProblem::EndedStaysEnded => "An ended code stays ended: its last day cannot move later. Create a new code.",
            PromoProblem::UsedTermsFixed if fr => {
                "Ce code a déjà servi : sa remise, son premier jour et son minimum ne peuvent plus changer. Arrêtez-le et créez-en un autre."
            }
            PromoProblem::UsedTermsFixed => {
                "This code has been used: its discount, first day and minimum can no longer change. End it and create another."
            }
        }
    }

    pub fn staff_promo_exists(self, code: &str) -> String {
        match self {
            Locale::Fr => {
                format!("Le code {code} existe déjà (il reste enregistré même arrêté). Choisissez un autre nom.")
            }
            Locale::En => {
                format!("The code {code} exists already (a code stays on record once ended). Choose another name.")
            }
        }
    }

    /// A save refused because the code changed since the page showed it.
    pub fn staff_promo_changed(self, code: &str, now_is: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Le code {code} a été modifié entre-temps ; il est maintenant : {now_is}. Rien n’a été enregistré : rechargez la page et recommencez."
            ),
            Locale::En => format!(
                "The code {code} was changed meanwhile; it is now: {now_is}. Nothing was saved: reload the page and try again."
            ),
        }
    }

    pub fn staff_promo_already_ended(self, code: &str) -> String {
        match self {
            Locale::Fr => format!("Le code {code} est déjà terminé."),
            Locale::En => format!("The code {code} has ended already."),
        }
    }

    /// Why the gift form was refused.
    pub fn staff_gift_problem(self, problem: GiftProblem) -> &'static str {
        let fr = self == Locale::Fr;
        match problem {
            GiftProblem::NameEn if fr => "Saisissez le nom en anglais (80 caractères au plus).",
            GiftProblem::NameEn => "Type the name in English (80 characters at most).",
            GiftProblem::NameFr if fr => "Saisissez le nom en français (80 caractères au plus).",
            GiftProblem::NameFr => "Type the name in French (80 characters at most).",
            GiftProblem::DescriptionEn if fr => "Saisissez la description en anglais (600 caractères au plus).",
            GiftProblem::DescriptionEn => "Type the description in English (600 characters at most).",
            GiftProblem::DescriptionFr if fr => "Saisissez la description en français (600 caractères au plus).",
            GiftProblem::DescriptionFr => "Type the description in French (600 characters at most).",
            GiftProblem::Threshold if fr => "Saisissez le montant en euros, comme 500 ou 499,90.",
            GiftProblem::Threshold => "Type the amount in euros, such as 500 or 499.90.",
        }
    }

    /// A gift's terms in a sentence, for a refusal that says what changed.
    pub fn staff_gift_terms(self, terms: &GiftTerms) -> String {
        let amount = self.money(terms.threshold);
        match (self, terms.offered) {
            (Locale::Fr, true) => format!("«\u{a0}{}\u{a0}», offert dès {amount}", terms.name_fr),
            (Locale::Fr, false) => format!("«\u{a0}{}\u{a0}», dès {amount}, non proposé", terms.name_fr),
            (Locale::En, true) => format!("“{}”, offered from {amount}", terms.name_en),
            (Locale::En, false) => format!("“{}”, from {amount}, not offered", terms.name_en),
        }
    }

    pub fn staff_gift_changed(self, now_is: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Le cadeau a été modifié entre-temps ; il est maintenant : {now_is}. Rien n’a été enregistré : rechargez la page et recommencez."
            ),
            Locale::En => {
                format!("The gift was changed meanwhile; it is now: {now_is}. Nothing was saved: reload the page and try again.")
            }
        }
    }
}
