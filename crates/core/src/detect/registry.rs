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

/// Registry keys held in memory, case-insensitive like the registry.
#[derive(Debug, Clone, Default)]
pub struct MapRegistry {
    /// Lower-cased full key path → (value name lower-cased → value).
    keys: BTreeMap<String, BTreeMap<String, String>>,
    /// Lower-cased full key path → the key's last component as written.
    names: BTreeMap<String, String>,
}

/// Expands `HKCU`/`HKLM`… to the full hive names, drops trailing `\`, lower-cases.
fn canonical_key(key: &str) -> String {
    let key = key.trim().trim_matches('\\');
    let (hive, rest) = key.split_once('\\').unwrap_or((key, ""));
    let hive = match hive.to_ascii_uppercase().as_str() {
        "HKCU" => "HKEY_CURRENT_USER".to_owned(),
        "HKLM" => "HKEY_LOCAL_MACHINE".to_owned(),
        "HKCR" => "HKEY_CLASSES_ROOT".to_owned(),
        "HKU" => "HKEY_USERS".to_owned(),
        other => other.to_owned(),
    };
    let mut out = hive;
    for part in rest.split('\\').filter(|p| !p.is_empty()) {
        out.push('\\');
        out.push_str(part);
    }
    out.to_lowercase()
}

impl MapRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a value (creating the key and its parents).
    pub fn set(&mut self, key: &str, name: &str, value: &str) {
        self.create_key(key);
        let canon = canonical_key(key);
        self.keys.entry(canon).or_default().insert(name.to_lowercase(), value.to_owned());
    }

    /// Creates a key and its parents, keeping the names as written.
    pub fn create_key(&mut self, key: &str) {
        let trimmed = key.trim().trim_matches('\\');
        let parts: Vec<&str> = trimmed.split('\\').filter(|p| !p.is_empty()).collect();
        for end in 1..=parts.len() {
            let path = parts[..end].join("\\");
            let canon = canonical_key(&path);
            self.names.entry(canon.clone()).or_insert_with(|| parts[end - 1].to_owned());
            self.keys.entry(canon).or_default();
        }
    }

    /// Parses the text of a `.reg` file (`Windows Registry Editor Version 5.00` or `REGEDIT4`).
    pub fn parse_reg(text: &str) -> Result<MapRegistry, RegistryFileError> {
        let mut reg = MapRegistry::new();
        let mut current: Option<String> = None;
        let mut pending = String::new();
        let mut pending_line = 0;
        for (index, raw) in text.lines().enumerate() {
            let line_no = index + 1;
            let line = raw.trim_end_matches('\r');
            // Long hex values continue on the next line after a trailing backslash.
            if !pending.is_empty() {
                pending.push_str(line.trim());
            } else {
                pending_line = line_no;
                pending.push_str(line.trim());
            }
            if pending.ends_with('\\') && !pending.starts_with('[') && pending.contains("=hex") {
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
                reg.create_key(name);
                current = Some(name.to_owned());
                continue;
            }
            let Some(key) = current.as_ref() else {
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
                reg.set(key, &name, &value);
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
        self.keys.get(&canonical_key(key))?.get(&name.to_lowercase()).cloned()
    }

    fn subkeys(&self, key: &str) -> Vec<String> {
        let prefix = format!("{}\\", canonical_key(key));
        self.names
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .filter(|(k, _)| !k[prefix.len()..].contains('\\'))
            .map(|(_, name)| name.clone())
            .collect()
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

    #[test]
    fn bad_lines_say_where() {
        let err = MapRegistry::parse_reg("\"A\"=\"b\"\n").unwrap_err();
        assert_eq!(err.code(), "registry.syntax");
        assert!(err.to_string().starts_with("line 1"), "{err}");
        let err = MapRegistry::parse_reg("[HKCU\\X]\n\"A\"=qword:1\n").unwrap_err();
        assert!(err.to_string().starts_with("line 2"), "{err}");
    }
}
