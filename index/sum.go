package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// bonusQuery matches what any of its queries matches, scoring the sum of
// the scores of those that match. Unlike bleve's disjunction it does not
// scale the sum by the fraction of queries matched, so each bonus (a word
// in the title, a word with its exact diacritics) adds the same amount
// however many bonuses the query has. It is used as the optional part of
// a search: the required words are a plain conjunction of terms, which
// bleve intersects by skipping, and the bonuses are only advanced to the
// documents that conjunction finds.
type bonusQuery struct{ qs []query.Query }

// Searcher implements query.Query.
func (b *bonusQuery) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s := &bonusSearcher{}
	for _, q := range b.qs {
		c, err := q.Searcher(ctx, i, m, o)
		if err != nil {
			s.Close()
			return nil, err
		}
		s.children = append(s.children, c)
	}
	s.cur = make([]*bsearch.DocumentMatch, len(s.children))
	return s, nil
}

type bonusSearcher struct {
	children []bsearch.Searcher
	cur      []*bsearch.DocumentMatch // current match of each child, nil when done
	started  bool
}

func (s *bonusSearcher) start(ctx *bsearch.SearchContext) error {
	if s.started {
		return nil
	}
	s.started = true
	for i, c := range s.children {
		dm, err := c.Next(ctx)
		if err != nil {
			return err
		}
		s.cur[i] = dm
	}
	return nil
}

// Next returns the lowest document any child is on, scored with the sum
// of the children on it, and moves those children on.
func (s *bonusSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if err := s.start(ctx); err != nil {
		return nil, err
	}
	var low bindex.IndexInternalID
	for _, dm := range s.cur {
		if dm != nil && (low == nil || dm.IndexInternalID.Compare(low) < 0) {
			low = dm.IndexInternalID
		}
	}
	if low == nil {
		return nil, nil
	}
	out := ctx.DocumentMatchPool.Get()
	out.IndexInternalID = append(out.IndexInternalID[:0], low...)
	for i, dm := range s.cur {
		if dm == nil || !dm.IndexInternalID.Equals(out.IndexInternalID) {
			continue
		}
		out.Score += dm.Score
		ctx.DocumentMatchPool.Put(dm)
		next, err := s.children[i].Next(ctx)
		if err != nil {
			return nil, err
		}
		s.cur[i] = next
	}
	return out, nil
}

// Advance moves every child to id or past it, then returns Next.
func (s *bonusSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	if err := s.start(ctx); err != nil {
		return nil, err
	}
	for i, dm := range s.cur {
		if dm == nil || dm.IndexInternalID.Compare(id) >= 0 {
			continue
		}
		ctx.DocumentMatchPool.Put(dm)
		next, err := s.children[i].Advance(ctx, id)
		if err != nil {
			return nil, err
		}
		s.cur[i] = next
	}
	return s.Next(ctx)
}

func (s *bonusSearcher) Close() error {
	var err error
	for _, c := range s.children {
		if e := c.Close(); e != nil && err == nil {
			err = e
		}
	}
	return err
}

func (s *bonusSearcher) Weight() float64 {
	w := 0.0
	for _, c := range s.children {
		w += c.Weight()
	}
	return w
}

func (s *bonusSearcher) SetQueryNorm(n float64) {
	for _, c := range s.children {
		c.SetQueryNorm(n)
	}
}

func (s *bonusSearcher) Count() uint64 {
	var n uint64
	for _, c := range s.children {
		n += c.Count()
	}
	return n
}

func (s *bonusSearcher) Min() int { return 0 }

func (s *bonusSearcher) Size() int {
	n := 64
	for _, c := range s.children {
		n += c.Size()
	}
	return n
}

func (s *bonusSearcher) DocumentMatchPoolSize() int {
	n := 1
	for _, c := range s.children {
		n += c.DocumentMatchPoolSize()
	}
	return n
}
