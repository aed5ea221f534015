package index

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	bindex "github.com/blevesearch/bleve_index_api"

	"vanban/extract"
)

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
