package index

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/extract"
)

// CitingPage is one page of the documents citing a reference.
type CitingPage struct {
	Total uint64     `json:"total"`
	Hits  []Citation `json:"hits"`
	Next  string     `json:"next"` // cursor of the next page, "" after the last
}

// Citation is a document citing a reference, with the matching references
// (their relations and mentions).
type Citation struct {
	Hit
	References []*extract.Reference `json:"references"`
	// Text is the document's text, which the mention spans point into
	// (read with the references: no Get needed for their context).
	Text string `json:"-"`
}

const maxCitingLimit = 1000

// Citing lists every document citing ref (see ParseRef) with the given
// relation (any when ""), oldest first, limit per page (default 100). Pass
// the Next of a page as cursor to get the following one.
func (x *Index) Citing(ctx context.Context, ref, relation, cursor string, limit int) (*CitingPage, error) {
	r, err := ParseRef(ref)
	if err != nil {
		return nil, err
	}
	key := r.key()
	if relation != "" {
		key = relation + "|" + key
	}
	if limit <= 0 {
		limit = maxLimit
	}
	var after *match
	if cursor != "" {
		if after, err = decodeCursor(cursor); err != nil {
			return nil, err
		}
	}
	c, err := x.open()
	if err != nil {
		return nil, err
	}
	defer c.close()
	return x.citingPage(ctx, c, key, after, min(limit, maxCitingLimit))
}

// citingPage returns the limit documents with the key after the cursor
// document (from the first when nil), in date order.
func (x *Index) citingPage(ctx context.Context, c *collection, key string, after *match, limit int) (*CitingPage, error) {
	less := order("date")
	top := &best{n: limit + 1, less: less}
	total := 0
	err := c.each(ctx, x, constant(fieldCites, key, 1), false, func(mt match) {
		total++
		if after == nil || less(mt, *after) > 0 {
			top.add(mt)
		}
	})
	if err != nil {
		return nil, err
	}
	page := &CitingPage{Total: uint64(total)}
	hits := top.sorted()
	if len(hits) > limit {
		page.Next = encodeCursor(hits[limit-1])
		hits = hits[:limit]
	}
	// the stored values are decoded on all CPUs: a page decodes up to
	// limit texts and their references
	page.Hits = make([]Citation, len(hits))
	errs := make([]error, len(hits))
	parallel(len(hits), func(i, _ int) {
		st, err := c.stored(hits[i].id(), wantRefs)
		if errs[i] = err; err == nil {
			page.Hits[i] = Citation{Hit: newHit(hits[i].id(), st.sum), References: matchingRefs(st.refs, key), Text: string(st.text)}
		}
	})
	return page, errors.Join(errs...)
}

// matchingRefs returns the references of doc having the key.
func matchingRefs(refs []*extract.Reference, key string) []*extract.Reference {
	rel, k, ok := strings.Cut(key, "|")
	if !ok {
		rel, k = "", key
	}
	var out []*extract.Reference
	for _, r := range refs {
		if r != nil && slices.Contains(refKeys(r), k) && (rel == "" || slices.Contains(relations(r), rel)) {
			out = append(out, r)
		}
	}
	return out
}

// A cursor is the date key and id of the last document of a page.
func encodeCursor(m match) string {
	b, _ := json.Marshal([]string{strconv.FormatUint(uint64(m.date()), 10), m.id()})
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor returns a match that sorts like the cursor's document.
func decodeCursor(c string) (*match, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	var sort []string
	if err != nil || json.Unmarshal(b, &sort) != nil || len(sort) != 2 {
		return nil, ErrBadCursor
	}
	date, err := strconv.ParseUint(sort[0], 10, 32)
	if err != nil {
		return nil, ErrBadCursor
	}
	t := &segTable{ids: []string{sort[1]}, dates: []uint32{uint32(date)}}
	return &match{t: t}, nil
}

// RefCount is a cited document with the number of documents citing it.
type RefCount struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Symbol string `json:"symbol"`
	Date   string `json:"date"`
	Count  int    `json:"count"`
}

const maxReferences = 100000

// References lists the documents cited by the documents matching q (all
// documents when q is empty; same syntax as SearchRequest.Query), most
// cited first, at most limit (all when 0).
func (x *Index) References(ctx context.Context, q string, limit int) ([]RefCount, error) {
	if limit <= 0 || limit > maxReferences {
		limit = maxReferences
	}
	bq, m, err := x.query(SearchRequest{Query: q})
	if err != nil {
		return nil, err
	}
	var cited []FacetCount
	if m.needsText() {
		fc := facetCounter{}
		err = x.each(ctx, bq, m, func(_ string, doc *extract.Document) { fc.add(newSummary(doc)) })
		cited = fc.top(limit)["cited"]
	} else {
		cited, err = x.citedCounts(ctx, bq, limit)
	}
	if err != nil {
		return nil, err
	}
	out := []RefCount{}
	for _, f := range cited {
		rc := RefCount{ID: f.Term, Count: f.Count}
		if r, err := ParseRef(f.Term); err == nil {
			rc.Kind, rc.Symbol, rc.Date = r.Kind, r.Symbol, r.Date
		}
		out = append(out, rc)
	}
	slices.SortStableFunc(out, func(a, b RefCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, nil
}

// DeadlineHit is one deadline of a document.
type DeadlineHit struct {
	DocID    string            `json:"doc_id"`
	Symbol   string            `json:"symbol"`
	Title    string            `json:"title"`
	Issuer   string            `json:"issuer"`
	Deadline *extract.Deadline `json:"deadline"`
}

// Deadlines lists the deadlines overlapping from..to (ISO dates, either
// may be empty) whose responsible body has all the words of responsible
// (any when ""), in documents matching q (any when ""), by date.
func (x *Index) Deadlines(ctx context.Context, from, to, responsible, q string) ([]DeadlineHit, error) {
	if from != "" && !validDate(from) || to != "" && !validDate(to) {
		return nil, ErrBadDate
	}
	bq, m, err := x.query(SearchRequest{Query: q})
	if err != nil {
		return nil, err
	}
	filters := []query.Query{x.deadlineFilter(from, to)}
	if responsible != "" {
		filters = append(filters, x.allTerms(fieldResp, responsible))
	}
	bq.(*query.BooleanQuery).AddFilter(bleve.NewConjunctionQuery(filters...))
	want := x.foldedWords(responsible)
	out := []DeadlineHit{}
	err = x.each(ctx, bq, m, func(id string, doc *extract.Document) {
		for _, dl := range doc.Deadlines {
			if dl != nil && overlaps(dl, from, to) && x.hasWords(string(dl.Responsible), want) {
				out = append(out, DeadlineHit{id, string(doc.Symbol), string(doc.Title), string(doc.Issuer), dl})
			}
		}
	})
	slices.SortStableFunc(out, func(a, b DeadlineHit) int {
		return cmpStrings(a.Deadline.Start, b.Deadline.Start, a.Deadline.End, b.Deadline.End, a.DocID, b.DocID)
	})
	return out, err
}

func cmpStrings(pairs ...string) int {
	for i := 0; i+1 < len(pairs); i += 2 {
		if c := strings.Compare(pairs[i], pairs[i+1]); c != 0 {
			return c
		}
	}
	return 0
}

// deadlineFilter matches documents with a deadline in a month of from..to.
func (x *Index) deadlineFilter(from, to string) query.Query {
	lo, hi := "0000", "9999"
	if from != "" {
		lo = from[:min(7, len(from))]
	}
	if to != "" {
		hi = to[:min(7, len(to))] + "~"
	}
	yes := true
	months := bleve.NewTermRangeInclusiveQuery(lo, hi, &yes, &yes)
	months.SetField(fieldDeadline)
	return bleve.NewDisjunctionQuery(months, term(fieldDeadline, "long"))
}

// overlaps reports whether a deadline overlaps from..to.
func overlaps(dl *extract.Deadline, from, to string) bool {
	end := dl.End
	if end == "" {
		end = dl.Start
	}
	return (from == "" || end+"~" >= from) && (to == "" || dl.Start <= to+"~")
}

func (x *Index) foldedWords(s string) []string {
	var out []string
	for _, t := range x.an.folded.Analyze([]byte(s)) {
		out = append(out, string(t.Term))
	}
	return out
}

// hasWords reports whether s has every one of the folded words.
func (x *Index) hasWords(s string, words []string) bool {
	if len(words) == 0 {
		return true
	}
	have := x.foldedWords(s)
	for _, w := range words {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

const eachPage = 500

// each calls fn for every document matching q whose text has the phrases
// of m, in id order.
func (x *Index) each(ctx context.Context, q query.Query, m *matcher, fn func(id string, doc *extract.Document)) error {
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, eachPage, 0, false)
		req.Fields = []string{fieldSrc}
		req.SortBy([]string{"_id"})
		req.SearchAfter = after
		res, err := x.search(ctx, req)
		if err != nil {
			return err
		}
		var sc textScanner
		for _, h := range res.Hits {
			doc, text, err := hitDoc(h.Fields, m.needsText())
			if err != nil {
				return err
			}
			if !m.needsText() || sc.hasPhrases(m, []byte(text)) {
				fn(h.ID, doc)
			}
		}
		if len(res.Hits) < eachPage {
			return nil
		}
		after = res.Hits[len(res.Hits)-1].Sort
	}
}
