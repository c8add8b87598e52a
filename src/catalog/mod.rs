//! The data the analysis runs on: which SDK calls are sinks (`lints/sdks/*.toml`) and which
//! names, fields and keys are sources (`lints/sensitive.toml`).

pub mod fields;
pub mod names;
pub mod sdk;

use std::sync::OnceLock;

pub use names::{normalize, CategoryId, NameKind, NameMatch, NameSite, Names};
pub use sdk::{SdkClass, SdkId, Sdks};

pub struct Catalog {
    pub sdks: Sdks,
    pub names: Names,
    /// From the configuration: names that say what they hold, and functions that return or
    /// remove personal data.
    pub custom: Custom,
}

/// What a team's `overshare.toml` teaches the analysis about its own code.
#[derive(Debug, Default)]
pub struct Custom {
    /// Function name (last segment) -> the category its return value holds.
    pub source_functions: std::collections::HashMap<String, CategoryId>,
    /// Functions whose return value holds no personal data whatever goes in (`redact`).
    pub sanitizers: std::collections::HashSet<String>,
}

impl Catalog {
    /// The built-in data with a configuration's additions: SDKs, and names that hold data.
    pub fn with(
        extra_sdks: Vec<sdk::Sdk>,
        names: &[(String, CategoryId)],
        custom: Custom,
    ) -> Result<Catalog, String> {
        let mut all = Sdks::builtin()?.all;
        all.extend(extra_sdks);
        let mut sensitive = Names::from_toml(include_str!("../../lints/sensitive.toml"))?;
        for (name, category) in names {
            sensitive.add_custom(name, *category);
        }
        let sdks = Sdks::from_sdks(all)?;
        check_slot_categories(&sdks, &sensitive)?;
        Ok(Catalog {
            sdks,
            names: sensitive,
            custom,
        })
    }

    /// The catalog compiled into the binary. Its files are checked by tests, so a failure here
    /// is a build defect, reported once rather than per file.
    pub fn builtin() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| {
            let sdks = Sdks::builtin().unwrap_or_else(|e| panic!("built-in SDK catalog: {e}"));
            let names = Names::from_toml(include_str!("../../lints/sensitive.toml"))
                .unwrap_or_else(|e| panic!("built-in sensitive-data catalog: {e}"));
            check_slot_categories(&sdks, &names)
                .unwrap_or_else(|e| panic!("built-in SDK catalog: {e}"));
            Catalog {
                sdks,
                names,
                custom: Custom::default(),
            }
        })
    }
}

/// Every category a vendor slot names is one of the data taxonomy's.
fn check_slot_categories(sdks: &Sdks, names: &Names) -> Result<(), String> {
    for sdk in &sdks.all {
        for slot in &sdk.slots {
            if let Some(bad) = slot
                .categories()
                .find(|c| names.category_by_id(c).is_none())
            {
                return Err(format!(
                    "lints/sdks/{}.toml: slot `{}` names category `{bad}`, which lints/sensitive.toml does not define",
                    sdk.id, slot.what
                ));
            }
        }
    }
    Ok(())
}
