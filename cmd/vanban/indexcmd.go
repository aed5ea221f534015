package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"vanban/cmd/vanban/internal/ingest"
)

// compactAfter is the number of documents after which `vanban index`
// merges the index into one segment (smaller, faster to search).
const compactAfter = 200

// runIndex implements `vanban index [--data DIR] PATH...`: bulk ingest of
// files and folders in batches, with a progress bar on a terminal and a
// summary on stdout. It fails (after indexing the rest) when a source
// could not be indexed.
func runIndex(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	data := fs.String("data", "data", "data directory; the index is DIR/index")
	batch := fs.Int("batch", 500, "documents per index batch")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("index: no PATH given (files, or folders of .txt, .md, .docx, .pdf, .html files)")
	}
	srcs, err := ingest.Files(fs.Args())
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	idx, err := openIndex(*data)
	if err != nil {
		return err
	}
	defer idx.Close()
	tick, done := progress(len(srcs), "indexing")
	st, err := ingest.Run(ctx, idx, srcs, ingest.Options{BatchSize: *batch, Progress: tick, Extract: readDocument})
	done()
	fmt.Fprintln(stdout, st)
	printFailures(stdout, st.Failed)
	if err != nil {
		return err
	}
	if st.Indexed >= compactAfter {
		if err := idx.Compact(ctx); err != nil {
			return fmt.Errorf("compacting: %w", err)
		}
	}
	n, _ := idx.Count()
	fmt.Fprintf(stdout, "the index %s holds %d documents\n", indexDir(*data), n)
	if err := idx.Close(); err != nil {
		return err
	}
	if len(st.Failed) > 0 {
		return fmt.Errorf("%d of %d sources not indexed", len(st.Failed), st.Sources)
	}
	return nil
}
