//! Saving through the public entry points: atomic replacement, backup of
//! the previous version, CSV export, and failures that leave the file intact.

use std::path::Path;
use tradeoff::io::{self, SaveErrorKind};
use tradeoff::model::{Lang, Scenario};

fn canada() -> Scenario {
    io::ron_file::parse(tradeoff::DEFAULT_SCENARIO, "canada-2016.ron").expect("bundled")
}

#[test]
fn save_then_load_gives_the_same_scenario_and_keeps_a_backup() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("canada.ron");
    let mut s = canada();
    io::save(&path, &s).expect("first save");
    assert_eq!(io::load(&path).expect("reload"), s);
    let first = std::fs::read(&path).expect("read");
    s.title.en = "Changed".into();
    io::save(&path, &s).expect("second save");
    assert_eq!(io::load(&path).expect("reload").title.en, "Changed");
    assert_eq!(
        std::fs::read(io::backup_path(&path)).expect("backup"),
        first
    );
}

/// The bundled scenario as it was before the value tree (a flat matrix).
fn flat_canada() -> Scenario {
    io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2/canada-2016.ron"))
        .expect("flat fixture")
}

#[test]
fn save_as_csv_refuses_a_value_tree_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("canada.csv");
    let e = io::save(&path, &canada()).expect_err("a CSV cannot hold the tree");
    assert_eq!(e.kind, SaveErrorKind::CsvCannotHoldGroups);
    let m = e.message(Lang::En);
    assert!(m.starts_with(&path.display().to_string()), "{m}");
    assert!(m.contains("save as a .ron scenario instead"), "{m}");
    assert!(!path.exists(), "nothing written");
    let mut only_vf = canada();
    only_vf.groups.clear();
    let e = io::save(&path, &only_vf).expect_err("nor a value function");
    assert_eq!(
        e.kind,
        SaveErrorKind::CsvCannotHoldValueFunction("Cost".into())
    );
    assert!(
        e.message(Lang::Fr)
            .contains("fonction de valeur du critère « Cost »")
    );
}

#[test]
fn save_as_csv_writes_a_matrix() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("canada.csv");
    let s = flat_canada();
    io::save(&path, &s).expect("save");
    let back = io::load(&path).expect("reload");
    assert_eq!(back.alternatives.len(), s.alternatives.len());
    assert_eq!(back.criteria.len(), s.criteria.len());
    // Ids become the English names; values come through unchanged.
    let (a, c) = (&s.alternatives[0], &s.criteria[1]);
    assert_eq!(
        back.score(&a.name.en, &c.name.en).map(|x| x.value),
        s.score(&a.id, &c.id).map(|x| x.value)
    );
    assert!(back.score(&a.name.en, &c.name.en).is_some());
}

#[test]
fn saving_into_a_vanished_folder_fails_clearly() {
    let dir = tempfile::tempdir().expect("dir");
    let folder = dir.path().join("usb-stick");
    std::fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("s.ron");
    io::save(&path, &canada()).expect("save");
    std::fs::remove_dir_all(&folder).expect("unplug");
    let e = io::save(&path, &canada()).expect_err("folder gone");
    assert_eq!(e.kind, SaveErrorKind::FolderMissing);
    assert!(e.message(Lang::En).contains("the folder no longer exists"));
    assert!(e.message(Lang::Fr).contains("le dossier n'existe plus"));
}

/// Read-only folders stop ordinary users but not root, so this checks the
/// message when the system refuses, and the file in every case.
#[cfg(unix)]
#[test]
fn read_only_folder_keeps_the_original() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("s.ron");
    let s = canada();
    io::save(&path, &s).expect("save");
    let before = std::fs::read(&path).expect("read");
    let set_mode = |p: &Path, m| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
    set_mode(dir.path(), 0o555).expect("read-only");
    let mut changed = s.clone();
    changed.title.en = "Changed".into();
    let result = io::save(&path, &changed);
    set_mode(dir.path(), 0o755).expect("writable again");
    match result {
        Err(e) => {
            assert_eq!(e.kind, SaveErrorKind::ReadOnly);
            assert!(e.message(Lang::En).contains("read-only"));
            assert_eq!(
                std::fs::read(&path).expect("read"),
                before,
                "original intact"
            );
        }
        // Running as root: the save goes through, and must be complete.
        Ok(()) => assert_eq!(io::load(&path).expect("reload"), changed),
    }
}
