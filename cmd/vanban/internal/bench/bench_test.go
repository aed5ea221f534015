package bench

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"vanban/api"
	"vanban/index"
)

// A small run measures everything and prints every goal.
func TestRunSmall(t *testing.T) {
	var out bytes.Buffer
	opt := Options{Docs: 40, Seed: 1, Sources: []string{"../../../../corpus", "../../../../testdata"}, Queries: 24, Clients: 2, Out: &out}
	rep, err := Run(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Ingest.Indexed != 40 || rep.IndexBytes == 0 || rep.Plain.IndexBytes == 0 || rep.Seq.N != 24 || rep.Citing.N != 24 {
		t.Errorf("report %+v", rep)
	}
	for _, rs := range [][]Recall{rep.Unaccented, rep.CitingRecall} {
		if recallOf(rs) != 1 {
			t.Errorf("recall %s", recallString(rs))
		}
	}
	for _, r := range rep.CitingRecall {
		if r.Extra != 0 {
			t.Errorf("citing %s: %d documents that do not cite it", r.Query, r.Extra)
		}
	}
	rep.Print(&out, opt.Clients)
	for _, want := range []string{"extract+index ≥ 3× plain bleve", "search p99 ≤ 20 ms", "2 clients", "citing p99 ≤ 10 ms", "index ≤ 1.5× text"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

// BenchmarkSearches times each search and citing request of the latency
// measure against an index left by `vanban bench --data DIR` (set
// VANBAN_BENCH_INDEX=DIR/vanban); it is skipped without one.
func BenchmarkSearches(b *testing.B) {
	dir := os.Getenv("VANBAN_BENCH_INDEX")
	if dir == "" {
		b.Skip("VANBAN_BENCH_INDEX not set")
	}
	idx, err := index.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	h := api.New(idx, api.Config{}).Handler()
	var targets []string
	for _, s := range searches {
		targets = append(targets, "/api/v1/search?"+s)
	}
	for _, c := range citings {
		targets = append(targets, "/api/v1/references/"+url.PathEscape(c)+"/citing")
	}
	for _, t := range targets {
		name := strings.ReplaceAll(strings.TrimPrefix(t, "/api/v1/"), "/", "_")
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if code := get(h, t); code != http.StatusOK {
					b.Fatalf("%s: status %d", t, code)
				}
			}
		})
	}
}

// TestLatencyOfIndex runs the latency measures of `vanban bench` (three
// times) against an index left by `vanban bench --data DIR` (set
// VANBAN_BENCH_INDEX=DIR/vanban); it is skipped without one.
func TestLatencyOfIndex(t *testing.T) {
	dir := os.Getenv("VANBAN_BENCH_INDEX")
	if dir == "" {
		t.Skip("VANBAN_BENCH_INDEX not set")
	}
	idx, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	for range 3 {
		var out bytes.Buffer
		rep := &Report{}
		if err := measureLatency(Options{Queries: 240, Clients: 8, Out: &out}, idx, rep); err != nil {
			t.Fatal(err)
		}
		t.Log(out.String())
	}
}
