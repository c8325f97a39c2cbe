//! The take-home list: what a visitor still has to do, as short plain text held in one QR code.
//!
//! At a stand the visitor leaves with their phone: scanning the code shows the pack's title and, for each
//! step not done, its title and the pages that start it (the store pages of the first app a step suggests,
//! so the maps app can be installed on the bus home). Plain text because any phone camera reads it
//! offline, with no app and no server; short because it must scan from a screen at arm's length, so it
//! holds no explanation (those stay in the app and the printed report).
//!
//! A list too long for one code (a volunteer's pack of many steps) keeps the steps' titles and leaves
//! their pages out, and says so: a visitor leaves with what to do rather than with nothing.
//!
//! It does not make the QR code (that is [`crate::qr`]) and does not judge steps (that is `checklist`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checklist::{Pack, Status, Step, StepResult};
use crate::i18n::Lang;
use crate::qr::{self, QrError};

/// The take-home list and its QR code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Takeaway {
    /// The text the QR code holds (shown beside it, too).
    pub text: String,
    /// The QR code as SVG markup made by [`crate::qr`]: safe to insert as markup. Low error correction: it
    /// is read from a screen, where nothing smudges it, and the text is long for a QR code.
    pub svg: String,
    /// The same list for paper, where a fold or a smudge hides part of it: medium error correction (a denser
    /// code, printed large enough to scan).
    pub print_svg: String,
    /// Steps listed (0: everything is done).
    pub steps: u32,
    /// The steps' pages were left out: with them, the list did not fit in a code.
    pub without_pages: bool,
}

/// The steps a take-home list names: every step whose status is not `done`, in pack order.
pub fn pending<'a>(pack: &'a Pack, results: &[StepResult]) -> Vec<&'a Step> {
    pack.steps
        .iter()
        .filter(|step| results.iter().find(|r| r.id == step.id).is_none_or(|r| r.status != Status::Done))
        .collect()
}

/// The pages that start a step on a phone: the QR targets of the first app the step suggests (all its
/// stores), else its first QR target, else its first link.
pub fn first_pages(step: &Step) -> Vec<&str> {
    match step.qr.first() {
        Some(first) => match &first.app {
            Some(app) => {
                step.qr.iter().filter(|q| q.app.as_deref() == Some(app)).map(|q| q.url.as_str()).collect()
            }
            None => vec![first.url.as_str()],
        },
        None => step.links.first().map(|l| l.url.as_str()).into_iter().collect(),
    }
}

/// The take-home text for a pack judged as `results`.
pub fn text(pack: &Pack, results: &[StepResult], lang: Lang) -> String {
    text_with(pack, results, lang, true)
}

/// The take-home text without the steps' pages: what a list too long for a code keeps.
pub fn titles_text(pack: &Pack, results: &[StepResult], lang: Lang) -> String {
    text_with(pack, results, lang, false)
}

/// The take-home text, with or without the pages that start each step.
fn text_with(pack: &Pack, results: &[StepResult], lang: Lang, pages: bool) -> String {
    let steps = pending(pack, results);
    let mut out = pack.title.render(lang).into_owned();
    if steps.is_empty() {
        out.push_str(match lang {
            Lang::Fr => "\u{202F}: tout est fait, bravo\u{202F}!",
            Lang::En => ": all done, well done!",
        });
        return out;
    }
    out.push_str(match lang {
        Lang::Fr => " — à faire\u{202F}:",
        Lang::En => " — to do:",
    });
    for step in steps {
        out.push_str("\n- ");
        out.push_str(&step.title.render(lang));
        if pages {
            for url in first_pages(step) {
                out.push('\n');
                out.push_str(url);
            }
        }
    }
    out
}

/// The take-home text a code holds, with its printed code (the denser one): with the steps' pages when
/// it can, else the titles alone; and whether the pages were left out.
fn fitting(pack: &Pack, results: &[StepResult], lang: Lang) -> Result<(String, qr::QrMatrix, bool), QrError> {
    let full = text(pack, results, lang);
    match qr::encode(&full) {
        Ok(code) => Ok((full, code, false)),
        Err(_) => {
            let titles = titles_text(pack, results, lang);
            let code = qr::encode(&titles)?;
            Ok((titles, code, true))
        }
    }
}

/// The take-home text a code holds (see [`takeaway`]): the screen, the paper and the reports all give
/// this one.
pub fn text_that_fits(pack: &Pack, results: &[StepResult], lang: Lang) -> String {
    match fitting(pack, results, lang) {
        Ok((text, _, _)) => text,
        Err(_) => titles_text(pack, results, lang),
    }
}

/// The take-home list with its QR codes, for the screen and for paper; without the steps' pages when
/// the list with them does not fit in a code.
pub fn takeaway(pack: &Pack, results: &[StepResult], lang: Lang) -> Result<Takeaway, QrError> {
    let (text, printed, without_pages) = fitting(pack, results, lang)?;
    let svg = qr::encode_with(&text, qr::Correction::Low)?.to_svg();
    let steps = pending(pack, results).len() as u32;
    Ok(Takeaway { svg, print_svg: printed.to_svg(), text, steps, without_pages })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::audit::Audit;
    use crate::checklist::{evaluate, Answer, Answers, Library};
    use crate::OsFamily;

    fn library() -> Library {
        Library::builtin().unwrap()
    }

    fn results(pack: &Pack, lib: &Library, answers: &Answers) -> Vec<StepResult> {
        evaluate(pack, &Audit::empty(OsFamily::Linux), &lib.reference, answers, Lang::Fr)
    }

    #[test]
    fn lists_what_is_left_with_the_maps_store_pages() {
        let lib = library();
        let pack = lib.pack("premiers-pas").unwrap();
        let text = text(pack, &results(pack, &lib, &Answers::none()), Lang::Fr);
        assert!(text.starts_with("Premiers pas — à faire\u{202F}:"), "{text}");
        let maps = pack.step("private-maps").unwrap();
        let first_app = maps.qr[0].app.clone().unwrap();
        for q in maps.qr.iter().filter(|q| q.app.as_ref() == Some(&first_app)) {
            assert!(text.contains(&q.url), "{} missing from\n{text}", q.url);
        }
        // Only the first app: the others would make the code too dense.
        assert!(maps
            .qr
            .iter()
            .filter(|q| q.app.as_ref() != Some(&first_app))
            .all(|q| !text.contains(&q.url)));
        for step in &pack.steps {
            assert!(text.contains(&*step.title.render(Lang::Fr)), "{}", step.id);
        }
    }

    #[test]
    fn done_steps_are_left_out() {
        let lib = library();
        let pack = lib.pack("premiers-pas").unwrap();
        let mut answers = Answers::none();
        answers.0.insert("private-maps".into(), Answer::Done);
        let results = results(pack, &lib, &answers);
        let text = text(pack, &results, Lang::En);
        assert!(!text.contains(pack.step("private-maps").unwrap().title.get(Lang::En)), "{text}");
        assert!(text.contains(pack.step("firefox").unwrap().title.get(Lang::En)), "{text}");
        assert_eq!(takeaway(pack, &results, Lang::En).unwrap().steps, pack.steps.len() as u32 - 1);

        let all_done: Vec<StepResult> =
            results.into_iter().map(|r| StepResult { status: Status::Done, ..r }).collect();
        let done = takeaway(pack, &all_done, Lang::En).unwrap();
        assert_eq!(done.steps, 0);
        assert_eq!(done.text, "First steps: all done, well done!");
    }

    #[test]
    fn paper_gets_the_code_with_more_correction() {
        let lib = library();
        let pack = lib.pack("premiers-pas").unwrap();
        let t = takeaway(pack, &results(pack, &lib, &Answers::none()), Lang::Fr).unwrap();
        assert_eq!(t.svg, qr::encode_with(&t.text, qr::Correction::Low).unwrap().to_svg());
        assert_eq!(t.print_svg, qr::encode_with(&t.text, qr::Correction::Medium).unwrap().to_svg());
        assert_ne!(t.svg, t.print_svg);
    }

    /// A pack of `steps` steps, each with a long first page, as a volunteer may write one.
    pub(crate) fn long_pack(steps: usize, title: &str) -> String {
        let mut text = String::from(
            "id = \"long\"\nreviewed = 2026-11-01\ntitle = { fr = \"Long\", en = \"Long\" }\n\
             description = { fr = \"Un long parcours.\", en = \"A long pack.\" }\n",
        );
        for i in 0..steps {
            text.push_str(&format!(
                "\n[[step]]\nid = \"step-{i}\"\nreviewed = 2026-11-01\nchecks = [\"manual\"]\n\
                 title = {{ fr = \"{title} {i}\", en = \"{title} {i}\" }}\n\
                 why = {{ fr = \"Parce que.\", en = \"Because.\" }}\n\
                 how.default = {{ fr = \"Faites-le.\", en = \"Do it.\" }}\n\
                 [[step.links]]\nlabel = {{ fr = \"La page\", en = \"The page\" }}\n\
                 url = \"https://example.org/a/rather/long/address/for/step/{i}/of/this/pack\"\nkind = \"web\"\n"
            ));
        }
        text
    }

    #[test]
    fn a_list_too_long_for_a_code_keeps_the_titles_and_leaves_the_pages_out() {
        let lib = library();
        let pack = Pack::from_text("long.toml", &long_pack(18, "Une étape"), &lib.reference).unwrap();
        let results = results_of(&pack, &lib);
        assert!(text(&pack, &results, Lang::Fr).len() > qr::MAX_BYTES, "the full list is too long");
        let t = takeaway(&pack, &results, Lang::Fr).unwrap();
        assert!(t.without_pages);
        assert_eq!(t.steps, 18);
        assert!(!t.text.contains("https://"), "{}", t.text);
        assert_eq!(t.text.matches("\n- ").count(), 18, "{}", t.text);
        assert_eq!(t.svg, qr::encode_with(&t.text, qr::Correction::Low).unwrap().to_svg());

        // A shipped pack's list keeps its pages.
        let shipped = lib.pack("premiers-pas").unwrap();
        assert!(!takeaway(shipped, &results_of(shipped, &lib), Lang::Fr).unwrap().without_pages);
    }

    #[test]
    fn a_pack_whose_titles_alone_do_not_fit_a_code_is_refused() {
        let lib = library();
        let long_titles = "Une étape au titre vraiment très long, bien plus long qu’il ne faudrait";
        let err = Pack::from_text("long.toml", &long_pack(18, long_titles), &lib.reference).unwrap_err();
        assert!(err.to_string().contains("the titles of all the steps are"), "{err}");
    }

    fn results_of(pack: &Pack, lib: &Library) -> Vec<StepResult> {
        results(pack, lib, &Answers::none())
    }

    /// The worst case (nothing done) of every shipped pack, in both languages, must stay a code a phone
    /// reads from a screen: at most version 18 (89×89 modules) at low error correction.
    #[test]
    fn fits_a_code_readable_from_a_screen() {
        let lib = library();
        for pack in &lib.packs {
            for lang in Lang::ALL {
                let text = text(pack, &results(pack, &lib, &Answers::none()), lang);
                let matrix = qr::encode_with(&text, qr::Correction::Low).unwrap();
                eprintln!("{} {lang}: {} bytes, version {}", pack.id, text.len(), matrix.version);
                assert!(text.len() <= 700, "{} {lang}: {} bytes\n{text}", pack.id, text.len());
                assert!(matrix.version <= 18, "{} {lang}: version {}", pack.id, matrix.version);
            }
        }
    }
}
