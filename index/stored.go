package index

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"

	bindex "github.com/blevesearch/bleve_index_api"
	"github.com/klauspost/compress/s2"

	"vanban/extract"
)

// maxStored bounds the decoded size of a stored value.
const maxStored = 1 << 30

// encodeSrc packs a document in one stored value, S2-compressed (better
// mode), as four length-prefixed parts (uvarint length, bytes): the hit
// summary (see summary), the text, the JSON of the references and the
// JSON of the rest of the extraction. The JSON comes last so that it
// compresses against the text it repeats. Against zstd's fastest level,
// S2 makes the values about 15% larger but encodes about 2.7 times and
// decodes about 6 times as fast (ingest encodes every document; hits
// decode the text of every page hit).
func encodeSrc(sum, text, refs, rest []byte) []byte {
	raw := make([]byte, 0, len(sum)+len(text)+len(refs)+len(rest)+4*binary.MaxVarintLen64)
	for _, p := range [][]byte{sum, text, refs, rest} {
		raw = binary.AppendUvarint(raw, uint64(len(p)))
		raw = append(raw, p...)
	}
	return s2.EncodeBetter(make([]byte, s2.MaxEncodedLen(len(raw))), raw)
}

// Parts of a stored value, in order.
const (
	partSum = iota
	partText
	partRefs
	partRest
	numParts
)

// srcParts decodes the first n parts of a stored value.
func srcParts(src []byte, n int) ([][]byte, error) {
	size, err := s2.DecodedLen(src)
	if err == nil && size > maxStored {
		err = fmt.Errorf("decoded size %d over %d", size, maxStored)
	}
	var raw []byte
	if err == nil {
		raw, err = s2.Decode(nil, src)
	}
	if err != nil {
		return nil, fmt.Errorf("index: stored document: %w", err)
	}
	parts := make([][]byte, n)
	for i := range parts {
		l, k := binary.Uvarint(raw)
		if k <= 0 || l > uint64(len(raw)-k) {
			return nil, fmt.Errorf("index: stored document: bad header")
		}
		parts[i], raw = raw[k:k+int(l):k+int(l)], raw[k+int(l):]
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
// that hits never decode the extraction: with the segments of searchable
// section kinds, which a search limited to a section needs.
type summary struct {
	kind, symbol, title, issuer, date string
	cited                             []string  // reference ids, deduplicated
	segs                              []segment // of the searchable kinds
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

// withSegments adds the segments of the searchable kinds of text.
func (s summary) withSegments(segs []segment) summary {
	for _, sg := range segs {
		if slices.Contains(searchableKinds, sg.kind) {
			s.segs = append(s.segs, sg)
		}
	}
	return s
}

// encode writes the summary as uvarint-prefixed strings: the five
// fields, the segments (see encodeSegments), then the cited ids.
func (s summary) encode() []byte {
	var b []byte
	vals := append([]string{s.kind, s.symbol, s.title, s.issuer, s.date, encodeSegments(s.segs)}, s.cited...)
	for _, v := range vals {
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
	if len(vals) < 6 {
		return summary{}, fmt.Errorf("index: stored summary: too short")
	}
	segs, err := decodeSegments(vals[5])
	if err != nil {
		return summary{}, err
	}
	return summary{vals[0], vals[1], vals[2], vals[3], vals[4], vals[6:], segs}, nil
}

// encodeSegments writes segments as uvarint triples: the index of the
// kind in sectionKinds, the start and the length.
func encodeSegments(segs []segment) string {
	var b []byte
	for _, s := range segs {
		b = binary.AppendUvarint(b, uint64(slices.Index(sectionKinds, s.kind)))
		b = binary.AppendUvarint(b, uint64(s.start))
		b = binary.AppendUvarint(b, uint64(s.end-s.start))
	}
	return string(b)
}

func decodeSegments(v string) ([]segment, error) {
	var out []segment
	b := []byte(v)
	for len(b) > 0 {
		var x [3]uint64
		for i := range x {
			n := 0
			if x[i], n = binary.Uvarint(b); n <= 0 {
				return nil, fmt.Errorf("index: stored segments: bad value")
			}
			b = b[n:]
		}
		if x[0] >= uint64(len(sectionKinds)) || x[1] > maxStored || x[2] > maxStored {
			return nil, fmt.Errorf("index: stored segments: out of range")
		}
		out = append(out, segment{sectionKinds[x[0]], int(x[1]), int(x[1] + x[2])})
	}
	return out, nil
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
