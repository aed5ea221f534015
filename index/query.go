package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"vanban/extract"
)

// query builds the bleve query of a request and the matcher of its words
// for snippets.
func (x *Index) query(r SearchRequest) (query.Query, *matcher, error) {
	if r.Section != "" && !slices.Contains(searchableKinds, r.Section) {
		return nil, nil, fmt.Errorf("%w %q", ErrBadSection, r.Section)
	}
	must, mustNot, textFilters, m := x.textQuery(parseQuery(r.Query), r.Section)
	filters, err := x.filters(r)
	if err != nil {
		return nil, nil, err
	}
	filters = append(filters, textFilters...)
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(must...)
	if len(mustNot) > 0 {
		bq.AddMustNot(mustNot...)
	}
	if len(filters) > 0 {
		bq.AddFilter(bleve.NewConjunctionQuery(filters...))
	}
	return bq, m, nil
}

// filters builds the non-scoring filters of a request.
func (x *Index) filters(r SearchRequest) ([]query.Query, error) {
	var fs []query.Query
	if r.Kind != "" {
		fs = append(fs, term(fieldKindF, extract.Fold(strings.TrimSpace(r.Kind))))
	}
	if r.Issuer != "" {
		fs = append(fs, x.allTerms(fieldIssuerF, r.Issuer))
	}
	if r.From != "" && !validDate(r.From) || r.To != "" && !validDate(r.To) {
		return nil, ErrBadDate // the range itself is applied by the collection (dateFilter)
	}
	if r.Cites != "" {
		ref, err := ParseRef(r.Cites)
		if err != nil {
			return nil, err
		}
		fs = append(fs, term(fieldCites, ref.key()))
	}
	if r.Section != "" {
		fs = append(fs, term(fieldSections, r.Section))
	}
	return fs, nil
}

func term(field, t string) query.Query {
	q := bleve.NewTermQuery(t)
	q.SetField(field)
	return q
}

func boosted(field, t string, boost float64) query.Query {
	q := bleve.NewTermQuery(t)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

// allTerms matches documents whose field has every folded word of s.
func (x *Index) allTerms(field, s string) query.Query {
	var qs []query.Query
	for _, t := range x.an.folded.Analyze([]byte(s)) {
		qs = append(qs, term(field, string(t.Term)))
	}
	if len(qs) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	return bleve.NewConjunctionQuery(qs...)
}

// clause is one part of a query: a word or a phrase, maybe excluded.
type clause struct {
	text   string
	phrase bool
	neg    bool
}

// parseQuery splits a query into words and quoted phrases. It accepts any
// input: an unclosed quote runs to the end.
func parseQuery(q string) []clause {
	var out []clause
	for i := 0; i < len(q); {
		if n := quoteAt(q, i); n > 0 {
			j := i + n
			end, m := len(q), 0
			for k := j; k < len(q); k++ {
				if m = quoteAt(q, k); m > 0 {
					end = k
					break
				}
			}
			out = append(out, clause{text: q[j:end], phrase: true})
			i = end + m
			continue
		}
		if q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '\r' {
			i++
			continue
		}
		j := i
		for j < len(q) && q[j] != ' ' && q[j] != '\t' && q[j] != '\n' && q[j] != '\r' && quoteAt(q, j) == 0 {
			j++
		}
		w := q[i:j]
		neg := len(w) > 1 && w[0] == '-'
		if neg {
			w = w[1:]
		}
		out = append(out, clause{text: w, neg: neg})
		i = j
	}
	return out
}

// quoteAt returns the width of a quote mark at s[i] (", “ or ”), else 0.
func quoteAt(s string, i int) int {
	if s[i] == '"' {
		return 1
	}
	if strings.HasPrefix(s[i:], "“") || strings.HasPrefix(s[i:], "”") {
		return len("“")
	}
	return 0
}

// matcher finds the words of a query in a text, for snippets.
type matcher struct {
	terms   map[string]bool // folded terms
	phrases [][]string      // folded terms of phrases
	numbers map[string]bool // "kl 62": symbols of that code and number
	// numberOf maps a number word to its one code-number key ("62" →
	// "kl 62"; "" when it has several): its marks and those of the
	// symbols it finds count as one term.
	numberOf map[string]string
	words    []string // folded words of terms and phrases, for the title bonus
	exact    []string // their exact forms with diacritics, for the exact bonus

	firstOnce sync.Once
	first     *[256]bool // see firstSet
}

// numberKey recognises a document number written after its kind ("ket
// luan 62", "nghi quyet so 25", "kl 62"): when word is a number and the
// words before it name a kind, it returns the code-number key ("kl 62")
// that matches cited references and own symbols.
func numberKey(prev []string, word string) string {
	if !allDigits(word) || len(word) > 6 {
		return ""
	}
	if n := len(prev); n > 0 && prev[n-1] == "so" {
		prev = prev[:n-1]
	}
	for k := 1; k <= 4 && k <= len(prev); k++ {
		kind := strings.Join(prev[len(prev)-k:], " ")
		for _, kc := range kindCodes {
			if kind == kc.fold || kind == extract.Fold(kc.code) {
				return codeNumberKey(kc.code, word)
			}
		}
	}
	return ""
}

// textQuery builds one required query per positive clause, one excluded
// query per negative clause (a multi-word one excludes documents having
// all the words), the non-scoring filters of the positive clauses (their
// words in the section) and the matcher of the positive clauses (whose
// phrases are checked against the text, whose words get the title and
// exact bonuses).
func (x *Index) textQuery(cs []clause, section string) (must, mustNot, filters []query.Query, m *matcher) {
	m = &matcher{terms: map[string]bool{}, numbers: map[string]bool{}}
	var prev []string // folded words of the positive word clauses so far
	for _, c := range cs {
		folded := x.an.folded.Analyze([]byte(c.text))
		if len(folded) == 0 {
			continue
		}
		exact := map[int]string{} // by start offset
		for _, t := range x.an.vi.Analyze([]byte(c.text)) {
			exact[t.Start] = string(t.Term)
		}
		var parts, conds []query.Query
		var seq []string
		for _, ft := range folded {
			e, f := exact[ft.Start], string(ft.Term)
			q := wordQuery(f, section == "")
			if !c.neg && !plain([]byte(e)) && !slices.Contains(m.exact, e) { // plain words are not in the exact field
				m.exact = append(m.exact, e)
			}
			if key := numberKey(prev, f); key != "" && !c.phrase && !c.neg {
				q = bleve.NewDisjunctionQuery(q, constant(fieldCites, "n:"+key, scoreRef), constant(fieldOwn, "n:"+key, scoreRef))
				m.numbers[key] = true
				m.setNumberOf(f, key)
			}
			if !c.phrase && !c.neg {
				prev = append(prev, f)
			}
			parts = append(parts, q)
			if section != "" {
				conds = append(conds, term(sectionField(section), f))
			}
			seq = append(seq, f)
		}
		if c.neg {
			mustNot = append(mustNot, conjunction(append(parts, conds...)))
			continue
		}
		must = append(must, conjunction(parts))
		filters = append(filters, conds...)
		m.add(seq)
	}
	return must, mustNot, filters, m
}

func conjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

func (m *matcher) setNumberOf(word, key string) {
	if m.numberOf == nil {
		m.numberOf = map[string]string{}
	}
	if k, ok := m.numberOf[word]; ok && k != key {
		key = ""
	}
	m.numberOf[word] = key
}

func (m *matcher) add(seq []string) {
	for _, w := range seq {
		if !slices.Contains(m.words, w) {
			m.words = append(m.words, w)
		}
	}
	if len(seq) > 1 {
		m.phrases = append(m.phrases, seq)
		return
	}
	m.terms[seq[0]] = true
}

// Scoring: the folded words rank by tf-idf; each word present with its
// exact diacritics adds a constant (larger than a typical tf-idf score,
// so exact matches rank first), each word in the title a larger one;
// symbol matches are boosted.
const (
	scoreExact  = 0.5
	scoreTitle  = 1
	scoreRef    = 0.5
	boostFolded = 1
	boostSymbol = 5
)

// wordQuery matches one folded word (f) in the text (whose folded field
// also has the title's words); with meta, a word that may be a symbol
// also matches the document's symbol.
func wordQuery(f string, meta bool) query.Query {
	q := boosted(fieldFolded, f, boostFolded)
	if !meta || !strings.ContainsAny(f, "0123456789") {
		return q
	}
	return bleve.NewDisjunctionQuery(q, boosted(fieldSymbol, f, boostSymbol))
}

// constant matches a term with a constant score: the field has no norms.
func constant(field, t string, score float64) query.Query {
	return &constQuery{q: term(field, t), score: score}
}

// constQuery matches what q matches, scoring each match score; q itself
// is not scored.
type constQuery struct {
	q     query.Query
	score float64
}

// Searcher implements query.Query.
func (c *constQuery) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	o.Score = "none"
	s, err := c.q.Searcher(ctx, i, m, o)
	if err != nil {
		return nil, err
	}
	return &constSearcher{Searcher: s, score: c.score}, nil
}

type constSearcher struct {
	bsearch.Searcher
	score float64
}

func (s *constSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	if dm != nil {
		dm.Score = s.score
	}
	return dm, err
}

func (s *constSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	if dm != nil {
		dm.Score = s.score
	}
	return dm, err
}

// Weight and SetQueryNorm keep the constant out of query normalisation.
func (s *constSearcher) Weight() float64      { return 0 }
func (s *constSearcher) SetQueryNorm(float64) {}
