// Package index stores extracted documents in a bleve index and serves
// search over them. It is the only package that imports bleve.
//
// Contracts:
//
//   - A document's id is DocID(text): a stable hash of the normalised text
//     that Extract returns. The same text always gets the same id, and
//     putting it again replaces the stored document.
//   - The original text and the extraction (JSON of extract.Document) are
//     stored (S2) and served back unchanged by Get. They are stored with
//     a hit summary (kind, symbol, title, issuer, date, cited ids, the
//     spans of searchable section kinds) in front, so that hits, phrase
//     checks, section-limited searches and citing pages never decode the
//     whole extraction (see encodeSrc); Text reads the text alone.
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
//     collector (TestCollectionMatchesBleve). The matches of a search
//     are visited in parts of the snapshot on all CPUs and merged.
//   - Cited references are matched exactly on their own symbol and date
//     (see ParseRef): "43-KL/TW" never finds a document citing only
//     "43-CT/TW", and 25-NQ/TW@2008-… is not 25-NQ/TW@2013-06-03.
//   - Query text never causes a syntax error: unknown characters are
//     ignored and an unclosed quote runs to the end.
//
// An Index is safe for concurrent use.
package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/mapping"
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
const schemaVersion = "vanban-index-5"

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
	parallel(len(items), func(i, _ int) { docs[i], errs[i] = x.document(items[i].Doc, items[i].Text) })
	return docs, errors.Join(errs...)
}

// parallel calls fn(i, w) for every i in [0, n) on up to GOMAXPROCS
// goroutines; w (below GOMAXPROCS) tells which goroutine calls, so that
// each can have its own buffers.
func parallel(n int, fn func(i, w int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i, w)
			}
		})
	}
	wg.Wait()
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
