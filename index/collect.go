package index

import (
	"cmp"
	"container/heap"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// A collection runs a query on one snapshot of the index: every match is
// visited once, its sort keys and facet values looked up in the hit
// tables (see table.go); the best ones are kept in order. It replaces
// bleve's top-N collector, whose per-match doc-value reads cost more than
// the matching itself.
type collection struct {
	r    bindex.IndexReader
	view *view
}

// match is one matching document: its table row, number in the
// snapshot and score.
type match struct {
	t     *segTable
	row   int
	num   uint64
	score float64
}

func (m match) id() string   { return m.t.ids[m.row] }
func (m match) date() uint32 { return m.t.dates[m.row] }

// open takes a snapshot of the index and its tables; close it.
func (x *Index) open() (*collection, error) {
	ai, err := x.bi.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := ai.Reader()
	if err != nil {
		return nil, err
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, fmt.Errorf("index: unexpected reader %T", r)
	}
	v, err := x.tables.viewOf(snap)
	if err != nil {
		r.Close()
		return nil, err
	}
	return &collection{r: r, view: v}, nil
}

func (c *collection) close() error { return c.r.Close() }

// stored reads the stored value of a document of the snapshot.
func (c *collection) stored(id string, level int) (*stored, error) {
	d, err := c.r.Document(id)
	if err != nil {
		return nil, err
	}
	return storedOfDoc(d, level)
}

// checkEvery is how many matches are visited between context checks.
const checkEvery = 1024

// each calls fn for every match of q, in document-number order.
// Unless scored, matches are not scored (their score is 0).
func (c *collection) each(ctx context.Context, x *Index, q query.Query, scored bool, fn func(match)) error {
	return c.eachIn(ctx, x, q, scored, part{}, fn)
}

// part is a range [lo, hi) of the document numbers of a snapshot (hi 0:
// to the end).
type part struct{ lo, hi uint64 }

// minPart is the fewest documents a part of a parallel collection spans
// (a variable for tests).
var minPart uint64 = 1024

// parts splits the document numbers of the snapshot into up to n parts
// of at least minPart documents.
func (c *collection) parts(n int) []part {
	n = max(1, min(n, int(c.view.end/minPart)))
	out := make([]part, n)
	for k := range out {
		out[k] = part{c.view.end * uint64(k) / uint64(n), c.view.end * uint64(k+1) / uint64(n)}
	}
	out[n-1].hi = 0
	return out
}

// eachIn is each over the document numbers of one part.
func (c *collection) eachIn(ctx context.Context, x *Index, q query.Query, scored bool, p part, fn func(match)) error {
	opt := bsearch.SearcherOptions{}
	if !scored {
		opt.Score = "none"
	}
	s, err := q.Searcher(ctx, c.r, x.bi.Mapping(), opt)
	if err != nil {
		return err
	}
	defer s.Close()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0), IndexReader: c.r}
	n := 0
	var dm *bsearch.DocumentMatch
	if p.lo > 0 {
		dm, err = s.Advance(sctx, bindex.NewIndexInternalID(nil, p.lo))
	} else {
		dm, err = s.Next(sctx)
	}
	for ; err == nil && dm != nil; dm, err = s.Next(sctx) {
		if p.hi > 0 && dm.IndexInternalID.Value() >= p.hi {
			break
		}
		if n++; n%checkEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		t, row := c.view.locate(dm.IndexInternalID)
		fn(match{t: t, row: row, num: dm.IndexInternalID.Value(), score: dm.Score})
		sctx.DocumentMatchPool.Put(dm)
	}
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// scored reports whether a sort needs scores.
func scored(sort string) bool { return sort != "date" && sort != "-date" }

// dateFilter keeps the matches dated from..to inclusive (valid ISO dates
// or "": open); "2018" as to includes all of 2018. Without bounds it
// keeps everything, with bounds no undated document.
func dateFilter(from, to string) func(match) bool {
	if from == "" && to == "" {
		return func(match) bool { return true }
	}
	lo, hi := dateKey([]byte(from)), uint32(99999999)
	if to != "" {
		hi = dateKey([]byte(to))
		switch {
		case hi%10000 == 0: // a year
			hi += 9999
		case hi%100 == 0: // a month
			hi += 99
		}
	}
	return func(m match) bool {
		d := m.date()
		return d != 0 && lo <= d && d <= hi
	}
}

// order compares matches for a sort ("score", "date", "-date"): score
// descending, then date descending, then id; or date, then id. Documents
// without a date come last.
func order(sort string) func(a, b match) int {
	byDate := func(a, b match, desc bool) int {
		da, db := a.date(), b.date()
		switch {
		case da == db:
			return 0
		case da == 0:
			return 1
		case db == 0:
			return -1
		case desc:
			return cmp.Compare(db, da)
		}
		return cmp.Compare(da, db)
	}
	return func(a, b match) int {
		if scored(sort) {
			if c := cmp.Compare(b.score, a.score); c != 0 {
				return c
			}
		}
		if c := byDate(a, b, sort != "date"); c != 0 {
			return c
		}
		return strings.Compare(a.id(), b.id())
	}
}

// best keeps the first n matches of an order.
type best struct {
	n    int
	less func(a, b match) int
	h    []match // a heap with the worst kept match first
}

func (b *best) Len() int           { return len(b.h) }
func (b *best) Less(i, j int) bool { return b.less(b.h[i], b.h[j]) > 0 }
func (b *best) Swap(i, j int)      { b.h[i], b.h[j] = b.h[j], b.h[i] }
func (b *best) Push(x any)         { b.h = append(b.h, x.(match)) }
func (b *best) Pop() any {
	m := b.h[len(b.h)-1]
	b.h = b.h[:len(b.h)-1]
	return m
}

func (b *best) add(m match) {
	switch {
	case b.n <= 0:
	case len(b.h) < b.n:
		heap.Push(b, m)
	case b.less(m, b.h[0]) < 0:
		b.h[0] = m
		heap.Fix(b, 0)
	}
}

// sorted returns the kept matches in order.
func (b *best) sorted() []match {
	out := slices.Clone(b.h)
	slices.SortFunc(out, b.less)
	return out
}

// counter counts the facets of matches by interned term. Counters are
// reused (getCounter, putCounter): their slices span every known term.
type counter struct {
	counts [numFacets][]int
	all    []idCount // scratch of topOf
}

type idCount struct{ id, count int }

var counters = sync.Pool{New: func() any { return &counter{} }}

func getCounter() *counter { return counters.Get().(*counter) }

func putCounter(fc *counter) {
	for f := range fc.counts {
		clear(fc.counts[f])
	}
	counters.Put(fc)
}

func (fc *counter) add(m match) {
	for f, id := range m.t.one[m.row] {
		fc.inc(f, id)
	}
	for _, id := range m.t.cited.row(m.row) {
		fc.inc(facetCited, id)
	}
}

// merge adds the counts of o (which it puts back in the pool).
func (fc *counter) merge(o *counter) {
	for f, cs := range o.counts {
		for id, n := range cs {
			if n > 0 {
				fc.inc(f, uint32(id))
				fc.counts[f][id] += n - 1
			}
		}
	}
	putCounter(o)
}

func (fc *counter) inc(f int, id uint32) {
	if id == 0 {
		return
	}
	if n := int(id) + 1; n > len(fc.counts[f]) {
		c := slices.Grow(fc.counts[f], n-len(fc.counts[f]))
		fc.counts[f] = c[:cap(c)] // zero past the old length
	}
	fc.counts[f][id]++
}

// top returns the n most frequent terms of each facet.
func (fc *counter) top(x *Index, n int) map[string][]FacetCount {
	out := map[string][]FacetCount{}
	for f, name := range facetNames {
		out[name] = fc.topOf(f, x.tables.dicts[f].snapshot(), n)
	}
	return out
}

func (fc *counter) topOf(f int, terms []string, n int) []FacetCount {
	all := fc.all[:0]
	defer func() { fc.all = all[:0] }()
	for id, c := range fc.counts[f] {
		if c > 0 {
			all = append(all, idCount{id, c})
		}
	}
	// Only the terms counted at least as often as the n-th need ordering
	// by term.
	if len(all) > n && n > 0 {
		slices.SortFunc(all, func(a, b idCount) int { return b.count - a.count })
		cut := all[n-1].count
		all = slices.DeleteFunc(all, func(c idCount) bool { return c.count < cut })
	}
	counts := make([]FacetCount, 0, len(all))
	for _, c := range all {
		counts = append(counts, FacetCount{terms[c.id], c.count})
	}
	sortCounts(counts)
	return counts[:min(n, len(counts))]
}

// citedCounts counts the documents citing each reference among the
// matches of q, the limit most cited first.
func (x *Index) citedCounts(ctx context.Context, q query.Query, limit int) ([]FacetCount, error) {
	c, err := x.open()
	if err != nil {
		return nil, err
	}
	defer c.close()
	fc := getCounter()
	defer putCounter(fc)
	err = c.each(ctx, x, q, false, func(mt match) {
		for _, id := range mt.t.cited.row(mt.row) {
			fc.inc(facetCited, id)
		}
	})
	if err != nil {
		return nil, err
	}
	return fc.topOf(facetCited, x.tables.dicts[facetCited].snapshot(), limit), nil
}

// titleBonus returns the score a match gets for the query words in its
// title: scoreTitle each (nil when no title has any of them). The count
// of each row of a table is made from the rows of the words once.
func (x *Index) titleBonus(words []string) func(match) float64 {
	var ids []uint32
	for _, w := range words {
		if id, ok := x.tables.words.lookup(w); ok && id != 0 {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var last *segTable
	var counts []uint8
	return func(m match) float64 {
		if m.t != last {
			last, counts = m.t, make([]uint8, len(m.t.ids))
			for _, id := range ids {
				for _, row := range m.t.titleRows[id] {
					counts[row]++
				}
			}
		}
		return float64(counts[m.row]) * scoreTitle
	}
}

// exactBonus scores the words present with their exact diacritics:
// scoreExact each. It reads the postings of the exact field alongside
// the matches (which come in document-number order), not through a
// searcher per word; close it after use.
type exactBonus struct {
	rs  []bindex.TermFieldReader
	cur []*bindex.TermFieldDoc // nil when a reader is done
	id  bindex.IndexInternalID
}

func (c *collection) exactBonus(ctx context.Context, words []string) (*exactBonus, error) {
	e := &exactBonus{}
	for _, w := range words {
		r, err := c.r.TermFieldReader(ctx, []byte(w), fieldExact, false, false, false)
		if err != nil {
			e.close()
			return nil, err
		}
		e.rs = append(e.rs, r)
		cur, err := r.Next(nil)
		if err != nil {
			e.close()
			return nil, err
		}
		e.cur = append(e.cur, cur)
	}
	return e, nil
}

// of returns the bonus of a match; matches must come in increasing order.
func (e *exactBonus) of(m match) float64 {
	if len(e.rs) == 0 {
		return 0
	}
	e.id = bindex.NewIndexInternalID(e.id, m.num)
	n := 0
	for i, r := range e.rs {
		cur := e.cur[i]
		if cur != nil && cur.ID.Compare(e.id) < 0 {
			next, err := r.Advance(e.id, cur)
			if err != nil {
				next = nil
			}
			e.cur[i], cur = next, next
		}
		if cur != nil && cur.ID.Equals(e.id) {
			n++
		}
	}
	return float64(n) * scoreExact
}

func (e *exactBonus) close() {
	for _, r := range e.rs {
		r.Close()
	}
}

// bonusScorer adds the bonuses to a match's score: the title bonus (not
// in a search limited to a section) and the exact bonus; none when the
// sort is by date.
type bonusScorer struct {
	title func(match) float64
	exact *exactBonus
}

func (x *Index) bonuses(ctx context.Context, c *collection, r SearchRequest, m *matcher) (*bonusScorer, error) {
	b := &bonusScorer{}
	if !scored(r.Sort) {
		return b, nil
	}
	if r.Section == "" {
		b.title = x.titleBonus(m.words)
	}
	var err error
	b.exact, err = c.exactBonus(ctx, m.exact)
	return b, err
}

// of returns the bonus of a match; matches must come in increasing order.
func (b *bonusScorer) of(m match) float64 {
	s := 0.0
	if b.title != nil {
		s += b.title(m)
	}
	if b.exact != nil {
		s += b.exact.of(m)
	}
	return s
}

func (b *bonusScorer) close() {
	if b.exact != nil {
		b.exact.close()
	}
}
