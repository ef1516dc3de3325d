fn main() {
    std::process::exit(vanban::cli::main());
}
