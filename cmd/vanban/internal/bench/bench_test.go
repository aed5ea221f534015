package bench

import (
	"bytes"
	"context"
	"strings"
	"testing"
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
	rep.Print(&out, opt.Clients)
	for _, want := range []string{"extract+index ≥ 3× plain bleve", "search p99 ≤ 20 ms", "2 clients", "citing p99 ≤ 10 ms", "index ≤ 1.5× text"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}
