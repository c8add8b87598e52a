//! What the engine knows of browser, library and framework APIs, as data: property and method
//! names that read, keep or drop data, pass-through functions, event-listener methods, hash
//! helpers, verdict and accessor names, template formatters, framework helpers.
//!
//! Tracker SDKs are not here: their calls, slots, handles and beacons come from the catalog
//! (`lints/sdks/*.toml`). What stays in code is how each table is used (in `sources.rs`,
//! `calls.rs`, `opaque.rs`, `frameworks.rs`, `template.rs`, `elements.rs`); a table here can grow
//! without touching that logic.

use super::value::{BagInfo, BagKind, Kind};
use crate::catalog::names::normalize;
use std::rc::Rc;

// ----- globals and paths -------------------------------------------------------------------------

/// What a browser global is: storage and form collections are modelled, the rest is a path.
pub(super) fn global_kind(path: Rc<str>) -> Kind {
    match &*path {
        "localStorage" => Kind::Bag(Rc::new(BagInfo {
            kind: BagKind::LocalStorage,
        })),
        "sessionStorage" => Kind::Bag(Rc::new(BagInfo {
            kind: BagKind::SessionStorage,
        })),
        "document.forms" => Kind::Form(None),
        "document.location" => Kind::Global("location".into()),
        p if p.ends_with(".searchParams") => Kind::Bag(Rc::new(BagInfo {
            kind: BagKind::UrlParams,
        })),
        _ => Kind::Global(path),
    }
}

/// The path of property `key` of the global `base`; the window's own aliases (`window`,
/// `globalThis`, `self`…) are dropped: `window.fbq` is `fbq`.
pub(super) fn join_path(base: &str, key: &str) -> Rc<str> {
    match base {
        "window" | "globalThis" | "self" | "top" | "parent" | "frames" => key.into(),
        _ => format!("{base}.{key}").into(),
    }
}

// ----- DOM elements and data properties ----------------------------------------------------------

/// Properties that read what an element holds or shows.
pub(super) const DOM_VALUE_PROPS: &[&str] = &[
    "value",
    "textContent",
    "innerText",
    "innerHTML",
    "outerHTML",
    "outerText",
    "nodeValue",
    "defaultValue",
    "valueAsNumber",
    "valueAsDate",
    "data",
    "text",
    "label",
];

/// Properties that stay on the same element(s): list items, options, jQuery wrappers.
pub(super) const DOM_SAME_PROPS: &[&str] = &[
    "current", // React refs
    "[index]",
    "options",
    "selectedOptions",
    "firstElementChild",
    "lastElementChild",
];

/// Properties of data that are not the data: lengths, types, flags.
pub(super) const CLEAN_PROPS: &[&str] = &[
    "length",
    "size",
    "constructor",
    "prototype",
    "byteLength",
    "type",
    "name",
    "id",
];

/// Parts of a token object that are not the secret itself: a decoded JWT's claims and the
/// token's metadata (`idToken.payload.sub`, `session.token.expiresAt`).
pub(super) const TOKEN_METADATA_PROPS: &[&str] = &[
    "payload",
    "claims",
    "sub",
    "exp",
    "iat",
    "nbf",
    "iss",
    "aud",
    "expiresAt",
    "expires_at",
    "expiresIn",
    "expires_in",
    "scope",
    "scopes",
    "tokenType",
    "token_type",
];

/// Properties that only wrap what their object holds.
pub(super) const CONTAINER_PROPS: &[&str] =
    &["data", "attributes", "attrs", "value", "current", "props"];

// ----- functions and methods that pass data through ----------------------------------------------

/// Methods that return (part of) the string or array they are called on.
pub(super) const PASS_THROUGH_METHODS: &[&str] = &[
    "trim",
    "trimStart",
    "trimEnd",
    "trimLeft",
    "trimRight",
    "toLowerCase",
    "toUpperCase",
    "toLocaleLowerCase",
    "toLocaleUpperCase",
    "normalize",
    "replace",
    "replaceAll",
    "slice",
    "substring",
    "substr",
    "split",
    "concat",
    "padStart",
    "padEnd",
    "at",
    "join",
    "toString",
    "valueOf",
    "repeat",
    "toFixed",
    "toPrecision",
    "encode",
    "digest",
    "update",
    "filter",
    "find",
    "flat",
    "reverse",
    "sort",
    "toSorted",
    "toReversed",
    "pop",
    "shift",
    "toJSON",
    "charAt",
    "catch",
    "finally",
    // Mapping over data keeps the data (`bytes.map(b => b.toString(16)).join('')`).
    "map",
    "flatMap",
    "reduce",
];

/// Global functions that return their argument encoded, serialised or parsed.
pub(super) const PASS_THROUGH_FUNCTIONS: &[&str] = &[
    "encodeURIComponent",
    "encodeURI",
    "escape",
    "decodeURIComponent",
    "decodeURI",
    "unescape",
    "btoa",
    "atob",
    "String",
    "JSON.stringify",
    "JSON.parse",
    "Promise.resolve",
    "Array.from",
    "Object.values",
    "structuredClone",
];

/// Array methods whose first argument is called with each element.
pub(super) const ITERATING: &[&str] = &[
    "forEach", "map", "filter", "find", "findLast", "some", "every", "flatMap", "each",
];

/// Methods that add to a local container: `list.push(v)`, `set.add(v)`.
pub(super) const CONTAINER_ADD_METHODS: &[&str] = &["push", "unshift", "add"];
/// Methods that set a key of a local container: `m.set('email', v)`, `params.append('email', v)`,
/// LeadBoxer's `map.put('email', v)`.
pub(super) const CONTAINER_KEYED_METHODS: &[&str] = &["set", "put", "append"];

/// Words of a function's name (snake_case-normalised) that make it a hash or digest helper.
pub(super) const HASH_WORDS: &[&str] = &[
    "sha", "sha1", "sha256", "sha512", "sha384", "md5", "hash", "hashed", "digest", "hmac",
    "encrypt", "hex",
];

/// Hash and digest helpers by name: a hashed identifier still identifies (`sha256(email)`).
pub(super) fn is_hash_name(name: &str) -> bool {
    normalize(name).split('_').any(|t| HASH_WORDS.contains(&t))
}

// ----- events ------------------------------------------------------------------------------------

/// Methods that register an event handler (`addEventListener`, jQuery's `on`, `change`, `blur`):
/// the callback runs with an event whose target is the receiver.
pub(super) const LISTENER_METHODS: &[&str] = &[
    "addEventListener",
    "on",
    "one",
    "bind",
    "live",
    "delegate",
    "change",
    "input",
    "keyup",
    "keydown",
    "keypress",
    "blur",
    "focusout",
    "submit",
    "click",
    "paste",
];

pub(super) fn is_listener_method(m: &str) -> bool {
    LISTENER_METHODS.contains(&m)
}

// ----- calls into unseen code (see `opaque.rs`) --------------------------------------------------

/// Names (exact) of functions and methods that return a verdict or a measure, never the data.
pub(super) const VERDICTS: &[&str] = &[
    "Boolean",
    "isNaN",
    "isFinite",
    "isInteger",
    "isArray",
    "includes",
    "startsWith",
    "endsWith",
    "indexOf",
    "lastIndexOf",
    "findIndex",
    "findLastIndex",
    "search",
    "test",
    "some",
    "every",
    "has",
    "localeCompare",
    "charCodeAt",
    "codePointAt",
    "isWellFormed",
    "size",
    "count",
    "length",
    "validate",
    "isEmpty",
    "isEqual",
    "matches",
    "contains",
    "exists",
    "compare",
];

/// Name prefixes (a word of a camelCase or snake_case name) that announce a verdict or a measure.
pub(super) const VERDICT_PREFIXES: &[&str] = &[
    "is", "has", "can", "should", "validate", "check", "count", "compare", "equals", "contains",
    "exists", "matches", "verify", "needs", "will", "did", "was", "must",
];

/// Name suffixes that announce a measure.
pub(super) const MEASURE_SUFFIXES: &[&str] =
    &["Length", "Count", "Size", "_length", "_count", "_size"];

/// Prefixes of accessors: `getEmail()`, `selectUserEmail(state)`, `fetchUserPhone()`.
pub(super) const ACCESSOR_PREFIXES: &[&str] =
    &["get", "select", "read", "fetch", "load", "retrieve", "find"];

/// Methods that read a key (or key path) out of a container: Immutable `get`/`getIn`, Map and
/// Backbone `get`, lodash `get` (the key is then the second argument).
pub(super) const KEYED_READS: &[&str] = &["get", "getIn", "getAttribute", "attr", "prop", "data"];

// ----- framework helpers (see `frameworks.rs`) ---------------------------------------------------

/// How a helper's result relates to its first argument.
pub(super) enum Helper {
    /// The argument itself: `reactive(obj)`, `useCallback(fn)`, `toRaw(x)`.
    Same,
    /// What the argument (a function) returns: `useMemo(() => …)`, `createMemo(() => …)`.
    Returns,
    /// A ref holding the argument in `.value`: `ref(x)`, `shallowRef(x)`.
    RefOf,
    /// A ref holding what the argument (a function) returns: `computed(() => …)`.
    RefOfReturn,
    /// What the argument (a selector) returns for a store state of unknown origin, whose
    /// property names then say what it holds: `useSelector(state => state.user.email)`.
    Selects,
}

/// The framework helper `name` is, if it is one.
pub(super) fn helper_kind(name: &str) -> Option<Helper> {
    Some(match name {
        "reactive" | "shallowReactive" | "readonly" | "shallowReadonly" | "markRaw" | "toRaw"
        | "unref" | "toValue" | "useCallback" | "useEvent" | "useEffectEvent"
        | "useDeferredValue" => Helper::Same,
        "useMemo" | "createMemo" | "useComputed" => Helper::Returns,
        "ref" | "shallowRef" | "useRef" | "signal" => Helper::RefOf,
        "computed" => Helper::RefOfReturn,
        "useSelector" | "useAppSelector" | "useTypedSelector" | "useStoreState"
        | "useStoreSelector" => Helper::Selects,
        _ => return None,
    })
}

/// React hooks that return `[state, setState]`: calling the setter stores its argument in the
/// state (`const [email, setEmail] = useState(…)`).
pub(super) const STATE_HOOKS: &[&str] = &["useState", "useReducer", "useSignal"];

/// react-hook-form's readers of a field's value by name: `getValues('email')`, `watch('email')`.
pub(super) const FORM_VALUE_READERS: &[&str] =
    &["getValues", "watch", "getFieldValue", "getFieldState"];

// ----- cookies -----------------------------------------------------------------------------------

/// Cookie readers by path: `Cookies.get('email')`, `$.cookie('email')`.
pub(super) const COOKIE_READERS: &[&str] = &[
    "Cookies.get",
    "Cookie.get",
    "cookies.get",
    "$.cookie",
    "jQuery.cookie",
    "Cookies.getJSON",
];

/// Cookie helpers by (snake_case-normalised) name: `getCookie('email')`, `read_cookie('email')`.
pub(super) const COOKIE_READER_NAMES: &[&str] = &[
    "get_cookie",
    "read_cookie",
    "get_cookie_value",
    "cookie_get",
    "getcookie",
];

// ----- templates and declared fields -------------------------------------------------------------

/// Formatting and escaping helpers that print their argument unchanged in meaning.
pub(super) const FORMATTERS: &[&str] = &[
    "to_json",
    "tojson",
    "json",
    "json_encode",
    "escape",
    "e",
    "h",
    "j",
    "html",
    "raw",
    "safe",
    "default",
    "strip",
    "trim",
    "lower",
    "upper",
    "downcase",
    "upcase",
    "capitalize",
    "url_encode",
    "urlencode",
    "url_escape",
    "escape_javascript",
    "json_escape",
    "htmlspecialchars",
    "htmlentities",
    "esc_html",
    "esc_attr",
    "esc_js",
    "wp_json_encode",
    "addslashes",
    "strtolower",
    "strtoupper",
    "ucfirst",
    "sha256",
    "md5",
    "sha1",
    "hash",
    "hmac_sha256",
    "base64_encode",
    "to_s",
    "to_str",
    "ToLower",
    "ToLowerInvariant",
    "ToUpper",
    "ToUpperInvariant",
    "ToString",
    "Trim",
    "Raw",
    "Serialize",
    "Encode",
    "encodeURIComponent",
    "JSON",
    "stringify",
    "Html",
    "Json",
    "JsonSerializer",
    "JsonConvert",
    "SerializeObject",
    "get",
    "Auth",
    "auth",
    "format",
    "date",
    "strftime",
];

/// Words in a field's placeholder or label that say its "name" is not a person's: "View name",
/// "Company name", "Project name".
pub(super) const NOT_A_PERSON: &[&str] = &[
    "company",
    "business",
    "organization",
    "organisation",
    "org",
    "team",
    "project",
    "view",
    "file",
    "folder",
    "product",
    "store",
    "shop",
    "brand",
    "site",
    "app",
    "event",
    "group",
    "channel",
    "board",
    "list",
    "workspace",
    "domain",
    "page",
    "template",
    "report",
    "dashboard",
    "playlist",
    "pet",
    "street",
    "city",
    "bank",
    "campaign",
    "tag",
    "category",
    "device",
    "server",
    "host",
    "database",
    "table",
    "field",
    "column",
    "role",
    "plan",
    "course",
    "school",
    "venue",
    "job",
    "filter",
    "segment",
    "collection",
    "album",
    "space",
    "room",
];
