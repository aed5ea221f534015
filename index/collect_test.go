package index

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/extract"
)

// The collection (hit tables, own top-N and facets) returns what bleve's
// own collector returns for the same query: totals, hits in order, scores
// (plus the title and exact bonuses, computed here from the stored title
// and text) and facets, over several segments with deleted documents.
func TestCollectionMatchesBleve(t *testing.T) {
	x := openTest(t)
	files, _ := filepath.Glob("../testdata/*.txt")
	more, _ := filepath.Glob("../corpus/*.txt")
	files = append(files, more...)
	if len(files) < 10 {
		t.Skip("no test documents")
	}
	var ids []string
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, text, err := extract.Extract(raw)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, put(t, x, Item{doc, text})...) // one segment each, until merged
		if i%7 == 3 {
			if err := x.Delete(ids[len(ids)-2]); err != nil {
				t.Fatal(err)
			}
		}
	}
	x.Delete(ids[0])
	reqs := []SearchRequest{
		{Query: "dân vận"}, {Query: "ket luan 62"}, {Query: "nghi quyet", Sort: "date"},
		{Query: "ban", Sort: "-date", Offset: 5, Limit: 7}, {Query: "tổ chức thực hiện", Limit: 20},
		{Kind: "kế hoạch", Sort: "date"}, {Query: "bao cao", From: "2015", To: "2020-06"},
		{From: "2018-04-17", To: "2023", Sort: "-date", Limit: 50}, {Issuer: "tỉnh ủy", Query: "chỉ thị"},
		{Query: "thực hiện -dân", Limit: 3, Offset: 2}, {Cites: "25-NQ/TW", Sort: "date"},
		{Query: "Đảng bộ dân", Section: "organization"}, {Query: "ủy ban nhân dân"}, {Query: "uỷ ban"},
	}
	defer func(m uint64) { minPart = m }(minPart)
	for _, mp := range []uint64{minPart, 7} { // one part, then parts of 7 documents on all CPUs
		minPart = mp
		compareWithBleve(t, x, reqs)
	}
}

func compareWithBleve(t *testing.T, x *Index, reqs []SearchRequest) {
	t.Helper()
	for _, r := range reqs {
		got := search(t, x, r)
		want := bleveSearch(t, x, r)
		if got.Total != want.Total {
			t.Errorf("%+v: total %d, bleve %d", r, got.Total, want.Total)
		}
		if !reflect.DeepEqual(hitIDs(got), hitIDs(want)) {
			t.Errorf("%+v: hits\n%v\nbleve\n%v", r, hitIDs(got), hitIDs(want))
		}
		for i := range min(len(got.Hits), len(want.Hits)) {
			if scored(r.Sort) && got.Hits[i].Score != want.Hits[i].Score {
				t.Errorf("%+v: hit %d score %v, bleve %v", r, i, got.Hits[i].Score, want.Hits[i].Score)
			}
		}
		if !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Errorf("%+v: facets\n%v\nbleve\n%v", r, got.Facets, want.Facets)
		}
	}
}

// bleveSearch runs a request the plain way: bleve's top-N collector,
// sort and facets, the date range as a term range query.
func bleveSearch(t *testing.T, x *Index, r SearchRequest) *SearchResult {
	t.Helper()
	q, _, err := x.query(r)
	if err != nil {
		t.Fatal(err)
	}
	if r.From != "" || r.To != "" {
		from, to := r.From, r.To
		if from == "" {
			from = "0001"
		}
		if to == "" {
			to = "9999"
		}
		yes := true
		dr := bleve.NewTermRangeInclusiveQuery(from, to+"~", &yes, &yes)
		dr.SetField(fieldDate)
		bq := q.(*query.BooleanQuery) // the range filters, as it did before the collection
		if bq.Filter != nil {
			bq.Filter = bleve.NewConjunctionQuery(bq.Filter, dr)
		} else {
			bq.AddFilter(dr)
		}
	}
	limit, offset := page(r)
	req := bleve.NewSearchRequestOptions(q, 100000, 0, false)
	req.SortBy(map[bool][]string{true: {"-_score", "-" + fieldDate, "_id"}, false: {fieldDate, "_id"}}[scored(r.Sort)])
	if r.Sort == "-date" {
		req.SortBy([]string{"-" + fieldDate, "_id"})
	}
	if !scored(r.Sort) {
		req.Score = "none"
	}
	for name, field := range map[string]string{"kind": fieldKind, "issuer": fieldIssuer, "year": fieldYear, "cited": fieldCited} {
		req.AddFacet(name, bleve.NewFacetRequest(field, 100000))
	}
	res, err := x.bi.SearchInContext(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	out := &SearchResult{Total: res.Total, Facets: map[string][]FacetCount{}}
	_, m, _ := x.query(r)
	for _, h := range res.Hits {
		hit := Hit{ID: h.ID, Score: h.Score}
		if scored(r.Sort) { // the bonuses, from the stored title and text
			doc, text, err := x.Get(h.ID)
			if err != nil {
				t.Fatal(err)
			}
			hit.Date = string(doc.Date)
			inTitle, exact := 0, 0
			title := x.foldedWords(string(doc.Title))
			for _, w := range m.words {
				if r.Section == "" && slices.Contains(title, w) {
					inTitle++
				}
			}
			terms := map[string]bool{}
			for _, tok := range x.an.marked.Analyze([]byte(text)) {
				terms[string(tok.Term)] = true
			}
			for _, e := range m.exact {
				if terms[e] {
					exact++
				}
			}
			hit.Score += float64(inTitle)*scoreTitle + float64(exact)*scoreExact
		}
		out.Hits = append(out.Hits, hit)
	}
	if scored(r.Sort) {
		slices.SortStableFunc(out.Hits, func(a, b Hit) int {
			if a.Score != b.Score {
				return cmp.Compare(b.Score, a.Score)
			}
			if a.Date != b.Date && (a.Date == "" || b.Date == "") {
				return cmp.Compare(len(b.Date), len(a.Date)) // undated last
			}
			return cmp.Or(strings.Compare(b.Date, a.Date), strings.Compare(a.ID, b.ID))
		})
	}
	out.Hits = out.Hits[min(offset, len(out.Hits)):]
	out.Hits = out.Hits[:min(limit, len(out.Hits))]
	for name, f := range res.Facets {
		counts := []FacetCount{}
		if f.Terms != nil {
			for _, t := range f.Terms.Terms() {
				counts = append(counts, FacetCount{t.Term, t.Count})
			}
		}
		sortCounts(counts)
		out.Facets[name] = counts[:min(facetSize, len(counts))]
	}
	return out
}

// Date bounds: a year or month as "to" includes all of it; undated
// documents are out when there is a bound.
func TestDateFilter(t *testing.T) {
	tab := &segTable{ids: []string{"a", "b", "c", "d", "e"}}
	for _, d := range []string{"2018", "2018-05", "2018-05-31", "2020-01-01", ""} {
		tab.dates = append(tab.dates, dateKey([]byte(d)))
	}
	cases := []struct {
		from, to string
		want     string
	}{
		{"", "", "abcde"}, {"2018", "2018", "abc"}, {"2018-05", "2018-05", "bc"},
		{"2018-05-31", "", "cd"}, {"", "2018-05-30", "ab"}, {"2019", "2020", "d"}, {"2018-06", "2019-12-31", ""},
	}
	for _, c := range cases {
		keep := dateFilter(c.from, c.to)
		got := ""
		for i := range tab.ids {
			if keep(match{t: tab, row: i}) {
				got += tab.ids[i]
			}
		}
		if got != c.want {
			t.Errorf("%q..%q: kept %q, want %q", c.from, c.to, got, c.want)
		}
	}
}

// Tables follow the segments: one per segment in use, those of merged-away
// segments dropped once they outnumber the live ones.
func TestTablesFollowSegments(t *testing.T) {
	x := openTest(t)
	tables := func() int {
		x.tables.mu.Lock()
		defer x.tables.mu.Unlock()
		return len(x.tables.segs)
	}
	most := 0
	for i := range 40 {
		put(t, x, newDoc("Kế hoạch", fmt.Sprintf("%d-KH/TU", i+1), "Tỉnh ủy", "2020-01-01", "kế hoạch").para(fmt.Sprintf("văn bản %d", i)).item())
		search(t, x, SearchRequest{Query: "van ban"})
		most = max(most, tables())
	}
	if err := x.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	if res := search(t, x, SearchRequest{Query: "van ban"}); res.Total != 40 {
		t.Fatalf("total %d after compaction, want 40", res.Total)
	}
	c, err := x.open()
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	live, n := len(c.view.tables), tables()
	t.Logf("at most %d tables; now %d for %d segments", most, n, live)
	if most <= 2*live+8 {
		t.Skipf("only %d tables were ever built: nothing to drop", most)
	}
	if n > 2*live+8 {
		t.Errorf("%d tables kept for %d segments", n, live)
	}
}
