//! The left tree, flattened into rows: folders, then their requests when
//! expanded. Selection is an index into these rows; it is re-found by name
//! after each reload so it survives changes on disk.

use super::app::App;
use cleocps_core::request::Request;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Folder(usize),
    Request(usize, usize),
}

pub fn rows(app: &App) -> Vec<Row> {
    let mut out = Vec::with_capacity(app.tree.iter().map(|f| f.requests.len() + 1).sum());
    for (fi, f) in app.tree.iter().enumerate() {
        out.push(Row::Folder(fi));
        if !app.collapsed.contains(&f.name) {
            out.extend((0..f.requests.len()).map(|ri| Row::Request(fi, ri)));
        }
    }
    out
}

pub fn selected_row(app: &App) -> Option<Row> {
    rows(app).get(app.cursor).copied()
}

/// The selected request, if a request (not a folder) is selected.
pub fn selected_request(app: &App) -> Option<&Request> {
    match selected_row(app)? {
        Row::Request(fi, ri) => app.tree.get(fi)?.requests.get(ri),
        Row::Folder(_) => None,
    }
}

/// The folder of the selection (the folder itself or the request's).
pub fn selected_folder(app: &App) -> Option<&str> {
    match selected_row(app)? {
        Row::Folder(fi) | Row::Request(fi, _) => app.tree.get(fi).map(|f| f.name.as_str()),
    }
}

/// "FOLDER" or "FOLDER/NAME" of a row.
pub fn row_key(app: &App, row: Row) -> String {
    match row {
        Row::Folder(fi) => app.tree.get(fi).map(|f| f.name.clone()).unwrap_or_default(),
        Row::Request(fi, ri) => app
            .tree
            .get(fi)
            .and_then(|f| f.requests.get(ri))
            .map(|r| r.path())
            .unwrap_or_default(),
    }
}

/// Moves the cursor to "FOLDER" or "FOLDER/NAME", expanding its folder.
/// Returns false when it is not in the tree.
pub fn select(app: &mut App, key: &str) -> bool {
    if let Some((folder, _)) = key.split_once('/') {
        app.collapsed.remove(folder);
    }
    let found = rows(app).into_iter().position(|r| row_key(app, r) == key);
    match found {
        Some(i) => {
            app.cursor = i;
            true
        }
        None => false,
    }
}

/// The first request of the tree, for a first start.
pub fn first_request(app: &App) -> Option<String> {
    app.tree
        .iter()
        .find_map(|f| f.requests.first())
        .map(|r| r.path())
}

/// Keeps the cursor inside the rows after something disappeared.
pub fn clamp(app: &mut App) {
    let n = rows(app).len();
    if app.cursor >= n {
        app.cursor = n.saturating_sub(1);
    }
}
