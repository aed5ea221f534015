package index

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/extract"
)

// hitDoc decodes the stored extraction (and text when wanted) of a hit.
func hitDoc(fields map[string]interface{}, wantText bool) (*extract.Document, string, error) {
	src, _ := fields[fieldSrc].(string)
	if src == "" {
		return nil, "", ErrNotFound
	}
	return decodeSrc([]byte(src), wantText)
}

// search runs a bleve request with the context.
func (x *Index) search(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	return x.bi.SearchInContext(ctx, req)
}

// SearchRequest is a search: a query and filters, all optional.
type SearchRequest struct {
	// Query: plain words (all required, matched with or without
	// diacritics), "quoted phrases" (also “…”), -excluded words, document
	// symbols ("25-NQ/TW"); a kind and number ("kết luận 62") also
	// matches the documents citing (or being) such a document.
	Query  string `json:"q"`
	Kind   string `json:"kind"`   // document kind ("Kế hoạch"; case and diacritics ignored)
	Issuer string `json:"issuer"` // words of the issuer ("tỉnh ủy")
	From   string `json:"from"`   // dates, inclusive: YYYY, YYYY-MM or YYYY-MM-DD
	To     string `json:"to"`
	Cites  string `json:"cites"` // a reference (see ParseRef) the documents cite
	// Section limits the query words to sections of one kind: purpose,
	// content, organization, timeline, form, recommendation, attachment.
	Section string `json:"section"`
	Offset  int    `json:"offset"`
	Limit   int    `json:"limit"` // hits per page: default 10, at most 100
	Sort    string `json:"sort"`  // "score" (default), "date" or "-date"
}

// SearchResult is one page of hits with the facets of all matches.
type SearchResult struct {
	Total  uint64                  `json:"total"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetCount `json:"facets"` // "kind", "issuer", "year", "cited"
	// Approximate is set when some candidates of a phrase query were not
	// checked (more than maxVerify, or the page was filled past
	// minVerify): Total is then estimated from the candidates checked,
	// and the facets count only the matches among them.
	Approximate bool `json:"approximate"`
}

// Hit is one matching document.
type Hit struct {
	ID       string    `json:"id"`
	Kind     string    `json:"kind"`
	Symbol   string    `json:"symbol"`
	Title    string    `json:"title"`
	Issuer   string    `json:"issuer"`
	Date     string    `json:"date"`
	Score    float64   `json:"score"`
	Snippets []Snippet `json:"snippets"`
}

// Snippet is a part of the text with the matches marked.
type Snippet struct {
	Start int      `json:"start"` // byte offsets in the document text
	End   int      `json:"end"`
	Text  string   `json:"text"`
	Marks [][2]int `json:"marks"` // byte ranges within Text
	HTML  string   `json:"html"`  // Text escaped, marks in <mark></mark>
}

// FacetCount is one value of a facet with its number of documents.
type FacetCount struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

const (
	defaultLimit = 10
	maxLimit     = 100
	facetSize    = 10
)

// Search runs a search request.
func (x *Index) Search(ctx context.Context, r SearchRequest) (*SearchResult, error) {
	q, m, err := x.query(r)
	if err != nil {
		return nil, err
	}
	c, err := x.open()
	if err != nil {
		return nil, err
	}
	defer c.close()
	if m.needsText() {
		return x.searchVerified(ctx, c, r, q, m)
	}
	limit, offset := page(r)
	col, err := x.collect(ctx, c, r, q, m, offset+limit, true)
	if err != nil {
		return nil, err
	}
	defer putCounter(col.fc)
	hits := col.top.sorted()
	page, err := x.pageHits(c, r, m, hits[min(offset, len(hits)):])
	return &SearchResult{Total: uint64(col.total), Hits: page, Facets: col.fc.top(x, facetSize)}, err
}

// collected is what collect gathers: the best matches, their number and,
// when asked, the facet counts.
type collected struct {
	top   *best
	fc    *counter
	total int
}

// collect visits the matches of q within r's dates, scored with their
// bonuses, keeping the best n and counting facets when asked. The parts
// of the snapshot are visited on all CPUs, then merged: the order of
// matches is total (order), so the result is that of one pass.
func (x *Index) collect(ctx context.Context, c *collection, r SearchRequest, q query.Query, m *matcher, n int, facets bool) (*collected, error) {
	parts := c.parts(runtime.GOMAXPROCS(0))
	res := make([]*collected, len(parts))
	errs := make([]error, len(parts))
	parallel(len(parts), func(k, _ int) { res[k], errs[k] = x.collectPart(ctx, c, r, q, m, n, facets, parts[k]) })
	out := res[0]
	for _, o := range res[1:] {
		for _, mt := range o.top.h {
			out.top.add(mt)
		}
		out.total += o.total
		if facets {
			out.fc.merge(o.fc)
		}
	}
	if err := errors.Join(errs...); err != nil {
		if facets {
			putCounter(out.fc)
		}
		return nil, err
	}
	return out, nil
}

// collectPart is collect over one part of the snapshot.
func (x *Index) collectPart(ctx context.Context, c *collection, r SearchRequest, q query.Query, m *matcher, n int, facets bool, p part) (*collected, error) {
	out := &collected{top: &best{n: n, less: order(r.Sort)}}
	if facets {
		out.fc = getCounter()
	}
	score, err := x.bonuses(ctx, c, r, m)
	if err != nil {
		return out, err
	}
	defer score.close()
	keep := dateFilter(r.From, r.To)
	err = c.eachIn(ctx, x, q, scored(r.Sort), p, func(mt match) {
		if !keep(mt) {
			return
		}
		mt.score += score.of(mt)
		out.total++
		if facets {
			out.fc.add(mt)
		}
		out.top.add(mt)
	})
	return out, err
}

// pageHits reads the stored values of a page's matches for their hits
// and snippets, on all CPUs (a page is a few hits, each costing a
// decompression and a scan of its text).
func (x *Index) pageHits(c *collection, r SearchRequest, m *matcher, page []match) ([]Hit, error) {
	hits := make([]*Hit, len(page))
	errs := make([]error, len(page))
	scs := make([]textScanner, runtime.GOMAXPROCS(0))
	parallel(len(page), func(i, w int) { hits[i], errs[i] = pageHit(c, r, m, page[i], &scs[w]) })
	out := []Hit{}
	for i, h := range hits {
		if errs[i] != nil && !errors.Is(errs[i], ErrNotFound) {
			return nil, errs[i]
		}
		if h != nil {
			out = append(out, *h)
		}
	}
	return out, nil
}

// pageHit reads the stored value of one match for its hit and snippets.
func pageHit(c *collection, r SearchRequest, m *matcher, mt match, sc *textScanner) (*Hit, error) {
	st, err := c.stored(mt.id(), wantText)
	if err != nil {
		return nil, err
	}
	hit := newHit(mt.id(), st.sum)
	hit.Score = mt.score
	allowed := sectionSegments(st.sum, r.Section)
	hit.Snippets = snippetsOf(string(st.text), sc.snippetMarks(m, st.text, allowed), allowed)
	return &hit, nil
}

// page returns the size and offset of the requested page.
func page(r SearchRequest) (int, int) {
	limit := r.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	return min(limit, maxLimit), max(r.Offset, 0)
}

// maxVerify bounds the candidates of a phrase query that are checked
// against their text (a variable for tests).
var maxVerify = 2000

// minVerify is the number of candidates always checked (when there are
// that many): past it, checking stops as soon as the requested page and
// verifyMargin more matches are found, and Total and the facets are
// estimated from the candidates checked (Approximate).
var minVerify = 20

// verifyMargin is how many matches past the page are found before
// checking stops (a variable for tests).
var verifyMargin = 10

// searchVerified runs a query with phrases: the index finds the
// documents having all the words, and each candidate's text is checked
// for the phrases (no positions are indexed). Facets are counted on the
// documents that pass.
func (x *Index) searchVerified(ctx context.Context, c *collection, r SearchRequest, q query.Query, m *matcher) (*SearchResult, error) {
	limit, offset := page(r)
	need := max(minVerify, offset+limit+verifyMargin)
	// Keep a few times the candidates the page needs; only when too few
	// pass, collect again with more (up to maxVerify).
	for k := min(4*need, maxVerify); ; k = min(8*k, maxVerify) {
		cands, total, err := x.candidates(ctx, c, r, q, m, k)
		if err != nil {
			return nil, err
		}
		out, checked, err := x.verify(c, r, m, cands)
		if err != nil {
			return nil, err
		}
		if checked < len(cands) || len(cands) == total || k == maxVerify {
			if n := uint64(checked); uint64(total) > n {
				out.Total, out.Approximate = out.Total*uint64(total)/n, true
			}
			return out, nil
		}
	}
}

// candidates returns the k best matches of q, in order, and the number of
// matches.
func (x *Index) candidates(ctx context.Context, c *collection, r SearchRequest, q query.Query, m *matcher, k int) ([]match, int, error) {
	col, err := x.collect(ctx, c, r, q, m, k, false)
	if err != nil {
		return nil, 0, err
	}
	return col.top.sorted(), col.total, nil
}

// verify checks candidates in order for the phrases until the page and
// verifyMargin more matches are found (at least minVerify checked), and
// returns the page, the facets and total of the matches found, and the
// number of candidates checked.
func (x *Index) verify(c *collection, r SearchRequest, m *matcher, cands []match) (*SearchResult, int, error) {
	limit, offset := page(r)
	out := &SearchResult{Hits: []Hit{}}
	fc := getCounter()
	defer putCounter(fc)
	matched, checked := 0, 0
	var sc textScanner
	for _, mt := range cands {
		if checked >= minVerify && matched >= offset+limit+verifyMargin {
			break
		}
		checked++
		st, err := c.stored(mt.id(), wantText)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		var allowed []segment
		var marks []mark
		if r.Section != "" {
			allowed = sectionSegments(st.sum, r.Section)
			if marks = sc.marks(m, st.text); !m.phrasesIn(marks, allowed) {
				continue
			}
		} else if !sc.hasPhrases(m, st.text) {
			continue
		}
		fc.add(mt)
		if matched >= offset && len(out.Hits) < limit {
			hit := newHit(mt.id(), st.sum)
			hit.Score = mt.score
			if marks == nil {
				marks = sc.snippetMarks(m, st.text, allowed)
			}
			hit.Snippets = snippetsOf(string(st.text), marks, allowed)
			out.Hits = append(out.Hits, hit)
		}
		matched++
	}
	out.Total, out.Facets = uint64(matched), fc.top(x, facetSize)
	return out, checked, nil
}

// facetCounter counts the facets of documents checked one by one.
type facetCounter map[string]map[string]int

func (fc facetCounter) add(s summary) {
	inc := func(name, term string) {
		if term == "" {
			return
		}
		if fc[name] == nil {
			fc[name] = map[string]int{}
		}
		fc[name][term]++
	}
	inc("kind", s.kind)
	inc("issuer", s.issuer)
	if validDate(s.date) {
		inc("year", s.date[:4])
	}
	for _, id := range s.cited {
		inc("cited", id)
	}
}

// top returns the n most frequent terms of each facet.
func (fc facetCounter) top(n int) map[string][]FacetCount {
	out := map[string][]FacetCount{}
	for _, name := range []string{"kind", "issuer", "year", "cited"} {
		counts := []FacetCount{}
		for t, c := range fc[name] {
			counts = append(counts, FacetCount{t, c})
		}
		sortCounts(counts)
		out[name] = counts[:min(n, len(counts))]
	}
	return out
}

// sortCounts orders facet counts by count, then term.
func sortCounts(c []FacetCount) {
	slices.SortFunc(c, func(a, b FacetCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Term, b.Term)
	})
}

func newHit(id string, s summary) Hit {
	return Hit{ID: id, Kind: s.kind, Symbol: s.symbol, Title: s.title, Issuer: s.issuer, Date: s.date}
}
