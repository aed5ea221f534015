package web

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"vanban/index"
)

// perPage is the number of search hits on a page; maxPage bounds paging.
const (
	perPage = 10
	maxPage = 1000
)

// searchParams is the state of the search page, all of it in the URL.
type searchParams struct {
	Q, Kind, Issuer, Year, Cites, Sort string
	Page                               int
}

func parseSearch(r *http.Request) (searchParams, error) {
	var p searchParams
	err := params(r, map[string]*string{
		"q": &p.Q, "kind": &p.Kind, "issuer": &p.Issuer, "year": &p.Year, "cites": &p.Cites, "sort": &p.Sort,
	})
	if p.Sort != "date" && p.Sort != "-date" {
		p.Sort = ""
	}
	p.Page, _ = strconv.Atoi(r.URL.Query().Get("page"))
	p.Page = min(max(p.Page, 1), maxPage)
	return p, err
}

// request is the index search of the page.
func (p searchParams) request() index.SearchRequest {
	return index.SearchRequest{
		Query: p.Q, Kind: p.Kind, Issuer: p.Issuer, From: p.Year, To: p.Year, Cites: p.Cites,
		Sort: p.Sort, Offset: (p.Page - 1) * perPage, Limit: perPage,
	}
}

// values are the URL parameters of the state (page 1 is left out).
func (p searchParams) values() url.Values {
	v := url.Values{}
	for k, s := range map[string]string{"q": p.Q, "kind": p.Kind, "issuer": p.Issuer, "year": p.Year, "cites": p.Cites, "sort": p.Sort} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if p.Page > 1 {
		v.Set("page", strconv.Itoa(p.Page))
	}
	return v
}

// with returns the URL of the first page with one parameter changed
// ("" removes it).
func (p searchParams) with(key, value string) string {
	v := p.values()
	v.Del("page")
	if value == "" {
		v.Del(key)
	} else {
		v.Set(key, value)
	}
	return pageURL(v)
}

// at returns the URL of page n.
func (p searchParams) at(n int) string {
	p.Page = n
	return pageURL(p.values())
}

func pageURL(v url.Values) string {
	if len(v) == 0 {
		return "/"
	}
	return "/?" + v.Encode()
}

// searchPage is the data of the search template.
type searchPage struct {
	P      searchParams
	Err    string
	Total  uint64
	Approx bool
	Hits   []hitView
	Active []link // filters in force, each with the URL that removes it
	Facets []facetGroup
	Pager  pager
	Sorts  []option
}

type hitView struct {
	index.Hit
	Snippets []template.HTML
}

type link struct {
	Label, URL string
}

type facetGroup struct {
	Label string
	Items []facetItem
}

type facetItem struct {
	Label  string
	Count  int
	URL    string
	Active bool
}

type option struct {
	Value, Label string
	Selected     bool
}

// search serves GET /: the search box, hits with highlighted snippets,
// facets (kind, year, issuer, cited document) and paging.
func (s *server) search(w http.ResponseWriter, r *http.Request) {
	p, err := parseSearch(r)
	page := searchPage{P: p, Sorts: sortOptions(p.Sort)}
	status := http.StatusOK
	if err == nil {
		ctx, cancel := s.readCtx(r)
		defer cancel()
		var res *index.SearchResult
		if res, err = s.idx.Search(ctx, p.request()); err == nil {
			page.fill(p, res)
		}
	}
	if err != nil {
		status, page.Err = s.statusOf(r, err)
	}
	title := "Tìm kiếm văn bản"
	if p.Q != "" {
		title = p.Q + " – " + title
	}
	s.render(w, status, "search", view{Title: title, Nav: "search", Data: page})
}

func sortOptions(cur string) []option {
	opts := []option{{"", "Phù hợp nhất", false}, {"-date", "Mới nhất", false}, {"date", "Cũ nhất", false}}
	for i := range opts {
		opts[i].Selected = opts[i].Value == cur
	}
	return opts
}

// fill sets the hits, facets, filters and pager of a result.
func (page *searchPage) fill(p searchParams, res *index.SearchResult) {
	page.Total, page.Approx = res.Total, res.Approximate
	for _, h := range res.Hits {
		hv := hitView{Hit: h}
		for _, sn := range h.Snippets {
			hv.Snippets = append(hv.Snippets, snippetHTML(sn))
		}
		page.Hits = append(page.Hits, hv)
	}
	page.Facets = facetGroups(p, res.Facets)
	page.Active = activeFilters(p)
	page.Pager = newPager(p, res.Total)
}

// facetDefs are the facets shown, in order: index facet name, URL
// parameter, label.
var facetDefs = []struct{ facet, param, label string }{
	{"kind", "kind", "Loại văn bản"},
	{"year", "year", "Năm ban hành"},
	{"issuer", "issuer", "Cơ quan ban hành"},
	{"cited", "cites", "Văn bản được dẫn"},
}

func facetGroups(p searchParams, facets map[string][]index.FacetCount) []facetGroup {
	cur := p.values()
	var out []facetGroup
	for _, d := range facetDefs {
		g := facetGroup{Label: d.label}
		for _, fc := range facets[d.facet] {
			active := cur.Get(d.param) == fc.Term
			target := fc.Term
			if active {
				target = ""
			}
			label := fc.Term
			if d.facet == "cited" {
				label = refLabel(fc.Term)
			}
			g.Items = append(g.Items, facetItem{label, fc.Count, p.with(d.param, target), active})
		}
		if len(g.Items) > 0 {
			out = append(out, g)
		}
	}
	return out
}

func activeFilters(p searchParams) []link {
	var out []link
	for _, d := range facetDefs {
		v := p.values().Get(d.param)
		if v == "" {
			continue
		}
		if d.facet == "cited" {
			v = refLabel(v)
		}
		out = append(out, link{d.label + ": " + v, p.with(d.param, "")})
	}
	return out
}

// pager is the paging of a result.
type pager struct {
	Page, Pages int
	Prev, Next  string
	Numbers     []pageLink
}

type pageLink struct {
	N       int
	URL     string
	Current bool
}

func newPager(p searchParams, total uint64) pager {
	pages := int(min((total+perPage-1)/perPage, maxPage))
	pg := pager{Page: p.Page, Pages: pages}
	if p.Page > 1 {
		pg.Prev = p.at(p.Page - 1)
	}
	if p.Page < pages {
		pg.Next = p.at(p.Page + 1)
	}
	for n := max(1, p.Page-3); n <= min(pages, p.Page+3) && pages > 1; n++ {
		pg.Numbers = append(pg.Numbers, pageLink{n, p.at(n), n == p.Page})
	}
	return pg
}

// snippetHTML rebuilds a snippet from its text and marks, escaping the
// text; marks out of range, overlapping or not on rune boundaries are
// left out.
func snippetHTML(sn index.Snippet) template.HTML {
	var b strings.Builder
	if sn.Start > 0 {
		b.WriteString("… ")
	}
	marks := slices.Clone(sn.Marks)
	slices.SortFunc(marks, func(a, b [2]int) int { return a[0] - b[0] })
	at := 0
	for _, m := range marks {
		if m[0] < at || m[1] > len(sn.Text) || m[0] >= m[1] || !boundary(sn.Text, m[0]) || !boundary(sn.Text, m[1]) {
			continue
		}
		b.WriteString(template.HTMLEscapeString(sn.Text[at:m[0]]))
		b.WriteString("<mark>" + template.HTMLEscapeString(sn.Text[m[0]:m[1]]) + "</mark>")
		at = m[1]
	}
	b.WriteString(template.HTMLEscapeString(sn.Text[at:]))
	b.WriteString(" …")
	return template.HTML(b.String())
}

// boundary reports whether i is a rune boundary of s.
func boundary(s string, i int) bool {
	return i >= 0 && i <= len(s) && (i == len(s) || utf8.RuneStart(s[i]))
}
