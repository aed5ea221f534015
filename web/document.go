package web

import (
	"cmp"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"vanban/extract"
)

// docPage is the data of the document template (and of the upload
// preview, which has no ID).
type docPage struct {
	ID          string
	Added       bool // just added from the upload page
	Doc         *extract.Document
	TOC         []*tocItem
	Body        template.HTML // the text with references linked and deadlines marked
	Refs        []refView
	Deadlines   []deadlineView
	Attachments []tocItem
}

// tocItem is one entry of the table of contents.
type tocItem struct {
	Anchor, Label, Kind string
	Children            []*tocItem
}

// refView is one cited document.
type refView struct {
	*extract.Reference
	Anchors []string // of its mentions in the text
}

// deadlineView is one deadline with its anchor in the text.
type deadlineView struct {
	*extract.Deadline
	Anchor string
}

// document serves GET /doc/{id}: the header fields, a table of contents,
// the text with references linked and deadlines marked, the references,
// deadlines and attachments, and a link to the raw text.
func (s *server) document(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	doc, text, err := s.idx.Get(id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := newDocPage(doc, text)
	page.ID, page.Added = id, r.URL.Query().Get("added") == "1"
	s.render(w, http.StatusOK, "doc", view{Title: docTitle(doc), Data: page})
}

// rawText serves GET /doc/{id}/text: the stored normalised text.
func (s *server) rawText(w http.ResponseWriter, r *http.Request) {
	text, err := s.idx.Text(r.PathValue("id")) // the text alone, not the extraction
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	w.Write([]byte(text))
}

// docTitle names a document: "Kế hoạch 123-KH/TU".
func docTitle(doc *extract.Document) string {
	t := strings.TrimSpace(string(doc.Kind) + " " + string(doc.Symbol))
	if t == "" {
		return "Văn bản"
	}
	return t
}

func newDocPage(doc *extract.Document, text string) docPage {
	p := docPage{Doc: doc, TOC: toc(doc.Sections), Body: annotate(doc, text)}
	for _, r := range doc.References {
		if r == nil {
			continue
		}
		rv := refView{Reference: r}
		for _, m := range r.Mentions {
			rv.Anchors = append(rv.Anchors, mentionAnchor(m.Span))
		}
		p.Refs = append(p.Refs, rv)
	}
	for _, d := range doc.Deadlines {
		if d != nil {
			p.Deadlines = append(p.Deadlines, deadlineView{d, deadlineAnchor(d.Span)})
		}
	}
	for i, a := range doc.Attachments {
		if a != nil {
			label := strings.TrimSpace(a.Heading + " " + string(a.Title))
			p.Attachments = append(p.Attachments, tocItem{Anchor: attachmentAnchor(i), Label: label, Kind: a.Kind, Children: toc(a.Sections)})
		}
	}
	return p
}

// Anchors of the annotated text: sections, mentions and deadlines by the
// start of their span, attachments by their rank.
func sectionAnchor(sp extract.Span) string  { return "sec-" + strconv.Itoa(sp[0]) }
func mentionAnchor(sp extract.Span) string  { return "m-" + strconv.Itoa(sp[0]) }
func deadlineAnchor(sp extract.Span) string { return "dl-" + strconv.Itoa(sp[0]) }
func attachmentAnchor(i int) string         { return "att-" + strconv.Itoa(i+1) }

// numbered reports whether a section has a number (bullets have none).
func numbered(sec *extract.Section) bool {
	return sec != nil && strings.Trim(sec.Number, "-+*•") != ""
}

// toc lists the numbered sections (bullets are left out).
func toc(secs []*extract.Section) []*tocItem {
	var out []*tocItem
	for _, sec := range secs {
		if !numbered(sec) {
			continue
		}
		out = append(out, &tocItem{Anchor: sectionAnchor(sec.Span), Label: trunc(120, sec.Heading), Kind: sec.Kind, Children: toc(sec.Children)})
	}
	return out
}

// annotation wraps text[start:end] in open and close.
type annotation struct {
	start, end  int
	open, close string
}

// annotate renders the text as HTML: numbered headings are anchors,
// attachments start with an anchor, reference mentions link to their
// "cited by" page and deadlines are marked. Annotations that cross one
// another, or whose spans are out of range, are left out.
func annotate(doc *extract.Document, text string) template.HTML {
	anns := headingAnnotations(doc, text)
	anns = append(anns, mentionAnnotations(doc)...)
	anns = append(anns, deadlineAnnotations(doc)...)
	slices.SortStableFunc(anns, func(a, b annotation) int {
		return cmp.Or(a.start-b.start, b.end-a.end)
	})
	var b strings.Builder
	b.Grow(len(text) + len(text)/4)
	pos := 0
	var stack []annotation
	closeUntil := func(at int) {
		for n := len(stack); n > 0 && stack[n-1].end <= at; n = len(stack) {
			top := stack[n-1]
			b.WriteString(template.HTMLEscapeString(text[pos:top.end]) + top.close)
			pos, stack = top.end, stack[:n-1]
		}
	}
	for _, a := range anns {
		if !boundary(text, a.start) || !boundary(text, a.end) || a.start > a.end {
			continue
		}
		closeUntil(a.start)
		if n := len(stack); n > 0 && a.end > stack[n-1].end {
			continue // crosses an open annotation
		}
		b.WriteString(template.HTMLEscapeString(text[pos:a.start]) + a.open)
		pos, stack = a.start, append(stack, a)
	}
	closeUntil(len(text))
	b.WriteString(template.HTMLEscapeString(text[pos:]))
	return template.HTML(b.String())
}

// headingAnnotations make the heading line of each numbered section (and
// of each attachment) a target of the table of contents.
func headingAnnotations(doc *extract.Document, text string) []annotation {
	var out []annotation
	var walk func([]*extract.Section)
	walk = func(secs []*extract.Section) {
		for _, sec := range secs {
			if numbered(sec) {
				out = append(out, headingLine(text, sec.Span[0], sectionAnchor(sec.Span), "h"))
				walk(sec.Children)
			}
		}
	}
	walk(doc.Sections)
	for i, a := range doc.Attachments {
		if a != nil {
			out = append(out, headingLine(text, a.Span[0], attachmentAnchor(i), "h att"))
			walk(a.Sections)
		}
	}
	return out
}

// headingLine annotates the line starting at start (at most 400 bytes).
func headingLine(text string, start int, id, class string) annotation {
	end := start
	if start >= 0 && start <= len(text) {
		rest := text[start:min(len(text), start+400)]
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			end = start + i
		}
	}
	return annotation{start, end, `<span class="` + class + `" id="` + id + `">`, "</span>"}
}

// mentionAnnotations link every mention of a reference to the page of
// the documents citing it.
func mentionAnnotations(doc *extract.Document) []annotation {
	var out []annotation
	for _, r := range doc.References {
		if r == nil {
			continue
		}
		href := template.HTMLEscapeString(citedURL(r.ID))
		title := template.HTMLEscapeString(relationLabel(r.Relation) + ": " + refLabel(r.ID) + " – xem các văn bản cùng dẫn")
		for _, m := range r.Mentions {
			open := `<a class="ref" id="` + mentionAnchor(m.Span) + `" href="` + href + `" title="` + title + `">`
			out = append(out, annotation{m.Span[0], m.Span[1], open, "</a>"})
		}
	}
	return out
}

// deadlineAnnotations mark every deadline (relative ones too).
func deadlineAnnotations(doc *extract.Document) []annotation {
	var out []annotation
	seen := map[int]bool{}
	for _, d := range doc.Deadlines {
		if d == nil || seen[d.Span[0]] {
			continue
		}
		seen[d.Span[0]] = true
		title := "Thời hạn: " + when(d)
		if d.Responsible != "" {
			title += " – " + string(d.Responsible)
		}
		open := `<mark class="dl" id="` + deadlineAnchor(d.Span) + `" title="` + template.HTMLEscapeString(title) + `">`
		out = append(out, annotation{d.Span[0], d.Span[1], open, "</mark>"})
	}
	for _, d := range doc.RelativeDeadlines {
		if d != nil {
			out = append(out, annotation{d.Span[0], d.Span[1], `<mark class="rdl" title="Thời hạn tương đối">`, "</mark>"})
		}
	}
	return out
}
