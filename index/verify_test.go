package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2/analysis"

	"vanban/extract"
)

// The text scanner agrees with the folded analyzer: same phrases found,
// same marks.
func TestPhraseVerifierMatchesAnalyzer(t *testing.T) {
	x := openTest(t)
	texts := []string{
		"Công tác dân vận của Đảng",
		"CÔNG TÁC DÂN VẬN trong tình hình mới",
		"công tác, dân vận",
		"Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 về công tác dân vận",
		"theo 09-nq/tw và 58KH/TU",
		"cong tac dan van",
		"dân\u0300 vận công tác",
		"",
		"\u0300 công \u0301 tác dân vận",
		"công tác dân vận công tác dân vận 25-NQ/TW ngày",
	}
	queries := []string{`"công tác dân vận"`, `"25-NQ/TW ngày"`, `"9-nq/tw và"`, `"58-KH/TU"`, `"tác dân" "dân vận"`, `"công tác, dân"`,
		`dân "công tác" nghị quyết 25`, `cong tac`, `"dân vận" dân`}
	for _, q := range queries {
		_, m, err := x.query(SearchRequest{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		var sc textScanner
		for _, text := range texts {
			toks := x.an.folded.Analyze([]byte(text))
			want := m.verify(toks, nil)
			if got := sc.hasPhrases(m, []byte(text)); got != want {
				t.Errorf("%s in %q: got %v, want %v", q, text, got, want)
			}
			// The marks are those of the analyzer's tokens.
			wantMarks, gotMarks := m.find(toks), sc.marks(m, []byte(text))
			byRange := func(a, b mark) int { return cmp.Or(a.start-b.start, a.end-b.end, strings.Compare(a.term, b.term)) }
			slices.SortFunc(wantMarks, byRange)
			slices.SortFunc(gotMarks, byRange)
			if !reflect.DeepEqual(gotMarks, wantMarks) {
				t.Errorf("%s in %q: marks %v, want %v", q, text, gotMarks, wantMarks)
			}
			if got := m.phrasesIn(gotMarks, nil); got != want {
				t.Errorf("%s in %q: phrasesIn %v, want %v", q, text, got, want)
			}
		}
	}
}

// The summary and the parts of a stored value round-trip.
func TestStoredParts(t *testing.T) {
	segs := []segment{{extract.SectionPurpose, 10, 200}, {extract.SectionOther, 200, 300}, {extract.SectionOrganization, 300, 70000}}
	s := summary{"Kế hoạch", "58-KH/TU", "Tiêu đề", "Tỉnh ủy", "2023-01-02", []string{"a", "b"}, nil}.withSegments(segs)
	got, err := decodeSummary(s.encode())
	if err != nil || got.kind != s.kind || got.date != s.date || len(got.cited) != 2 || got.cited[1] != "b" {
		t.Fatalf("%+v %v", got, err)
	}
	if want := []segment{segs[0], segs[2]}; !reflect.DeepEqual(got.segs, want) {
		t.Errorf("segments %v, want %v", got.segs, want)
	}
	src := encodeSrc(s.encode(), []byte("text"), []byte("null"), []byte(`{"kind":"Kế hoạch"}`))
	st, err := decodeStored(src, wantText)
	if err != nil || string(st.text) != "text" || st.doc != nil {
		t.Fatalf("%+v %v", st, err)
	}
	st, err = decodeStored(src, wantDoc)
	if err != nil || st.doc == nil || string(st.doc.Kind) != "Kế hoạch" {
		t.Fatalf("%+v %v", st, err)
	}
}

// Past minVerify candidates, checking stops once the page is filled: the
// page is the same as with every candidate checked, the total estimated.
func TestSearchPhraseStopsEarly(t *testing.T) {
	x := openTest(t)
	put(t, x, corpusSmall()...)
	full := search(t, x, SearchRequest{Query: `"dân vận"`, Sort: "date", Limit: 1})
	defer func(n int) { minVerify = n }(minVerify)
	minVerify = 1
	res := search(t, x, SearchRequest{Query: `"dân vận"`, Sort: "date", Limit: 1})
	if full.Approximate || full.Total != 4 {
		t.Fatalf("full: total %d approximate %v", full.Total, full.Approximate)
	}
	if !reflect.DeepEqual(hitIDs(res), hitIDs(full)) {
		t.Errorf("hits %v, want %v", hitIDs(res), hitIDs(full))
	}
	// 1 + verifyMargin matches needed, 4 candidates: all checked, exact.
	if res.Approximate || res.Total != 4 {
		t.Errorf("total %d approximate %v", res.Total, res.Approximate)
	}
	defer func(n int) { verifyMargin = n }(verifyMargin)
	verifyMargin = 0
	res = search(t, x, SearchRequest{Query: `"dân vận"`, Sort: "date", Limit: 1})
	if !reflect.DeepEqual(hitIDs(res), hitIDs(full)) {
		t.Errorf("hits %v, want %v", hitIDs(res), hitIDs(full))
	}
	// One candidate checked of four, all matching: estimated, flagged.
	if !res.Approximate || res.Total != 4 {
		t.Errorf("stopped early: total %d approximate %v", res.Total, res.Approximate)
	}
}

// Citing carries each document's text, which Text also returns, for the
// mention contexts.
func TestCitingText(t *testing.T) {
	x := openTest(t)
	put(t, x, corpusSmall()...)
	page, err := x.Citing(context.Background(), "25-NQ/TW", "", "", 10)
	if err != nil || len(page.Hits) == 0 {
		t.Fatalf("%v %v", page, err)
	}
	for _, h := range page.Hits {
		_, text, err := x.Get(h.ID)
		if err != nil || h.Text != text {
			t.Fatalf("%s: text differs (%v)", h.ID, err)
		}
		if got, err := x.Text(h.ID); err != nil || got != text {
			t.Fatalf("Text(%s): %v", h.ID, err)
		}
		for _, r := range h.References {
			for _, m := range r.Mentions {
				if m.Span[1] > len(text) || text[m.Span[0]:m.Span[1]] == "" {
					t.Errorf("%s: mention %v outside the text", h.ID, m.Span)
				}
			}
		}
	}
	if _, err := x.Text("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Text(missing): %v", err)
	}
}

// When fewer candidates than the page needs pass the phrase check, the
// candidates are collected again, more of them, until the page is found.
func TestSearchPhraseCollectsMore(t *testing.T) {
	x := openTest(t)
	var items []Item
	for i := range 12 {
		words := "alpha gamma beta" // both words, not the phrase
		if i < 2 {
			words = "alpha beta" // the phrase, in the two oldest
		}
		date := fmt.Sprintf("20%02d-01-01", 10+i)
		items = append(items, newDoc("Kế hoạch", fmt.Sprintf("%d-KH/TU", i+1), "Tỉnh ủy", date, "kế hoạch").para(fmt.Sprintf("%s (%d)", words, i)).item())
	}
	ids := put(t, x, items...)
	defer func(a, b int) { minVerify, verifyMargin = a, b }(minVerify, verifyMargin)
	minVerify, verifyMargin = 1, 0
	res := search(t, x, SearchRequest{Query: `"alpha beta"`, Sort: "-date", Limit: 1})
	if len(res.Hits) != 1 || res.Hits[0].ID != ids[1] {
		t.Fatalf("hits %v, want [%s]", hitIDs(res), ids[1])
	}
	res = search(t, x, SearchRequest{Query: `"alpha beta"`, Sort: "-date", Limit: 5})
	if !reflect.DeepEqual(hitIDs(res), []string{ids[1], ids[0]}) || res.Total != 2 || res.Approximate {
		t.Errorf("hits %v total %d approximate %v, want both, exact", hitIDs(res), res.Total, res.Approximate)
	}
}

// The reference the text scanner is checked against: matching on the
// folded analyzer's token stream.

// find returns the marks of the terms and phrases in a folded token stream.
func (m *matcher) find(ts analysis.TokenStream) []mark {
	var out []mark
	for i, t := range ts {
		if m.terms[string(t.Term)] {
			out = append(out, mark{t.Start, t.End, m.markTerm(string(t.Term))})
		} else if key := m.symbolKey(t.Term); key != "" {
			out = append(out, mark{t.Start, t.End, numberMark + key})
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

// Stopping the scan once the best windows are complete gives the
// snippets of a full scan, on every corpus text, with and without a
// section restriction.
func TestSnippetMarksStopEarly(t *testing.T) {
	x := openTest(t)
	files, _ := filepath.Glob("../corpus/*.txt")
	more, _ := filepath.Glob("../testdata/*.txt")
	queries := []string{"dân vận", "cong tac", `"công tác dân vận"`, "đảng ủy ban", "kế hoạch thực hiện",
		"nghi quyet 25", "kết luận", `"tổ chức thực hiện" báo cáo`, "xyzzy dân"}
	stopped := 0
	for _, f := range append(files, more...) {
		raw, _ := os.ReadFile(f)
		doc, text, err := extract.Extract(raw)
		if err != nil {
			continue
		}
		for _, q := range queries {
			_, m, err := x.query(SearchRequest{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			for _, section := range []string{"", extract.SectionOrganization} {
				allowed := sectionSegments(newSummary(doc).withSegments(segments(doc, text)), section)
				var sc textScanner
				all := sc.marks(m, []byte(text))
				some := sc.snippetMarks(m, []byte(text), allowed)
				if len(some) < len(all) {
					stopped++
				}
				want, got := snippetsOf(text, all, allowed), snippetsOf(text, some, allowed)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s, %q in %q: snippets\n%v\nwant\n%v", filepath.Base(f), q, section, got, want)
				}
			}
		}
	}
	if stopped == 0 {
		t.Error("the scan never stopped early")
	}
}

// BenchmarkMarks finds the marks of a five-word query in every corpus
// and testdata text (a full scan: the snippets of a hit scan at most
// this).
func BenchmarkMarks(b *testing.B) {
	x := openTest(b)
	items, size := benchItems(b, 51)
	_, m, err := x.query(SearchRequest{Query: "quy che dan chu co so"})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	var sc textScanner
	for b.Loop() {
		for _, it := range items {
			sc.marks(m, []byte(it.Text))
		}
	}
}

// The first byte foldFirst predicts is the first byte of the folded
// analyzer's term, for every token of every corpus and testdata text that
// starts with a Latin letter.
func TestFoldFirst(t *testing.T) {
	x := openTest(t)
	files, _ := filepath.Glob("../corpus/*.txt")
	more, _ := filepath.Glob("../testdata/*.txt")
	checked := 0
	for _, f := range append(files, more...) {
		raw, _ := os.ReadFile(f)
		for _, tok := range x.an.folded.Analyze(raw) {
			r, _ := utf8.DecodeRune(raw[tok.Start:])
			if got := foldFirst(r); got != 0 {
				checked++
				if got != tok.Term[0] {
					t.Fatalf("%s: %q folds to %q, foldFirst says %q", f, raw[tok.Start:tok.End], tok.Term, got)
				}
			}
		}
	}
	if checked < 10000 {
		t.Errorf("only %d tokens checked", checked)
	}
}
