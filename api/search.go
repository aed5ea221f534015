package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gin-gonic/gin"

	"vanban/extract"
	"vanban/index"
)

// SearchResponse is the body of GET /api/v1/search.
type SearchResponse struct {
	Total       uint64                        `json:"total"`
	Page        int                           `json:"page"`
	Size        int                           `json:"size"`
	Approximate bool                          `json:"approximate"`
	Hits        []index.Hit                   `json:"hits"`
	Facets      map[string][]index.FacetCount `json:"facets"`
}

// handleSearch: GET /api/v1/search?q=&kind=&issuer=&from=&to=&cites=&section=&page=&size=&sort=
func (s *Server) handleSearch(c *gin.Context) {
	sp, err := ParseSearch(c.Request.URL.Query())
	if err != nil {
		s.fail(c, err)
		return
	}
	var res *index.SearchResult
	err = s.timed(c, func(ctx context.Context) (err error) {
		res, err = s.idx.Search(ctx, sp.Request)
		return err
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.PureJSON(http.StatusOK, SearchResponse{
		Total: res.Total, Page: sp.Page, Size: sp.Size, Approximate: res.Approximate,
		Hits: res.Hits, Facets: res.Facets,
	})
}

// ReferencesResponse is the body of GET /api/v1/references.
type ReferencesResponse struct {
	Total      int              `json:"total"`
	References []index.RefCount `json:"references"`
}

// handleReferences: GET /api/v1/references?q=&limit= — the documents cited
// by the documents matching q (all when empty), most cited first.
func (s *Server) handleReferences(c *gin.Context) {
	p := &params{v: c.Request.URL.Query()}
	q := p.query()
	limit := p.intIn("limit", DefaultRefsLimit, 1, MaxRefsLimit)
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	var refs []index.RefCount
	err := s.timed(c, func(ctx context.Context) (err error) {
		refs, err = s.idx.References(ctx, q, limit)
		return err
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.PureJSON(http.StatusOK, ReferencesResponse{len(refs), refs})
}

// CitingResponse is the body of GET /api/v1/references/{ref}/citing.
type CitingResponse struct {
	Ref      RefInfo       `json:"ref"`
	Relation string        `json:"relation"`
	Total    uint64        `json:"total"`
	Hits     []CitingHit   `json:"hits"`
	Next     string        `json:"next"` // cursor of the next page, "" after the last
	Links    CitingPageURL `json:"links"`
}

// RefInfo is the reference as the server read it.
type RefInfo struct {
	Query  string `json:"query"`
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Symbol string `json:"symbol"`
	Number string `json:"number"`
	Year   int    `json:"year"`
	Date   string `json:"date"`
}

// CitingPageURL holds the URL of the next page ("" after the last).
type CitingPageURL struct {
	Next string `json:"next"`
}

// CitingHit is a citing document with its matching references and each
// mention in its context.
type CitingHit struct {
	index.Hit
	References []CitedRef `json:"references"`
}

// CitedRef is one matching reference of a citing document.
type CitedRef struct {
	*extract.Reference
	Mentions []MentionInContext `json:"mentions"`
}

// MentionInContext is a mention with the text around it.
type MentionInContext struct {
	extract.Mention
	Before string `json:"before"`
	After  string `json:"after"`
}

// handleCiting: GET /api/v1/references/{ref}/citing?relation=&cursor=&limit=
// (routed as the catch-all /api/v1/references/*ref, so that ref may hold
// "/" unencoded or as %2F).
func (s *Server) handleCiting(c *gin.Context) {
	ref, ok := strings.CutSuffix(strings.TrimPrefix(c.Param("ref"), "/"), "/citing")
	if !ok || ref == "" {
		s.fail(c, fmt.Errorf("%w: want /api/v1/references/{ref}/citing", ErrRouteNotFound))
		return
	}
	cp, err := ParseCiting(ref, c.Request.URL.Query())
	if err != nil {
		s.fail(c, err)
		return
	}
	var page *index.CitingPage
	err = s.timed(c, func(ctx context.Context) (err error) {
		page, err = s.idx.Citing(ctx, cp.Ref, cp.Relation, cp.Cursor, cp.Limit)
		return err
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	resp := CitingResponse{Ref: refInfo(cp.Ref), Relation: cp.Relation, Total: page.Total, Next: page.Next}
	if resp.Hits, err = s.allInContext(page.Hits); err != nil {
		s.fail(c, err)
		return
	}
	if page.Next != "" {
		q := c.Request.URL.Query()
		q.Set("cursor", page.Next)
		resp.Links.Next = c.Request.URL.EscapedPath() + "?" + q.Encode()
	}
	c.PureJSON(http.StatusOK, resp)
}

func refInfo(q string) RefInfo {
	r, _ := index.ParseRef(q) // already checked
	return RefInfo{Query: q, ID: r.ID(), Kind: r.Kind, Symbol: r.Symbol, Number: r.Number, Year: r.Year, Date: r.Date}
}

// allInContext adds the context of the mentions of every hit, reading
// the documents' texts on all CPUs.
func (s *Server) allInContext(hits []index.Citation) ([]CitingHit, error) {
	out := make([]CitingHit, len(hits))
	errs := make([]error, len(hits))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(hits)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(hits); i = int(next.Add(1) - 1) {
				out[i], errs[i] = s.inContext(hits[i])
			}
		})
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// contextBytes is how much text is shown on each side of a mention.
const contextBytes = 120

// inContext adds the text around each mention of a citing document (none
// when the document was deleted since the query).
func (s *Server) inContext(h index.Citation) (CitingHit, error) {
	text := h.Text // the citing document's text comes with the citation
	out := CitingHit{Hit: h.Hit, References: []CitedRef{}}
	out.Snippets = []index.Snippet{} // citing hits are not scored nor cut
	for _, r := range h.References {
		cr := CitedRef{Reference: r, Mentions: []MentionInContext{}}
		for _, m := range r.Mentions {
			before, after := around(text, m.Span, contextBytes)
			cr.Mentions = append(cr.Mentions, MentionInContext{m, before, after})
		}
		out.References = append(out.References, cr)
	}
	return out, nil
}

// around returns up to n bytes of text before and after a span, cut on
// rune boundaries and on one line's worth of whitespace.
func around(text string, sp extract.Span, n int) (string, string) {
	a, z := max(0, min(sp[0], len(text))), max(0, min(sp[1], len(text)))
	if a > z {
		a = z
	}
	lo, hi := runeStart(text, max(0, a-n)), runeStart(text, min(len(text), z+n))
	before := strings.ReplaceAll(text[lo:runeStart(text, a)], "\n", " ")
	after := strings.ReplaceAll(text[runeStart(text, z):hi], "\n", " ")
	return before, after
}

// runeStart moves i back to the start of the rune containing it.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && s[i]&0xC0 == 0x80 {
		i--
	}
	return i
}
