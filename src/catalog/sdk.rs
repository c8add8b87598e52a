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
}

impl SdkClass {
    pub fn as_str(self) -> &'static str {
        match self {
            SdkClass::Advertising => "advertising",
            SdkClass::Analytics => "analytics",
            SdkClass::Replay => "replay",
            SdkClass::Monitoring => "monitoring",
            SdkClass::Crm => "crm",
        }
    }
}

#[derive(Debug, Deserialize)]
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
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallShape {
    pub callee: String,
    #[serde(default)]
    pub command: Vec<String>,
    #[serde(default)]
    pub args: Vec<usize>,
    pub rest: Option<usize>,
    pub what: String,
}

impl CallShape {
    pub fn carries_data(&self, index: usize) -> bool {
        self.args.contains(&index) || self.rest.is_some_and(|r| index >= r)
    }
}

#[derive(Debug, Deserialize)]
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
        let mut calls: HashMap<String, Vec<(SdkId, usize)>> = HashMap::new();
        let mut assigns = HashMap::new();
        let mut roots = HashMap::new();
        for (i, sdk) in all.iter().enumerate() {
            let id = i as SdkId;
            for g in &sdk.globals {
                roots.insert(g.clone(), id);
            }
            for (j, c) in sdk.calls.iter().enumerate() {
                let root = c.callee.split(['.', '(']).next().unwrap_or_default();
                if !sdk.globals.iter().any(|g| g == root) {
                    return Err(format!(
                        "lints/sdks/{}.toml: callee `{}` is not under a listed global",
                        sdk.id, c.callee
                    ));
                }
                calls.entry(c.callee.clone()).or_default().push((id, j));
            }
            for (j, a) in sdk.assigns.iter().enumerate() {
                assigns.insert(a.target.clone(), (id, j));
            }
        }
        Ok(Self {
            all,
            calls,
            assigns,
            roots,
        })
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

    pub fn roots(&self) -> impl Iterator<Item = &str> {
        self.roots.keys().map(String::as_str)
    }

    /// The call shapes registered for a resolved callee path.
    pub fn calls_for(&self, path: &str) -> &[(SdkId, usize)] {
        self.calls.get(path).map(Vec::as_slice).unwrap_or(&[])
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
