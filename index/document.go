package index

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"

	"vanban/extract"
)

// document builds the bleve document of one extracted document.
func (x *Index) document(doc *extract.Document, text string) (*document.Document, error) {
	if doc == nil {
		return nil, ErrNilDoc
	}
	refs, err := json.Marshal(doc.References)
	if err != nil {
		return nil, err
	}
	rest := *doc
	rest.References = nil
	raw, err := json.Marshal(&rest)
	if err != nil {
		return nil, err
	}
	d := document.NewDocument(DocID(text))
	b := fieldBuilder{d: d, an: x.byName}
	segs := segments(doc, text)
	sum := newSummary(doc).withSegments(segs)
	src := encodeSrc(sum.encode(), []byte(text), refs, raw)
	d.AddField(&storedField{name: fieldSrc, value: src})
	b.metadata(doc)
	b.references(doc.References)
	b.deadlines(doc.Deadlines)
	b.text(doc, text, segs)
	return d, nil
}

// storedField is a stored-only field. Unlike a bleve TextField it is not
// analysed: a TextField would copy the value, make it one keyword term
// and put that term in the dictionary of each new segment.
type storedField struct {
	name  string
	value []byte
}

func (f *storedField) Name() string                                      { return f.name }
func (f *storedField) ArrayPositions() []uint64                          { return nil }
func (f *storedField) Options() bindex.FieldIndexingOptions              { return optStored }
func (f *storedField) Analyze()                                          {}
func (f *storedField) Value() []byte                                     { return f.value }
func (f *storedField) EncodedFieldType() byte                            { return 't' }
func (f *storedField) AnalyzedLength() int                               { return 0 }
func (f *storedField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return nil }
func (f *storedField) NumPlainTextBytes() uint64                         { return 0 }
func (f *storedField) Size() int                                         { return 64 + len(f.value) }

// linesSep separates the values of a lines field.
const linesSep = "\n"

type fieldBuilder struct {
	d  *document.Document
	an map[string]analysis.Analyzer
}

// add adds a field as fieldSpecs describes it.
func (b fieldBuilder) add(name, value string) {
	if value == "" {
		return
	}
	spec := fieldSpecs[name]
	b.d.AddField(document.NewTextFieldCustom(name, nil, []byte(value), spec.opt, b.an[spec.analyzer]))
}

func (b fieldBuilder) lines(name string, values []string) {
	b.add(name, strings.Join(values, linesSep))
}

func (b fieldBuilder) metadata(doc *extract.Document) {
	b.add(fieldKind, string(doc.Kind))
	b.add(fieldKindF, extract.Fold(string(doc.Kind)))
	b.add(fieldIssuer, string(doc.Issuer))
	b.add(fieldIssuerF, string(doc.Issuer))
	b.add(fieldPlace, string(doc.Place))
	b.add(fieldSymbol, string(doc.Symbol))
	b.add(fieldTitleF, string(doc.Title))
	if sym, ok := findSymbol(string(doc.Symbol)); ok {
		own := &extract.Reference{ID: sym.canon, Kind: string(doc.Kind), Number: extract.Str(sym.number), Symbol: extract.Str(sym.canon), Date: doc.Date}
		b.lines(fieldOwn, refKeys(own))
	}
	if date := string(doc.Date); validDate(date) {
		b.add(fieldDate, date)
		b.add(fieldYear, date[:4])
	}
}

// references indexes the match keys of every reference, alone and with
// each of its relations ("implements|s:25-nq/tw"), and the ids for facets.
func (b fieldBuilder) references(refs []*extract.Reference) {
	var keys, ids []string
	for _, r := range refs {
		if r == nil {
			continue
		}
		ids = append(ids, r.ID)
		rk := refKeys(r)
		keys = append(keys, rk...)
		for _, rel := range relations(r) {
			for _, k := range rk {
				keys = append(keys, rel+"|"+k)
			}
		}
	}
	b.lines(fieldCites, dedupe(keys))
	b.lines(fieldCited, dedupe(ids))
}

// relations returns the relations of a reference and of its mentions.
func relations(r *extract.Reference) []string {
	var rels []string
	if r.Relation != "" {
		rels = append(rels, r.Relation)
	}
	for _, m := range r.Mentions {
		if m.Relation != "" {
			rels = append(rels, m.Relation)
		}
	}
	return dedupe(rels)
}

func dedupe(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

// deadlines indexes the months each deadline covers ("2018-06"; "long"
// for deadlines over maxDeadlineMonths) and the responsible bodies.
func (b fieldBuilder) deadlines(dls []*extract.Deadline) {
	var months, resp []string
	for _, dl := range dls {
		if dl == nil {
			continue
		}
		months = append(months, deadlineMonths(dl.Start, dl.End)...)
		if dl.Responsible != "" {
			resp = append(resp, string(dl.Responsible))
		}
	}
	b.lines(fieldDeadline, dedupe(months))
	b.add(fieldResp, strings.Join(resp, "\n"))
}

const maxDeadlineMonths = 36

// deadlineMonths lists the months from start to end ("YYYY-MM").
func deadlineMonths(start, end string) []string {
	if !validDate(start) {
		return nil
	}
	if !validDate(end) || end < start {
		end = start
	}
	var out []string
	y, m := atoi(start[:4]), 1
	if len(start) >= 7 {
		m = atoi(start[5:7])
	}
	last := end[:min(7, len(end))]
	for len(out) <= maxDeadlineMonths {
		ym := fmt.Sprintf("%04d-%02d", y, m)
		if ym > last && !(len(last) == 4 && ym[:4] == last) {
			return out
		}
		out = append(out, ym)
		if m++; m > 12 {
			y, m = y+1, 1
		}
	}
	return []string{"long"}
}

func atoi(s string) int {
	n := 0
	for _, c := range []byte(s) {
		n = n*10 + int(c-'0')
	}
	return n
}

// validDate accepts "YYYY", "YYYY-MM" and "YYYY-MM-DD".
func validDate(s string) bool {
	switch len(s) {
	case 4, 7, 10:
	default:
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// text indexes the words of the text (exact and folded) and its words by
// section kind, analysing the text once for all these fields (textFields).
func (b fieldBuilder) text(doc *extract.Document, text string, segs []segment) {
	if text == "" {
		return
	}
	ta := &textAnalysis{text: []byte(text), segs: segs}
	if title := string(doc.Title); !strings.Contains(text, title) {
		ta.title = []byte(title) // a title not in the text (joined lines, given apart)
	}
	b.d.AddField(&textField{name: fieldExact, ta: ta})
	b.d.AddField(&textField{name: fieldFolded, ta: ta})
	var kinds []string
	for _, k := range searchableKinds {
		if slices.ContainsFunc(segs, func(s segment) bool { return s.kind == k }) {
			b.d.AddField(&textField{name: sectionField(k), ta: ta})
			kinds = append(kinds, k)
		}
	}
	b.lines(fieldSections, kinds)
}

// textAnalysis analyses the text of a document once for the exact, folded
// and section fields, in one scan without token streams: the tokenizer's
// tokens, folded as the "vi_folded" analyzer folds them and lowered as
// the "vi_marked" analyzer lowers them (TestTextFieldsMatchAnalyzers
// checks the terms are theirs).
type textAnalysis struct {
	once  sync.Once
	text  []byte
	segs  []segment
	title []byte // words added to the folded field, not to sections
	freqs map[string]bindex.TokenFrequencies
	lens  map[string]int
	buf   []byte // folded and lowered terms that differ from the text
}

func (ta *textAnalysis) run() {
	ta.buf = make([]byte, 0, len(ta.text)/2)
	tc := newTextCount(ta)
	kinds := make([]int, len(ta.segs)) // index in searchableKinds, or -1
	for i, sg := range ta.segs {
		kinds[i] = slices.Index(searchableKinds, sg.kind)
	}
	k := 0
	eachToken(ta.text, func(start, _ int, term []byte, _ analysis.TokenType) {
		e := tc.entry(term)
		if e.exact != nil {
			tc.exact.count(e.exact)
		}
		if e.folded == nil {
			return
		}
		tc.folded.count(e.folded.tf)
		for k < len(ta.segs) && ta.segs[k].end <= start {
			k++
		}
		if k < len(ta.segs) && kinds[k] >= 0 {
			tc.section(e.folded, kinds[k])
		}
	})
	eachToken(ta.title, func(_, _ int, term []byte, _ analysis.TokenType) {
		if f := ta.fold(term); len(f) > 0 { // the title has no exact terms
			tc.folded.count(tc.foldedTerm(f).tf)
		}
	})
	ta.freqs, ta.lens = map[string]bindex.TokenFrequencies{}, map[string]int{}
	for _, c := range append(tc.sections, tc.exact, tc.folded) {
		if c != nil && c.n > 0 {
			ta.freqs[c.field], ta.lens[c.field] = c.freqs, c.n
		}
	}
}

// textCount counts the terms of the text fields. Each written token is
// lowered and folded once (entry); its later occurrences cost one map
// lookup, as do the fields' counts (through the pointers of the entry).
type textCount struct {
	ta            *textAnalysis
	written       map[string]*writtenTerm
	byFold        map[string]*foldedTerm
	exact, folded *termCount
	sections      []*termCount // by index in searchableKinds
	writtenFree   []writtenTerm
	foldedFree    []foldedTerm
}

// writtenTerm is a token as written: its terms in the exact field (nil
// when plain) and in the folded fields (nil when it folds to nothing).
type writtenTerm struct {
	exact  *bindex.TokenFreq
	folded *foldedTerm
}

// foldedTerm is a folded term: its entry in the folded field and in each
// section field (made on its first occurrence there).
type foldedTerm struct {
	tf      *bindex.TokenFreq
	section []*bindex.TokenFreq
}

func newTextCount(ta *textAnalysis) *textCount {
	n := len(ta.text)/termsPerByte + 16 // distinct terms, about
	return &textCount{
		ta: ta, written: make(map[string]*writtenTerm, n), byFold: make(map[string]*foldedTerm, n),
		exact: newTermCount(fieldExact, n), folded: newTermCount(fieldFolded, n),
		sections: make([]*termCount, len(searchableKinds)),
	}
}

// entry returns the entry of a written token, making it on its first
// occurrence.
func (tc *textCount) entry(term []byte) *writtenTerm {
	if e := tc.written[string(term)]; e != nil {
		return e
	}
	if len(tc.writtenFree) == 0 {
		tc.writtenFree = make([]writtenTerm, 256)
	}
	e := &tc.writtenFree[0]
	tc.writtenFree = tc.writtenFree[1:]
	if x := tc.ta.lower(term); x != nil {
		e.exact = tc.exact.term(x)
	}
	if f := tc.ta.fold(term); len(f) > 0 {
		e.folded = tc.foldedTerm(f)
	}
	tc.written[string(term)] = e
	return e
}

func (tc *textCount) foldedTerm(f []byte) *foldedTerm {
	if ft := tc.byFold[string(f)]; ft != nil {
		return ft
	}
	if len(tc.foldedFree) == 0 {
		tc.foldedFree = make([]foldedTerm, 256)
	}
	ft := &tc.foldedFree[0]
	tc.foldedFree = tc.foldedFree[1:]
	ft.tf = tc.folded.term(f)
	tc.byFold[string(f)] = ft
	return ft
}

// section counts a folded term in the section field of kind k.
func (tc *textCount) section(ft *foldedTerm, k int) {
	c := tc.sections[k]
	if c == nil {
		c = newTermCount(sectionField(searchableKinds[k]), len(tc.byFold))
		tc.sections[k] = c
	}
	if ft.section == nil {
		ft.section = make([]*bindex.TokenFreq, len(searchableKinds))
	}
	if ft.section[k] == nil {
		ft.section[k] = c.term(ft.tf.Term)
	}
	c.count(ft.section[k])
}

// termCount counts the terms of one field: their frequencies only in
// fields with norms, as analysis.TokenFrequency does.
type termCount struct {
	field string
	norms bool
	freqs bindex.TokenFrequencies
	n     int                // tokens
	free  []bindex.TokenFreq // allocated in blocks
}

// termsPerByte: a text of n bytes has about n/termsPerByte distinct
// terms (plans of 4–40 KB: n/28 to n/60), so maps made with
// that size rarely grow.
const termsPerByte = 24

func newTermCount(field string, size int) *termCount {
	return &termCount{field: field, norms: !fieldSpecs[field].opt.SkipFreqNorm(), freqs: make(bindex.TokenFrequencies, size)}
}

// term returns the entry of a term, new (count 0) when it is not there.
func (c *termCount) term(term []byte) *bindex.TokenFreq {
	if tf := c.freqs[string(term)]; tf != nil {
		return tf
	}
	if len(c.free) == 0 {
		c.free = make([]bindex.TokenFreq, 256)
	}
	tf := &c.free[0]
	c.free = c.free[1:]
	tf.Term = term
	c.freqs[string(term)] = tf
	return tf
}

// count counts one occurrence of the term of tf.
func (c *termCount) count(tf *bindex.TokenFreq) {
	c.n++
	if c.norms {
		tf.SetFrequency(tf.Frequency() + 1)
	}
}

// fold returns the term of the folded analyzer (FoldFilter).
func (ta *textAnalysis) fold(term []byte) []byte {
	if plain(term) {
		return term
	}
	start := len(ta.buf)
	ta.buf = extract.AppendFold(ta.buf, term)
	return ta.buf[start:len(ta.buf):len(ta.buf)]
}

// lower returns the term of the marked analyzer (lower case, tone
// normalised), or nil when it is plain and so not in the exact field.
func (ta *textAnalysis) lower(term []byte) []byte {
	if plain(term) || isASCII(term) {
		return nil
	}
	start := len(ta.buf)
	ta.buf = appendLower(ta.buf, term)
	e := extract.NormalizeToneBytes(ta.buf[start:len(ta.buf):len(ta.buf)])
	if plain(e) {
		ta.buf = ta.buf[:start]
		return nil
	}
	return e
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendLower appends s lowered as bleve's lowercase filter lowers it:
// rune by rune, a final capital sigma made ς; a term with a rune whose
// lower case is longer or shorter is left to the filter itself, which
// has its own ways there.
func appendLower(dst, s []byte) []byte {
	start := len(dst)
	for i := 0; i < len(s); {
		r, wid := decodeRune(s, i)
		l := unicode.ToLower(r)
		if l == r {
			dst = append(dst, s[i:i+wid]...)
			i += wid
			continue
		}
		if utf8.RuneLen(l) != wid {
			t := &analysis.Token{Term: slices.Clone(s)}
			lowercase.NewLowerCaseFilter().Filter(analysis.TokenStream{t})
			return append(dst[:start], t.Term...)
		}
		if l == 'σ' && i+2 == len(s) {
			l = 'ς'
		}
		dst = utf8.AppendRune(dst, l)
		i += wid
	}
	return dst
}

// textField is one field of a textAnalysis.
type textField struct {
	name string
	ta   *textAnalysis
}

func (f *textField) Name() string             { return f.name }
func (f *textField) ArrayPositions() []uint64 { return nil }
func (f *textField) Options() bindex.FieldIndexingOptions {
	return fieldSpecs[f.name].opt
}
func (f *textField) Analyze()               { f.ta.once.Do(f.ta.run) }
func (f *textField) Value() []byte          { return nil }
func (f *textField) EncodedFieldType() byte { return 't' }
func (f *textField) AnalyzedLength() int    { return f.ta.lens[f.name] }
func (f *textField) Size() int              { return 64 + len(f.ta.text)/4 }
func (f *textField) AnalyzedTokenFrequencies() bindex.TokenFrequencies {
	return f.ta.freqs[f.name]
}

// NumPlainTextBytes counts the text once, on the folded field.
func (f *textField) NumPlainTextBytes() uint64 {
	if f.name == fieldFolded {
		return uint64(len(f.ta.text))
	}
	return 0
}
