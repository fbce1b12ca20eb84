"""The command line: ``python -m graph validate|stats|links|path|export|brief DATA …``, ``extract DOC… -o OUT``,
and the store's ``import|get|apply|history|undo``.

Every command reads ``DATA`` with :func:`graph.io.read_dataset`.  Bad input
never gives a traceback: a sentence naming file and row on stderr, exit 1,
and nothing written.

>>> main(["validate", "no/such/folder"])
1
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from graph import analysis, questions
from graph import cli_store as store_cli
from graph.build import filter_dataset, neighbourhood, resolve_actor, to_multigraph
from graph.edgepairs import read_pairs
from graph.io import read_dataset
from graph.io.writers import generate_csv
from graph.model import DataError, Dataset, Problem, cap_problems, validate
from graph.sources import open_dataset

__all__ = ["main", "build_parser"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A user mistake on the command line, reported as one sentence."""


def _print_problems(problems: list[Problem], per_kind: int = 20) -> None:
    """One line per problem, at most ``per_kind`` of a kind, then "… and N more like this"."""
    for problem in cap_problems(problems, per_kind):
        print(problem, file=sys.stderr)


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def _load(path: str, *, strict: bool = False) -> Dataset:
    """Read DATA; with ``strict`` refuse data that has errors, else just warn about them."""
    ds = open_dataset(path)
    errors = _errors(validate(ds))
    if errors and strict:
        raise DataError(errors)
    if errors:
        print(f"note: {path} has {len(errors)} problem(s); `python -m graph validate {path}` lists them",
              file=sys.stderr)
    return ds


def _actor(ds: Dataset, query: str) -> str:
    actor = resolve_actor(ds, query)
    if actor is None:
        raise CommandError(f"no actor with id, name or alias {query!r}")
    return actor


def cmd_validate(args: argparse.Namespace) -> int:
    problems = validate(open_dataset(args.data))
    _print_problems(problems)
    errors = _errors(problems)
    if not errors:
        ds_note = f" ({len(problems)} warning(s))" if problems else ""
        print(f"{args.data}: no problems found{ds_note}")
        return EXIT_OK
    return EXIT_PROBLEMS


def _as_of(ds: Dataset, year: int | None) -> Dataset:
    """The data as it stood in ``year`` (``--year``), else all of it."""
    if year is None:
        return ds
    from graph.build import as_of

    return as_of(ds, year)


def cmd_stats(args: argparse.Namespace) -> int:
    pairs = read_pairs(args.data) if args.year is None else None  # a big bare edge list: read fast
    if pairs is not None:
        facts, found = questions.pair_stats(pairs, top=max(questions.SETTLE_TOP, args.top))
    else:
        ds = _as_of(_load(args.data), args.year)
        facts = questions.summary(ds)
        found = questions.brokers(ds, top=max(questions.SETTLE_TOP, args.top))  # as the Brokers page asks
    top = found.table.head(args.top)
    top = top[top["betweenness"] > 0] if (top["betweenness"] > 0).any() else top  # a zero brokers nothing
    others, k = found.left_out, found.sampled_from
    if args.format == "csv":  # the broker table only, formula-safe like every CSV we print
        table = top[["id", "name", "betweenness", "partners"]].copy()
        table.insert(0, "rank", range(1, len(table) + 1))
        sys.stdout.write(generate_csv(table.astype(str)).replace("\r\n", "\n"))
        return EXIT_OK
    print(f"actors      {facts['actors']}")
    print(f"ties        {facts['ties']} ({facts['pairs']} connected pairs)")
    print(f"components  {facts['components']} (largest {facts['largest_component']} actors, "
          f"{facts['isolated']} isolated)")
    print(f"density     {facts['density']:.4f}")
    approx = f", estimated from {k} sampled sources: {_settled(k, found.settled)}" if k else ""
    left_out = f"; {others} planned, recommended or ended ties left out" if others else ""
    print(f"\nTop brokers by betweenness (existing ties{left_out}{approx}):")
    width = max((len(n) for n in top["name"]), default=0)
    for i, row in enumerate(top.itertuples(index=False), start=1):
        print(f"{i:>3}. {row.name:<{width}}  {row.betweenness:.3f}  partners {row.partners}  ({row.id})")
    return EXIT_OK


def _settled(k: int, settled: tuple[int, bool] | None) -> str:
    """How far to trust a ranking sampled from ``k`` sources: whether its top had settled when sampling stopped.

    >>> _settled(128, (20, True))
    'the top 20 are those of 64 sources'
    """
    top, done = settled or (questions.SETTLE_TOP, False)
    if done:
        return f"the top {top} are those of {k // 2} sources"
    return f"the top {top} still change with more sources (the work allowed ran out), so take them as rough"


def cmd_path(args: argparse.Namespace) -> int:
    ds = _load(args.data)
    source, target = _actor(ds, args.source), _actor(ds, args.target)
    if source == target:
        raise CommandError(f"{args.source!r} and {args.target!r} are the same actor: give two different ones")
    G = to_multigraph(ds if args.all_ties else filter_dataset(ds, statuses=["existing"]))
    import networkx as nx

    try:
        paths = analysis.shortest_paths(G, source, target, limit=args.limit)
    except nx.NetworkXNoPath:
        which = "" if args.all_ties else " by existing ties (try --all-ties)"
        print(f"No path: {G.nodes[source]['name']} and {G.nodes[target]['name']} are not connected{which}.")
        return EXIT_PROBLEMS
    name = lambda n: G.nodes[n]["name"]  # noqa: E731
    for number, hops in enumerate(paths, start=1):
        chain = " — ".join([name(hops[0]["from"])] + [name(h["to"]) for h in hops])
        print(f"Path {number} ({len(hops)} step{'s' * (len(hops) != 1)}): {chain}")
        for hop in hops:
            print(f"  {name(hop['from'])} — {name(hop['to'])}")
            for tie in hop["ties"]:
                status = f", {tie['status']}" if tie.get("status") else ""
                quote = f" \"{tie['evidence']}\"" if tie.get("evidence") else ""
                source = f" ({tie['document']})" if tie.get("document") else ""
                print(f"    [{tie.get('kind') or 'tie'}{status}]{quote}{source}")
    return EXIT_OK


def cmd_links(args: argparse.Namespace) -> int:
    from graph import links

    pairs = None if args.actor or args.pairs else read_pairs(args.data)  # a big bare edge list: read fast
    if pairs is not None:
        try:
            result = links.suggest_links(pairs, method=args.method, top=args.top, lang=args.lang)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        return _print_links(result, args.format)
    ds = _load(args.data)
    actor = _actor(ds, args.actor) if args.actor else None
    tables = dict(actors=ds.actors if ds.origin != "edgelist" else None,
                  themes=ds.themes if len(ds.themes) else None,
                  documents=ds.documents if len(ds.documents) else None)
    try:
        if args.pairs:
            pairs = read_dataset(args.pairs).collaborations[["source", "target"]]
            result = links.score_pairs(ds.collaborations, pairs, **tables, method=args.method, lang=args.lang)
        else:
            result = links.suggest_links(ds.collaborations, **tables, method=args.method, top=args.top,
                                         actor=actor, lang=args.lang)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    return _print_links(result, args.format)


def _print_links(result, form: str) -> int:
    """Print the suggestions as CSV or JSON."""
    result = result[["source", "target", "score", "reason"]]
    if form == "json":
        print(json.dumps(result.to_dict("records"), ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(generate_csv(result).replace("\r\n", "\n"))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from graph import export

    try:
        export.check_target(Path(args.output), args.format, inputs=[args.data], force=args.force)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    ds = _as_of(_load(args.data, strict=True), args.year)
    ds = filter_dataset(ds, types=args.type, themes=args.theme, regions=args.region,
                        municipalities=args.municipality, sectors=args.sector)
    if args.actor:
        ds = neighbourhood(ds, _actor(ds, args.actor), depth=args.depth)
    try:
        paths = export.export_dataset(ds, Path(args.output), args.format, with_contacts=args.with_contacts,
                                      lang=args.lang, dpi=args.dpi, title=args.title, color_by=args.color_by,
                                      inputs=[args.data], paper=args.paper)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    for path in paths:
        print(path)
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    """Candidate actors and ties of documents, as our CSV tables in a new folder."""
    from graph import extract
    from graph.io import write_tables

    out = Path(args.output).resolve()
    from graph.store.engine import is_url

    data = [] if not args.data else [Path(args.data.split(":///", 1)[-1]).resolve()] if is_url(args.data) \
        else [Path(args.data).resolve()]
    inputs = [Path(d).resolve() for d in args.documents] + data
    if any(out == p or out in p.parents for p in inputs):
        raise CommandError(f"{args.output} is (or holds) an input: choose another output folder")
    if out.is_file() or (out.is_dir() and any(out.iterdir())):
        raise CommandError(f"{args.output} exists and is not an empty folder: choose a new one")
    known = _load(args.data) if args.data else None
    try:
        docs = [extract.read_document(d) for d in args.documents]
    except extract.DocumentError as exc:
        raise CommandError(str(exc)) from None
    ds = extract.extract_documents(docs, known).dataset
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_tables(ds, out)
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    new = int((ds.actors["match"] != "").sum()) if "match" in ds.actors else 0
    print(f"{args.output}: {len(ds.actors)} actors ({new} new with a possible match), "
          f"{len(ds.collaborations)} ties from {len(docs)} document(s)")
    return EXIT_OK


def cmd_brief(args: argparse.Namespace) -> int:
    """``brief``: one actor's or one place's briefing as an A4 PDF."""
    from graph.brief import write_brief

    out = Path(args.output)
    if out.resolve() == Path(args.data).resolve():
        raise CommandError(f"{args.output} is the input itself: choose another output")
    if out.is_dir():
        raise CommandError(f"{args.output} is a folder: give a file name such as {out / 'brief.pdf'}")
    if out.exists() and not args.force:
        raise CommandError(f"{args.output} exists: choose another name or add --force to replace it")
    ds = _load(args.data)
    where = {"actor": args.actor, "municipality": args.municipality, "region": args.region}
    try:
        write_brief(ds, out, lang=args.lang, year=args.year, **{k: v for k, v in where.items() if v})
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(out)
    return EXIT_OK


def _add_brief(sub, data_help: str) -> None:
    p = sub.add_parser("brief", help="a printable A4 briefing on one actor or one place")
    p.add_argument("data", help=data_help)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--actor", help="actor id, name or alias")
    which.add_argument("--municipality", help="a municipality of the data")
    which.add_argument("--region", help="a region (county) of the data")
    p.add_argument("-o", "--output", required=True, help="the PDF to write")
    p.add_argument("--lang", choices=("sv", "en", "nb"), default="sv")
    p.add_argument("--year", type=_within(1900, 2100), help="as of this year (later ties left out)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(run=cmd_brief)


def _within(low: float, high: float, kind: type = int):
    """An argparse type: a number of ``kind`` from ``low`` to ``high``."""
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text} is outside {low}–{high}")
        return value
    return parse


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m graph``."""
    parser = argparse.ArgumentParser(prog="python -m graph", description="Stakeholder network explorer.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    data_help = ("a folder of CSV tables, .xlsx (ours or Kumu), .graphml, .gexf, .json, a plain edge list "
                 "or a database URL")

    p = sub.add_parser("validate", help="check DATA; exit 1 with one line per problem")
    p.add_argument("data", help=data_help)
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser("stats", help="counts, components, density and top brokers")
    p.add_argument("data", help=data_help)
    p.add_argument("--top", type=_within(1, 10_000), default=10, help="how many brokers to list (default 10)")
    p.add_argument("--year", type=_within(1900, 2100), help="as of this year (later ties left out, ended ones ended)")
    p.add_argument("--format", choices=("text", "csv"), default="text",
                   help="text (counts and brokers) or csv (the broker table: rank,id,name,betweenness,partners)")
    p.set_defaults(run=cmd_stats)

    p = sub.add_parser("path", help="shortest paths between two actors, with each tie's evidence")
    p.add_argument("data", help=data_help)
    p.add_argument("source", help="actor id, name or alias")
    p.add_argument("target", help="actor id, name or alias")
    p.add_argument("--limit", type=_within(1, 10_000), default=20, help="at most this many paths (default 20)")
    p.add_argument("--all-ties", action="store_true",
                   help="also walk planned, recommended and ended ties (default: existing ties only)")
    p.set_defaults(run=cmd_path)

    p = sub.add_parser("links", help="ranked missing links with reasons")
    p.add_argument("data", help=data_help)
    p.add_argument("--top", type=_within(1, 100_000), default=20, help="how many suggestions (default 20)")
    p.add_argument("--method", default="default", help="default, cn, jaccard, aa, ra, pa, lp, katz")
    p.add_argument("--actor", help="only suggestions for this actor (id, name or alias)")
    p.add_argument("--pairs", help="CSV with header source,target: score exactly these pairs, in order")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--lang", choices=("sv", "en", "nb"), default="en")
    p.set_defaults(run=cmd_links)

    _add_export(sub, data_help)

    p = sub.add_parser("extract", help="candidate actors and ties of documents, each tie with its quote")
    p.add_argument("documents", nargs="+", metavar="DOC", help=".txt, .md, .html, .docx or .pdf (text layer)")
    p.add_argument("--data", help="known actors (" + data_help + "): matched ones keep their ids and names")
    p.add_argument("-o", "--output", required=True, help="a new folder for actors.csv, collaborations.csv, ...")
    p.set_defaults(run=cmd_extract)
    store_cli.add_store_commands(sub, data_help)
    _add_brief(sub, data_help)
    return parser


def _add_export(sub, data_help: str) -> None:
    """The ``export`` command's arguments."""
    p = sub.add_parser("export", help="pictures and data files")
    p.add_argument("data", help=data_help)
    p.add_argument("-o", "--output", required=True, help="output file (a folder for --format csv)")
    p.add_argument("--format", required=True,
                   choices=("png", "svg", "pdf", "html", "csv", "xlsx", "kumu", "graphml", "gexf", "json"))
    p.add_argument("--with-contacts", action="store_true", help="keep e-mail, phone and contact-person columns")
    p.add_argument("--type", action="append", help="keep actors of this type (repeatable)")
    p.add_argument("--sector", action="append", help="keep actors of this sector (repeatable)")
    p.add_argument("--theme", action="append", help="keep ties on this theme (repeatable)")
    p.add_argument("--region", action="append", help="keep actors in this region (repeatable)")
    p.add_argument("--municipality", action="append", help="keep actors in this municipality (repeatable)")
    p.add_argument("--actor", help="only this actor's neighbourhood (id, name or alias)")
    p.add_argument("--depth", type=_within(0, 10), default=1, help="steps around --actor (default 1)")
    p.add_argument("--lang", choices=("sv", "en", "nb"), default="sv")
    p.add_argument("--dpi", type=_within(10, 1200, float), default=200,
                   help="PNG resolution, 10–1200 (the picture is 2,200 px wide or more)")
    p.add_argument("--force", action="store_true", help="replace an existing output file or tables")
    p.add_argument("--title", help="title of pictures and the HTML page")
    p.add_argument("--color-by", choices=("sector", "type", "community", "color"), default="sector",
                   help="node colours of pictures, HTML and GEXF (color: the file's own colours)")
    p.add_argument("--paper", choices=("a4", "a4-landscape", "a3", "a3-landscape"),
                   help="pictures on a sheet of this size (PNG, SVG, PDF)")
    p.add_argument("--year", type=_within(1900, 2100), help="as of this year (later ties left out)")
    p.set_defaults(run=cmd_export)


def main(argv: list[str] | None = None) -> int:
    """Run a command; return the exit code (0 fine, 1 bad input, 2 usage or internal error)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        return args.run(args)
    except DataError as exc:
        _print_problems(exc.problems)
        return EXIT_PROBLEMS
    except CommandError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a store's error (a conflict, a missing database), else a bug of ours
        if (code := store_cli.handle(exc)) is not None:
            return code
        if os.environ.get("GRAPH_DEBUG"):
            raise
        print(f"internal error ({type(exc).__name__}): {exc}. Set GRAPH_DEBUG=1 to see the trace.",
              file=sys.stderr)
        return EXIT_USAGE
