//! The FAQ's shape: groups (`## Group {#id}`) of questions
//! (`### Question? {#id}`), each answered in the Markdown under it.

use super::facts::Facts;
use super::markdown::{all_known, fill, parts, DocumentError};

/// A question and its answer, in Markdown, filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub question: String,
    pub answer: String,
}

/// A group of questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub heading: String,
    pub questions: Vec<Question>,
}

/// The FAQ: its title, lede and groups.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Faq {
    pub title: String,
    pub lede: String,
    pub groups: Vec<Group>,
}

/// Why the FAQ's file is not in its shape.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FaqError {
    #[error(transparent)]
    Document(#[from] DocumentError),
    #[error("heading {0:?} has no {{#id}}")]
    NoId(String),
    #[error("question {0:?} comes before any group")]
    Orphan(String),
    #[error("text before the first group: {0:?}")]
    Stray(String),
}

/// A heading's text and its `{#id}`.
fn heading(line: &str) -> Result<(String, String), FaqError> {
    let line = line.trim();
    let open = line.rfind("{#").filter(|_| line.ends_with('}')).ok_or_else(|| FaqError::NoId(line.to_owned()))?;
    let id = line[open + 2..line.len() - 1].trim();
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err(FaqError::NoId(line.to_owned()));
    }
    Ok((line[..open].trim().to_owned(), id.to_owned()))
}

/// Reads the FAQ and fills its answers; a question whose answer names a
/// fact the shop does not have now (no gift on offer) is left out whole.
pub fn parse(markdown: &str, facts: &Facts) -> Result<Faq, FaqError> {
    let page = parts(markdown)?;
    let mut groups: Vec<Group> = Vec::new();
    // The question being read, and its answer's lines.
    let mut open: Option<(String, String, Vec<&str>)> = None;
    let close = |open: &mut Option<(String, String, Vec<&str>)>, groups: &mut Vec<Group>| -> Result<(), FaqError> {
        if let Some((id, question, lines)) = open.take() {
            let answer = lines.join("\n");
            if all_known(&answer, facts)? && all_known(&question, facts)? {
                let group = groups.last_mut().ok_or_else(|| FaqError::Orphan(question.clone()))?;
                group.questions.push(Question {
                    id,
                    question: fill(&question, facts)?,
                    answer: fill(answer.trim(), facts)?,
                });
            }
        }
        Ok(())
    };
    for line in page.body.lines() {
        if let Some(rest) = line.strip_prefix("### ") {
            close(&mut open, &mut groups)?;
            if groups.is_empty() {
                return Err(FaqError::Orphan(rest.to_owned()));
            }
            let (question, id) = heading(rest)?;
            open = Some((id, question, Vec::new()));
        } else if let Some(rest) = line.strip_prefix("## ") {
            close(&mut open, &mut groups)?;
            let (heading, id) = heading(rest)?;
            groups.push(Group { id, heading, questions: Vec::new() });
        } else if let Some((_, _, lines)) = open.as_mut() {
            lines.push(line);
        } else if !line.trim().is_empty() {
            return Err(FaqError::Stray(line.to_owned()));
        }
    }
    close(&mut open, &mut groups)?;
    Ok(Faq { title: page.title.to_owned(), lede: page.lede.to_owned(), groups })
}

#[cfg(test)]
mod tests {
    use super::super::facts::Fact;
    use super::*;

    const FAQ: &str = "# FAQ\n\nAnswers.\n\n## Returns {#returns}\n\n### How long? {#window}\n\n{{return_window_days}} days.\n\n### A gift? {#gift}\n\nAbove {{gift_threshold}}.\n\n## Care {#care}\n\n### Pearls? {#pearls}\n\nLast on, first off.\n";

    #[test]
    fn groups_hold_their_questions_and_a_question_without_its_fact_goes() {
        let mut facts = Facts::default();
        facts.set(Fact::ReturnWindowDays, "30");
        let faq = parse(FAQ, &facts).unwrap();
        assert_eq!((faq.title.as_str(), faq.lede.as_str()), ("FAQ", "Answers."));
        let ids: Vec<(&str, Vec<&str>)> =
            faq.groups.iter().map(|g| (g.id.as_str(), g.questions.iter().map(|q| q.id.as_str()).collect())).collect();
        assert_eq!(ids, vec![("returns", vec!["window"]), ("care", vec!["pearls"])]);
        assert_eq!(faq.groups[0].questions[0].answer, "30 days.");
        facts.set(Fact::GiftThreshold, "€500.00");
        assert_eq!(parse(FAQ, &facts).unwrap().groups[0].questions.len(), 2);
    }

    #[test]
    fn headings_need_their_ids() {
        assert_eq!(parse("# F\n\nL.\n\n## Returns\n", &Facts::default()), Err(FaqError::NoId("Returns".into())));
        assert!(matches!(parse("# F\n\nL.\n\n### Q {#q}\n", &Facts::default()), Err(FaqError::Orphan(_))));
        assert!(matches!(parse("# F\n\nL.\n\nstray\n\n## G {#g}\n", &Facts::default()), Err(FaqError::Stray(_))));
    }
}
