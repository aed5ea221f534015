package api

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// goldShared holds the hand-checked gold of the founding documents, beside
// the repository (absent on machines without it: the gold tests skip).
const goldShared = "../../shared"

// goldDoc is the part of a gold file the stories need.
type goldDoc struct {
	File       string    `json:"file"`
	References []goldRef `json:"references"`
	Deadlines  []struct {
		Text      string `json:"text"`
		Start     string `json:"start"`
		End       string `json:"end"`
		Uncertain bool   `json:"uncertain"`
	} `json:"deadlines"`
}

type goldRef struct {
	Symbol string `json:"symbol"`
	Date   string `json:"date"`
}

// loadGold maps each gold file to its corpus file (by comparing the
// seed's bytes with the corpus files); it skips without the gold folder.
func loadGold(t *testing.T) map[string]goldDoc {
	t.Helper()
	golds, _ := filepath.Glob(filepath.Join(goldShared, "gold", "*.json"))
	if len(golds) == 0 {
		t.Skipf("no gold in %s/gold: the expected sets come from it", goldShared)
	}
	corpus := map[string][]byte{}
	files, _ := filepath.Glob("../corpus/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		corpus[filepath.Base(f)] = b
	}
	out := map[string]goldDoc{}
	for _, g := range golds {
		var gd goldDoc
		b, err := os.ReadFile(g)
		if err == nil {
			err = json.Unmarshal(b, &gd)
		}
		if err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		seed, err := os.ReadFile(filepath.Join(goldShared, "seeds", gd.File))
		if err != nil {
			t.Fatalf("seed of %s: %v", g, err)
		}
		for name, b := range corpus {
			if bytes.Equal(b, seed) {
				out[name] = gd
			}
		}
	}
	if len(out) == 0 {
		t.Skip("no gold file matches a corpus file")
	}
	return out
}

// citingFiles follows every page of a citing query and returns the files.
func citingFiles(t *testing.T, f *fixture, path string) []string {
	t.Helper()
	var out []string
	for target := path; target != ""; {
		page := decode[CitingResponse](t, f.get(t, target, 200))
		for _, h := range page.Hits {
			out = append(out, f.file[h.ID])
		}
		target = page.Links.Next
	}
	slices.Sort(out)
	return out
}

// Story 1: "ket luan 62", typed without diacritics, finds the 2014 plan.
func TestStoryKetLuan62WithoutDiacritics(t *testing.T) {
	f := corpusFixture(t)
	res := decode[SearchResponse](t, f.get(t, "/api/v1/search?q=ket+luan+62", 200))
	if len(res.Hits) == 0 || f.file[res.Hits[0].ID] != "ke-hoach-123-KH-TU-tinh-uy-2014.txt" {
		t.Fatalf("first hit is not the 2014 plan: %+v", res.Hits)
	}
	if res.Hits[0].Symbol != "123-KH/TU" || len(res.Hits[0].Snippets) == 0 || !strings.Contains(res.Hits[0].Snippets[0].HTML, "<mark>") {
		t.Errorf("hit without symbol or highlighted snippet: %+v", res.Hits[0])
	}
	for _, facet := range []string{"kind", "issuer", "year", "cited"} {
		if len(res.Facets[facet]) == 0 {
			t.Errorf("facet %s empty", facet)
		}
	}
}

// goldCiting returns the corpus files whose gold cites a symbol.
func goldCiting(gold map[string]goldDoc, symbol string) []string {
	var out []string
	for name, gd := range gold {
		if slices.ContainsFunc(gd.References, func(r goldRef) bool {
			return r.Symbol == symbol
		}) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// Story 2: the documents citing 62-KL/TW are exactly those the gold says,
// whichever way the reference is written.
func TestStoryCiting62(t *testing.T) {
	gold := loadGold(t)
	f := corpusFixture(t)
	want := goldCiting(gold, "62-KL/TW")
	if len(want) == 0 {
		t.Fatal("no gold document cites 62-KL/TW")
	}
	for _, ref := range []string{"62-KL/TW", "62-KL%2FTW", url.PathEscape("Kết luận 62"), "kl%2062", "KL-62", "62-KL/TW@2009"} {
		got := citingFiles(t, f, "/api/v1/references/"+ref+"/citing?limit=1")
		if !slices.Equal(got, want) {
			t.Errorf("citing %s: %v, want %v", ref, got, want)
		}
	}
}

// Story 3: Kết luận 43 is not Chỉ thị 43: the Phú Yên plan, which cites
// only 43-CT/TW, is never listed.
func TestStoryCiting43NotChiThi43(t *testing.T) {
	gold := loadGold(t)
	f := corpusFixture(t)
	want := goldCiting(gold, "43-KL/TW")
	if len(want) == 0 {
		t.Fatal("no gold document cites 43-KL/TW")
	}
	for _, ref := range []string{"43-KL/TW", "43-KL%2FTW", url.PathEscape("Kết luận 43"), "kl%2043", "KL-43", "43-KL/TW@2019"} {
		got := citingFiles(t, f, "/api/v1/references/"+ref+"/citing")
		if !slices.Equal(got, want) {
			t.Errorf("citing %s: %v, want %v", ref, got, want)
		}
		if slices.Contains(got, filepath.Base(phuYen)) {
			t.Errorf("citing %s lists the Phú Yên plan", ref)
		}
	}
	ct := citingFiles(t, f, "/api/v1/references/43-CT%2FTW/citing")
	if !slices.Contains(ct, filepath.Base(phuYen)) {
		t.Errorf("citing 43-CT/TW misses the Phú Yên plan: %v", ct)
	}
}

// Story 4: the deadlines from 2023-06-01 to 2023-08-31 are exactly the
// gold deadlines overlapping that window (uncertain gold entries may be
// listed or not).
func TestStoryDeadlinesSummer2023(t *testing.T) {
	gold := loadGold(t)
	f := corpusFixture(t)
	const from, to = "2023-06-01", "2023-08-31"
	type occ struct{ file, start, end string }
	var want, maybe []occ
	for name, gd := range gold {
		for _, d := range gd.Deadlines {
			if d.End >= from && d.Start <= to {
				if d.Uncertain {
					maybe = append(maybe, occ{name, d.Start, d.End})
				} else {
					want = append(want, occ{name, d.Start, d.End})
				}
			}
		}
	}
	res := decode[DeadlinesResponse](t, f.get(t, "/api/v1/deadlines?from="+from+"&to="+to, 200))
	var got []occ
	for i, d := range res.Deadlines {
		if i > 0 && d.Start < res.Deadlines[i-1].Start {
			t.Errorf("not sorted by date at %d: %s after %s", i, d.Start, res.Deadlines[i-1].Start)
		}
		if d.Section == "" && d.Responsible == "" {
			t.Errorf("deadline without section or responsible body: %+v", d)
		}
		o := occ{f.file[d.DocID], d.Start, d.End}
		if k := slices.Index(maybe, o); k >= 0 {
			maybe = slices.Delete(maybe, k, k+1)
			continue
		}
		got = append(got, o)
	}
	cmp := func(a, b occ) int { return strings.Compare(a.file+a.start+a.end, b.file+b.start+b.end) }
	slices.SortFunc(got, cmp)
	slices.SortFunc(want, cmp)
	if !slices.Equal(got, want) {
		t.Errorf("deadlines in %s..%s:\n got %v\nwant %v", from, to, got, want)
	}
	if res.Total != len(res.Deadlines) || len(want) == 0 {
		t.Errorf("total %d, %d deadlines, %d expected", res.Total, len(res.Deadlines), len(want))
	}
}
