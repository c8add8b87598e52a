//! The data the analysis runs on: which SDK calls are sinks (`lints/sdks/*.toml`) and which
//! names, fields and keys are sources (`lints/sensitive.toml`).

pub mod fields;
pub mod names;
pub mod sdk;

use std::sync::OnceLock;

pub use names::{CategoryId, NameKind, NameMatch, NameSite, Names};
pub use sdk::{SdkClass, SdkId, Sdks};

pub struct Catalog {
    pub sdks: Sdks,
    pub names: Names,
}

impl Catalog {
    /// The catalog compiled into the binary. Its files are checked by tests, so a failure here
    /// is a build defect, reported once rather than per file.
    pub fn builtin() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog {
            sdks: Sdks::builtin().unwrap_or_else(|e| panic!("built-in SDK catalog: {e}")),
            names: Names::from_toml(include_str!("../../lints/sensitive.toml"))
                .unwrap_or_else(|e| panic!("built-in sensitive-data catalog: {e}")),
        })
    }
}
