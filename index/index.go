// Package index stores extracted documents in a bleve index and serves
// search over them. It is the only package that imports bleve.
//
// Contracts:
//
//   - A document's id is DocID(text): a stable hash of the normalised text
//     that Extract returns. The same text always gets the same id, and
//     putting it again replaces the stored document.
//   - The original text and the extraction (JSON of extract.Document) are
//     stored and served back unchanged by Get. They are stored with a hit
//     summary (kind, symbol, title, issuer, date, cited ids) in front, so
//     that hits, phrase checks and citing pages never decode the whole
//     extraction (see encodeSrc); Text reads the text alone.
//   - Text is analysed twice: exactly ("vi": lower case, tone placement
//     normalised) and folded ("vi_folded": no diacritics). A query matches
//     either; exact matches score higher. Document symbols ("25-NQ/TW")
//     are single tokens, so they never match their bare number.
//   - Each byte of the text belongs to one section kind: that of the
//     innermost enclosing section with a specific kind ("other" inside
//     sections without one, "attachment" in attachments, "head" outside
//     everything). The folded words of each kind but "other" and "head"
//     are indexed (as filters) so a search can be limited to one kind of
//     section (SearchRequest.Section).
//   - No positions are stored: a quoted phrase finds the documents having
//     all its words, whose stored text is then checked for the phrase, in
//     result order, at most maxVerify candidates and, past minVerify,
//     only until the requested page plus verifyMargin matches are found.
//     When candidates are left unchecked, Total is estimated from the
//     checked ones, the facets count the matches among them, and
//     SearchResult.Approximate is set. The page itself is always exact.
//     Snippets are computed from the stored text, with byte offsets into it.
//   - Only the folded text (with the title's words) and the symbol are
//     scored (tf-idf); a word present with its exact diacritics adds a
//     constant, so exact matches rank first, and a word of the title a
//     larger one. Filters (kind, issuer, dates, cites, section) never
//     change scores; a search sorted by date is not scored (score 0).
//   - Searches, facets and citing pages read the per-document values they
//     need (id, date, kind, issuer, year, cited ids, title words) from
//     tables built once per immutable segment (see table.go), not from
//     bleve's doc values on every match; results are those of bleve's own
//     collector (TestCollectionMatchesBleve).
//   - Cited references are matched exactly on their own symbol and date
//     (see ParseRef): "43-KL/TW" never finds a document citing only
//     "43-CT/TW", and 25-NQ/TW@2008-… is not 25-NQ/TW@2013-06-03.
//   - Query text never causes a syntax error: unknown characters are
//     ignored and an unclosed quote runs to the end.
//
// An Index is safe for concurrent use.
package index

import (
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"vanban/extract"
)

// Errors.
var (
	ErrNotFound   = errors.New("index: document not found")
	ErrNilDoc     = errors.New("index: nil document")
	ErrBadCursor  = errors.New("index: bad cursor")
	ErrBadDate    = errors.New("index: bad date (want YYYY, YYYY-MM or YYYY-MM-DD)")
	ErrBadSection = errors.New("index: section kind not searchable:")
)

// Field names.
const (
	fieldSrc      = "_src"  // stored: extraction JSON and text (see encodeSrc)
	fieldExact    = "t"     // exact words of the text, presence only
	fieldFolded   = "f"     // folded words of the text, scored
	fieldKind     = "kind"  // raw kind, facet
	fieldKindF    = "kindf" // folded kind, filter
	fieldIssuer   = "issuer"
	fieldIssuerF  = "issuerf"
	fieldPlace    = "place"
	fieldSymbol   = "symbol"
	fieldDate     = "date" // ISO date, sort and range
	fieldYear     = "year"
	fieldTitleF   = "titlef"   // folded title words: the title bonus
	fieldSections = "sections" // section kinds present
	fieldCites    = "cites"    // reference keys (see refKeys), with relations
	fieldCited    = "cited"    // reference ids, facet
	fieldDeadline = "deadline" // months covered by deadlines
	fieldResp     = "resp"     // responsible bodies, folded
	fieldOwn      = "own"      // keys of the document's own symbol
)

// sectionField holds the folded words of the sections of one kind.
func sectionField(kind string) string { return "s_" + kind }

// Indexing options. Only _src is stored and no field has term vectors.
// Norms cost about five bytes per posting, so only the fields that rank
// (folded text, title, symbol) keep them; the others are matched as
// filters or with a constant score (constQuery).
const (
	optStored = bindex.StoreField
	optScored = bindex.IndexField
	optFilter = bindex.IndexField | bindex.SkipFreqNorm
	optFacet  = optFilter | bindex.DocValues
)

// fieldSpecs lists every field with its analyzer and options; the mapping
// and the document builder both follow it.
var fieldSpecs = func() map[string]fieldSpec {
	m := map[string]fieldSpec{
		fieldSrc: {keyword.Name, optStored}, fieldExact: {AnalyzerMarked, optFilter},
		fieldFolded: {AnalyzerFolded, optScored},
		fieldKind:   {keyword.Name, optFacet}, fieldKindF: {keyword.Name, optFilter},
		fieldIssuer: {keyword.Name, optFacet}, fieldIssuerF: {AnalyzerFolded, optFilter},
		fieldPlace: {AnalyzerFolded, optFilter}, fieldSymbol: {AnalyzerFolded, optScored},
		fieldDate: {keyword.Name, optFacet}, fieldYear: {keyword.Name, optFacet},
		fieldTitleF:   {AnalyzerFolded, optFacet}, // read into the hit tables (titleWords)
		fieldSections: {AnalyzerLines, optFilter}, fieldCites: {AnalyzerLines, optFilter},
		fieldCited: {AnalyzerLines, optFacet}, fieldDeadline: {AnalyzerLines, optFilter},
		fieldResp: {AnalyzerFolded, optFilter}, fieldOwn: {AnalyzerLines, optFilter},
	}
	for _, k := range searchableKinds {
		m[sectionField(k)] = fieldSpec{AnalyzerFolded, optFilter}
	}
	return m
}()

type fieldSpec struct {
	analyzer string
	opt      bindex.FieldIndexingOptions
}

// Section kinds of the text partition: the extractor's kinds, plus
// "attachment" (attached parts outside their sections) and "head"
// (everything outside sections).
var sectionKinds = append(searchableKinds, extract.SectionOther, kindHead)

// searchableKinds are the section kinds a search can be limited to; the
// words of "other" sections and of the head are only in the whole text
// (they would cost a tenth of the index size for no useful restriction).
var searchableKinds = []string{
	extract.SectionPurpose, extract.SectionContent, extract.SectionOrganization,
	extract.SectionTimeline, extract.SectionForm, extract.SectionRecommendation,
	kindAttachment,
}

const (
	kindAttachment = "attachment"
	kindHead       = "head"
)

// Index is a bleve index of documents.
type Index struct {
	bi        bleve.Index
	an        analyzers
	byName    map[string]analysis.Analyzer
	tables    *tables
	closeOnce sync.Once
}

type analyzers struct {
	vi, folded, marked, lines, keyword analysis.Analyzer
}

// Open opens the index in dir, creating it when missing.
func Open(dir string) (*Index, error) {
	im, err := newMapping()
	if err != nil {
		return nil, err
	}
	bi, err := openBleve(dir, im)
	if err != nil {
		return nil, err
	}
	x := &Index{bi: bi, tables: newTables()}
	if x.an, err = loadAnalyzers(im); err != nil {
		bi.Close()
		return nil, err
	}
	x.byName = map[string]analysis.Analyzer{
		AnalyzerVi: x.an.vi, AnalyzerFolded: x.an.folded, AnalyzerMarked: x.an.marked,
		AnalyzerLines: x.an.lines, keyword.Name: x.an.keyword,
	}
	return x, nil
}

// schemaVersion changes whenever the fields or their analysis change: an
// index of another version must be rebuilt.
const schemaVersion = "vanban-index-3"

var schemaKey = []byte("schema")

// ErrSchema is returned by Open for an index built by another version.
var ErrSchema = errors.New("index: built by another version: rebuild it")

func openBleve(dir string, im *mapping.IndexMappingImpl) (bleve.Index, error) {
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
		bi, err := bleve.NewUsing(dir, im, scorch.Name, scorch.Name, nil)
		if err != nil {
			return nil, err
		}
		if err := bi.SetInternal(schemaKey, []byte(schemaVersion)); err != nil {
			bi.Close()
			return nil, err
		}
		return bi, nil
	}
	bi, err := bleve.Open(dir)
	if err != nil {
		return nil, err
	}
	if v, err := bi.GetInternal(schemaKey); err != nil || string(v) != schemaVersion {
		bi.Close()
		return nil, ErrSchema
	}
	return bi, nil
}

func loadAnalyzers(im *mapping.IndexMappingImpl) (analyzers, error) {
	var a analyzers
	for _, p := range []struct {
		dst  *analysis.Analyzer
		name string
	}{
		{&a.vi, AnalyzerVi}, {&a.folded, AnalyzerFolded}, {&a.marked, AnalyzerMarked},
		{&a.lines, AnalyzerLines}, {&a.keyword, keyword.Name},
	} {
		if *p.dst = im.AnalyzerNamed(p.name); *p.dst == nil {
			return a, fmt.Errorf("index: analyzer %q not registered", p.name)
		}
	}
	return a, nil
}

// newMapping declares the fields as Put builds them, so that bleve tools
// and query analysis agree with the documents.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = AnalyzerVi
	im.StoreDynamic, im.IndexDynamic, im.DocValuesDynamic = false, false, false
	dm := bleve.NewDocumentStaticMapping()
	for name, spec := range fieldSpecs {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = spec.analyzer
		fm.Store, fm.Index = spec.opt.IsStored(), spec.opt.IsIndexed()
		fm.DocValues, fm.SkipFreqNorm = spec.opt.IncludeDocValues(), spec.opt.SkipFreqNorm()
		fm.IncludeTermVectors, fm.IncludeInAll = false, false
		dm.AddFieldMappingsAt(name, fm)
	}
	im.DefaultMapping = dm
	return im, im.Validate()
}

// Close closes the index; closing it again does nothing.
func (x *Index) Close() error {
	var err error
	x.closeOnce.Do(func() { err = x.bi.Close() })
	return err
}

// Compact merges the index into one segment (after a bulk load: smaller
// and faster to search). It blocks until done.
func (x *Index) Compact(ctx context.Context) error {
	adv, err := x.bi.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	return s.ForceMerge(ctx, &mergeplan.SingleSegmentMergePlanOptions)
}

// DocID returns the id of a document with this normalised text: the first
// 64 bits of its SHA-256, in hex.
func DocID(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:8])
}

// Item is one document for PutBatch.
type Item struct {
	Doc  *extract.Document
	Text string
}

// Put indexes one document with its normalised text and returns its id.
func (x *Index) Put(doc *extract.Document, text string) (string, error) {
	ids, err := x.PutBatch([]Item{{doc, text}})
	if err != nil {
		return "", err
	}
	return ids[0], nil
}

// putBatchSize bounds the documents analysed in one bleve batch.
const putBatchSize = 512

// PutBatch indexes documents in batches and returns their ids, in order.
// On error it returns the ids of the documents indexed before it.
func (x *Index) PutBatch(items []Item) ([]string, error) {
	ids := make([]string, 0, len(items))
	for len(items) > 0 {
		n := min(len(items), putBatchSize)
		docs, err := x.documents(items[:n])
		if err != nil {
			return ids, err
		}
		b := x.bi.NewBatch()
		for _, d := range docs {
			if err := b.IndexAdvanced(d); err != nil {
				return ids, err
			}
		}
		if err := x.bi.Batch(b); err != nil {
			return ids, err
		}
		for _, d := range docs {
			ids = append(ids, d.ID())
		}
		items = items[n:]
	}
	return ids, nil
}

// documents builds the bleve documents of items on all CPUs (bleve then
// analyses them on all CPUs too).
func (x *Index) documents(items []Item) ([]*document.Document, error) {
	docs := make([]*document.Document, len(items))
	errs := make([]error, len(items))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(items)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(items); i = int(next.Add(1) - 1) {
				docs[i], errs[i] = x.document(items[i].Doc, items[i].Text)
			}
		})
	}
	wg.Wait()
	return docs, errors.Join(errs...)
}

// Delete removes a document; deleting a missing id is not an error.
func (x *Index) Delete(id string) error { return x.bi.Delete(id) }

// Count returns the number of documents.
func (x *Index) Count() (uint64, error) { return x.bi.DocCount() }

// Get returns the stored extraction and text of a document.
func (x *Index) Get(id string) (*extract.Document, string, error) {
	d, err := x.bi.Document(id)
	if err != nil {
		return nil, "", err
	}
	if d == nil {
		return nil, "", ErrNotFound
	}
	var src []byte
	d.VisitFields(func(f bindex.Field) {
		if f.Name() == fieldSrc {
			src = f.Value()
		}
	})
	if src == nil {
		return nil, "", ErrNotFound
	}
	return decodeSrc(src, true)
}

// flate writers and readers are large: they are reused.
var (
	flateWriters = sync.Pool{New: func() any { w, _ := flate.NewWriter(nil, flateLevel); return w }}
	flateReaders = sync.Pool{New: func() any { return flate.NewReader(bytes.NewReader(nil)) }}
)

// flateLevel compresses Vietnamese text to about a third (snappy, which
// bleve applies to stored fields, to a half). Level 3 costs a third of
// level 6's time for a 4% larger index (go test ./index -bench
// 'BenchmarkIndex$': at 6 compression was a fifth of the indexing CPU).
const flateLevel = 3

// encodeSrc packs a document in one stored value, flate-compressed, as
// four length-prefixed parts (uvarint length, bytes): the hit summary
// (see summary), the text, the JSON of the references and the JSON of
// the rest of the extraction. Readers stop after the parts they need:
// hits read the summary and text, phrase checks the same, citing pages
// add the references; only Get decodes the whole extraction. The JSON
// comes last so that it compresses against the text it repeats.
func encodeSrc(sum, text, refs, rest []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(text)/3 + len(rest)/4 + len(refs)/4 + 64)
	w := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(w)
	w.Reset(&buf)
	for _, p := range [][]byte{sum, text, refs, rest} {
		w.Write(binary.AppendUvarint(nil, uint64(len(p))))
		w.Write(p)
	}
	w.Close()
	return buf.Bytes()
}

// Parts of a stored value, in order.
const (
	partSum = iota
	partText
	partRefs
	partRest
	numParts
)

var bufReaders = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 4096) }}

// srcParts decodes the first n parts of a stored value.
func srcParts(src []byte, n int) ([][]byte, error) {
	r := flateReaders.Get().(io.ReadCloser)
	defer flateReaders.Put(r)
	r.(flate.Resetter).Reset(bytes.NewReader(src), nil)
	br := bufReaders.Get().(*bufio.Reader)
	br.Reset(r)
	defer func() { br.Reset(nil); bufReaders.Put(br) }()
	parts := make([][]byte, n)
	for i := range parts {
		l, err := binary.ReadUvarint(br)
		if err != nil || l > uint64(len(src))*64+1<<20 {
			return nil, fmt.Errorf("index: stored document: bad header")
		}
		parts[i] = make([]byte, l)
		if _, err := io.ReadFull(br, parts[i]); err != nil {
			return nil, fmt.Errorf("index: stored document: %w", err)
		}
	}
	return parts, nil
}

// decodeSrc unpacks a stored value: the extraction, and the text when
// wanted.
func decodeSrc(src []byte, wantText bool) (*extract.Document, string, error) {
	parts, err := srcParts(src, numParts)
	if err != nil {
		return nil, "", err
	}
	doc, err := decodeDoc(parts[partRefs], parts[partRest])
	if err != nil {
		return nil, "", err
	}
	if !wantText {
		return doc, "", nil
	}
	return doc, string(parts[partText]), nil
}

func decodeDoc(refs, rest []byte) (*extract.Document, error) {
	doc := new(extract.Document)
	if err := json.Unmarshal(rest, doc); err != nil {
		return nil, fmt.Errorf("index: stored document: %w", err)
	}
	if err := json.Unmarshal(refs, &doc.References); err != nil {
		return nil, fmt.Errorf("index: stored references: %w", err)
	}
	return doc, nil
}

// summary is what a hit shows and what facets count, stored first so
// that hits never decode the extraction.
type summary struct {
	kind, symbol, title, issuer, date string
	cited                             []string // reference ids, deduplicated
}

func newSummary(doc *extract.Document) summary {
	var ids []string
	for _, r := range doc.References {
		if r != nil {
			ids = append(ids, r.ID)
		}
	}
	return summary{
		kind: string(doc.Kind), symbol: string(doc.Symbol), title: string(doc.Title),
		issuer: string(doc.Issuer), date: string(doc.Date), cited: dedupe(ids),
	}
}

// encode writes the summary as uvarint-prefixed strings.
func (s summary) encode() []byte {
	var b []byte
	for _, v := range append([]string{s.kind, s.symbol, s.title, s.issuer, s.date}, s.cited...) {
		b = binary.AppendUvarint(b, uint64(len(v)))
		b = append(b, v...)
	}
	return b
}

func decodeSummary(b []byte) (summary, error) {
	var vals []string
	for len(b) > 0 {
		l, n := binary.Uvarint(b)
		if n <= 0 || l > uint64(len(b)-n) {
			return summary{}, fmt.Errorf("index: stored summary: bad length")
		}
		vals = append(vals, string(b[n:n+int(l)]))
		b = b[n+int(l):]
	}
	if len(vals) < 5 {
		return summary{}, fmt.Errorf("index: stored summary: too short")
	}
	return summary{vals[0], vals[1], vals[2], vals[3], vals[4], vals[5:]}, nil
}

// stored is a decoded hit: its summary and text, with the extraction
// only when it was needed.
type stored struct {
	sum  summary
	text []byte
	refs []*extract.Reference
	doc  *extract.Document
}

// Levels of decoding.
const (
	wantSum  = partSum + 1
	wantText = partText + 1
	wantRefs = partRefs + 1
	wantDoc  = numParts
)

// decodeStored decodes a stored value up to a level.
func decodeStored(src []byte, level int) (*stored, error) {
	parts, err := srcParts(src, level)
	if err != nil {
		return nil, err
	}
	s := &stored{}
	if s.sum, err = decodeSummary(parts[partSum]); err != nil {
		return nil, err
	}
	if level > partText {
		s.text = parts[partText]
	}
	switch {
	case level > partRest:
		if s.doc, err = decodeDoc(parts[partRefs], parts[partRest]); err != nil {
			return nil, err
		}
		s.refs = s.doc.References
	case level > partRefs:
		if err := json.Unmarshal(parts[partRefs], &s.refs); err != nil {
			return nil, fmt.Errorf("index: stored references: %w", err)
		}
	}
	return s, nil
}

// storedOf decodes the stored value of a hit (req.Fields has fieldSrc).
func storedOf(fields map[string]interface{}, level int) (*stored, error) {
	src, _ := fields[fieldSrc].(string)
	if src == "" {
		return nil, ErrNotFound
	}
	return decodeStored([]byte(src), level)
}

// storedByID reads the stored value of a document.
func (x *Index) storedByID(id string, level int) (*stored, error) {
	d, err := x.bi.Document(id)
	if err != nil {
		return nil, err
	}
	return storedOfDoc(d, level)
}

// storedOfDoc decodes the stored value of a document read from bleve.
func storedOfDoc(d bindex.Document, level int) (*stored, error) {
	if d == nil {
		return nil, ErrNotFound
	}
	var src []byte
	d.VisitFields(func(f bindex.Field) {
		if f.Name() == fieldSrc {
			src = f.Value()
		}
	})
	if src == nil {
		return nil, ErrNotFound
	}
	return decodeStored(src, level)
}

// Text returns the stored text of a document without decoding its
// extraction.
func (x *Index) Text(id string) (string, error) {
	s, err := x.storedByID(id, wantText)
	if err != nil {
		return "", err
	}
	return string(s.text), nil
}

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
	src := encodeSrc(newSummary(doc).encode(), []byte(text), refs, raw)
	d.AddField(&storedField{name: fieldSrc, value: src})
	b.metadata(doc)
	b.references(doc.References)
	b.deadlines(doc.Deadlines)
	b.text(doc, text)
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
func (b fieldBuilder) text(doc *extract.Document, text string) {
	if text == "" {
		return
	}
	segs := segments(doc, text)
	ta := &textAnalysis{text: []byte(text), segs: segs, vi: b.an[AnalyzerVi], fold: b.an[AnalyzerFolded]}
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
// and section fields: the tokenizer runs once, then the filters of the
// "vi_marked" and "vi_folded" analyzers (TestTextFieldsMatchAnalyzers
// checks the terms are theirs).
type textAnalysis struct {
	once     sync.Once
	text     []byte
	segs     []segment
	title    []byte // words added to the folded field, not to sections
	vi, fold analysis.Analyzer
	freqs    map[string]bindex.TokenFrequencies
	lens     map[string]int
}

func (ta *textAnalysis) run() {
	exact := Tokenizer{}.Tokenize(ta.text)
	folded := make(analysis.TokenStream, len(exact))
	toks := make([]analysis.Token, len(exact))
	for i, t := range exact {
		toks[i] = *t
		folded[i] = &toks[i]
	}
	// Fold first: it copies changed terms, while lowercasing works in place.
	folded = filterAll(ta.fold, folded)
	exact = filterAll(ta.vi, exact)
	exact = MarkedFilter{}.Filter(exact)
	ta.freqs = map[string]bindex.TokenFrequencies{}
	ta.lens = map[string]int{}
	ta.set(fieldExact, exact, optFilter)
	ta.set(fieldFolded, append(folded, ta.fold.Analyze(ta.title)...), optScored)
	byKind := map[string]analysis.TokenStream{}
	k := 0
	for _, t := range folded {
		for k < len(ta.segs) && ta.segs[k].end <= t.Start {
			k++
		}
		if k < len(ta.segs) {
			byKind[ta.segs[k].kind] = append(byKind[ta.segs[k].kind], t)
		}
	}
	for _, kind := range searchableKinds {
		ta.set(sectionField(kind), byKind[kind], optFilter)
	}
}

func (ta *textAnalysis) set(field string, ts analysis.TokenStream, opt bindex.FieldIndexingOptions) {
	ta.freqs[field] = analysis.TokenFrequency(ts, nil, opt)
	ta.lens[field] = len(ts)
}

// filterAll runs the token filters of an analyzer built by chain.
func filterAll(a analysis.Analyzer, ts analysis.TokenStream) analysis.TokenStream {
	if da, ok := a.(*analysis.DefaultAnalyzer); ok {
		for _, f := range da.TokenFilters {
			ts = f.Filter(ts)
		}
	}
	return ts
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

// segment is a part of the text belonging to one section kind.
type segment struct {
	kind       string
	start, end int
}

// span is one section (or attachment) of the document tree.
type span struct {
	start, end, depth int
	kind              string
}

// segments partitions text by section kind: each byte gets the kind of
// the innermost section containing it whose kind is specific (not "" nor
// "other"), else "other" inside a section, "attachment" inside an
// attachment and "head" outside everything. Spans are clamped to the text
// and to rune boundaries; adjacent parts of one kind are merged.
func segments(doc *extract.Document, text string) []segment {
	spans := collectSpans(doc, text)
	bounds := []int{0, len(text)}
	for _, s := range spans {
		bounds = append(bounds, s.start, s.end)
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)
	var out []segment
	for i := 0; i+1 < len(bounds); i++ {
		a, z := bounds[i], bounds[i+1]
		k := kindAt(spans, a, z)
		if n := len(out); n > 0 && out[n-1].kind == k && out[n-1].end == a {
			out[n-1].end = z
			continue
		}
		out = append(out, segment{k, a, z})
	}
	return out
}

// kindAt returns the kind of the piece [a, z) (see segments).
func kindAt(spans []span, a, z int) string {
	kind, depth := "", -1
	inSection, inAttachment := false, false
	for _, s := range spans {
		if s.start > a || s.end < z {
			continue
		}
		if s.kind == kindAttachment {
			inAttachment = true
			continue
		}
		inSection = true
		if specificKind(s.kind) && s.depth > depth {
			kind, depth = s.kind, s.depth
		}
	}
	switch {
	case depth >= 0:
		return kind
	case inSection:
		return extract.SectionOther
	case inAttachment:
		return kindAttachment
	}
	return kindHead
}

func specificKind(k string) bool {
	switch k {
	case "", extract.SectionOther, kindAttachment:
		return false
	}
	return slices.Contains(sectionKinds, k)
}

func collectSpans(doc *extract.Document, text string) []span {
	var out []span
	var walk func(ss []*extract.Section, depth int)
	walk = func(ss []*extract.Section, depth int) {
		for _, s := range ss {
			if s == nil {
				continue
			}
			if a, z := clampSpan(s.Span, text); a < z {
				out = append(out, span{a, z, depth, s.Kind})
			}
			walk(s.Children, depth+1)
		}
	}
	walk(doc.Sections, 0)
	for _, at := range doc.Attachments {
		if at == nil {
			continue
		}
		if a, z := clampSpan(at.Span, text); a < z {
			out = append(out, span{a, z, 0, kindAttachment})
		}
		walk(at.Sections, 1)
	}
	return out
}

// clampSpan clamps a span to the text and to rune starts.
func clampSpan(s extract.Span, text string) (int, int) {
	n := len(text)
	return runeStart(text, max(0, min(s[0], n))), runeStart(text, max(0, min(s[1], n)))
}

// runeStart moves i back to the start of the rune containing it.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && s[i]&0xC0 == 0x80 {
		i--
	}
	return i
}

// hitDoc decodes the stored extraction (and text when wanted) of a hit.
func hitDoc(fields map[string]interface{}, wantText bool) (*extract.Document, string, error) {
	src, _ := fields[fieldSrc].(string)
	if src == "" {
		return nil, "", ErrNotFound
	}
	return decodeSrc([]byte(src), wantText)
}

// search runs a bleve request with the context.
func (x *Index) search(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	return x.bi.SearchInContext(ctx, req)
}

// SearchRequest is a search: a query and filters, all optional.
type SearchRequest struct {
	// Query: plain words (all required, matched with or without
	// diacritics), "quoted phrases" (also “…”), -excluded words, document
	// symbols ("25-NQ/TW"); a kind and number ("kết luận 62") also
	// matches the documents citing (or being) such a document.
	Query  string `json:"q"`
	Kind   string `json:"kind"`   // document kind ("Kế hoạch"; case and diacritics ignored)
	Issuer string `json:"issuer"` // words of the issuer ("tỉnh ủy")
	From   string `json:"from"`   // dates, inclusive: YYYY, YYYY-MM or YYYY-MM-DD
	To     string `json:"to"`
	Cites  string `json:"cites"` // a reference (see ParseRef) the documents cite
	// Section limits the query words to sections of one kind: purpose,
	// content, organization, timeline, form, recommendation, attachment.
	Section string `json:"section"`
	Offset  int    `json:"offset"`
	Limit   int    `json:"limit"` // hits per page: default 10, at most 100
	Sort    string `json:"sort"`  // "score" (default), "date" or "-date"
}

// SearchResult is one page of hits with the facets of all matches.
type SearchResult struct {
	Total  uint64                  `json:"total"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetCount `json:"facets"` // "kind", "issuer", "year", "cited"
	// Approximate is set when some candidates of a phrase query were not
	// checked (more than maxVerify, or the page was filled past
	// minVerify): Total is then estimated from the candidates checked,
	// and the facets count only the matches among them.
	Approximate bool `json:"approximate"`
}

// Hit is one matching document.
type Hit struct {
	ID       string    `json:"id"`
	Kind     string    `json:"kind"`
	Symbol   string    `json:"symbol"`
	Title    string    `json:"title"`
	Issuer   string    `json:"issuer"`
	Date     string    `json:"date"`
	Score    float64   `json:"score"`
	Snippets []Snippet `json:"snippets"`
}

// Snippet is a part of the text with the matches marked.
type Snippet struct {
	Start int      `json:"start"` // byte offsets in the document text
	End   int      `json:"end"`
	Text  string   `json:"text"`
	Marks [][2]int `json:"marks"` // byte ranges within Text
	HTML  string   `json:"html"`  // Text escaped, marks in <mark></mark>
}

// FacetCount is one value of a facet with its number of documents.
type FacetCount struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

const (
	defaultLimit = 10
	maxLimit     = 100
	facetSize    = 10
)

// Search runs a search request.
func (x *Index) Search(ctx context.Context, r SearchRequest) (*SearchResult, error) {
	q, m, err := x.query(r)
	if err != nil {
		return nil, err
	}
	c, err := x.open()
	if err != nil {
		return nil, err
	}
	defer c.close()
	if m.needsText() {
		return x.searchVerified(ctx, c, r, q, m)
	}
	limit, offset := page(r)
	top := &best{n: offset + limit, less: order(r.Sort)}
	fc := getCounter()
	defer putCounter(fc)
	total := 0
	keep, bonus := dateFilter(r.From, r.To), x.titleBonus(m.words)
	err = c.each(ctx, x, q, scored(r.Sort), func(mt match) {
		if !keep(mt) {
			return
		}
		if scored(r.Sort) && r.Section == "" {
			mt.score += bonus(mt)
		}
		total++
		fc.add(mt)
		top.add(mt)
	})
	if err != nil {
		return nil, err
	}
	out := &SearchResult{Total: uint64(total), Hits: []Hit{}, Facets: fc.top(x, facetSize)}
	hits := top.sorted()
	var sc textScanner
	for _, mt := range hits[min(offset, len(hits)):] {
		st, err := c.stored(mt.id(), levelFor(r.Section))
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		hit := newHit(mt.id(), st.sum)
		hit.Score = mt.score
		text := string(st.text)
		allowed := sectionSegments(st.doc, text, r.Section)
		hit.Snippets = snippetsOf(text, sc.marks(m, st.text), allowed)
		out.Hits = append(out.Hits, hit)
	}
	return out, nil
}

// levelFor is the decoding a hit needs: the extraction only for its
// sections when the search is limited to one kind.
func levelFor(section string) int {
	if section != "" {
		return wantDoc
	}
	return wantText
}

// page returns the size and offset of the requested page.
func page(r SearchRequest) (int, int) {
	limit := r.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	return min(limit, maxLimit), max(r.Offset, 0)
}

// maxVerify bounds the candidates of a phrase query that are checked
// against their text (a variable for tests).
var maxVerify = 2000

// minVerify is the number of candidates always checked (when there are
// that many): past it, checking stops as soon as the requested page and
// verifyMargin more matches are found, and Total and the facets are
// estimated from the candidates checked (Approximate).
var minVerify = 20

// verifyMargin is how many matches past the page are found before
// checking stops (a variable for tests).
var verifyMargin = 10

// searchVerified runs a query with phrases: the index finds the
// documents having all the words, and each candidate's text is checked
// for the phrases (no positions are indexed). Facets are counted on the
// documents that pass.
func (x *Index) searchVerified(ctx context.Context, c *collection, r SearchRequest, q query.Query, m *matcher) (*SearchResult, error) {
	limit, offset := page(r)
	cands := &best{n: maxVerify, less: order(r.Sort)}
	total := 0
	keep, bonus := dateFilter(r.From, r.To), x.titleBonus(m.words)
	err := c.each(ctx, x, q, scored(r.Sort), func(mt match) {
		if scored(r.Sort) && r.Section == "" {
			mt.score += bonus(mt)
		}
		if keep(mt) {
			total++
			cands.add(mt)
		}
	})
	if err != nil {
		return nil, err
	}
	out := &SearchResult{Hits: []Hit{}}
	fc := getCounter()
	defer putCounter(fc)
	matched, checked := 0, 0
	var sc textScanner
	for _, mt := range cands.sorted() {
		if checked >= minVerify && matched >= offset+limit+verifyMargin {
			break
		}
		checked++
		st, err := c.stored(mt.id(), levelFor(r.Section))
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var allowed []segment
		var marks []mark
		if r.Section != "" {
			allowed = sectionSegments(st.doc, string(st.text), r.Section)
			if marks = sc.marks(m, st.text); !m.phrasesIn(marks, allowed) {
				continue
			}
		} else if !sc.hasPhrases(m, st.text) {
			continue
		}
		fc.add(mt)
		if matched >= offset && len(out.Hits) < limit {
			hit := newHit(mt.id(), st.sum)
			hit.Score = mt.score
			if marks == nil {
				marks = sc.marks(m, st.text)
			}
			hit.Snippets = snippetsOf(string(st.text), marks, allowed)
			out.Hits = append(out.Hits, hit)
		}
		matched++
	}
	out.Total, out.Facets = uint64(matched), fc.top(x, facetSize)
	if n := uint64(checked); uint64(total) > n {
		out.Total, out.Approximate = uint64(matched)*uint64(total)/n, true
	}
	return out, nil
}

// facetCounter counts the facets of documents checked one by one.
type facetCounter map[string]map[string]int

func (fc facetCounter) add(s summary) {
	inc := func(name, term string) {
		if term == "" {
			return
		}
		if fc[name] == nil {
			fc[name] = map[string]int{}
		}
		fc[name][term]++
	}
	inc("kind", s.kind)
	inc("issuer", s.issuer)
	if validDate(s.date) {
		inc("year", s.date[:4])
	}
	for _, id := range s.cited {
		inc("cited", id)
	}
}

// top returns the n most frequent terms of each facet.
func (fc facetCounter) top(n int) map[string][]FacetCount {
	out := map[string][]FacetCount{}
	for _, name := range []string{"kind", "issuer", "year", "cited"} {
		counts := []FacetCount{}
		for t, c := range fc[name] {
			counts = append(counts, FacetCount{t, c})
		}
		sortCounts(counts)
		out[name] = counts[:min(n, len(counts))]
	}
	return out
}

// sortCounts orders facet counts by count, then term.
func sortCounts(c []FacetCount) {
	slices.SortFunc(c, func(a, b FacetCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Term, b.Term)
	})
}

func newHit(id string, s summary) Hit {
	return Hit{ID: id, Kind: s.kind, Symbol: s.symbol, Title: s.title, Issuer: s.issuer, Date: s.date}
}

// query builds the bleve query of a request and the matcher of its words
// for snippets.
func (x *Index) query(r SearchRequest) (query.Query, *matcher, error) {
	if r.Section != "" && !slices.Contains(searchableKinds, r.Section) {
		return nil, nil, fmt.Errorf("%w %q", ErrBadSection, r.Section)
	}
	must, mustNot, bonus, textFilters, m := x.textQuery(parseQuery(r.Query), r.Section)
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
	if len(bonus) > 0 && scored(r.Sort) {
		bq.Should = &bonusQuery{bonus} // not wrapped in a disjunction
	}
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
	words   []string        // folded words of terms and phrases, for the title bonus
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
// all the words), the optional bonuses of the positive words, the
// non-scoring filters of the positive clauses (their words in the
// section) and the matcher of the positive clauses (whose phrases are
// checked against the text).
func (x *Index) textQuery(cs []clause, section string) (must, mustNot, bonus, filters []query.Query, m *matcher) {
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
			if !c.neg {
				bonus = append(bonus, wordBonus(e)...)
			}
			if key := numberKey(prev, f); key != "" && !c.phrase && !c.neg {
				q = bleve.NewDisjunctionQuery(q, constant(fieldCites, "n:"+key, scoreRef), constant(fieldOwn, "n:"+key, scoreRef))
				m.numbers[key] = true
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
	return must, mustNot, bonus, filters, m
}

func conjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
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

// wordBonus returns the optional queries of a word: scoreExact when it
// is in the text exactly (e). (Title matches are scored by the
// collection: see titleBonus.)
func wordBonus(e string) []query.Query {
	var qs []query.Query
	if !plain([]byte(e)) { // plain words are not in the exact field
		qs = append(qs, constant(fieldExact, e, scoreExact))
	}
	return qs
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

// Snippet sizes, in bytes.
const (
	snippetLen    = 240
	snippetBefore = 60
	maxSnippets   = 3
)

// sectionSegments returns the segments of a section kind (nil when kind
// is "": no restriction).
func sectionSegments(doc *extract.Document, text, kind string) []segment {
	if kind == "" {
		return nil
	}
	out := []segment{}
	for _, s := range segments(doc, text) {
		if s.kind == kind {
			out = append(out, s)
		}
	}
	return out
}

// snippetsOf returns up to three windows of text with the most distinct
// marks (those inside the allowed segments unless nil), in text order.
// Without marks it returns the start of the text (or of the first allowed
// segment).
func snippetsOf(text string, marks []mark, allowed []segment) []Snippet {
	if allowed != nil {
		marks = slices.DeleteFunc(marks, func(mk mark) bool { return !inSegments(allowed, mk.start) })
	}
	if len(marks) > 0 {
		return pickWindows(text, marks)
	}
	if len(text) == 0 {
		return nil
	}
	start := 0
	if len(allowed) > 0 {
		start = allowed[0].start
	}
	return []Snippet{makeSnippet(text, start, start+snippetLen, nil)}
}

// mark is one match: a byte range and the term (or phrase) it matched.
type mark struct {
	start, end int
	term       string
}

// find returns the marks of the terms and phrases in a folded token stream.
func (m *matcher) find(ts analysis.TokenStream) []mark {
	var out []mark
	for i, t := range ts {
		if m.terms[string(t.Term)] || len(m.numbers) > 0 && m.symbolMatch(t.Term) {
			out = append(out, mark{t.Start, t.End, string(t.Term)})
		}
		for _, p := range m.phrases {
			if i+len(p) <= len(ts) && phraseAt(ts[i:], p) {
				out = append(out, mark{t.Start, ts[i+len(p)-1].End, strings.Join(p, " ")})
			}
		}
	}
	slices.SortFunc(out, func(a, b mark) int { return a.start - b.start })
	return out
}

// symbolMatch reports whether a folded symbol token has a wanted code and
// number.
func (m *matcher) symbolMatch(term []byte) bool {
	if len(term) == 0 || !isDigit(term[0]) || !bytes.ContainsAny(term, "/") {
		return false
	}
	_, sym, ok := scanSymbol(term, 0)
	return ok && m.numbers[codeNumberKey(sym.code, sym.number)]
}

// needsText reports whether matches must be checked against the text.
func (m *matcher) needsText() bool { return len(m.phrases) > 0 }

// verify reports whether every phrase occurs in the tokens (inside the
// allowed segments unless nil).
func (m *matcher) verify(ts analysis.TokenStream, allowed []segment) bool {
	for _, p := range m.phrases {
		found := false
		for i := 0; i+len(p) <= len(ts) && !found; i++ {
			found = phraseAt(ts[i:], p) && (allowed == nil || inSegments(allowed, ts[i].Start))
		}
		if !found {
			return false
		}
	}
	return true
}

func phraseAt(ts analysis.TokenStream, p []string) bool {
	for k, w := range p {
		if string(ts[k].Term) != w {
			return false
		}
	}
	return true
}

func inSegments(segs []segment, i int) bool {
	for _, s := range segs {
		if s.start <= i && i < s.end {
			return true
		}
	}
	return false
}

// window is a candidate snippet.
type window struct {
	start, end int
	marks      []mark
	score      int
}

// pickWindows groups the marks into windows from left to right and keeps
// the best ones.
func pickWindows(text string, marks []mark) []Snippet {
	var ws []window
	for i := 0; i < len(marks); {
		w := window{start: max(0, marks[i].start-snippetBefore)}
		w.end = min(len(text), w.start+snippetLen)
		distinct := map[string]bool{}
		for i < len(marks) && marks[i].end <= w.end {
			w.marks = append(w.marks, marks[i])
			distinct[marks[i].term] = true
			i++
		}
		if len(w.marks) == 0 { // a mark longer than the window
			w.end = marks[i].end
			w.marks = append(w.marks, marks[i])
			i++
		}
		w.score = 100*len(distinct) + len(w.marks)
		ws = append(ws, w)
	}
	slices.SortStableFunc(ws, func(a, b window) int { return b.score - a.score })
	ws = ws[:min(len(ws), maxSnippets)]
	slices.SortFunc(ws, func(a, b window) int { return a.start - b.start })
	out := make([]Snippet, 0, len(ws))
	for _, w := range ws {
		out = append(out, makeSnippet(text, w.start, w.end, w.marks))
	}
	return out
}

// makeSnippet cuts text[start:end], moved to word boundaries without
// losing a mark, and marks the matches.
func makeSnippet(text string, start, end int, marks []mark) Snippet {
	end = min(end, len(text))
	first, last := end, start
	for _, mk := range marks {
		first, last = min(first, mk.start), max(last, mk.end)
	}
	start = wordStart(text, start, first)
	end = wordEnd(text, end, last)
	s := Snippet{Start: start, End: end, Text: text[start:end], Marks: [][2]int{}}
	var h strings.Builder
	at := start
	for _, mk := range marks {
		if mk.start < at || mk.end > end {
			continue
		}
		h.WriteString(html.EscapeString(text[at:mk.start]))
		h.WriteString("<mark>" + html.EscapeString(text[mk.start:mk.end]) + "</mark>")
		s.Marks = append(s.Marks, [2]int{mk.start - start, mk.end - start})
		at = mk.end
	}
	h.WriteString(html.EscapeString(text[at:end]))
	s.HTML = h.String()
	return s
}

// wordStart moves i forward past a partial word (not beyond limit), to a
// rune boundary.
func wordStart(text string, i, limit int) int {
	if i > 0 {
		for j := i; j < limit && j < i+20; j++ {
			if text[j] == ' ' || text[j] == '\n' {
				return j + 1
			}
		}
	}
	return runeStart(text, i)
}

// wordEnd moves i back before a partial word (not before limit), to a
// rune boundary.
func wordEnd(text string, i, limit int) int {
	if i < len(text) {
		for j := i; j > limit && j > i-20; j-- {
			if text[j-1] == ' ' || text[j-1] == '\n' {
				return j - 1
			}
		}
	}
	return runeStart(text, i)
}

// CitingPage is one page of the documents citing a reference.
type CitingPage struct {
	Total uint64     `json:"total"`
	Hits  []Citation `json:"hits"`
	Next  string     `json:"next"` // cursor of the next page, "" after the last
}

// Citation is a document citing a reference, with the matching references
// (their relations and mentions).
type Citation struct {
	Hit
	References []*extract.Reference `json:"references"`
	// Text is the document's text, which the mention spans point into
	// (read with the references: no Get needed for their context).
	Text string `json:"-"`
}

const maxCitingLimit = 1000

// Citing lists every document citing ref (see ParseRef) with the given
// relation (any when ""), oldest first, limit per page (default 100). Pass
// the Next of a page as cursor to get the following one.
func (x *Index) Citing(ctx context.Context, ref, relation, cursor string, limit int) (*CitingPage, error) {
	r, err := ParseRef(ref)
	if err != nil {
		return nil, err
	}
	key := r.key()
	if relation != "" {
		key = relation + "|" + key
	}
	if limit <= 0 {
		limit = maxLimit
	}
	limit = min(limit, maxCitingLimit)
	var after *match
	if cursor != "" {
		if after, err = decodeCursor(cursor); err != nil {
			return nil, err
		}
	}
	c, err := x.open()
	if err != nil {
		return nil, err
	}
	defer c.close()
	less := order("date")
	top := &best{n: limit + 1, less: less}
	total := 0
	err = c.each(ctx, x, constant(fieldCites, key, 1), false, func(mt match) {
		total++
		if after == nil || less(mt, *after) > 0 {
			top.add(mt)
		}
	})
	if err != nil {
		return nil, err
	}
	page := &CitingPage{Total: uint64(total), Hits: []Citation{}}
	hits := top.sorted()
	for i, mt := range hits {
		if i == limit {
			page.Next = encodeCursor(hits[i-1])
			break
		}
		st, err := c.stored(mt.id(), wantRefs)
		if err != nil {
			return nil, err
		}
		page.Hits = append(page.Hits, Citation{Hit: newHit(mt.id(), st.sum), References: matchingRefs(st.refs, key), Text: string(st.text)})
	}
	return page, nil
}

// matchingRefs returns the references of doc having the key.
func matchingRefs(refs []*extract.Reference, key string) []*extract.Reference {
	rel, k, ok := strings.Cut(key, "|")
	if !ok {
		rel, k = "", key
	}
	var out []*extract.Reference
	for _, r := range refs {
		if r != nil && slices.Contains(refKeys(r), k) && (rel == "" || slices.Contains(relations(r), rel)) {
			out = append(out, r)
		}
	}
	return out
}

// A cursor is the date key and id of the last document of a page.
func encodeCursor(m match) string {
	b, _ := json.Marshal([]string{strconv.FormatUint(uint64(m.date()), 10), m.id()})
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor returns a match that sorts like the cursor's document.
func decodeCursor(c string) (*match, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	var sort []string
	if err != nil || json.Unmarshal(b, &sort) != nil || len(sort) != 2 {
		return nil, ErrBadCursor
	}
	date, err := strconv.ParseUint(sort[0], 10, 32)
	if err != nil {
		return nil, ErrBadCursor
	}
	t := &segTable{ids: []string{sort[1]}, dates: []uint32{uint32(date)}}
	return &match{t: t}, nil
}

// RefCount is a cited document with the number of documents citing it.
type RefCount struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Symbol string `json:"symbol"`
	Date   string `json:"date"`
	Count  int    `json:"count"`
}

const maxReferences = 100000

// References lists the documents cited by the documents matching q (all
// documents when q is empty; same syntax as SearchRequest.Query), most
// cited first, at most limit (all when 0).
func (x *Index) References(ctx context.Context, q string, limit int) ([]RefCount, error) {
	if limit <= 0 || limit > maxReferences {
		limit = maxReferences
	}
	bq, m, err := x.query(SearchRequest{Query: q})
	if err != nil {
		return nil, err
	}
	var cited []FacetCount
	if m.needsText() {
		fc := facetCounter{}
		err = x.each(ctx, bq, m, func(_ string, doc *extract.Document) { fc.add(newSummary(doc)) })
		cited = fc.top(limit)["cited"]
	} else {
		cited, err = x.citedCounts(ctx, bq, limit)
	}
	if err != nil {
		return nil, err
	}
	out := []RefCount{}
	for _, f := range cited {
		rc := RefCount{ID: f.Term, Count: f.Count}
		if r, err := ParseRef(f.Term); err == nil {
			rc.Kind, rc.Symbol, rc.Date = r.Kind, r.Symbol, r.Date
		}
		out = append(out, rc)
	}
	slices.SortStableFunc(out, func(a, b RefCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, nil
}

// DeadlineHit is one deadline of a document.
type DeadlineHit struct {
	DocID    string            `json:"doc_id"`
	Symbol   string            `json:"symbol"`
	Title    string            `json:"title"`
	Issuer   string            `json:"issuer"`
	Deadline *extract.Deadline `json:"deadline"`
}

// Deadlines lists the deadlines overlapping from..to (ISO dates, either
// may be empty) whose responsible body has all the words of responsible
// (any when ""), in documents matching q (any when ""), by date.
func (x *Index) Deadlines(ctx context.Context, from, to, responsible, q string) ([]DeadlineHit, error) {
	if from != "" && !validDate(from) || to != "" && !validDate(to) {
		return nil, ErrBadDate
	}
	bq, m, err := x.query(SearchRequest{Query: q})
	if err != nil {
		return nil, err
	}
	filters := []query.Query{x.deadlineFilter(from, to)}
	if responsible != "" {
		filters = append(filters, x.allTerms(fieldResp, responsible))
	}
	bq.(*query.BooleanQuery).AddFilter(bleve.NewConjunctionQuery(filters...))
	want := x.foldedWords(responsible)
	out := []DeadlineHit{}
	err = x.each(ctx, bq, m, func(id string, doc *extract.Document) {
		for _, dl := range doc.Deadlines {
			if dl != nil && overlaps(dl, from, to) && x.hasWords(string(dl.Responsible), want) {
				out = append(out, DeadlineHit{id, string(doc.Symbol), string(doc.Title), string(doc.Issuer), dl})
			}
		}
	})
	slices.SortStableFunc(out, func(a, b DeadlineHit) int {
		return cmpStrings(a.Deadline.Start, b.Deadline.Start, a.Deadline.End, b.Deadline.End, a.DocID, b.DocID)
	})
	return out, err
}

func cmpStrings(pairs ...string) int {
	for i := 0; i+1 < len(pairs); i += 2 {
		if c := strings.Compare(pairs[i], pairs[i+1]); c != 0 {
			return c
		}
	}
	return 0
}

// deadlineFilter matches documents with a deadline in a month of from..to.
func (x *Index) deadlineFilter(from, to string) query.Query {
	lo, hi := "0000", "9999"
	if from != "" {
		lo = from[:min(7, len(from))]
	}
	if to != "" {
		hi = to[:min(7, len(to))] + "~"
	}
	yes := true
	months := bleve.NewTermRangeInclusiveQuery(lo, hi, &yes, &yes)
	months.SetField(fieldDeadline)
	return bleve.NewDisjunctionQuery(months, term(fieldDeadline, "long"))
}

// overlaps reports whether a deadline overlaps from..to.
func overlaps(dl *extract.Deadline, from, to string) bool {
	end := dl.End
	if end == "" {
		end = dl.Start
	}
	return (from == "" || end+"~" >= from) && (to == "" || dl.Start <= to+"~")
}

func (x *Index) foldedWords(s string) []string {
	var out []string
	for _, t := range x.an.folded.Analyze([]byte(s)) {
		out = append(out, string(t.Term))
	}
	return out
}

// hasWords reports whether s has every one of the folded words.
func (x *Index) hasWords(s string, words []string) bool {
	if len(words) == 0 {
		return true
	}
	have := x.foldedWords(s)
	for _, w := range words {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

const eachPage = 500

// each calls fn for every document matching q whose text has the phrases
// of m, in id order.
func (x *Index) each(ctx context.Context, q query.Query, m *matcher, fn func(id string, doc *extract.Document)) error {
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, eachPage, 0, false)
		req.Fields = []string{fieldSrc}
		req.SortBy([]string{"_id"})
		req.SearchAfter = after
		res, err := x.search(ctx, req)
		if err != nil {
			return err
		}
		var sc textScanner
		for _, h := range res.Hits {
			doc, text, err := hitDoc(h.Fields, m.needsText())
			if err != nil {
				return err
			}
			if !m.needsText() || sc.hasPhrases(m, []byte(text)) {
				fn(h.ID, doc)
			}
		}
		if len(res.Hits) < eachPage {
			return nil
		}
		after = res.Hits[len(res.Hits)-1].Sort
	}
}
