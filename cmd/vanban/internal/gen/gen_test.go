package gen

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"vanban/extract"
)

func sources(t *testing.T) [][]byte {
	var out [][]byte
	for _, pat := range []string{"../../../../corpus/*.txt", "../../../../testdata/*.txt"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		t.Skip("no corpus")
	}
	return out
}

// Documents are deterministic, distinct, and read back by the extractor
// with their own symbol, date and main reference.
func TestGeneratedDocuments(t *testing.T) {
	src := sources(t)
	g1, err := New(7, src)
	if err != nil {
		t.Fatal(err)
	}
	g2, _ := New(7, src)
	seen := map[string]bool{}
	withRef, total := 0, 0
	for i := range 60 {
		a, b := g1.Doc(i), g2.Doc(i)
		if !bytes.Equal(a, b) {
			t.Fatalf("doc %d differs between two generators of one seed", i)
		}
		if seen[string(a)] {
			t.Fatalf("doc %d repeats an earlier one", i)
		}
		seen[string(a)] = true
		total += len(a)
		doc, _, err := extract.Extract(a)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Symbol == "" || doc.Date == "" || doc.Kind == "" || doc.Issuer == "" {
			t.Errorf("doc %d: header not read: %q %q %q %q\n%.400s", i, doc.Kind, doc.Symbol, doc.Date, doc.Issuer, a)
		}
		title := string(doc.Title)
		if slices.ContainsFunc(doc.References, func(r *extract.Reference) bool { return strings.Contains(title, string(r.Symbol)) }) {
			withRef++
		}
	}
	if avg := total / 60; avg < 11<<10 || avg > 15<<10 {
		t.Errorf("documents average %d bytes, want about 13 KB", avg)
	} else {
		t.Logf("documents average %d bytes", avg)
	}
	if withRef < 55 {
		t.Errorf("only %d of 60 documents have their title's reference extracted", withRef)
	}
	if bytes.Equal(g1.Doc(0), mustNew(t, 8, src).Doc(0)) {
		t.Error("another seed gives the same document")
	}
}

func mustNew(t *testing.T, seed uint64, src [][]byte) *Generator {
	g, err := New(seed, src)
	if err != nil {
		t.Fatal(err)
	}
	return g
}
