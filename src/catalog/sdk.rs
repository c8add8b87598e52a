//! The tracker SDK catalog (sinks): one TOML file per SDK under `lints/sdks/`.

use serde::Deserialize;
use std::collections::HashMap;

include!(concat!(env!("OUT_DIR"), "/sdk_files.rs"));

/// How bad it is that personal data reaches this kind of SDK, before configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SdkClass {
    Advertising,
    Analytics,
    Replay,
    Monitoring,
    Crm,
    /// Live-chat and support widgets (Crisp, LiveChat, Zendesk, Tawk.to...).
    #[serde(rename = "support-chat")]
    SupportChat,
    /// Server-side libraries (`@segment/analytics-node`, `posthog-node`, `@sentry/node`...):
    /// the data leaves from the site's own server, not the visitor's browser.
    #[serde(rename = "server-side")]
    ServerSide,
}

impl SdkClass {
    pub fn as_str(self) -> &'static str {
        match self {
            SdkClass::Advertising => "advertising",
            SdkClass::Analytics => "analytics",
            SdkClass::Replay => "replay",
            SdkClass::Monitoring => "monitoring",
            SdkClass::Crm => "crm",
            SdkClass::SupportChat => "support-chat",
            SdkClass::ServerSide => "server-side",
        }
    }

    /// Every class, as written in SDK files and in `[sdk-severity]`.
    pub const ALL: [SdkClass; 7] = [
        SdkClass::Advertising,
        SdkClass::Analytics,
        SdkClass::Replay,
        SdkClass::Monitoring,
        SdkClass::Crm,
        SdkClass::SupportChat,
        SdkClass::ServerSide,
    ];
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sdk {
    pub id: String,
    pub name: String,
    pub vendor: String,
    pub class: SdkClass,
    pub docs: String,
    pub globals: Vec<String>,
    #[serde(default)]
    pub npm: Vec<String>,
    #[serde(default)]
    pub loaders: Vec<String>,
    #[serde(default)]
    pub beacons: Vec<String>,
    #[serde(default, rename = "call")]
    pub calls: Vec<CallShape>,
    #[serde(default, rename = "assign")]
    pub assigns: Vec<AssignShape>,
    /// Keys that carry the vendor's own identity-verification token (an HMAC or JWT the site
    /// signs for this vendor, e.g. Intercom `user_hash`): a credential meant for the vendor,
    /// not the visitor's credentials.
    #[serde(default)]
    pub verification_keys: Vec<String>,
    /// Other handles on the SDK's API, by path, and the path they stand for: a hook's result
    /// (`npm:posthog-js/react.usePostHog()` = `posthog`), a framework plugin global (`$posthog`,
    /// reached as `this.$posthog` or `useNuxtApp().$posthog`), a named export or a factory.
    #[serde(default)]
    pub instances: std::collections::BTreeMap<String, String>,
    /// TypeScript types whose values are the SDK's API (`posthog: PostHog` in a constructor).
    #[serde(default)]
    pub types: Vec<String>,
    /// TypeScript types whose values are a part of the API, and the path they stand for
    /// (`MixpanelPeople` = `mixpanel.people`, a Cordova wrapper's injectable).
    #[serde(default)]
    pub part_types: std::collections::BTreeMap<String, String>,
    /// Methods that return the SDK's own API again (Sentry `getCurrentScope()`): `X.m()` is `X`.
    #[serde(default)]
    pub returns_self: Vec<String>,
    /// Methods whose callback receives the SDK's own API (Sentry `configureScope(scope => …)`).
    #[serde(default)]
    pub self_callbacks: Vec<String>,
    /// Methods that create a named instance reached as a property of the global, and the
    /// argument that names it (Mixpanel `init(token, config, 'name')` makes `mixpanel.name`).
    #[serde(default)]
    pub named_instances: std::collections::BTreeMap<String, usize>,
    /// Globals that stand for this SDK in a file importing one of its `npm` packages, and the
    /// path they stand for there: `analytics` in a file that imports `@segment/analytics-node`
    /// is the server library, not the browser's Analytics.js.
    #[serde(default)]
    pub shadows: std::collections::BTreeMap<String, String>,
    /// What the vendor defines as personal data in its call shapes' arguments (Meta's
    /// advanced-matching `em`): a value of unknown origin there is still reported.
    #[serde(default, rename = "slot")]
    pub slots: Vec<Slot>,
}

impl Sdk {
    /// Declared by a configuration's `[[sink]]` entries, not the built-in catalog.
    pub fn is_configured(&self) -> bool {
        self.id.starts_with(CONFIGURED_PREFIX)
    }
}

/// The id prefix of SDKs made from a configuration's `[[sink]]` entries.
pub const CONFIGURED_PREFIX: &str = "custom-";

/// Personal data by the vendor's definition, for the call shapes of one `what`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    /// The `what` of the call shapes it applies to (`advanced matching`).
    pub what: String,
    /// Key paths inside a data-carrying argument (`em`, `user_data.email`) and the category the
    /// vendor defines for each. A string argument equal to a key path names the slot of the
    /// argument after it (`gtag('set', 'user_data', X)`, `people.set('$email', X)`).
    #[serde(default)]
    pub keys: std::collections::BTreeMap<String, String>,
    /// The categories a data-carrying argument passed whole holds (`Sentry.setUser(user)`).
    #[serde(default)]
    pub whole: Vec<String>,
}

impl Slot {
    /// Whether an object at `path` is looked into: the argument itself, or a path with slots
    /// below it (`user_data` has `user_data.email`).
    pub fn has_below(&self, path: &str) -> bool {
        path.is_empty()
            || self.keys.keys().any(|k| {
                k.strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with('.'))
            })
    }

    /// Every category the slot names, for checking them against the data taxonomy.
    pub fn categories(&self) -> impl Iterator<Item = &str> {
        self.keys.values().chain(&self.whole).map(String::as_str)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallShape {
    pub callee: String,
    #[serde(default)]
    pub command: Vec<String>,
    #[serde(default)]
    pub args: Vec<usize>,
    pub rest: Option<usize>,
    pub what: String,
    /// The vendor's reference for this call.
    #[serde(default)]
    pub docs: Option<String>,
    /// Only when these arguments are string literals starting with these prefixes: an argument
    /// path (`1`, or `2.send_to` for a key of argument 2; an array there matches when one of
    /// its strings does) -> the prefix (`AW-`).
    #[serde(default)]
    pub arg_prefix: std::collections::BTreeMap<String, String>,
    /// Only when these argument paths (`2.user_data`) are keys the call writes.
    #[serde(default)]
    pub arg_keys: Vec<String>,
    /// A call of this shape marks its file as a page that configures the SDK (Google Ads:
    /// `gtag('config', 'AW-…')`), whether or not it carries data.
    #[serde(default)]
    pub marks_page: bool,
    /// Only in a file another call of this SDK marks (`marks_page`); elsewhere the call is what
    /// the next matching shape of the same callee says it is.
    #[serde(default)]
    pub on_page: bool,
}

impl CallShape {
    pub fn carries_data(&self, index: usize) -> bool {
        self.args.contains(&index) || self.rest.is_some_and(|r| index >= r)
    }

    /// Whether the shape has conditions on its arguments' literals or keys.
    pub fn is_conditional(&self) -> bool {
        !self.arg_prefix.is_empty() || !self.arg_keys.is_empty()
    }
}

/// `2.send_to` -> (2, ["send_to"]); `None` when the path does not start with an index.
pub fn arg_path(path: &str) -> Option<(usize, Vec<&str>)> {
    let mut segs = path.split('.');
    let index = segs.next()?.parse().ok()?;
    Some((index, segs.collect()))
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignShape {
    pub target: String,
    pub what: String,
}

/// Index of an SDK in [`Sdks::all`].
pub type SdkId = u16;

pub struct Sdks {
    pub all: Vec<Sdk>,
    /// callee path -> (sdk, index of the call shape), in file order.
    calls: HashMap<String, Vec<(SdkId, usize)>>,
    assigns: HashMap<String, (SdkId, usize)>,
    /// Every global root name: a file that mentions none of them cannot call an SDK.
    roots: HashMap<String, SdkId>,
    /// npm package -> the SDK it wraps or is.
    packages: HashMap<String, SdkId>,
    /// Packages with `npm:` call shapes: importing one binds the local name to the package.
    wrapped: std::collections::HashSet<String>,
    /// Instance path -> the path it stands for (see [`Sdk::instances`]).
    instances: HashMap<String, String>,
    /// The first segment of every instance path: most paths start with none of them, and are
    /// then no handle without any further lookup.
    instance_roots: std::collections::HashSet<String>,
    /// TypeScript type name -> the SDK's global (see [`Sdk::types`]).
    types: HashMap<String, String>,
}

/// `usePostHog().identify` -> `usePostHog`, `npm:posthog-js/react.usePostHog()` ->
/// `npm:posthog-js/react`, `$posthog.capture` -> `$posthog`.
fn first_segment(path: &str) -> &str {
    let start = if path.starts_with("npm:") {
        path.rfind('/').map_or(0, |i| i + 1)
    } else {
        0
    };
    let end = path[start..]
        .find(['.', '('])
        .map_or(path.len(), |i| start + i);
    &path[..end]
}

/// `@scope/pkg.method` -> `@scope/pkg`: the package is everything up to the first `.` after the
/// last `/` (package names may contain dots only before that).
fn npm_package(rest: &str) -> &str {
    let slash = rest.rfind('/').map_or(0, |i| i + 1);
    let end = rest[slash..]
        .find(['.', '('])
        .map_or(rest.len(), |i| slash + i);
    &rest[..end]
}

impl Sdks {
    pub fn from_files(files: &[(&str, &str)]) -> Result<Self, String> {
        let mut all = Vec::new();
        for (name, text) in files {
            let sdk: Sdk = toml::from_str(text).map_err(|e| format!("lints/sdks/{name}: {e}"))?;
            if format!("{}.toml", sdk.id) != *name {
                return Err(format!(
                    "lints/sdks/{name}: id `{}` does not match the file name",
                    sdk.id
                ));
            }
            all.push(sdk);
        }
        Self::from_sdks(all)
    }

    /// Builds the lookup tables; `all` are the built-in SDKs plus any a configuration declares.
    pub fn from_sdks(all: Vec<Sdk>) -> Result<Self, String> {
        let mut calls: HashMap<String, Vec<(SdkId, usize)>> = HashMap::new();
        let mut assigns = HashMap::new();
        let mut roots = HashMap::new();
        let mut packages = HashMap::new();
        let mut wrapped = std::collections::HashSet::new();
        let mut instances = HashMap::new();
        let mut types = HashMap::new();
        for (i, sdk) in all.iter().enumerate() {
            let id = i as SdkId;
            for t in &sdk.types {
                types.insert(t.clone(), sdk.globals[0].clone());
            }
            for (t, path) in &sdk.part_types {
                let root = path.split(['.', '(']).next().unwrap_or_default();
                if !sdk.globals.iter().any(|g| g == root) {
                    return Err(format!(
                        "lints/sdks/{}.toml: part type `{t}` stands for `{path}`, which is not under a listed global",
                        sdk.id
                    ));
                }
                types.insert(t.clone(), path.clone());
            }
            for (path, target) in &sdk.instances {
                for p in [path, target] {
                    if let Some(rest) = p.strip_prefix("npm:") {
                        let pkg = npm_package(rest);
                        if !sdk.npm.iter().any(|n| n == pkg) {
                            return Err(format!(
                                "lints/sdks/{}.toml: instance `{p}` names package `{pkg}`, which is not in its npm list",
                                sdk.id
                            ));
                        }
                        wrapped.insert(pkg.to_string());
                    }
                }
                let root = target.split(['.', '(']).next().unwrap_or_default();
                if !target.starts_with("npm:") && !sdk.globals.iter().any(|g| g == root) {
                    return Err(format!(
                        "lints/sdks/{}.toml: instance `{path}` stands for `{target}`, which is not under a listed global",
                        sdk.id
                    ));
                }
                instances.insert(path.clone(), target.clone());
            }
            for g in &sdk.globals {
                roots.insert(g.clone(), id);
            }
            for p in &sdk.npm {
                packages.insert(p.clone(), id);
            }
            for (j, c) in sdk.calls.iter().enumerate() {
                if let Some(rest) = c.callee.strip_prefix("npm:") {
                    let pkg = npm_package(rest);
                    if !sdk.npm.iter().any(|p| p == pkg) {
                        return Err(format!(
                            "lints/sdks/{}.toml: callee `{}` names package `{pkg}`, which is not in its npm list",
                            sdk.id, c.callee
                        ));
                    }
                    wrapped.insert(pkg.to_string());
                    calls.entry(c.callee.clone()).or_default().push((id, j));
                    continue;
                }
                let root = c.callee.split(['.', '(']).next().unwrap_or_default();
                if !sdk.globals.iter().any(|g| g == root) {
                    return Err(format!(
                        "lints/sdks/{}.toml: callee `{}` is not under a listed global",
                        sdk.id, c.callee
                    ));
                }
                calls.entry(c.callee.clone()).or_default().push((id, j));
            }
            for c in &sdk.calls {
                if let Some(bad) = c
                    .arg_prefix
                    .keys()
                    .chain(&c.arg_keys)
                    .find(|p| arg_path(p).is_none())
                {
                    return Err(format!(
                        "lints/sdks/{}.toml: callee `{}`: argument path `{bad}` does not start with an argument index",
                        sdk.id, c.callee
                    ));
                }
                if c.on_page && !sdk.calls.iter().any(|m| m.marks_page) {
                    return Err(format!(
                        "lints/sdks/{}.toml: callee `{}` is `on_page`, but no call shape `marks_page`",
                        sdk.id, c.callee
                    ));
                }
                if c.on_page && c.marks_page {
                    return Err(format!(
                        "lints/sdks/{}.toml: callee `{}` is both `on_page` and `marks_page`",
                        sdk.id, c.callee
                    ));
                }
            }
            for (name, target) in &sdk.shadows {
                let Some(pkg) = target.strip_prefix("npm:").map(npm_package) else {
                    return Err(format!(
                        "lints/sdks/{}.toml: shadowed global `{name}` stands for `{target}`, which is no `npm:` path",
                        sdk.id
                    ));
                };
                if !sdk.npm.iter().any(|n| n == pkg) {
                    return Err(format!(
                        "lints/sdks/{}.toml: shadowed global `{name}` stands for package `{pkg}`, which is not in its npm list",
                        sdk.id
                    ));
                }
                wrapped.insert(pkg.to_string());
            }
            for (j, a) in sdk.assigns.iter().enumerate() {
                assigns.insert(a.target.clone(), (id, j));
            }
            for slot in &sdk.slots {
                if !sdk.calls.iter().any(|c| c.what == slot.what) {
                    return Err(format!(
                        "lints/sdks/{}.toml: slot `{}` names no call shape's `what`",
                        sdk.id, slot.what
                    ));
                }
            }
        }
        Ok(Self {
            all,
            calls,
            assigns,
            roots,
            packages,
            wrapped,
            instance_roots: instances
                .keys()
                .map(|p| first_segment(p).to_string())
                .collect(),
            instances,
            types,
        })
    }

    /// The path an SDK handle stands for: `usePostHog()` from `posthog-js/react` is `posthog`,
    /// `Sentry.getCurrentScope()` is `Sentry`, `this.$gtag` is vue-gtag's API. `None` when `path`
    /// is no handle. Rewrites repeat (a handle on a handle), a few times at most.
    pub fn canonical(&self, path: &str) -> Option<String> {
        if !self.instance_roots.contains(first_segment(path)) {
            return None;
        }
        let mut cur = path.to_string();
        let mut changed = false;
        for _ in 0..4 {
            let Some(next) = self.canonical_once(&cur) else {
                break;
            };
            cur = next;
            changed = true;
        }
        changed.then_some(cur)
    }

    fn canonical_once(&self, path: &str) -> Option<String> {
        // The longest prefix (at a segment boundary) that is a known instance.
        let mut end = path.len();
        loop {
            let prefix = &path[..end];
            if let Some(target) = self.instances.get(prefix) {
                return Some(format!("{target}{}", &path[end..]));
            }
            end = prefix.rfind('.')?;
        }
    }

    /// `mixpanel.init(…, 'name')`: the argument that names the instance the call creates.
    pub fn instance_name_arg(&self, path: &str) -> Option<usize> {
        let (recv, method) = path.rsplit_once('.')?;
        if recv.contains(['.', '(']) {
            return None;
        }
        self.owner(recv)?.named_instances.get(method).copied()
    }

    /// `X.m()` where `m` returns the SDK's own API: `X`.
    pub fn strip_self_return<'p>(&self, path: &'p str) -> Option<&'p str> {
        let base = path.strip_suffix("()")?;
        let (recv, method) = base.rsplit_once('.')?;
        let sdk = self.owner(recv)?;
        sdk.returns_self.iter().any(|m| m == method).then_some(recv)
    }

    /// True when `method` of the SDK at `recv` hands its callback the SDK's own API.
    pub fn calls_back_with_self(&self, recv: &str, method: &str) -> bool {
        self.owner(recv)
            .is_some_and(|s| s.self_callbacks.iter().any(|m| m == method))
    }

    /// The global of the SDK whose API a value of TypeScript type `ty` is.
    pub fn type_root(&self, ty: &str) -> Option<&str> {
        self.types.get(ty).map(String::as_str)
    }

    /// True when a resolved path is an SDK's API or a part of it (`Sentry`, `npm:posthog-js`).
    pub fn is_handle(&self, path: &str) -> bool {
        self.owner(path).is_some()
    }

    /// The SDK a resolved path belongs to: by its global root or its npm package.
    fn owner(&self, path: &str) -> Option<&Sdk> {
        let id = match path.strip_prefix("npm:") {
            Some(rest) => *self.packages.get(npm_package(rest))?,
            None => *self.roots.get(path.split(['.', '(']).next()?)?,
        };
        Some(&self.all[id as usize])
    }

    pub fn builtin() -> Result<Self, String> {
        Self::from_files(SDK_FILES)
    }

    pub fn get(&self, id: SdkId) -> &Sdk {
        &self.all[id as usize]
    }

    /// The SDK whose global this root name is.
    pub fn root(&self, name: &str) -> Option<SdkId> {
        self.roots.get(name).copied()
    }

    /// Every `(global, member)` an SDK is called through (`("FS", "identify")`, `("ga", "")` for
    /// a call of the global itself): what a short global name is recognised by in minified code.
    pub fn root_members(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        let calls = self
            .all
            .iter()
            .flat_map(|s| &s.calls)
            .map(|c| c.callee.as_str());
        let assigns = self
            .all
            .iter()
            .flat_map(|s| &s.assigns)
            .map(|a| a.target.as_str());
        let instances = self.instances.keys().map(String::as_str);
        calls
            .chain(assigns)
            .chain(instances)
            .filter(|p| !p.starts_with("npm:"))
            .map(|p| {
                let mut segs = p.split(['.', '(']);
                let root = segs.next().unwrap_or("");
                (root, segs.next().unwrap_or(""))
            })
    }

    /// What the prefilter looks for: every global name, every npm package name, and the names
    /// that start an instance path (`$posthog`).
    pub fn needles(&self) -> impl Iterator<Item = String> + '_ {
        // A package matters where it is imported: as a string literal (`from 'logrocket'`,
        // `require("@sentry/react")`), not where its own sources mention their name.
        let quoted = self
            .packages
            .keys()
            .flat_map(|p| ['\'', '"', '`'].map(move |q| format!("{q}{p}")));
        let instances = self
            .instances
            .keys()
            .filter(|p| !p.starts_with("npm:"))
            .filter_map(|p| p.split(['.', '(']).next())
            .map(str::to_string);
        // A raw beacon names no SDK, only the collection endpoint's host.
        let beacon_hosts = self
            .all
            .iter()
            .flat_map(|s| &s.beacons)
            .filter_map(|b| b.split('/').next())
            .filter(|h| !h.is_empty())
            .map(str::to_string);
        self.roots
            .keys()
            .cloned()
            .chain(quoted)
            .chain(instances)
            .chain(beacon_hosts)
    }

    /// True when importing `package` should bind the local name to its `npm:` call shapes.
    /// True when a function's name names an SDK by one of its globals (`getSentry`,
    /// `loadPosthog`): what it returns may be the SDK's API, worth resolving.
    pub fn named_in(&self, function: &str) -> bool {
        crate::catalog::names::normalize(function)
            .split('_')
            .any(|w| w.len() >= 3 && self.roots.keys().any(|r| r.eq_ignore_ascii_case(w)))
    }

    /// The globals importing `package` makes stand for its SDK (`analytics` ->
    /// `npm:@segment/analytics-node` in a file importing `analytics-node`).
    pub fn shadows(&self, package: &str) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.packages
            .get(package)
            .into_iter()
            .flat_map(|&id| &self.all[id as usize].shadows)
            .map(|(g, t)| (g.as_str(), t.as_str()))
    }

    pub fn wraps(&self, package: &str) -> bool {
        self.wrapped.contains(package)
    }

    /// The call shapes registered for a resolved callee path.
    pub fn calls_for(&self, path: &str) -> &[(SdkId, usize)] {
        self.calls.get(path).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The vendor's definition of personal data in the arguments of calls of this `what`.
    pub fn slot(&self, sdk: SdkId, what: &str) -> Option<&Slot> {
        self.all[sdk as usize].slots.iter().find(|s| s.what == what)
    }

    pub fn call(&self, sdk: SdkId, index: usize) -> &CallShape {
        &self.get(sdk).calls[index]
    }

    pub fn assign_for(&self, path: &str) -> Option<(SdkId, &AssignShape)> {
        self.assigns
            .get(path)
            .map(|&(s, j)| (s, &self.get(s).assigns[j]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Result<Sdks, String> {
        let sdk: Sdk = toml::from_str(text).map_err(|e| e.to_string())?;
        Sdks::from_sdks(vec![sdk])
    }

    fn err(text: &str) -> String {
        match one(text) {
            Ok(_) => panic!("accepted: {text}"),
            Err(e) => e,
        }
    }

    const HEAD: &str = "id = \"x\"\nname = \"X\"\nvendor = \"X\"\nclass = \"advertising\"\ndocs = \"d\"\nglobals = [\"x\"]\n";

    #[test]
    fn argument_paths() {
        assert_eq!(arg_path("1"), Some((1, vec![])));
        assert_eq!(arg_path("2.send_to"), Some((2, vec!["send_to"])));
        assert_eq!(arg_path("send_to"), None);
        let bad = format!(
            "{HEAD}[[call]]\ncallee = \"x\"\narg_prefix = {{ \"send_to\" = \"AW-\" }}\nwhat = \"w\"\n"
        );
        assert!(err(&bad).contains("argument index"));
    }

    #[test]
    fn on_page_needs_a_marking_shape() {
        let lone = format!("{HEAD}[[call]]\ncallee = \"x\"\non_page = true\nwhat = \"w\"\n");
        assert!(err(&lone).contains("marks_page"));
        let both = format!(
            "{HEAD}[[call]]\ncallee = \"x\"\nmarks_page = true\non_page = true\nwhat = \"w\"\n"
        );
        assert!(err(&both).contains("both"));
    }

    #[test]
    fn shadows_name_a_listed_package() {
        let bad = format!("{HEAD}npm = [\"x-node\"]\nshadows = {{ x = \"npm:y-node\" }}\n");
        assert!(err(&bad).contains("not in its npm list"));
        let good = format!("{HEAD}npm = [\"x-node\"]\nshadows = {{ x = \"npm:x-node\" }}\n");
        let Ok(sdks) = one(&good) else {
            panic!("rejected")
        };
        assert!(sdks.wraps("x-node"));
        assert_eq!(
            sdks.shadows("x-node").collect::<Vec<_>>(),
            vec![("x", "npm:x-node")]
        );
    }

    #[test]
    fn builtin_google_ads_and_server_side() {
        let Ok(sdks) = Sdks::builtin() else {
            panic!("built-in catalog")
        };
        let ads = sdks.all.iter().find(|s| s.id == "google-ads").unwrap();
        assert_eq!(ads.class, SdkClass::Advertising);
        assert!(ads.calls.iter().any(|c| c.marks_page));
        // Google Ads' shapes are tried before google-tag's on the shared `gtag` callee.
        let first = sdks.calls_for("gtag")[0].0;
        assert_eq!(sdks.get(first).id, "google-ads");
        for id in [
            "segment-node",
            "posthog-node",
            "sentry-node",
            "mixpanel-node",
            "amplitude-node",
        ] {
            let s = sdks.all.iter().find(|s| s.id == id).unwrap();
            assert_eq!(s.class, SdkClass::ServerSide, "{id}");
            assert!(
                s.globals.is_empty(),
                "{id} is recognised by its package only"
            );
        }
        assert_eq!(SdkClass::ServerSide.as_str(), "server-side");
        assert!(SdkClass::ALL.contains(&SdkClass::ServerSide));
    }
}
