//! A small zip writer (stored entries only) and reader (stored and
//! deflated entries), enough for brat folders. No ZIP64, no encryption.
//!
//! The reader never panics and bounds what it inflates: hostile archives are
//! refused with a message.

use crate::interop::ImportError;

/// The CRC-32 of zip entries (ISO HDLC, as PKZIP and gzip have it).
const CRC: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);

fn crc32(data: &[u8]) -> u32 {
    CRC.checksum(data)
}

/// At most this many entries are read.
const MAX_ENTRIES: usize = 100_000;
/// At most this many bytes are inflated, over all entries.
const MAX_TOTAL: usize = 512 * 1024 * 1024;

/// Packs `files` (`(path, bytes)`) into a zip archive, each entry stored
/// (not compressed), names marked UTF-8, dated 1980-01-01 so that equal
/// inputs give equal bytes.
pub fn write(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let mut count: u16 = 0;
    for (name, data) in files {
        // Beyond the classic format's limits (4 GiB, 65535 entries): skip.
        let (Ok(size), Ok(name_len), Ok(offset)) = (
            u32::try_from(data.len()),
            u16::try_from(name.len()),
            u32::try_from(out.len()),
        ) else {
            continue;
        };
        if count == u16::MAX {
            break;
        }
        count += 1;
        let entry = Entry {
            crc: crc32(data),
            size,
            name_len,
        };
        // Local file header.
        put32(&mut out, 0x0403_4b50);
        entry.put(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Central directory header: the local header's fields after a
        // "version made by".
        put32(&mut central, 0x0201_4b50);
        put16(&mut central, 20);
        entry.put(&mut central);
        put16(&mut central, 0); // comment
        put16(&mut central, 0); // disk
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
    let cd_size = u32::try_from(central.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, cd_size);
    put32(&mut out, cd_offset);
    put16(&mut out, 0);
    out
}

/// The fields a local file header and a central directory header share.
struct Entry {
    crc: u32,
    size: u32,
    name_len: u16,
}

impl Entry {
    /// From "version needed" to "extra field length".
    fn put(&self, out: &mut Vec<u8>) {
        put16(out, 20); // version needed
        put16(out, 0x0800); // UTF-8 names
        put16(out, 0); // stored
        put16(out, 0); // time
        put16(out, 0x0021); // date 1980-01-01
        put32(out, self.crc);
        put32(out, self.size);
        put32(out, self.size);
        put16(out, self.name_len);
        put16(out, 0); // extra
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn get16(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

fn get32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// Reads every file entry of a zip archive: `(path, bytes)` in central
/// directory order. Directories are skipped. `name` names the archive in
/// errors.
pub fn read(name: &str, bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, ImportError> {
    let err = |message: String| Err(ImportError::new(name, message));
    // The end of central directory record: 22 bytes plus a comment.
    if bytes.len() < 22 {
        return err("not a zip archive (too short)".to_string());
    }
    let min = bytes.len().saturating_sub(22 + 65_535);
    let Some(eocd) = (min..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&i| get32(bytes, i) == Some(0x0605_4b50))
    else {
        return err("not a zip archive (no end of central directory record)".to_string());
    };
    let entries = usize::from(get16(bytes, eocd.saturating_add(10)).unwrap_or(0));
    let cd_offset = get32(bytes, eocd.saturating_add(16)).unwrap_or(0) as usize;
    if get32(bytes, eocd.saturating_add(16)) == Some(u32::MAX)
        || get16(bytes, eocd.saturating_add(10)) == Some(u16::MAX)
    {
        return err("ZIP64 archives are not supported".to_string());
    }
    if entries > MAX_ENTRIES {
        return err(format!("too many entries ({entries})"));
    }
    let mut files = Vec::new();
    let mut total = 0usize;
    let mut at = cd_offset;
    for n in 0..entries {
        let bad = |what: &str| ImportError::new(name, format!("entry {}: {what}", n + 1));
        if get32(bytes, at) != Some(0x0201_4b50) {
            return Err(bad("damaged central directory"));
        }
        let field16 =
            |off: usize| get16(bytes, at.saturating_add(off)).ok_or_else(|| bad("truncated"));
        let field32 =
            |off: usize| get32(bytes, at.saturating_add(off)).ok_or_else(|| bad("truncated"));
        let flags = field16(8)?;
        let method = field16(10)?;
        let crc = field32(16)?;
        let compressed = field32(20)? as usize;
        let size = field32(24)? as usize;
        let name_len = usize::from(field16(28)?);
        let extra_len = usize::from(field16(30)?);
        let comment_len = usize::from(field16(32)?);
        let local = field32(42)? as usize;
        let name_bytes = bytes
            .get(at.saturating_add(46)..at.saturating_add(46).saturating_add(name_len))
            .ok_or_else(|| bad("truncated name"))?;
        let entry = String::from_utf8_lossy(name_bytes).into_owned();
        at = at.saturating_add(46 + name_len + extra_len + comment_len);
        let bad = |what: &str| ImportError::new(name, format!("{entry}: {what}"));
        if entry.ends_with('/') {
            continue;
        }
        if flags & 1 != 0 {
            return Err(bad("encrypted entries are not supported"));
        }
        if get32(bytes, local) != Some(0x0403_4b50) {
            return Err(bad("damaged local header"));
        }
        let local_name =
            usize::from(get16(bytes, local.saturating_add(26)).ok_or_else(|| bad("truncated"))?);
        let local_extra =
            usize::from(get16(bytes, local.saturating_add(28)).ok_or_else(|| bad("truncated"))?);
        let start = local.saturating_add(30 + local_name + local_extra);
        let data = start
            .checked_add(compressed)
            .and_then(|end| bytes.get(start..end))
            .ok_or_else(|| bad("data past the end of the archive"))?;
        if size > MAX_TOTAL - total {
            return Err(bad("too large once uncompressed"));
        }
        let content = match method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, size)
                .map_err(|_| bad("damaged or larger than declared deflate data"))?,
            other => return Err(bad(&format!("compression method {other} is not supported"))),
        };
        if content.len() != size || crc32(&content) != crc {
            return Err(bad("checksum or size mismatch"));
        }
        total += size;
        files.push((entry, content));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_is_the_crc_32_of_zip() {
        // The check value of CRC-32 (ISO HDLC) for the nine digits.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn round_trips_files() {
        let files = vec![
            (
                "a.txt".to_string(),
                "Zoë 👩\u{200d}👩\u{200d}👧\r\n".as_bytes().to_vec(),
            ),
            ("dir/b.ann".to_string(), Vec::new()),
            ("ü.conf".to_string(), vec![0, 1, 2, 255]),
        ];
        let zip = write(&files);
        assert_eq!(read("t.zip", &zip).unwrap(), files);
        assert_eq!(write(&files), zip, "deterministic");
    }

    #[test]
    fn reads_deflated_entries() {
        let text = b"Hello hello hello hello hello, brat.\n".repeat(20);
        let deflated = miniz_oxide::deflate::compress_to_vec(&text, 6);
        // A stored archive, patched to method 8 with the deflated data.
        let mut zip = Vec::new();
        let crc = crc32(&text);
        put32(&mut zip, 0x0403_4b50);
        for v in [20u16, 0, 8, 0, 0x21] {
            put16(&mut zip, v);
        }
        put32(&mut zip, crc);
        put32(&mut zip, deflated.len() as u32);
        put32(&mut zip, text.len() as u32);
        put16(&mut zip, 5);
        put16(&mut zip, 0);
        zip.extend_from_slice(b"x.txt");
        zip.extend_from_slice(&deflated);
        let cd = zip.len() as u32;
        put32(&mut zip, 0x0201_4b50);
        for v in [20u16, 20, 0, 8, 0, 0x21] {
            put16(&mut zip, v);
        }
        put32(&mut zip, crc);
        put32(&mut zip, deflated.len() as u32);
        put32(&mut zip, text.len() as u32);
        for v in [5u16, 0, 0, 0, 0] {
            put16(&mut zip, v);
        }
        put32(&mut zip, 0);
        put32(&mut zip, 0);
        zip.extend_from_slice(b"x.txt");
        let cd_size = zip.len() as u32 - cd;
        put32(&mut zip, 0x0605_4b50);
        for v in [0u16, 0, 1, 1] {
            put16(&mut zip, v);
        }
        put32(&mut zip, cd_size);
        put32(&mut zip, cd);
        put16(&mut zip, 0);
        assert_eq!(
            read("t.zip", &zip).unwrap(),
            vec![("x.txt".to_string(), text)]
        );
    }

    #[test]
    fn hostile_archives_are_refused_without_panicking() {
        let good = write(&[("a.txt".into(), b"some text".to_vec())]);
        assert!(read("t.zip", b"").is_err());
        assert!(read("t.zip", b"PK\x05\x06").is_err());
        assert!(read("t.zip", &[0u8; 100]).is_err());
        // Every truncation and every single-byte corruption.
        for i in 0..good.len() {
            let _ = read("t.zip", &good[..i]);
            for b in [0u8, 0xff, 0x7f] {
                let mut bad = good.clone();
                bad[i] = b;
                let _ = read("t.zip", &bad);
            }
        }
        // A flipped data byte fails the checksum.
        let mut bad = good.clone();
        bad[30 + 5] ^= 1;
        assert!(
            read("t.zip", &bad)
                .unwrap_err()
                .to_string()
                .contains("checksum")
        );
    }
}
