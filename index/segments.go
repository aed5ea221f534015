package index

import (
	"slices"

	"vanban/extract"
)

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
