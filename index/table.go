package index

import (
	"fmt"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"
	segapi "github.com/blevesearch/scorch_segment_api/v2"
)

// Hit tables. Counting facets and sorting by date through bleve reads the
// doc values of every match on every query, which dominates the cost of a
// search that matches most of the index. Segments are immutable, so the
// values a search needs of each document (id, date, kind, issuer, year,
// cited ids) are read once per segment into a table, and a search looks
// them up by document number (see collect). Tables are built on first use
// and dropped when their segment leaves the index.

// dict interns the terms of one facet; id 0 is "".
type dict struct {
	mu    sync.RWMutex
	ids   map[string]uint32
	terms []string
}

func newDict() *dict { return &dict{ids: map[string]uint32{"": 0}, terms: []string{""}} }

// id returns the id of term, adding it when new.
func (d *dict) id(term []byte) uint32 {
	d.mu.RLock()
	id, ok := d.ids[string(term)]
	d.mu.RUnlock()
	if ok {
		return id
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if id, ok := d.ids[string(term)]; ok {
		return id
	}
	id = uint32(len(d.terms))
	d.terms = append(d.terms, string(term))
	d.ids[string(term)] = id
	return id
}

// lookup returns the id of a known term.
func (d *dict) lookup(term string) (uint32, bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	id, ok := d.ids[term]
	return id, ok
}

// snapshot returns the terms known so far (ids index into it).
func (d *dict) snapshot() []string {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.terms
}

// Facets counted from the tables, in the order of SearchResult.Facets.
const (
	facetKind = iota
	facetIssuer
	facetYear
	facetCited
	numFacets
)

var facetNames = [numFacets]string{"kind", "issuer", "year", "cited"}

// segTable holds the hit values of every document number of a segment
// (deleted ones included: deletions belong to snapshots).
type segTable struct {
	ids    []string
	dates  []uint32 // YYYYMMDD, 0 when none
	one    [][facetCited]uint32
	cited  flat // cited ids
	titles flat // folded title words (ids of tables.words), sorted
	// titleRows lists the rows having each title word (the title bonus
	// reads the rows of the query's words, not every title).
	titleRows map[uint32][]int32
}

// flat holds a list of ids per row in one array (rows are visited in
// order, so their lists are read sequentially).
type flat struct {
	ids  []uint32
	ends []uint32 // end of each row's ids
}

func (f *flat) row(i int) []uint32 {
	start := uint32(0)
	if i > 0 {
		start = f.ends[i-1]
	}
	return f.ids[start:f.ends[i]]
}

// end closes the current row.
func (f *flat) end() { f.ends = append(f.ends, uint32(len(f.ids))) }

// tableFields are the doc-value fields a table reads.
var tableFields = []string{fieldDate, fieldKind, fieldIssuer, fieldYear, fieldCited, fieldTitleF}

// buildTable reads the table of a segment.
func buildTable(seg segapi.Segment, dicts *[numFacets]*dict, words *dict) (*segTable, error) {
	dv, ok := seg.(segapi.DocValueVisitable)
	if !ok {
		return nil, fmt.Errorf("index: segment %T has no doc values", seg)
	}
	n := int(seg.Count())
	t := &segTable{ids: make([]string, n), dates: make([]uint32, n), one: make([][facetCited]uint32, n)}
	var state segapi.DocVisitState
	for i := range n {
		id, err := seg.DocID(uint64(i))
		if err != nil {
			return nil, err
		}
		t.ids[i] = string(id)
		state, err = dv.VisitDocValues(uint64(i), tableFields, func(field string, term []byte) {
			if field == fieldTitleF {
				t.titles.ids = append(t.titles.ids, words.id(term))
				return
			}
			t.set(i, field, term, dicts)
		}, state)
		if err != nil {
			return nil, err
		}
		t.cited.end()
		t.titles.end()
		slices.Sort(t.titles.row(i))
	}
	t.titleRows = map[uint32][]int32{}
	for i := range n {
		for _, id := range t.titles.row(i) {
			t.titleRows[id] = append(t.titleRows[id], int32(i))
		}
	}
	return t, nil
}

func (t *segTable) set(i int, field string, term []byte, dicts *[numFacets]*dict) {
	switch field {
	case fieldDate:
		t.dates[i] = dateKey(term)
	case fieldKind:
		t.one[i][facetKind] = dicts[facetKind].id(term)
	case fieldIssuer:
		t.one[i][facetIssuer] = dicts[facetIssuer].id(term)
	case fieldYear:
		t.one[i][facetYear] = dicts[facetYear].id(term)
	case fieldCited:
		t.cited.ids = append(t.cited.ids, dicts[facetCited].id(term))
	}
}

// dateKey turns an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) into YYYYMMDD
// with missing parts 0; 0 when it is not a date.
func dateKey(b []byte) uint32 {
	var k uint32
	digits := 0
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			k = k*10 + uint32(c-'0')
			digits++
		case c != '-':
			return 0
		}
	}
	for ; digits < 8; digits++ {
		k *= 10
	}
	if digits != 8 {
		return 0
	}
	return k
}

// tables caches the tables of the segments in use.
type tables struct {
	mu    sync.Mutex
	segs  map[segapi.Segment]*tableEntry
	dicts [numFacets]*dict
	words *dict // title words
}

type tableEntry struct {
	once sync.Once
	t    *segTable
	err  error
}

func newTables() *tables {
	ts := &tables{segs: map[segapi.Segment]*tableEntry{}, words: newDict()}
	for i := range ts.dicts {
		ts.dicts[i] = newDict()
	}
	return ts
}

// view is the tables of one snapshot, with the first document number of
// each segment (as scorch numbers documents).
type view struct {
	offsets []uint64
	tables  []*segTable
	end     uint64 // past the last document number
}

// viewOf returns the tables of a snapshot, building the missing ones.
func (ts *tables) viewOf(snap *scorch.IndexSnapshot) (*view, error) {
	segs := snap.Segments()
	v := &view{offsets: make([]uint64, len(segs)), tables: make([]*segTable, len(segs))}
	entries := ts.entries(segs)
	var next uint64
	for i, ss := range segs {
		seg := ss.Segment()
		e := entries[i]
		e.once.Do(func() { e.t, e.err = buildTable(seg, &ts.dicts, ts.words) })
		if e.err != nil {
			return nil, e.err
		}
		v.offsets[i], v.tables[i] = next, e.t
		next += seg.Count()
	}
	v.end = next
	return v, nil
}

// entries returns the cache entries of segs, adding missing ones and
// dropping those of segments no longer in use.
func (ts *tables) entries(segs []*scorch.SegmentSnapshot) []*tableEntry {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	out := make([]*tableEntry, len(segs))
	used := make(map[segapi.Segment]bool, len(segs))
	for i, ss := range segs {
		seg := ss.Segment()
		used[seg] = true
		if ts.segs[seg] == nil {
			ts.segs[seg] = &tableEntry{}
		}
		out[i] = ts.segs[seg]
	}
	if len(ts.segs) > 2*len(segs)+8 {
		for seg := range ts.segs {
			if !used[seg] {
				delete(ts.segs, seg)
			}
		}
	}
	return out
}

// locate returns the table and row of a document number.
func (v *view) locate(id bindex.IndexInternalID) (*segTable, int) {
	num := id.Value()
	lo, hi := 0, len(v.offsets)-1
	for lo < hi { // last offset <= num
		mid := (lo + hi + 1) / 2
		if v.offsets[mid] <= num {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return v.tables[lo], int(num - v.offsets[lo])
}
