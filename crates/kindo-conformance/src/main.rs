//! `kindo-conformance`: the command-line face of the library (see `--help`).

use std::path::PathBuf;
use std::process::ExitCode;

use kindo_conformance::{InputError, Loaded, Report, Selection, corpus, exit, live};

const HELP: &str = "\
kindo-conformance: check payloads and deployments against the published Kindo OpenAPI 3.1 documents

USAGE:
    kindo-conformance [check]  [--spec-dir DIR] [--corpus-dir DIR] [--format text|json]
                               [--verbose] [--no-coverage]
    kindo-conformance coverage [--spec-dir DIR] [--corpus-dir DIR] [--format text|json]
    kindo-conformance live     [--spec-dir DIR] [--format text|json]

COMMANDS:
    check     (default) every corpus example (CORPUS/examples/**.json) against its operation's
              schema in every document that has it; every example/examples value inside the
              documents against its own schema; every negative example
              (CORPUS/negative/**.json) must be rejected at its expect_error_at pointer;
              coverage (below)
    coverage  only list request bodies and 2xx responses (per media type) without an example
    live      GET /v1/models, /v1/agents/list, /v1/agents/{id}, /v1/runs/{id} on a deployment
              and report drift field by field. Environment: KINDO_BASE_URL, KINDO_API_KEY
              (required); KINDO_AGENT_ID, KINDO_RUN_ID, KINDO_AUTH=x-api-key|bearer (optional)

OPTIONS:
    --spec-dir DIR    directory holding the published *.openapi.json (default: spec)
    --corpus-dir DIR  directory holding examples/ and negative/ (default: `corpus` beside the
                      spec directory, e.g. corpus for spec; when that is missing, only the
                      documents are checked)
    --format FORMAT   text (default) or json (one JSON report on stdout)
    --verbose         text format: also list passing items
    --no-coverage     check: leave out the coverage check

EXIT CODES:
    0  every check passed
    1  a check failed (example rejected, negative accepted or rejected elsewhere, coverage gap,
       live drift)
    2  bad command line, or a missing/invalid KINDO_* variable in live mode
    3  spec directory or a *.openapi.json document unreadable, not JSON, not 3.1, uncompilable,
       with a dangling or cyclic $ref, or not listed in the directory's documents.json (orphan);
       corpus directory given with --corpus-dir but missing, or unreadable
    4  malformed corpus file (not JSON, or not in the example / negative format)
    5  a corpus file names an operation, status or media type that no document declares
    6  live: the deployment could not be reached or its body could not be read
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Check,
    Coverage,
    Live,
}

#[derive(Debug)]
struct Args {
    command: Command,
    spec_dir: PathBuf,
    /// `None`: the default, [`corpus::beside`] the spec directory.
    corpus_dir: Option<PathBuf>,
    json: bool,
    verbose: bool,
    coverage: bool,
}

enum Parsed {
    Run(Args),
    Help,
    Version,
}

fn parse(args: &[String]) -> Result<Parsed, InputError> {
    let mut out = Args {
        command: Command::Check,
        spec_dir: PathBuf::from("spec"),
        corpus_dir: None,
        json: false,
        verbose: false,
        coverage: true,
    };
    let mut it = args.iter().peekable();
    if let Some(first) = it.peek() {
        let command = match first.as_str() {
            "check" => Some(Command::Check),
            "coverage" => Some(Command::Coverage),
            "live" => Some(Command::Live),
            _ => None,
        };
        if let Some(c) = command {
            out.command = c;
            it.next();
        }
    }
    while let Some(arg) = it.next() {
        let mut value = |flag: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| InputError::Usage(format!("{flag} needs a value")))
        };
        match arg.as_str() {
            "-h" | "--help" => return Ok(Parsed::Help),
            "-V" | "--version" => return Ok(Parsed::Version),
            "--spec-dir" => out.spec_dir = PathBuf::from(value("--spec-dir")?),
            "--corpus-dir" if out.command != Command::Live => {
                out.corpus_dir = Some(PathBuf::from(value("--corpus-dir")?));
            }
            "--format" => {
                out.json = match value("--format")?.as_str() {
                    "json" => true,
                    "text" => false,
                    other => {
                        return Err(InputError::Usage(format!(
                            "--format must be `text` or `json`, got `{other}`"
                        )));
                    }
                }
            }
            "--verbose" => out.verbose = true,
            "--no-coverage" if out.command == Command::Check => out.coverage = false,
            other => {
                return Err(InputError::Usage(format!(
                    "unexpected argument `{other}` (see --help)"
                )));
            }
        }
    }
    Ok(Parsed::Run(out))
}

/// The spec and corpus directories of `check` and `coverage`. A corpus directory named on the
/// command line must exist: a mistyped path would otherwise check no corpus at all.
fn load(args: &Args) -> Result<Loaded, InputError> {
    let corpus_dir = match &args.corpus_dir {
        Some(dir) if !dir.is_dir() => {
            return Err(InputError::Spec {
                path: dir.clone(),
                message: "corpus directory not found".into(),
            });
        }
        Some(dir) => dir.clone(),
        None => corpus::beside(&args.spec_dir),
    };
    kindo_conformance::load(&args.spec_dir, &corpus_dir)
}

fn execute(args: &Args) -> Result<Report, InputError> {
    match args.command {
        Command::Check => {
            let loaded = load(args)?;
            let mut selection = Selection::ALL;
            selection.coverage = args.coverage;
            kindo_conformance::run(&loaded, selection)
        }
        Command::Coverage => kindo_conformance::run(&load(args)?, Selection::COVERAGE),
        Command::Live => {
            // Read the environment first: a missing key should not wait for the spec.
            let config = live::Config::from_env()?;
            let spec = kindo_conformance::Spec::load(&args.spec_dir)?;
            live::run(&spec, &config)
        }
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let json_requested = argv
        .windows(2)
        .any(|w| w[0] == "--format" && w[1] == "json");
    let result = parse(&argv).and_then(|parsed| match parsed {
        Parsed::Help => {
            print!("{HELP}");
            Ok(None)
        }
        Parsed::Version => {
            println!("kindo-conformance {}", env!("CARGO_PKG_VERSION"));
            Ok(None)
        }
        Parsed::Run(args) => execute(&args).map(|r| Some((r, args))),
    });
    match result {
        Ok(None) => ExitCode::from(exit::OK),
        Ok(Some((report, args))) => {
            if args.json {
                println!("{}", report.to_json());
            } else {
                print!("{}", report.to_text(args.verbose));
            }
            ExitCode::from(if report.passed() {
                exit::OK
            } else {
                exit::FAILED
            })
        }
        Err(error) => {
            eprintln!("kindo-conformance: {error}");
            if json_requested {
                let body = serde_json::json!({
                    "error": { "kind": error.kind(), "exit_code": error.exit_code(), "message": error.to_string() }
                });
                println!("{body}");
            }
            ExitCode::from(error.exit_code())
        }
    }
}
