package extract

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// checkInvariants verifies the package contracts on one input.
func checkInvariants(t *testing.T, raw []byte) {
	t.Helper()
	doc, text, err := Extract(raw)
	if err != nil {
		return
	}
	if !utf8.ValidString(text) {
		t.Fatalf("normalised text is not valid UTF-8")
	}
	for _, sp := range spansOf(doc) {
		if sp[0] < 0 || sp[1] < sp[0] || sp[1] > len(text) {
			t.Fatalf("span %v out of bounds (text %d bytes)", sp, len(text))
		}
		if !utf8.RuneStart(byteAt(text, sp[0])) || !utf8.RuneStart(byteAt(text, sp[1])) {
			t.Fatalf("span %v not on rune boundaries", sp)
		}
	}
	doc2, text2, err := Extract([]byte(text))
	if err != nil {
		t.Fatalf("re-extracting normalised text: %v", err)
	}
	if text2 != text {
		t.Fatalf("Normalize is not idempotent")
	}
	a, _ := json.Marshal(withoutDiags(doc))
	b, _ := json.Marshal(withoutDiags(doc2))
	if !bytes.Equal(a, b) {
		t.Fatalf("extracting the normalised text gives another document")
	}
}

func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 0 // end of text is a boundary
	}
	return s[i]
}

func withoutDiags(d *Document) *Document {
	c := *d
	c.Diagnostics = nil
	return &c
}

// spansOf collects every span of a document.
func spansOf(d *Document) []Span {
	var out []Span
	var secs func([]*Section)
	secs = func(ss []*Section) {
		for _, s := range ss {
			out = append(out, s.Span)
			secs(s.Children)
		}
	}
	secs(d.Sections)
	for _, a := range d.Attachments {
		out = append(out, a.Span)
		secs(a.Sections)
	}
	for _, r := range d.References {
		for _, m := range r.Mentions {
			out = append(out, m.Span)
		}
	}
	for _, dl := range d.Deadlines {
		out = append(out, dl.Span)
	}
	for _, r := range d.RelativeDeadlines {
		out = append(out, r.Span)
	}
	for _, g := range d.Diagnostics {
		out = append(out, g.Span)
	}
	return out
}
