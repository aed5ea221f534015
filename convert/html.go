package convert

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func convertHTML(raw []byte, enc string) (Result, error) {
	s, used, force := decodeText(raw, enc)
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil { // only a reader error; cannot happen with a string
		return Result{}, corrupt("html: %v", err)
	}
	root := mainContent(doc)
	var r htmlRenderer
	r.render(root, false)
	r.newline()
	text, used := repairText(strings.Join(r.lines, "\n"), used, force)
	return Result{Text: text, Encoding: used}, nil
}

// dropped are elements that are never content.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Canvas: true, atom.Nav: true,
	atom.Aside: true, atom.Form: true, atom.Button: true, atom.Select: true, atom.Input: true,
	atom.Textarea: true, atom.Menu: true, atom.Head: true, atom.Dialog: true, atom.Img: true,
	atom.Audio: true, atom.Video: true, atom.Map: true,
}

// chromeWords in an id, class or role mark navigation and boilerplate;
// weakChrome ones are kept inside the main content (an article's header
// holds its title).
var (
	chromeWords = map[string]bool{
		"nav": true, "navbar": true, "navigation": true, "menu": true, "menubar": true, "breadcrumb": true,
		"breadcrumbs": true, "sidebar": true, "share": true, "social": true, "comment": true,
		"comments": true, "related": true, "advert": true, "ads": true, "advertisement": true,
		"cookie": true, "cookies": true, "login": true, "search": true, "pagination": true, "pager": true,
		"widget": true, "toolbar": true, "subscribe": true, "newsletter": true, "popup": true, "modal": true,
		"skip": true, "banner": true, "complementary": true, "contentinfo": true, "tags": true,
		"masthead": true, "topbar": true, "hotline": true, "copyright": true, "meta": true, "byline": true,
	}
	weakChrome = map[string]bool{"header": true, "footer": true, "banner": true, "contentinfo": true, "masthead": true, "copyright": true}
)

// isChrome tells an element to drop; inMain is true inside the chosen
// main content, where header and footer stay.
func isChrome(n *html.Node, inMain bool) bool {
	if dropped[n.DataAtom] {
		return true
	}
	if !inMain && (n.DataAtom == atom.Header || n.DataAtom == atom.Footer) {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		case "id", "class", "role":
			for _, w := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool {
				return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
			}) {
				if (chromeWords[w] || w == "header" || w == "footer") && !(inMain && weakChrome[w]) {
					return true
				}
			}
		}
	}
	return false
}

// textLen is the length of the text an element would give, less the text
// of links (link lists are navigation).
func textLen(n *html.Node, inMain bool) int {
	if n.Type == html.TextNode {
		return len(strings.TrimSpace(n.Data))
	}
	if n.Type != html.ElementNode && n.Type != html.DocumentNode {
		return 0
	}
	if n.Type == html.ElementNode && isChrome(n, inMain) {
		return 0
	}
	if n.DataAtom == atom.A {
		return 0
	}
	t := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t += textLen(c, inMain)
	}
	return t
}

// mainContent picks the element holding the document: <main> or an
// element with role=main, else the <article> with most text, else the
// body narrowed down to the child holding most of its text.
func mainContent(doc *html.Node) *html.Node {
	var body *html.Node
	var cands []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Body && body == nil {
				body = n
			}
			role := ""
			for _, a := range n.Attr {
				if a.Key == "role" {
					role = a.Val
				}
			}
			if n.DataAtom == atom.Main || n.DataAtom == atom.Article || role == "main" {
				cands = append(cands, n)
			}
			if dropped[n.DataAtom] {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if body == nil {
		body = doc
	}
	total := textLen(body, false)
	var best *html.Node
	bestLen := 0
	for _, c := range cands {
		if l := textLen(c, true); l > bestLen {
			best, bestLen = c, l
		}
	}
	if best != nil && bestLen*10 >= total*3 {
		return best
	}
	cur, curLen := body, total
	for {
		var next *html.Node
		nextLen := 0
		for c := cur.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || isChrome(c, false) {
				continue
			}
			if l := textLen(c, false); l > nextLen {
				next, nextLen = c, l
			}
		}
		if next == nil || nextLen*4 < curLen*3 || nextLen == 0 {
			return cur
		}
		cur, curLen = next, nextLen
	}
}

// htmlRenderer writes block elements as lines and table rows as
// tab-separated cells.
type htmlRenderer struct {
	lines []string
	cur   strings.Builder
	space bool // a space is pending before the next text
	pre   int
}

func (r *htmlRenderer) newline() {
	line := strings.TrimSpace(r.cur.String())
	if r.pre > 0 {
		line = strings.TrimRight(r.cur.String(), " \t")
	}
	if line != "" {
		r.lines = append(r.lines, line)
	}
	r.cur.Reset()
	r.space = false
}

func (r *htmlRenderer) text(s string) {
	if r.pre > 0 {
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				r.newline()
			}
			r.cur.WriteString(part)
		}
		return
	}
	lead := s != "" && isHTMLSpace(s[0])
	trail := s != "" && isHTMLSpace(s[len(s)-1])
	words := strings.FieldsFunc(s, func(c rune) bool { return c < 0x80 && isHTMLSpace(byte(c)) })
	if len(words) == 0 {
		if lead {
			r.space = true
		}
		return
	}
	if (lead || r.space) && r.cur.Len() > 0 && !strings.HasSuffix(r.cur.String(), "\t") {
		r.cur.WriteByte(' ')
	}
	r.cur.WriteString(strings.Join(words, " "))
	r.space = trail
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Address: true,
	atom.Figure: true, atom.Figcaption: true, atom.Center: true, atom.Hr: true, atom.Header: true,
	atom.Footer: true, atom.Caption: true, atom.Body: true, atom.Html: true,
}

// render writes n; inCell is true inside a table cell, where blocks are
// separated by spaces so that a row stays one line.
func (r *htmlRenderer) render(n *html.Node, inCell bool) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r.render(c, inCell)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	if isChrome(n, true) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		if inCell {
			r.space = true
		} else {
			r.newline()
		}
		return
	case atom.Tr:
		r.newline()
		first := true
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
				continue
			}
			if !first {
				r.cur.WriteByte('\t')
			}
			first = false
			r.space = false
			r.render(c, true)
		}
		r.newline()
		return
	case atom.Li:
		if !inCell {
			r.newline()
			r.cur.WriteString(listLabel(n))
		}
	case atom.Pre:
		r.newline()
		r.pre++
		defer func() { r.pre--; r.newline() }()
	}
	block := blockElems[n.DataAtom]
	if block {
		if inCell {
			r.space = true
		} else if n.DataAtom != atom.Li {
			r.newline()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.render(c, inCell)
	}
	if block {
		if inCell {
			r.space = true
		} else {
			r.newline()
		}
	}
}

// listLabel is "- " for an unordered list item and "N. " for an ordered
// one (honouring start and value).
func listLabel(li *html.Node) string {
	p := li.Parent
	if p == nil || p.DataAtom != atom.Ol {
		return "- "
	}
	n := 1
	for _, a := range p.Attr {
		if a.Key == "start" {
			if v, err := strconv.Atoi(a.Val); err == nil {
				n = v
			}
		}
	}
	for c := p.FirstChild; c != nil && c != li; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Li {
			n++
		}
	}
	for _, a := range li.Attr {
		if a.Key == "value" {
			if v, err := strconv.Atoi(a.Val); err == nil {
				n = v
			}
		}
	}
	return strconv.Itoa(n) + ". "
}
