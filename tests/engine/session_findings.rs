//! `session::findings_worker` without the GUI: the sentences are the ones
//! written on the spot from each criterion's curve (in the language asked,
//! rewritten on a language change without recomputing), a newer request
//! tells the older computation to stop, and nothing to rank gives no
//! sentence at once.

use std::sync::atomic::Ordering;
use std::time::Duration;
use tradeoff::analysis::{Evaluation, Method, evaluate};
use tradeoff::charts::curve_for;
use tradeoff::model::{Lang, Scenario};
use tradeoff::report::sensitivity::describe;
use tradeoff::session::findings_worker::{FindingsWorker, GRID_POINTS};

fn bundled() -> Scenario {
    tradeoff::io::ron_file::parse(tradeoff::DEFAULT_SCENARIO, "canada-2016.ron").expect("bundled")
}

/// Polls until the worker answers its newest request.
fn wait_fresh(w: &mut FindingsWorker) {
    for _ in 0..4_000 {
        w.poll();
        if w.is_fresh() {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("the sentences never came");
}

fn sentences(w: &mut FindingsWorker, s: &Scenario, eval: &Evaluation, lang: Lang) -> Vec<String> {
    w.sentences(s, |m| (m == eval.method).then_some(eval), lang)
        .to_vec()
}

#[test]
fn session_findings_are_the_curves_sentences_in_the_language_asked() {
    let s = bundled();
    let eval = evaluate(&s, None, Method::Wsm).expect("valid");
    let mut w = FindingsWorker::default();
    w.request((1, Method::Wsm), Some(&eval.matrix), || {});
    wait_fresh(&mut w);
    let french = sentences(&mut w, &s, &eval, Lang::Fr);
    let m = eval.matrix.m();
    assert!(french.len() >= m + s.groups.len(), "criteria, then groups");
    for (j, line) in french.iter().take(m).enumerate() {
        let curve = curve_for(&eval.matrix, Method::Wsm, j, GRID_POINTS);
        assert_eq!(line, &describe(&s, &curve, Lang::Fr));
    }
    let english = sentences(&mut w, &s, &eval, Lang::En);
    let curve = curve_for(&eval.matrix, Method::Wsm, 0, GRID_POINTS);
    assert_eq!(english[0], describe(&s, &curve, Lang::En));
    assert_eq!(english.len(), french.len());
}

#[test]
fn session_a_newer_request_stops_the_older_and_wins() {
    let s = bundled();
    let wsm = evaluate(&s, None, Method::Wsm).expect("valid");
    let promethee = evaluate(&s, None, Method::Promethee2).expect("valid");
    let mut w = FindingsWorker::default();
    w.request((1, Method::Wsm), Some(&wsm.matrix), || {});
    let first = w.stop_flag().expect("a computation started");
    w.request((1, Method::Wsm), Some(&wsm.matrix), || {});
    assert!(
        !first.load(Ordering::Relaxed),
        "the same request starts nothing new"
    );
    w.request((1, Method::Promethee2), Some(&promethee.matrix), || {});
    assert!(
        first.load(Ordering::Relaxed),
        "the older computation is told to stop"
    );
    wait_fresh(&mut w);
    let lines = sentences(&mut w, &s, &promethee, Lang::En);
    let curve = curve_for(&promethee.matrix, Method::Promethee2, 0, GRID_POINTS);
    assert_eq!(lines[0], describe(&s, &curve, Lang::En));
}

#[test]
fn session_nothing_to_rank_gives_no_sentence_at_once() {
    let s = bundled();
    let eval = evaluate(&s, None, Method::Wsm).expect("valid");
    let mut w = FindingsWorker::default();
    w.request((7, Method::Wsm), None, || {});
    assert!(w.is_fresh(), "answered without a thread");
    assert!(sentences(&mut w, &s, &eval, Lang::En).is_empty());
}
