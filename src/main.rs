//! The `cleocps` binary: a thin front over the library.

fn main() {
    std::process::exit(cleocps::cli::main());
}
