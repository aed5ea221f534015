// Package extract turns the text of a Vietnamese party or government
// planning document into a Document: header (kind, number, issuer, place,
// date, title), section tree, cited documents with their relation,
// deadlines with the responsible body, signature, recipients and
// attachments.
//
// Contracts:
//   - Extract never panics and never fails on text: what it cannot read
//     goes into Document.Diagnostics. It refuses only input that is not
//     text (ErrBinary), empty or with nothing left once normalised
//     (ErrEmpty), or larger than MaxInputSize (ErrTooLarge).
//   - Every Span is a byte range into the normalised text that Extract
//     returns alongside the Document (see Normalize); spans are in bounds
//     and on rune boundaries.
//   - Extracting the normalised text again gives the same Document.
//   - The package imports only the standard library and golang.org/x/text.
package extract

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"sort"
	"strings"
	"sync"
)

// MaxInputSize is the largest input Extract accepts.
const MaxInputSize = 20 << 20

// Errors returned by Extract for input it refuses to read.
var (
	ErrTooLarge = errors.New("extract: input larger than 20 MB")
	ErrBinary   = errors.New("extract: input is not text (binary data)")
	ErrEmpty    = errors.New("extract: input is empty")
)

// Extract reads one document (raw bytes, UTF-8 expected) and returns its
// structure and the normalised text that the spans point into.
func Extract(raw []byte) (*Document, string, error) {
	if err := CheckInput(raw); err != nil {
		return nil, "", err
	}
	text, diags := Normalize(raw)
	if strings.TrimSpace(text) == "" { // only spaces and control characters
		return nil, "", ErrEmpty
	}
	doc := Parse(text)
	doc.Diagnostics = append(append([]Diagnostic{}, diags...), doc.Diagnostics...)
	return doc, text, nil
}

// CheckInput tells whether raw is text Extract will read.
func CheckInput(raw []byte) error {
	switch {
	case len(raw) > MaxInputSize:
		return ErrTooLarge
	case len(bytes.TrimSpace(raw)) == 0:
		return ErrEmpty
	case looksBinary(raw):
		return ErrBinary
	}
	return nil
}

// looksBinary: NUL bytes, or many control bytes, in the first 8 KB.
func looksBinary(raw []byte) bool {
	head := raw[:min(len(raw), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for i := 0; i < len(head); i += 8 {
		w := head[i:min(i+8, len(head))]
		if len(w) == 8 && !hasControl(binary.LittleEndian.Uint64(w)) {
			continue // no control byte among these 8
		}
		for _, c := range w { // the 8 bytes one by one (a line end, most often), then the next 8
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
				ctl++
			}
		}
	}
	return ctl*20 > len(head)
}

// Parse extracts the structure of text that is already normalised.
func Parse(text string) *Document {
	p := &parser{text: text, ls: splitLines(text)}
	buf := tokenPool.Get().(*tokens)
	p.toks = tokenizeInto(*buf, text)
	doc := p.parse()
	*buf = p.toks // nothing the document holds points into the tokens
	tokenPool.Put(buf)
	return doc
}

// tokenPool keeps token slices from one Parse to the next: they are the
// largest allocation of a parse, and live only while it runs.
var tokenPool = sync.Pool{New: func() any { return new(tokens) }}

type parser struct {
	text  string
	ls    []line
	toks  tokens
	kinds kindMatches // the kind names read by findMentionsKinds, for named
	h     header
	lay   layout
	doc   *Document
}

func (p *parser) parse() *Document {
	p.doc = &Document{Sections: []*Section{}, References: []*Reference{}, NamedReferences: []*NamedReference{},
		Deadlines: []*Deadline{}, RelativeDeadlines: []*RelativeDeadline{}, Recipients: []string{},
		Attachments: []*Attachment{}, Diagnostics: []Diagnostic{}}
	p.h = parseHeader(p.text, p.ls)
	p.lay = findLayout(p.ls, p.h.body)
	d := p.doc
	d.Sections = orEmpty(p.dropParagraphList(parseSections(p.text, p.ls, p.lay.body, p.lay.bodyEnd)))
	d.Recipients = parseRecipients(p.ls, p.lay.bodyEnd, p.lay.attach)
	d.Signature = parseSignature(p.ls, p.lay.bodyEnd, p.lay.attach)
	d.Attachments = parseAttachments(p.text, p.ls, p.lay.attachStarts)
	ms := findMentionsKinds(p.text, p.toks, &p.kinds)
	computeRelations(p.text, p.toks, ms)
	p.fillHeader(ms)
	p.references(ms)
	p.named()
	p.deadlines(ms)
	return d
}

// dropParagraphList: a body that is only numbered paragraphs (a notice of
// conclusions: "1. Cơ bản thống nhất với dự thảo Đề án. Giao …") has no
// sections; a body numbered "1. Heading" has.
func (p *parser) dropParagraphList(secs []*Section) []*Section {
	for _, s := range secs {
		l := p.lineAt(s.Span[0]).s
		typ, _, after := parseMarker(l)
		if typ != mkArabic {
			return secs
		}
		t := strings.TrimSpace(l[after:])
		if !strings.HasSuffix(t, ".") && !strings.Contains(t, ". ") && countFields(t) <= 25 {
			return secs
		}
	}
	return nil
}

func orEmpty(s []*Section) []*Section {
	if s == nil {
		return []*Section{}
	}
	return s
}

// fillHeader completes the header from an attachment line when the
// header itself lacks the number ("ban hành kèm theo Kế hoạch số …").
func (p *parser) fillHeader(ms []*mention) {
	h, d := &p.h, p.doc
	if h.symbol == "" {
		if m := ownFromAttachment(p.text, ms, h.kind); m != nil {
			h.symbol = m.sym.symbol
			if h.kind == "" {
				h.kind = m.kind.name
			}
			if h.date == "" && m.hasDate {
				h.date = m.date.startISO()
			}
			if h.issuer == "" {
				h.issuer = m.issuer
			}
		}
	}
	if h.date == "" {
		limit := len(p.text)
		if p.h.body < len(p.ls) {
			limit = p.ls[min(p.h.body+3, len(p.ls)-1)].end
		}
		if m := issuedWith(p.text, ms, limit); m != nil {
			h.date = m.date.startISO()
			if h.issuer == "" {
				h.issuer = m.issuer
			}
		}
	}
	if h.issuer == "" && d.Signature != nil {
		h.issuer = issuerFromSignature(string(d.Signature.OnBehalf))
	}
	if h.title == "" && h.kind != "" && len(p.ls) > 0 {
		p.headlineTitle()
	}
	d.Kind, d.Symbol, d.Date, d.Place = Str(h.kind), Str(h.symbol), Str(h.date), Str(h.place)
	d.Issuer = Str(normalizeIssuer(h.issuer))
	d.Title = Str(h.title)
}

// headlineTitle takes the title from a page headline naming the
// document's kind: "Kế hoạch tổng kết 10 năm thực hiện …".
func (p *parser) headlineTitle() {
	l := p.ls[0]
	k, e := matchKind(l.s, 0)
	if k == nil || k.name != p.h.kind || len(l.s) > 400 {
		return
	}
	rest := strings.TrimSpace(l.s[e:])
	off := l.start + len(l.s) - len(rest)
	p.h.title, p.h.titleSpan = rest, Span{off, off + len(rest)}
}

// issuerFromSignature: "T/M BAN THƯỜNG VỤ" → "Ban Thường vụ".
func issuerFromSignature(s string) string {
	_, k := matchAny(s, 0, signaturePrefixes)
	if k < 0 {
		return ""
	}
	e, _ := matchFold(s, 0, signaturePrefixes[k])
	return normalizeIssuer(strings.TrimSpace(s[e:]))
}

// sectionLabel names the part of the document containing pos: the number
// of a top-level section of the body, or an attachment's heading.
func (p *parser) sectionLabel(pos int) string {
	if s := sectionAt(p.doc.Sections, pos); s != nil {
		return s.Number
	}
	for _, a := range p.doc.Attachments {
		if pos >= a.Span[0] && pos < a.Span[1] {
			return a.Heading
		}
	}
	return ""
}

func (p *parser) references(ms []*mention) {
	own := ""
	if p.h.symbol != "" {
		own = symbolKey(p.h.symbol)
	}
	for _, m := range ms {
		m.inTitle = m.start >= p.h.titleSpan[0] && m.start < p.h.titleSpan[1]
		if m.inTitle && m.rel == RelCites && disseminates(p.text[p.h.titleSpan[0]:m.start]) {
			m.rel = RelImplements // a plan titled "Tuyên truyền, quán triệt Nghị quyết số 60-NQ/TW …" is about it
		}
	}
	groups, diags := resolve(p.text, ms, own)
	for _, g := range groups {
		p.doc.References = append(p.doc.References, g.toReference(p.text, p.sectionLabel))
	}
	sort.SliceStable(p.doc.References, func(i, j int) bool {
		return p.doc.References[i].Mentions[0].Span[0] < p.doc.References[j].Mentions[0].Span[0]
	})
	p.doc.Diagnostics = append(p.doc.Diagnostics, diags...)
}

// named lists the documents cited by name only.
func (p *parser) named() {
	for _, n := range findNamedKinds(p.text, p.toks, &p.kinds) {
		for k := range n.Mentions {
			n.Mentions[k].Section = p.sectionLabel(n.Mentions[k].Span[0])
		}
		p.doc.NamedReferences = append(p.doc.NamedReferences, n)
	}
}

func (p *parser) deadlines(ms []*mention) {
	c := &deadlineCtx{text: p.text, toks: p.toks, docDate: p.h.date}
	if len(p.h.date) >= 4 {
		c.docYear = atoi(p.h.date[:4])
	}
	for _, m := range ms {
		c.skip = append(c.skip, Span{m.start, m.tailEnd})
	}
	c.skip = append(c.skip, p.h.titleSpan)
	if p.lay.body > 0 {
		c.skip = append(c.skip, Span{0, p.ls[p.lay.body-1].end})
	}
	if p.lay.body < len(p.ls) {
		c.regions = append(c.regions, Span{p.ls[p.lay.body].start, p.offsetOf(p.lay.bodyEnd)})
	}
	if p.lay.attach < len(p.ls) {
		c.regions = append(c.regions, Span{p.ls[p.lay.attach].start, len(p.text)})
	}
	sort.Slice(c.skip, func(i, j int) bool { return c.skip[i][0] < c.skip[j][0] })
	c.tableLine = func(pos int) bool { return isTableRow(p.lineAt(pos).s) }
	dls, rel := findDeadlines(c)
	addressee := p.addressee()
	for _, d := range dls {
		l := p.lineAt(d.Span[0])
		d.Responsible = Str(cmp.Or(responsibleFor(p.text, d.Span[0], d.Span[1], l.start), addressee))
		d.Task = Str(taskText(p.text, d.Span[0], d.Span[1], l.start, l.end))
		d.Section = Str(p.sectionLabel(d.Span[0]))
	}
	for _, r := range rel {
		r.Section = Str(p.sectionLabel(r.Span[0]))
	}
	tab := c.tableDeadlines(p.ls, p.lay.body, len(p.ls))
	for _, d := range tab {
		d.Section = Str(p.sectionLabel(d.Span[0]))
	}
	dls = append(dls, tab...)
	sort.SliceStable(dls, func(i, j int) bool { return dls[i].Span[0] < dls[j].Span[0] })
	p.doc.Deadlines = append(p.doc.Deadlines, dls...)
	p.doc.RelativeDeadlines = append(p.doc.RelativeDeadlines, rel...)
}

func (p *parser) offsetOf(lineIdx int) int {
	if lineIdx >= len(p.ls) {
		return len(p.text)
	}
	return p.ls[lineIdx].start
}

// lineAt returns the line containing byte offset pos.
func (p *parser) lineAt(pos int) line {
	i := sort.Search(len(p.ls), func(i int) bool { return p.ls[i].end >= pos })
	if i >= len(p.ls) {
		return p.ls[len(p.ls)-1]
	}
	return p.ls[i]
}

// hasControl reports whether one of the 8 bytes of w is below 0x20.
func hasControl(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (w-0x20*ones)&^w&highs != 0
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}
