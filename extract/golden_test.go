package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// goldenCases lists every input with a golden output: the shipped corpus
// (golden under testdata/corpus/) and the test inputs in testdata/.
func goldenCases(t testing.TB) map[string]string {
	cases := map[string]string{}
	corpus, _ := filepath.Glob("../corpus/*.txt")
	for _, f := range corpus {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		cases[f] = filepath.Join("../testdata/corpus", name+".golden.json")
	}
	inputs, _ := filepath.Glob("../testdata/*.txt")
	for _, f := range inputs {
		cases[f] = strings.TrimSuffix(f, ".txt") + ".golden.json"
	}
	if len(corpus) == 0 {
		t.Fatal("no corpus documents found")
	}
	return cases
}

func marshal(t testing.TB, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden compares the extraction of every corpus document and test
// input with its reviewed golden file (`go test ./extract -update`
// rewrites them; review the diff).
func TestGolden(t *testing.T) {
	for in, golden := range goldenCases(t) {
		t.Run(filepath.Base(in), func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			doc, _, err := Extract(raw)
			if err != nil {
				t.Fatal(err)
			}
			got := marshal(t, doc)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("no golden file (run go test ./extract -update): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("extraction differs from %s (run go test ./extract -update and review the diff)\n%s", golden, firstDiff(got, want))
			}
		})
	}
}

func firstDiff(got, want []byte) string {
	g := strings.Split(string(got), "\n")
	w := strings.Split(string(want), "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "line " + itoa(i+1) + ":\n got: " + g[i] + "\nwant: " + w[i]
		}
	}
	return "lengths differ"
}

// TestInvariants checks the contracts on every golden input: spans in
// bounds and on rune boundaries, and re-extracting the normalised text
// gives the same document.
func TestInvariants(t *testing.T) {
	for in := range goldenCases(t) {
		raw, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, raw)
	}
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
