// Command vanban reads Vietnamese planning documents and serves search
// over them.
//
//	vanban extract [--text] FILE...   structured JSON of each document ("-" reads stdin)
//	vanban serve [--addr A] [--data DIR] [--corpus DIR] [--token T]
//	                                  index the corpus into an empty index, serve the HTTP API
//	vanban index [--data DIR] PATH... bulk ingest of files and folders
//	vanban search [flags] QUERY...    search the index from the terminal
//	vanban bench [--docs N] [--data DIR]
//	                                  throughput, size and latency on a generated corpus
//	vanban load [--addr URL] [--duration D] [--clients N]
//	                                  bounded load test of a server on loopback
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}
	var err error
	args := os.Args[2:]
	switch os.Args[1] {
	case "extract":
		err = runExtract(args, os.Stdin, os.Stdout)
	case "serve":
		err = runServe(args, os.Stderr)
	case "index":
		err = runIndex(args, os.Stdout, os.Stderr)
	case "search":
		err = runSearch(args, os.Stdout)
	case "bench":
		err = runBench(args, os.Stdout)
	case "load":
		err = runLoad(args, os.Stdout)
	case "-h", "--help", "help":
		usage()
		return
	default:
		fmt.Fprintf(os.Stderr, "vanban: unknown command %q\n", os.Args[1])
		usage()
		os.Exit(2)
	}
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "vanban:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprint(os.Stderr, `usage: vanban COMMAND [flags]

commands:
  extract [--text] FILE...   print the structure of each document as JSON
                             (FILE "-" reads standard input; --text prints
                             the normalised text the spans point into)
  serve                      serve the HTTP API (default http://127.0.0.1:8080,
                             index in ./data, ./corpus indexed when it is empty)
  index PATH...              index files and folders (.txt, .md, .docx, .pdf, .html)
  search [flags] QUERY...    search the index (--cites REF, --kind, --from, …)
  bench                      measure indexing and search on a generated corpus
  load                       bounded load test of a running server on loopback

run "vanban COMMAND -h" for the flags of a command.
`)
}
