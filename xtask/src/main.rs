use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(text) = xtask::cli::help(&args) {
        print!("{text}");
        return ExitCode::SUCCESS;
    }
    let result = match args.first().map(String::as_str) {
        Some("bench") => xtask::bench::parse(&args[1..]).and_then(|a| xtask::bench::run(&a)),
        Some("diff") => xtask::diff::cli::parse(&args[1..]).and_then(|a| xtask::diff::cli::run(&a)),
        Some("release") => xtask::release::parse(&args[1..]).and_then(|a| xtask::release::run(&a)),
        Some("oas30") => xtask::oas30(&args[1..]),
        Some("docs") => xtask::docs::parse(&args[1..]).and_then(|a| xtask::docs::run(&a)),
        _ => xtask::cli::parse(&args).and_then(|a| xtask::cli::run(&a)),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
