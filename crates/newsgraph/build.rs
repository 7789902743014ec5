//! Compiles the gazetteer's lookup tables (`data/geo/`) into OUT_DIR, so that loading them costs nothing at run
//! time: the start of every record line, the admin1 codes, a hash table over `index.tsv`, and a name filter and a hash
//! table over `small.tsv`.

use std::path::Path;

include!("src/places/geo_tables.rs");

fn data(name: &str) -> String {
    // The run-time variable, not `env!`: a build script binary reused from another checkout (a copied `target/`)
    // must still read this crate's data.
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let path = Path::new(&dir).join("data/geo").join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn key_of(line: &str) -> &str {
    line.split_once('\t').map_or(line, |(k, _)| k)
}

fn main() {
    println!("cargo:rerun-if-changed=src/places/geo_tables.rs");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).expect("write OUT_DIR");
    };

    // Record number -> byte offset of its line in places.tsv; admin1 `CC.code\trecord` lines, sorted.
    let places = data("places.tsv");
    let mut lines: Vec<u8> = Vec::new();
    let mut admin1: Vec<String> = Vec::new();
    let mut pos = 0usize;
    let mut n = 0u32;
    for line in places.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        if line.starts_with('#') || line.trim_end().is_empty() {
            continue;
        }
        let mut f = line.split('\t').skip(2);
        if let (Some("A"), Some(cc), Some(code)) = (f.next(), f.next(), f.next()) {
            admin1.push(format!("{cc}.{code}\t{n}\n"));
        }
        lines.extend_from_slice(&(start as u32).to_le_bytes());
        n += 1;
    }
    admin1.sort();
    write("geo_lines.bin", &lines);
    write("geo_admin1.tsv", admin1.concat().as_bytes());

    // index.tsv: open addressing by key hash (the `=` exact-case keys are read at load, they are few).
    let index = data("index.tsv");
    let mut table = vec![0u32; INDEX_SLOTS];
    let mut pos = 0usize;
    for line in index.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let key = key_of(line.trim_end_matches('\n'));
        if key.starts_with('=') || key.is_empty() {
            continue;
        }
        let mut slot = index_slot(geo_hash(key.as_bytes()));
        while table[slot] != 0 {
            slot = (slot + 1) & (INDEX_SLOTS - 1);
        }
        table[slot] = start as u32 + 1;
    }
    let bytes: Vec<u8> = table.iter().flat_map(|v| v.to_le_bytes()).collect();
    write("geo_index.bin", &bytes);

    // Filter over small places' names and their proper prefixes at word boundaries.
    let small = data("small.tsv");
    let mut filter = vec![0u8; FILTER_BITS / 8];
    let mut set = |k: &str| {
        let (b, m) = filter_bit(geo_hash(k.as_bytes()));
        filter[b] |= m;
    };
    for line in small.lines() {
        let k = key_of(line);
        set(k);
        for (p, b) in k.bytes().enumerate() {
            if matches!(b, b' ' | b'\'') && p > 0 {
                set(&k[..p]);
            }
        }
    }
    write("geo_filter.bin", &filter);

    // Small places' table: each name and each proper prefix at a word boundary -> a line that proves it.
    let mut entries: std::collections::HashMap<&str, (u32, u32)> = std::collections::HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    let mut pos = 0usize;
    for line in small.split_inclusive('\n') {
        let start = pos as u32;
        pos += line.len();
        let k = key_of(line.trim_end_matches('\n'));
        if k.is_empty() {
            continue;
        }
        let e = entries.entry(k).or_insert_with(|| {
            order.push(k);
            (start, 0)
        });
        if e.1 & SMALL_EXACT == 0 {
            // The first line named `k` is the witness, also when a longer name came first.
            *e = (start, e.1 | SMALL_EXACT);
        }
        for (p, b) in k.bytes().enumerate() {
            if matches!(b, b' ' | b'\'') && p > 0 {
                let e = entries.entry(&k[..p]).or_insert_with(|| {
                    order.push(&k[..p]);
                    (start, 0)
                });
                e.1 |= SMALL_PREFIX;
            }
        }
    }
    let mut table = vec![0u32; SMALL_SLOTS];
    for k in order {
        let (start, flags) = entries[k];
        assert!(
            start + 1 < SMALL_PREFIX,
            "small.tsv too large for its table"
        );
        let mut slot = small_slot(geo_hash(k.as_bytes()));
        while table[slot] != 0 {
            slot = (slot + 1) & (SMALL_SLOTS - 1);
        }
        table[slot] = (start + 1) | flags;
    }
    let bytes: Vec<u8> = table.iter().flat_map(|v| v.to_le_bytes()).collect();
    write("geo_small.bin", &bytes);

    // US counties keyed as the gazetteer keys a name and sorted by key (stably: same-name counties keep their
    // order), so that a lookup is a binary search and loading builds nothing.
    let counties = data("us_counties.tsv");
    let mut keyed: Vec<(String, String)> = Vec::new();
    for line in counties.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let [admin1, name, lat, lon, n, ..] = f[..] else {
            continue;
        };
        // `normalize_into` of an ASCII name; other names would need its Unicode rules here.
        assert!(
            name.is_ascii(),
            "us_counties.tsv: non-ASCII county name {name:?}: teach build.rs to normalize it"
        );
        let key = county_key_of_normalized(name.to_ascii_lowercase().replace('`', "'"));
        keyed.push((key, format!("{admin1}\t{name}\t{lat}\t{lon}\t{n}")));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    let table: String = keyed
        .iter()
        .map(|(k, rest)| format!("{k}\t{rest}\n"))
        .collect();
    write("geo_counties.tsv", table.as_bytes());
}
