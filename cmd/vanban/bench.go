package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"

	"vanban/cmd/vanban/internal/bench"
)

// runBench implements `vanban bench [--docs N] [--data DIR]`: generate N
// plans from the real documents, extract+index them, measure size,
// memory and latency, index them with plain bleve, and compare with the
// goals of issue 3.
func runBench(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	opt := bench.Options{Out: stdout}
	fs.IntVar(&opt.Docs, "docs", 10000, "documents to generate")
	fs.Uint64Var(&opt.Seed, "seed", 1, "generator seed")
	fs.StringVar(&opt.Data, "data", "", "folder for the indexes (default: a temporary one, removed after)")
	sources := fs.String("sources", "corpus,testdata", "comma-separated folders of .txt documents to recombine")
	fs.IntVar(&opt.Queries, "queries", 1000, "requests per latency measure")
	fs.IntVar(&opt.Clients, "clients", 8, "concurrent clients")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if opt.Docs <= 0 || opt.Queries <= 0 || opt.Clients <= 0 {
		return fmt.Errorf("bench: --docs, --queries and --clients must be positive")
	}
	opt.Sources = strings.Split(*sources, ",")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := bench.Run(ctx, opt)
	if err != nil {
		return err
	}
	rep.Print(stdout, opt.Clients)
	return nil
}
