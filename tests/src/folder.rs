//! A fingerprint of a folder tree (every entry's relative path, kind, size and content hash), to prove that
//! the app wrote nothing: equal fingerprints before and after mean no file was created, removed or changed.
//! Modification times are left out on purpose: rewriting a file with the same bytes is not what we look for
//! here, and times would make the comparison depend on the clock.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};

/// Relative path → `dir`, or `file <size> <hash>` (a missing folder is an empty tree).
pub fn tree(root: &Path) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    if root.exists() {
        walk(root, root, &mut out).with_context(|| format!("listing {}", root.display()))?;
    }
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let rel = path.strip_prefix(root)?.to_string_lossy().into_owned();
        if path.is_dir() {
            out.insert(rel, "dir".to_owned());
            walk(root, &path, out)?;
        } else {
            let bytes = std::fs::read(&path)?;
            let hash = bytes
                .iter()
                .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3));
            out.insert(rel, format!("file {} {hash:016x}", bytes.len()));
        }
    }
    Ok(())
}
