//! Sources and flows: the table of sources (reads of personal data), how a value sent to a sink
//! becomes flows (or hits pending on the parameters of the function being summarised), and the
//! end of a file's analysis, which summarises what nothing called and keeps the flows that
//! explain best (see [`Engine::finish`]).

use super::engine::Engine;
use super::outcome::{Flow, LinkedFile, Outcome, SinkSite, SourceInfo};
use super::scope::PendingHit;
use super::value::*;
use crate::catalog::CategoryId;
use crate::parse::{local, FileId};
use crate::report::Evidence;
use crate::source::{snippet, ByteSpan};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;

impl<'a> Engine<'a> {
    pub(super) fn new_source(
        &mut self,
        span: ByteSpan,
        category: CategoryId,
        desc: String,
        evidence: Evidence,
    ) -> Label {
        let key = (span, category, evidence <= Evidence::Slot);
        let id = match self.source_ids.get(&key) {
            Some(&id) => {
                // The same read, now known for what it is (a form field, not just a name).
                let known = &mut self.sources[id as usize];
                if evidence > known.evidence {
                    known.evidence = evidence;
                    known.desc = desc;
                }
                id
            }
            None => {
                let id = self.sources.len() as SourceId;
                let expr = snippet(self.file_text(span), local(span), 120);
                self.sources.push(SourceInfo {
                    span,
                    category,
                    desc,
                    expr,
                    evidence,
                });
                self.source_ids.insert(key, id);
                id
            }
        };
        Label {
            origin: Origin::Source(id),
            steps: Steps::default(),
        }
    }

    /// Records `value`, sent as argument `arg` of a sink, as flows (or as pending hits of the
    /// summary being built, for the parts that come from parameters).
    pub(super) fn send_to_sink(&mut self, site: &Rc<SinkSite>, arg: usize, value: &Value) {
        let mut parts = Vec::new();
        value.flatten("", 0, &mut parts);
        for (key, label) in parts {
            self.emit(site, arg, key, label);
        }
    }

    pub(super) fn emit(&mut self, site: &Rc<SinkSite>, arg: usize, key: String, label: Label) {
        match &label.origin {
            Origin::Source(id) => {
                let source_span = self.sources[*id as usize].span;
                if self.modules.in_module() || FileId::of(source_span) != FileId::MAIN {
                    let steps = label.steps.to_vec();
                    if self.inside_one_module(source_span, site.span, &steps) {
                        return;
                    }
                }
                if self.flow_keys.insert((*id, site.span, key.clone())) {
                    self.flows.push(Flow {
                        source: *id,
                        sink: site.clone(),
                        key,
                        arg,
                        steps: label.steps.to_vec(),
                    });
                }
            }
            Origin::Param { .. } => {
                let frame = self.frames.last_mut().expect("a frame is always active");
                if frame.hits.len() < 256 {
                    frame.hits.push(PendingHit {
                        sink: site.clone(),
                        key,
                        arg,
                        label,
                    });
                }
            }
        }
    }

    /// Summarises every function nothing called (exported helpers, handlers wired up
    /// elsewhere), so the flows inside them are reported too, and returns the result.
    pub fn finish(mut self) -> Outcome {
        // Functions never called are summarised now, for the flows inside them; one whose body
        // was walked for an SDK handle (`(function ($) {…})(jQuery)`) already was.
        let walked: HashSet<usize> = self.handle_summaries.keys().map(|(f, _)| *f).collect();
        let mut i = 0;
        while i < self.funcs.len() {
            if self.funcs[i].summary.is_none() && !self.funcs[i].busy && !walked.contains(&i) {
                self.summarize(i);
            }
            i += 1;
        }
        // A method summarised before another assigned the fields it reads (`flush()` before
        // `remember()` filled `this.pending`) is summarised again, once, with the instance
        // all members made.
        for i in 0..self.funcs.len() {
            let Some(c) = self.funcs[i].class else {
                continue;
            };
            if self.funcs[i].summary.is_some()
                && self.funcs[i].seen_version < self.classes[c].version
            {
                self.funcs[i].summary = None;
                self.summarize(i);
            }
        }
        // Calls that belong to another SDK on a page that configures it (`gtag('set',
        // 'user_data', …)` where the file has a Google Ads id) are that SDK's.
        if !self.page_marks.is_empty() {
            let marks = &self.page_marks;
            let mut moved: HashMap<*const SinkSite, Rc<SinkSite>> = HashMap::default();
            for f in &mut self.flows {
                let Some(p) = f.sink.page_sdk else { continue };
                if !marks.contains(&(FileId::of(f.sink.span), p)) {
                    continue;
                }
                let site = moved.entry(Rc::as_ptr(&f.sink)).or_insert_with(|| {
                    let mut s = (*f.sink).clone();
                    s.sdk = p;
                    s.page_sdk = None;
                    Rc::new(s)
                });
                f.sink = site.clone();
            }
        }
        // A name-judged source (`user.email`, a parameter named `email`) adds nothing where a
        // stronger source of the same category reaches the same sink key: that read (or the
        // caller's value) is the better explanation.
        let sources = &self.sources;
        let place = |f: &Flow| {
            let s = &sources[f.source as usize];
            ((f.sink.span, f.key.clone(), s.category), s.evidence)
        };
        let mut strongest: HashMap<(ByteSpan, String, CategoryId), Evidence> = HashMap::default();
        for f in &self.flows {
            let (at, e) = place(f);
            strongest
                .entry(at)
                .and_modify(|x| *x = (*x).max(e))
                .or_insert(e);
        }
        self.flows.retain(|f| {
            let (at, e) = place(f);
            e >= strongest[&at]
        });
        // A vendor slot's guess adds nothing where a read of that category reaches the call
        // under any key (`fbq('init', id, am)` called with `{ em: emailInput.value }`); a guess
        // about a parameter nothing where callers' data reaches the call at all.
        let seen: HashSet<(ByteSpan, Option<CategoryId>)> = self
            .flows
            .iter()
            .filter(|f| sources[f.source as usize].evidence > Evidence::Slot)
            .flat_map(|f| {
                let c = sources[f.source as usize].category;
                [(f.sink.span, Some(c)), (f.sink.span, None)]
            })
            .collect();
        self.flows.retain(|f| {
            let s = &sources[f.source as usize];
            match s.evidence {
                Evidence::SlotParam => !seen.contains(&(f.sink.span, None)),
                Evidence::Slot => !seen.contains(&(f.sink.span, Some(s.category))),
                _ => true,
            }
        });
        // Parameter names are guesses: one per sink key and category says all there is (a
        // wrapper calling a wrapper would otherwise report each one's parameter).
        let mut guessed: HashSet<(ByteSpan, String, CategoryId)> = HashSet::default();
        let sources = &self.sources;
        self.flows.sort_by_key(|f| f.steps.len());
        self.flows.retain(|f| {
            let s = &sources[f.source as usize];
            s.evidence != Evidence::ParamName
                || guessed.insert((f.sink.span, f.key.clone(), s.category))
        });
        // A classic script's top-level functions that send their parameters are page globals.
        for (name, fid) in std::mem::take(&mut self.classic_functions) {
            let sends = self.funcs[fid]
                .summary
                .as_ref()
                .is_some_and(|s| !s.hits.is_empty());
            if sends && !self.global_methods.contains(&name) {
                self.global_methods.push(name);
            }
        }
        // Does this file define a wrapper: a function whose parameters reach an SDK call, or
        // one named for an SDK that hands out its API (`getSentry()`; importers load only
        // such names for what they return)?
        let sdks = &self.cat.sdks;
        let wrapper = self.funcs.iter().any(|f| {
            FileId::of(f.node_span()) == FileId::MAIN
                && f.summary.as_ref().is_some_and(|s| {
                    !s.hits.is_empty()
                        || (matches!(&s.ret.kind, Kind::Global(p) if sdks.is_handle(p))
                            && sdks.named_in(f.name.rsplit('.').next().unwrap_or(&f.name)))
                })
        });
        let files = self
            .modules
            .files
            .drain(..)
            .map(|f| LinkedFile {
                display: f.display,
                text: f.text.into(),
            })
            .collect();
        Outcome {
            sources: self.sources,
            flows: self.flows,
            files,
            wrapper,
            global_methods: self.global_methods,
            configured_sinks_used: self.configured_sinks_used.into_iter().collect(),
        }
    }
}
