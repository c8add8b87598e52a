//! (being written)

use super::Extracted;

pub fn extract(_text: &str) -> Extracted {
    Extracted::default()
}
