// Package bench measures vanban on a generated corpus: extract+index
// throughput, index size, peak memory, search and citing latency through
// the HTTP handler, against plain bleve indexing the same documents.
//
// It is the one importer of bleve outside package index: the baseline is
// bleve itself, with its default mapping, fed batches of 500 documents.
package bench

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"vanban/cmd/vanban/internal/gen"
	"vanban/cmd/vanban/internal/ingest"
	"vanban/index"
)

// Options of a run.
type Options struct {
	Docs    int      // documents generated
	Seed    uint64   // generator seed
	Data    string   // folder for the two indexes (a temporary one when "")
	Sources []string // folders of real documents to recombine
	Queries int      // searches per latency measure
	Clients int      // concurrent clients
	Out     io.Writer
}

// Report holds the figures of a run.
type Report struct {
	Docs              int
	TextBytes         int64
	GenTime           time.Duration
	Ingest            ingest.Stats
	IngestCPU         time.Duration // CPU time of extract+index
	CompactTime       time.Duration
	IndexBytes        int64
	PeakRSS           int64 // bytes, during extract+index (-1 when unknown)
	Seq, Conc, Citing Latency
	// Recall of unaccented searches and of citing queries (see recall.go).
	Unaccented, CitingRecall []Recall
	Plain                    Plain
}

// Plain is the plain-bleve baseline.
type Plain struct {
	Elapsed    time.Duration
	CPU        time.Duration
	IndexBytes int64
	PeakRSS    int64
}

// Run generates the corpus, measures, and returns the report.
func Run(ctx context.Context, opt Options) (*Report, error) {
	dir, cleanup, err := workDir(opt.Data)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	rep := &Report{Docs: opt.Docs}
	docs, err := generate(opt, rep)
	if err != nil {
		return nil, err
	}
	logf(opt.Out, "generated %d documents (%.1f MB) in %.1fs", len(docs), mb(rep.TextBytes), rep.GenTime.Seconds())
	if err := measureVanban(ctx, opt, filepath.Join(dir, "vanban"), docs, rep); err != nil {
		return nil, err
	}
	if err := measurePlain(filepath.Join(dir, "plain"), docs, rep); err != nil {
		return nil, err
	}
	return rep, nil
}

func workDir(data string) (string, func(), error) {
	if data != "" {
		if err := os.MkdirAll(data, 0o755); err != nil {
			return "", nil, err
		}
		for _, sub := range []string{"vanban", "plain"} {
			if err := os.RemoveAll(filepath.Join(data, sub)); err != nil {
				return "", nil, err
			}
		}
		return data, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "vanban-bench")
	return dir, func() { os.RemoveAll(dir) }, err
}

// generate makes the documents from the source folders.
func generate(opt Options, rep *Report) ([][]byte, error) {
	start := time.Now()
	var srcs [][]byte
	for _, d := range opt.Sources {
		files, _ := filepath.Glob(filepath.Join(d, "*.txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			srcs = append(srcs, b)
		}
	}
	g, err := gen.New(opt.Seed, srcs)
	if err != nil {
		return nil, fmt.Errorf("%w (sources: %v)", err, opt.Sources)
	}
	docs := make([][]byte, opt.Docs)
	for i := range docs {
		docs[i] = g.Doc(i)
		rep.TextBytes += int64(len(docs[i]))
	}
	rep.GenTime = time.Since(start)
	return docs, nil
}

// measureVanban: extract+index, compaction, size, then latencies.
func measureVanban(ctx context.Context, opt Options, dir string, docs [][]byte, rep *Report) error {
	idx, err := index.Open(dir)
	if err != nil {
		return err
	}
	defer idx.Close()
	srcs := make([]ingest.Source, len(docs))
	for i, d := range docs {
		srcs[i] = ingest.Bytes(fmt.Sprint(i), d)
	}
	resetPeakRSS()
	cpu := cpuTime()
	rep.Ingest, err = ingest.Run(ctx, idx, srcs, ingest.Options{BatchSize: 500})
	rep.IngestCPU = cpuTime() - cpu
	rep.PeakRSS = peakRSS()
	if err != nil {
		return err
	}
	logf(opt.Out, "vanban: %s", rep.Ingest)
	start := time.Now()
	if err := compact(ctx, idx, dir); err != nil {
		return err
	}
	rep.CompactTime = time.Since(start)
	rep.IndexBytes = dirSize(dir)
	if err := measureLatency(opt, idx, rep); err != nil {
		return err
	}
	return measureRecall(ctx, idx, docs, rep)
}

// compact merges the index and waits for the merged-away files to go.
func compact(ctx context.Context, idx *index.Index, dir string) error {
	if err := idx.Compact(ctx); err != nil {
		return err
	}
	for range 200 {
		if m, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap")); len(m) <= 1 {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

func mb(n int64) float64 { return float64(n) / 1e6 }

func logf(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format+"\n", args...)
	}
}
