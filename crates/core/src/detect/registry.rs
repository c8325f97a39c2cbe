//! Windows registry values for detection: a map loaded from a `.reg` file (the format `regedit` and
//! `reg export` write), and on Windows the live registry.
//!
//! The file lets anyone audit a Windows home on another OS (`premiers-pas audit --os windows --registry
//! FILE`), and lets tests describe a registry in a few readable lines. Only what detection reads is kept:
//! string values (`REG_SZ`, and `REG_EXPAND_SZ` written as `hex(2):`) and DWORDs (as decimal text).
//! Nothing here ever writes to a registry.

use std::collections::BTreeMap;

use thiserror::Error;

use super::host::RegistryReader;
use crate::error::ErrorCode;

/// Why a registry file could not be used.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum RegistryFileError {
    #[error("line {line}: {message}")]
    Syntax { line: usize, message: String },
}

impl ErrorCode for RegistryFileError {
    fn code(&self) -> &'static str {
        match self {
            RegistryFileError::Syntax { .. } => "registry.syntax",
        }
    }
}

/// Registry keys held in memory, case-insensitive like the registry: a tree, as the registry is, so that
/// a key costs what its line does (a deep key stored with every parent's full path cost its depth
/// squared).
#[derive(Debug, Clone, Default)]
pub struct MapRegistry {
    /// The hives (`HKEY_CURRENT_USER`…), under an unnamed root.
    root: Key,
}

/// One key: its values and its subkeys.
#[derive(Debug, Clone, Default)]
struct Key {
    /// The name as first written.
    name: String,
    /// Value name lower-cased → value.
    values: BTreeMap<String, String>,
    /// Subkey name lower-cased → subkey.
    children: BTreeMap<String, Key>,
}

/// Windows' own limits: a key is at most 512 levels deep, and each of its names at most 255 characters.
/// A line past them is not a registry export.
pub const MAX_KEY_DEPTH: usize = 512;
const MAX_KEY_NAME: usize = 255;

/// The names of a key's path, the hive first with its full name (`HKCU` is `HKEY_CURRENT_USER`);
/// separators around and doubled are ignored.
fn key_names(key: &str) -> impl Iterator<Item = &str> {
    let mut names = key.split('\\').filter(|p| !p.trim().is_empty());
    let hive = names.next().map(|hive| match hive.trim().to_ascii_uppercase().as_str() {
        "HKCU" => "HKEY_CURRENT_USER",
        "HKLM" => "HKEY_LOCAL_MACHINE",
        "HKCR" => "HKEY_CLASSES_ROOT",
        "HKU" => "HKEY_USERS",
        _ => hive.trim(),
    });
    hive.into_iter().chain(names)
}

impl MapRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a value (creating the key and its parents).
    pub fn set(&mut self, key: &str, name: &str, value: &str) {
        self.key_mut(key).values.insert(name.to_lowercase(), value.to_owned());
    }

    /// Creates a key and its parents, keeping the names as first written.
    pub fn create_key(&mut self, key: &str) {
        self.key_mut(key);
    }

    fn key_mut(&mut self, key: &str) -> &mut Key {
        let mut node = &mut self.root;
        for name in key_names(key) {
            node = node
                .children
                .entry(name.to_lowercase())
                .or_insert_with(|| Key { name: name.to_owned(), ..Key::default() });
        }
        node
    }

    fn key(&self, key: &str) -> Option<&Key> {
        key_names(key).try_fold(&self.root, |node, name| node.children.get(&name.to_lowercase()))
    }

    /// Parses the text of a `.reg` file (`Windows Registry Editor Version 5.00` or `REGEDIT4`).
    pub fn parse_reg(text: &str) -> Result<MapRegistry, RegistryFileError> {
        let mut reg = MapRegistry::new();
        // The key the values that follow belong to: found once, at its line.
        let mut current: Option<&mut Key> = None;
        let mut pending = String::new();
        let mut pending_line = 0;
        let mut pending_hex = false;
        for (index, raw) in text.lines().enumerate() {
            let line_no = index + 1;
            let line = raw.trim_end_matches('\r');
            // Long hex values continue on the next line after a trailing backslash.
            if pending.is_empty() {
                pending_line = line_no;
                pending_hex = !line.trim_start().starts_with('[') && line.contains("=hex");
            }
            pending.push_str(line.trim());
            if pending_hex && pending.ends_with('\\') {
                pending.pop();
                continue;
            }
            let entry = std::mem::take(&mut pending);
            let entry = entry.trim();
            if entry.is_empty()
                || entry.starts_with(';')
                || entry.starts_with('#')
                || entry.starts_with("Windows Registry Editor")
                || entry == "REGEDIT4"
            {
                continue;
            }
            if let Some(inner) = entry.strip_prefix('[') {
                let Some(name) = inner.strip_suffix(']') else {
                    return Err(syntax(line_no, "a key line must end with `]`"));
                };
                // `[-KEY]` deletes a key in regedit: nothing to hold.
                if name.starts_with('-') {
                    current = None;
                    continue;
                }
                if key_names(name).count() > MAX_KEY_DEPTH {
                    return Err(syntax(line_no, "a key more than 512 levels deep (Windows' own limit)"));
                }
                if key_names(name).any(|part| part.chars().count() > MAX_KEY_NAME) {
                    return Err(syntax(
                        line_no,
                        "a key name longer than 255 characters (Windows' own limit)",
                    ));
                }
                current = Some(reg.key_mut(name));
                continue;
            }
            let Some(key) = current.as_deref_mut() else {
                return Err(syntax(pending_line, "a value appears before any `[KEY]` line"));
            };
            let (name, rest) =
                parse_value_name(entry).ok_or_else(|| syntax(pending_line, "expected \"Name\"=value"))?;
            let Some(value) = parse_value_data(rest) else {
                return Err(syntax(
                    pending_line,
                    "unsupported value (expected \"text\", dword:, hex(2): or hex:)",
                ));
            };
            if let Some(value) = value {
                key.values.insert(name.to_lowercase(), value);
            }
        }
        Ok(reg)
    }

    /// Reads a `.reg` file from bytes (UTF-16 with a byte-order mark, as `regedit` writes, or UTF-8).
    pub fn parse_reg_bytes(bytes: &[u8]) -> Result<MapRegistry, RegistryFileError> {
        let text = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
            let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        } else {
            String::from_utf8_lossy(bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes)).into_owned()
        };
        MapRegistry::parse_reg(&text)
    }
}

fn syntax(line: usize, message: &str) -> RegistryFileError {
    RegistryFileError::Syntax { line, message: message.to_owned() }
}

/// `"Name"=…` or `@=…` → (name, the text after `=`).
fn parse_value_name(entry: &str) -> Option<(String, &str)> {
    if let Some(rest) = entry.strip_prefix('@') {
        return Some((String::new(), rest.trim_start().strip_prefix('=')?));
    }
    let (name, used) = parse_quoted(entry)?;
    let rest = entry[used..].trim_start().strip_prefix('=')?;
    Some((name, rest.trim_start()))
}

/// A `"…"` string with `\\` and `\"` escapes, from the start of `s`; returns it and the bytes used.
fn parse_quoted(s: &str) -> Option<(String, usize)> {
    let mut chars = s.char_indices();
    if chars.next()?.1 != '"' {
        return None;
    }
    let mut out = String::new();
    let mut escaped = false;
    for (i, c) in chars {
        if escaped {
            out.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' {
            return Some((out, i + 1));
        } else {
            out.push(c);
        }
    }
    None
}

/// The value's data as text. `Some(None)` for types detection ignores (binary, deletions).
fn parse_value_data(rest: &str) -> Option<Option<String>> {
    let rest = rest.trim();
    if rest.starts_with('"') {
        let (text, used) = parse_quoted(rest)?;
        return rest[used..].trim().is_empty().then_some(Some(text));
    }
    if rest == "-" {
        return Some(None);
    }
    if let Some(hex) = rest.strip_prefix("dword:") {
        return u32::from_str_radix(hex.trim(), 16).ok().map(|n| Some(n.to_string()));
    }
    if let Some(hex) = rest.strip_prefix("hex(2):").or_else(|| rest.strip_prefix("hex(1):")) {
        let bytes = parse_hex_bytes(hex)?;
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        let text = String::from_utf16_lossy(&units);
        return Some(Some(text.trim_end_matches('\0').to_owned()));
    }
    if rest.starts_with("hex") {
        return parse_hex_bytes(rest.split_once(':')?.1).map(|_| None);
    }
    None
}

fn parse_hex_bytes(hex: &str) -> Option<Vec<u8>> {
    hex.split(',').map(str::trim).filter(|b| !b.is_empty()).map(|b| u8::from_str_radix(b, 16).ok()).collect()
}

impl RegistryReader for MapRegistry {
    fn string(&self, key: &str, name: &str) -> Option<String> {
        self.key(key)?.values.get(&name.to_lowercase()).cloned()
    }

    fn subkeys(&self, key: &str) -> Vec<String> {
        self.key(key).map(|k| k.children.values().map(|sub| sub.name.clone()).collect()).unwrap_or_default()
    }
}

/// The registry of the Windows machine we run on, opened read-only.
#[cfg(windows)]
#[derive(Debug, Clone, Copy, Default)]
pub struct LiveRegistry;

#[cfg(windows)]
impl LiveRegistry {
    fn open(key: &str) -> Option<windows_registry::Key> {
        let canon = key.trim().trim_matches('\\');
        let (hive, rest) = canon.split_once('\\').unwrap_or((canon, ""));
        let root = match hive.to_ascii_uppercase().as_str() {
            "HKCU" | "HKEY_CURRENT_USER" => windows_registry::CURRENT_USER,
            "HKLM" | "HKEY_LOCAL_MACHINE" => windows_registry::LOCAL_MACHINE,
            "HKCR" | "HKEY_CLASSES_ROOT" => windows_registry::CLASSES_ROOT,
            _ => return None,
        };
        root.open(rest).ok()
    }
}

#[cfg(windows)]
impl RegistryReader for LiveRegistry {
    fn string(&self, key: &str, name: &str) -> Option<String> {
        let key = Self::open(key)?;
        key.get_string(name).ok().or_else(|| key.get_u32(name).ok().map(|n| n.to_string()))
    }

    fn subkeys(&self, key: &str) -> Vec<String> {
        Self::open(key).and_then(|k| k.keys().ok().map(|it| it.take(10_000).collect())).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"Windows Registry Editor Version 5.00

; The default browser, as Windows 11 records it.
[HKEY_CURRENT_USER\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https\UserChoice]
"ProgId"="FirefoxURL-308046B0AF4A39CB"
"Hash"="abc="

[HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\Mozilla Firefox 128.0 (x64 fr)]
"DisplayName"="Mozilla Firefox (x64 fr)"
"DisplayVersion"="128.0"
"InstallLocation"="C:\\Program Files\\Mozilla Firefox"
"EstimatedSize"=dword:0000f000
"Path"=hex(2):43,00,3a,00,5c,00,\
  78,00,00,00
"#;

    #[test]
    fn reads_strings_dwords_and_expand_strings() {
        let reg = MapRegistry::parse_reg(SAMPLE).unwrap();
        let choice = r"HKCU\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https\UserChoice";
        assert_eq!(reg.string(choice, "progid").as_deref(), Some("FirefoxURL-308046B0AF4A39CB"));
        let ff = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\Mozilla Firefox 128.0 (x64 fr)";
        assert_eq!(reg.string(ff, "InstallLocation").as_deref(), Some(r"C:\Program Files\Mozilla Firefox"));
        assert_eq!(reg.string(ff, "EstimatedSize").as_deref(), Some("61440"));
        assert_eq!(reg.string(ff, "Path").as_deref(), Some(r"C:\x"));
    }

    #[test]
    fn lists_direct_subkeys_with_their_written_names() {
        let reg = MapRegistry::parse_reg(SAMPLE).unwrap();
        let subs = reg.subkeys(r"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall");
        assert_eq!(subs, vec!["Mozilla Firefox 128.0 (x64 fr)".to_owned()]);
        assert!(reg.subkeys(r"HKLM\Nothing").is_empty());
    }

    #[test]
    fn utf16_files_from_regedit_are_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in SAMPLE.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let reg = MapRegistry::parse_reg_bytes(&bytes).unwrap();
        assert_eq!(
            reg.subkeys(r"HKCU\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https").len(),
            1
        );
    }

    #[test]
    fn random_input_never_panics() {
        let alphabet: Vec<char> = "[]\\\"=@-:,hexdword(2)0123456789abcdefHKCU\n\r ;é".chars().collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(seed % 120) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            let _ = MapRegistry::parse_reg(&text);
            let _ = MapRegistry::parse_reg_bytes(text.as_bytes());
        }
    }

    /// A key is held as a tree: a key as deep as Windows allows is read whole, and one deeper, or with a
    /// name longer than Windows allows, is not a registry export (each prefix of a key 4,000 levels deep
    /// used to be stored with its full path: its depth squared in time and memory).
    #[test]
    fn keys_as_deep_as_windows_allows_and_no_deeper() {
        let path = |depth: usize| format!("HKCU{}", "\\Sub".repeat(depth - 1));
        let deepest = path(MAX_KEY_DEPTH);
        let text = format!("REGEDIT4\n\n[{deepest}]\n\"A\"=\"b\"\n\n[{}\\Other]\n", path(3));
        let reg = MapRegistry::parse_reg(&text).unwrap();
        assert_eq!(reg.string(&deepest.to_lowercase(), "a").as_deref(), Some("b"));
        assert_eq!(reg.subkeys(&path(MAX_KEY_DEPTH - 1)), ["Sub"]);
        assert_eq!(reg.subkeys(r"HKEY_CURRENT_USER\Sub\Sub"), ["Other", "Sub"]);

        let too_deep = format!("REGEDIT4\n\n[{}]\n", path(4000));
        let err = MapRegistry::parse_reg(&too_deep).unwrap_err();
        assert_eq!(err.to_string(), "line 3: a key more than 512 levels deep (Windows' own limit)");
        let too_long = format!("REGEDIT4\n[HKCU\\{}]\n", "n".repeat(256));
        let err = MapRegistry::parse_reg(&too_long).unwrap_err();
        assert!(err.to_string().starts_with("line 2: a key name longer than 255"), "{err}");
    }

    #[test]
    fn a_long_hex_value_continues_over_many_lines() {
        let mut text = String::from("REGEDIT4\n[HKCU\\X]\n\"P\"=hex(2):41,00,\\\n");
        for _ in 0..10_000 {
            text.push_str("  41,00,\\\n");
        }
        text.push_str("  00,00\n\"Q\"=\"after\"\n");
        let reg = MapRegistry::parse_reg(&text).unwrap();
        assert_eq!(reg.string(r"HKCU\X", "P").map(|p| p.len()), Some(10_001));
        assert_eq!(reg.string(r"HKCU\X", "Q").as_deref(), Some("after"));
    }

    #[test]
    fn bad_lines_say_where() {
        let err = MapRegistry::parse_reg("\"A\"=\"b\"\n").unwrap_err();
        assert_eq!(err.code(), "registry.syntax");
        assert!(err.to_string().starts_with("line 1"), "{err}");
        let err = MapRegistry::parse_reg("[HKCU\\X]\n\"A\"=qword:1\n").unwrap_err();
        assert!(err.to_string().starts_with("line 2"), "{err}");
    }
}
