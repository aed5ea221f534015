package web

import (
	"cmp"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"vanban/extract"
	"vanban/index"
)

// Sizes of the "cited by" page.
const (
	citingPerPage = 20
	topCited      = 50
	contextBytes  = 160 // of text each side of a mention
)

// citedPage is the data of the cited template.
type citedPage struct {
	Ref, Rel, After string // the form and the cursor of this page
	Err             string
	Resolved        string // the reference as understood
	Total           uint64
	Hits            []citingView
	Next            string // URL of the next page
	First           string // URL of the first page, when not on it
	Relations       []option
	Top             []index.RefCount // without ref: the most cited documents
}

// citingView is one citing document with its mentions in context.
type citingView struct {
	index.Hit
	Mentions []mentionView
}

type mentionView struct {
	Anchor, Section, Relation, RefID string
	Context                          template.HTML
	start                            int
}

// cited serves GET /cited?ref=REF[&rel=RELATION][&after=CURSOR]: every
// document citing REF (a symbol, "Kết luận 62", "kl 62", or a reference
// id; resolved by index.ParseRef as the API does), with each mention in
// context, 20 per page; without ref, the form and the most cited documents.
func (s *server) cited(w http.ResponseWriter, r *http.Request) {
	var p citedPage
	err := params(r, map[string]*string{"ref": &p.Ref, "rel": &p.Rel, "after": &p.After})
	if err == nil && p.Rel != "" && relations[p.Rel] == "" {
		err = errBadParam
	}
	p.Relations = relationOptions(p.Rel)
	if err == nil {
		err = s.fillCited(r, &p)
	}
	status := http.StatusOK
	if err != nil {
		status, p.Err = s.statusOf(r, err)
	}
	title := "Văn bản dẫn chiếu"
	if p.Resolved != "" {
		title = "Các văn bản dẫn " + p.Resolved
	}
	s.render(w, status, "cited", view{Title: title, Nav: "cited", Data: p})
}

func relationOptions(cur string) []option {
	opts := []option{{"", "Mọi quan hệ", cur == ""}}
	for _, rel := range relationOrder {
		opts = append(opts, option{rel, relations[rel], rel == cur})
	}
	return opts
}

// fillCited lists the citing documents of p.Ref, or the most cited
// documents when there is no ref.
func (s *server) fillCited(r *http.Request, p *citedPage) error {
	ctx, cancel := s.readCtx(r)
	defer cancel()
	if p.Ref == "" {
		top, err := s.idx.References(ctx, "", topCited)
		p.Top = top
		return err
	}
	ref, err := index.ParseRef(p.Ref)
	if err != nil {
		return err
	}
	p.Resolved = refLabel(ref.ID())
	page, err := s.idx.Citing(ctx, p.Ref, p.Rel, p.After, citingPerPage)
	if err != nil {
		return err
	}
	p.Total = page.Total
	for _, c := range page.Hits {
		p.Hits = append(p.Hits, s.citingView(c))
	}
	if page.Next != "" {
		p.Next = citedPageURL(p.Ref, p.Rel, page.Next)
	}
	if p.After != "" {
		p.First = citedPageURL(p.Ref, p.Rel, "")
	}
	return nil
}

func citedPageURL(ref, rel, after string) string {
	u := citedURL(ref)
	if rel != "" {
		u += "&rel=" + url.QueryEscape(rel)
	}
	if after != "" {
		u += "&after=" + url.QueryEscape(after)
	}
	return u
}

// citingView puts each mention of the matching references in context
// (the text comes with the citation: no second read of the index).
func (s *server) citingView(c index.Citation) citingView {
	cv := citingView{Hit: c.Hit}
	text := c.Text
	for _, ref := range c.References {
		for _, m := range ref.Mentions {
			rel := cmp.Or(m.Relation, ref.Relation)
			cv.Mentions = append(cv.Mentions, mentionView{
				Anchor: mentionAnchor(m.Span), Section: m.Section, Relation: rel, RefID: ref.ID,
				Context: mentionContext(text, m), start: m.Span[0],
			})
		}
	}
	slices.SortStableFunc(cv.Mentions, func(a, b mentionView) int { return a.start - b.start })
	return cv
}

// mentionContext is the mention marked in the text around it, cut at
// spaces, escaped.
func mentionContext(text string, m extract.Mention) template.HTML {
	a, z := m.Span[0], m.Span[1]
	if text == "" || !boundary(text, a) || !boundary(text, z) || a >= z {
		return template.HTML("<mark>" + template.HTMLEscapeString(m.Text) + "</mark>")
	}
	from := cutBefore(text, max(0, a-contextBytes), a)
	to := cutAfter(text, min(len(text), z+contextBytes), z)
	var b strings.Builder
	if from > 0 {
		b.WriteString("… ")
	}
	b.WriteString(template.HTMLEscapeString(flatten(text[from:a])))
	b.WriteString("<mark>" + template.HTMLEscapeString(text[a:z]) + "</mark>")
	b.WriteString(template.HTMLEscapeString(flatten(text[z:to])))
	if to < len(text) {
		b.WriteString(" …")
	}
	return template.HTML(b.String())
}

// cutBefore moves i forward to the start of a word (not past limit).
func cutBefore(text string, i, limit int) int {
	if i == 0 {
		return 0
	}
	if j := strings.IndexAny(text[i:limit], " \n"); j >= 0 {
		return i + j + 1
	}
	return limit
}

// cutAfter moves i back to the end of a word (not before limit).
func cutAfter(text string, i, limit int) int {
	if i == len(text) {
		return i
	}
	if j := strings.LastIndexAny(text[limit:i], " \n"); j >= 0 {
		return limit + j
	}
	return limit
}

// flatten turns every run of white space into one space.
func flatten(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
