package api

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"vanban/extract"
	"vanban/index"
)

// Limits of query parameters.
const (
	DefaultPageSize  = 10
	MaxPageSize      = 100
	DefaultCiting    = 10
	MaxCiting        = 1000
	DefaultRefsLimit = 1000
	MaxRefsLimit     = 100000
	maxParamBytes    = 256
	maxCursorBytes   = 512
)

// SearchParams is a parsed GET /api/v1/search query.
type SearchParams struct {
	Request    index.SearchRequest
	Page, Size int
}

// Section kinds a search can be limited to (index.SearchRequest.Section).
var searchSections = []string{
	extract.SectionPurpose, extract.SectionContent, extract.SectionOrganization,
	extract.SectionTimeline, extract.SectionForm, extract.SectionRecommendation, "attachment",
}

// Relations a citing query can keep.
var relations = []string{
	extract.RelBasis, extract.RelImplements, extract.RelReviews, extract.RelContinues,
	extract.RelReplaces, extract.RelAmends, extract.RelAttachedTo, extract.RelCites,
}

// params reads query parameters, each at most once.
type params struct {
	v   url.Values
	err error
}

// get returns the value of a parameter ("" when absent); a repeated or
// oversized parameter, or one that is not UTF-8 text, is an error.
func (p *params) get(name string, max int) string {
	vs := p.v[name]
	if p.err != nil || len(vs) == 0 {
		return ""
	}
	switch {
	case len(vs) > 1:
		p.err = fmt.Errorf("%w: %s given %d times", ErrBadParam, name, len(vs))
	case len(vs[0]) > max:
		p.err = fmt.Errorf("%w: %s longer than %d bytes", ErrBadParam, name, max)
	case !plainText(vs[0]):
		p.err = fmt.Errorf("%w: %s is not valid UTF-8 text", ErrBadParam, name)
	}
	return vs[0]
}

// plainText: valid UTF-8 without control characters.
func plainText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' {
			return false
		}
	}
	return true
}

// query returns q, which must be plain text of at most MaxQueryBytes.
func (p *params) query() string {
	vs := p.v["q"]
	if p.err != nil || len(vs) == 0 {
		return ""
	}
	if len(vs) > 1 || len(vs[0]) > MaxQueryBytes || !plainText(vs[0]) {
		p.err = fmt.Errorf("%w: q must be given once, as UTF-8 text without control characters, at most %d bytes", ErrBadQuery, MaxQueryBytes)
	}
	return vs[0]
}

// intIn returns an integer parameter in [lo, hi], def when absent.
func (p *params) intIn(name string, def, lo, hi int) int {
	s := p.get(name, 20)
	if s == "" || p.err != nil {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.err = fmt.Errorf("%w: %s must be an integer from %d to %d", ErrBadParam, name, lo, hi)
		return def
	}
	return n
}

// oneOf returns a parameter that must be one of the allowed values.
func (p *params) oneOf(name string, allowed ...string) string {
	s := p.get(name, maxParamBytes)
	if s != "" && p.err == nil && !slices.Contains(allowed, s) {
		p.err = fmt.Errorf("%w: %s must be one of %v", ErrBadParam, name, allowed)
	}
	return s
}

// date returns a date parameter: YYYY, YYYY-MM or YYYY-MM-DD, a real date.
func (p *params) date(name string) string {
	s := p.get(name, 10)
	if s == "" || p.err != nil {
		return s
	}
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if _, err := time.Parse(layout, s); layout == "" || err != nil {
		p.err = fmt.Errorf("%w: %s=%q", index.ErrBadDate, name, s)
	}
	return s
}

// dateRange returns from and to, checking that from is not after to.
func (p *params) dateRange() (string, string) {
	from, to := p.date("from"), p.date("to")
	if p.err == nil && from != "" && to != "" && from > to+"~" {
		p.err = fmt.Errorf("%w: from %s is after to %s", index.ErrBadDate, from, to)
	}
	return from, to
}

// ParseSearch reads the parameters of GET /api/v1/search.
func ParseSearch(v url.Values) (SearchParams, error) {
	p := &params{v: v}
	var sp SearchParams
	r := &sp.Request
	r.Query = p.query()
	r.Kind = p.get("kind", maxParamBytes)
	r.Issuer = p.get("issuer", maxParamBytes)
	r.From, r.To = p.dateRange()
	r.Cites = p.get("cites", maxParamBytes)
	r.Section = p.oneOf("section", searchSections...)
	r.Sort = p.oneOf("sort", "score", "date", "-date")
	sp.Page = p.intIn("page", 1, 1, MaxResultWindow)
	sp.Size = p.intIn("size", DefaultPageSize, 1, MaxPageSize)
	if p.err == nil && sp.Page*sp.Size > MaxResultWindow {
		p.err = fmt.Errorf("%w: page*size must be at most %d (narrow the query instead)", ErrBadParam, MaxResultWindow)
	}
	if r.Cites != "" && p.err == nil {
		if _, err := index.ParseRef(r.Cites); err != nil {
			p.err = fmt.Errorf("%w: cites=%q", err, r.Cites)
		}
	}
	r.Offset, r.Limit = (sp.Page-1)*sp.Size, sp.Size
	return sp, p.err
}

// DeadlineParams is a parsed GET /api/v1/deadlines query.
type DeadlineParams struct {
	From, To, Responsible, Query, Format string
}

// ParseDeadlines reads the parameters of GET /api/v1/deadlines.
func ParseDeadlines(v url.Values) (DeadlineParams, error) {
	p := &params{v: v}
	var d DeadlineParams
	d.From, d.To = p.dateRange()
	d.Responsible = p.get("responsible", maxParamBytes)
	d.Query = p.query()
	d.Format = p.oneOf("format", "json", "csv", "ics")
	if d.Format == "" {
		d.Format = "json"
	}
	return d, p.err
}

// CitingParams is a parsed GET /api/v1/references/{ref}/citing query.
type CitingParams struct {
	Ref, Relation, Cursor string
	Limit                 int
}

// ParseCiting reads the reference and parameters of a citing query.
func ParseCiting(ref string, v url.Values) (CitingParams, error) {
	p := &params{v: v}
	c := CitingParams{Ref: ref}
	c.Relation = p.oneOf("relation", relations...)
	c.Cursor = p.get("cursor", maxCursorBytes)
	c.Limit = p.intIn("limit", DefaultCiting, 1, MaxCiting)
	if p.err != nil {
		return c, p.err
	}
	if len(ref) > maxParamBytes || !plainText(ref) {
		return c, fmt.Errorf("%w: reference must be UTF-8 text of at most %d bytes", index.ErrBadRef, maxParamBytes)
	}
	if _, err := index.ParseRef(ref); err != nil {
		return c, fmt.Errorf("%w: %q", err, ref)
	}
	return c, nil
}
