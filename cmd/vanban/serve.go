package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"vanban/api"
	"vanban/cmd/vanban/internal/ingest"
	"vanban/extract"
	"vanban/index"
	"vanban/web"
)

// shutdownGrace is how long in-flight requests may run after SIGTERM.
const shutdownGrace = 30 * time.Second

type serveFlags struct {
	addr, data, corpus, token string
	maxBody                   int64
	searchTimeout             time.Duration
	corpusSet                 bool
}

func parseServe(args []string) (*serveFlags, error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	f := &serveFlags{}
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen address (port 0 picks a free port)")
	fs.StringVar(&f.data, "data", "data", "data directory; the index is DIR/index, created when missing")
	fs.StringVar(&f.corpus, "corpus", "corpus", "folder indexed when the index is empty")
	fs.StringVar(&f.token, "token", os.Getenv("VANBAN_TOKEN"), "bearer token for POST/DELETE (default $VANBAN_TOKEN; none: writes only from loopback)")
	fs.Int64Var(&f.maxBody, "max-body", extract.MaxInputSize, "largest request body, in bytes")
	fs.DurationVar(&f.searchTimeout, "search-timeout", api.DefaultSearchTimeout, "longest a query may run")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("serve: unexpected argument %q", fs.Arg(0))
	}
	fs.Visit(func(fl *flag.Flag) { f.corpusSet = f.corpusSet || fl.Name == "corpus" })
	return f, nil
}

// runServe implements `vanban serve`: open or create the index, index the
// corpus into an empty one, serve the API until SIGINT or SIGTERM, then
// finish the requests in flight and close the index.
func runServe(args []string, stderr io.Writer) error {
	f, err := parseServe(args)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(stderr, nil))
	idx, err := openIndex(f.data)
	if err != nil {
		return err
	}
	defer idx.Close()
	if err := seedCorpus(ctx, idx, f, stderr); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return err
	}
	cfg := api.Config{Token: f.token, MaxBodyBytes: f.maxBody, SearchTimeout: f.searchTimeout, Logger: log}
	cfg.Web = web.Handler(idx, web.Options{Token: f.token, MaxUpload: f.maxBody, Extract: readDocument,
		Timeout: f.searchTimeout, Log: log}) // the pages at "/", next to the API

	srv := api.NewHTTPServer(f.addr, api.New(idx, cfg).Handler(), cfg)
	n, _ := idx.Count()
	writes := "writes need the bearer token"
	if f.token == "" {
		writes = "writes only from loopback (no token)"
	}
	fmt.Fprintf(stderr, "vanban: serving on http://%s (%d documents in %s; %s)\n", ln.Addr(), n, indexDir(f.data), writes)
	return serveUntilDone(ctx, srv, ln, idx, stderr)
}

// serveUntilDone serves until the server fails or ctx ends, then shuts
// down gracefully and closes the index.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener, idx *index.Index, stderr io.Writer) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(stderr, "vanban: shutting down: finishing requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if e := <-errc; !errors.Is(e, http.ErrServerClosed) {
		err = errors.Join(err, e)
	}
	err = errors.Join(err, idx.Close())
	if err == nil {
		fmt.Fprintln(stderr, "vanban: stopped")
	}
	return err
}

// seedCorpus indexes the corpus folder into an empty index. A missing
// default corpus is not an error; a missing --corpus is.
func seedCorpus(ctx context.Context, idx *index.Index, f *serveFlags, stderr io.Writer) error {
	if n, err := idx.Count(); err != nil || n > 0 {
		return err
	}
	if _, err := os.Stat(f.corpus); err != nil {
		if f.corpusSet {
			return fmt.Errorf("corpus: %w", err)
		}
		fmt.Fprintf(stderr, "vanban: no corpus folder %q: starting with an empty index\n", f.corpus)
		return nil
	}
	srcs, err := ingest.Files([]string{f.corpus})
	if err != nil {
		return err
	}
	st, err := ingestWithProgress(ctx, idx, srcs, "indexing corpus")
	fmt.Fprintf(stderr, "vanban: corpus %s: %s\n", f.corpus, st)
	printFailures(stderr, st.Failed)
	if err != nil {
		return fmt.Errorf("indexing the corpus stopped after %d of %d documents (finish with `vanban index --data %s %s`): %w",
			st.Indexed, st.Sources, f.data, f.corpus, err)
	}
	return nil
}

// ingestWithProgress runs an ingest with a progress bar on a terminal.
func ingestWithProgress(ctx context.Context, idx *index.Index, srcs []ingest.Source, what string) (ingest.Stats, error) {
	tick, done := progress(len(srcs), what)
	st, err := ingest.Run(ctx, idx, srcs, ingest.Options{Progress: tick, Extract: readDocument})
	done()
	return st, err
}

// printFailures lists the sources not indexed (the first 20).
func printFailures(w io.Writer, fs []ingest.Failure) {
	for i, f := range fs {
		if i == 20 {
			fmt.Fprintf(w, "  … and %d more\n", len(fs)-20)
			return
		}
		fmt.Fprintf(w, "  skipped %s: %v\n", f.Name, f.Err)
	}
}
