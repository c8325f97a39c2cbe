//! Reading a property list (binary, XML or the old ASCII form) as data, within bounds.
//!
//! A property list is a tree, but nothing in the format bounds it: a few megabytes can nest a million
//! arrays, and a binary list can point at the same object twice from every level, so a few hundred bytes
//! stand for 2^40 values. `plist::Value::from_reader` builds whatever the file describes, and dropping a
//! value nested that deep overflows the stack (the whole program aborts). So the value is built here,
//! through the crate's serde reader, and refused as soon as it is nested deeper than
//! [`MAX_DEPTH`], holds more than [`MAX_VALUES`] values or more than [`MAX_TEXT_BYTES`] of text and data.
//! Real lists (LaunchServices, an application's `Info.plist`) are a few levels deep and a few thousand
//! values at most.

use std::cell::Cell;
use std::fmt;

use plist::{Dictionary, Value};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

/// The deepest nesting accepted (arrays and dictionaries inside one another).
pub const MAX_DEPTH: usize = 64;

/// The most values (the root, each array or dictionary, each element) accepted in one list.
pub const MAX_VALUES: usize = 1_000_000;

/// The most bytes of strings, keys and data accepted in one list, counted as they are read (an object
/// referred to twice counts twice).
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Parses a property list; the error says why it could not be read (its syntax, or a bound passed).
pub fn parse(bytes: &[u8]) -> Result<Value, String> {
    parse_within::<MAX_DEPTH, MAX_VALUES, MAX_TEXT_BYTES>(bytes)
}

fn parse_within<const DEPTH: usize, const VALUES: usize, const TEXT: usize>(
    bytes: &[u8],
) -> Result<Value, String> {
    plist::from_bytes::<Bounded<DEPTH, VALUES, TEXT>>(bytes).map(|b| b.0).map_err(|e| {
        let text = e.to_string();
        // The crate shows a message of ours as `Serde("…")`.
        text.strip_prefix("Serde(\"")
            .and_then(|t| t.strip_suffix("\")"))
            .map_or_else(|| text.clone(), str::to_owned)
    })
}

/// How much a list may hold.
#[derive(Debug, Clone, Copy)]
struct Limits {
    depth: usize,
    values: usize,
    text_bytes: usize,
}

/// A value read within the limits given as parameters (the crate's reader takes a type, not a value).
struct Bounded<const DEPTH: usize, const VALUES: usize, const TEXT: usize>(Value);

impl<'de, const DEPTH: usize, const VALUES: usize, const TEXT: usize> de::Deserialize<'de>
    for Bounded<DEPTH, VALUES, TEXT>
{
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let limits = Limits { depth: DEPTH, values: VALUES, text_bytes: TEXT };
        let budget = Budget { limits, values: Cell::new(0), text_bytes: Cell::new(0) };
        Node { budget: &budget, depth: 0 }.deserialize(deserializer).map(Bounded)
    }
}

/// What has been read so far, against the limits.
struct Budget {
    limits: Limits,
    values: Cell<usize>,
    text_bytes: Cell<usize>,
}

impl Budget {
    fn value<E: de::Error>(&self) -> Result<(), E> {
        let n = self.values.get() + 1;
        if n > self.limits.values {
            return Err(E::custom(format!("more than {} values", self.limits.values)));
        }
        self.values.set(n);
        Ok(())
    }

    fn text<E: de::Error>(&self, len: usize) -> Result<(), E> {
        let n = self.text_bytes.get().saturating_add(len);
        if n > self.limits.text_bytes {
            return Err(E::custom(format!("more than {} bytes of text", self.limits.text_bytes)));
        }
        self.text_bytes.set(n);
        Ok(())
    }
}

/// One value of the list, at some depth.
#[derive(Clone, Copy)]
struct Node<'b> {
    budget: &'b Budget,
    depth: usize,
}

impl Node<'_> {
    /// The node for the elements of a collection at this node, if not too deep.
    fn inside<E: de::Error>(self) -> Result<Self, E> {
        if self.depth >= self.budget.limits.depth {
            return Err(E::custom(format!("nested more than {} levels deep", self.budget.limits.depth)));
        }
        Ok(Node { budget: self.budget, depth: self.depth + 1 })
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property list value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        self.budget.value()?;
        Ok(Value::Boolean(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.budget.value()?;
        Ok(Value::Integer(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.budget.value()?;
        Ok(Value::Integer(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        self.budget.value()?;
        Ok(Value::Real(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.visit_string(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        self.budget.value()?;
        self.budget.text(v.len())?;
        Ok(Value::String(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        self.visit_byte_buf(v.to_vec())
    }

    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Value, E> {
        self.budget.value()?;
        self.budget.text(v.len())?;
        Ok(Value::Data(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.budget.value()?;
        let inside = self.inside()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inside)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.budget.value()?;
        let inside = self.inside()?;
        let mut dict = Dictionary::new();
        while let Some(key) = map.next_key_seed(Key(self.budget))? {
            let value = map.next_value_seed(inside)?;
            dict.insert(key, value);
        }
        Ok(Value::Dictionary(dict))
    }
}

/// A dictionary key: text, counted like any other.
struct Key<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = String;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_string(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a dictionary key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        self.visit_string(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        self.0.text(v.len())?;
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
<key>CFBundleIdentifier</key><string>org.mozilla.firefox</string>
<key>LSHandlers</key><array><dict><key>n</key><integer>-3</integer><key>ok</key><true/>
<key>r</key><real>1.5</real><key>d</key><data>AAEC</data><key>when</key><date>2025-01-02T03:04:05Z</date>
</dict></array>
</dict></plist>"#;

    #[test]
    fn reads_what_the_crate_reads() {
        let ours = parse(XML.as_bytes()).unwrap();
        let dict = ours.as_dictionary().unwrap();
        assert_eq!(dict.get("CFBundleIdentifier").and_then(Value::as_string), Some("org.mozilla.firefox"));
        let handler = dict.get("LSHandlers").and_then(Value::as_array).unwrap()[0].as_dictionary().unwrap();
        assert_eq!(handler.get("n").and_then(Value::as_signed_integer), Some(-3));
        assert_eq!(handler.get("ok").and_then(Value::as_boolean), Some(true));
        assert_eq!(handler.get("r").and_then(Value::as_real), Some(1.5));
        assert_eq!(handler.get("d").and_then(Value::as_data), Some(&[0u8, 1, 2][..]));
        assert!(handler.get("when").is_some());
    }

    #[test]
    fn each_bound_is_a_clear_error() {
        let xml = XML.as_bytes();
        let err = parse_within::<1, 1000, 1000>(xml).unwrap_err();
        assert!(err.contains("nested more than 1 levels deep"), "{err}");
        let err = parse_within::<8, 5, 1000>(xml).unwrap_err();
        assert!(err.contains("more than 5 values"), "{err}");
        let err = parse_within::<8, 1000, 20>(xml).unwrap_err();
        assert!(err.contains("more than 20 bytes of text"), "{err}");
        assert_eq!(parse_within::<3, 9, 1000>(xml).err(), None);
        assert_eq!(parse_within::<2, 9, 1000>(xml).err().as_deref(), Some("nested more than 2 levels deep"));
    }

    #[test]
    fn not_a_property_list_is_an_error() {
        assert!(parse(b"").is_err());
        assert!(parse(b"bplist00 cut short").is_err());
        assert!(parse(b"<plist><dict><key>a</key></plist>").is_err());
    }
}
