package index

import (
	"bytes"
	"html"
	"slices"
	"strings"
)

// Snippet sizes, in bytes.
const (
	snippetLen    = 240
	snippetBefore = 60
	maxSnippets   = 3
)

// sectionSegments returns the segments of a section kind in a summary
// (nil when kind is "": no restriction).
func sectionSegments(s summary, kind string) []segment {
	if kind == "" {
		return nil
	}
	out := []segment{}
	for _, sg := range s.segs {
		if sg.kind == kind {
			out = append(out, sg)
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

// symbolKey returns the code-number key ("kl 62") of a folded symbol
// token when m wants it, else "".
func (m *matcher) symbolKey(term []byte) string {
	if len(term) == 0 || !isDigit(term[0]) || !bytes.ContainsAny(term, "/") {
		return ""
	}
	_, sym, ok := scanSymbol(term, 0)
	if key := codeNumberKey(sym.code, sym.number); ok && m.numbers[key] {
		return key
	}
	return ""
}

// needsText reports whether matches must be checked against the text.
func (m *matcher) needsText() bool { return len(m.phrases) > 0 }

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
// the maxSnippets with the most distinct terms, the earliest first among
// equals (so a scan can stop after the first full ones: snippetMarks).
func pickWindows(text string, marks []mark) []Snippet {
	var ws []window
	for i := 0; i < len(marks); {
		end, j := windowOf(marks, i)
		w := window{start: max(0, marks[i].start-snippetBefore), end: min(len(text), end), marks: marks[i:j]}
		w.score = distinctTerms(w.marks)
		ws = append(ws, w)
		i = j
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

// windowOf returns the end of the window starting at marks[i] and the
// index of the first mark after it: the window runs snippetLen bytes from
// snippetBefore before the mark, and holds the marks ending in it (at
// least marks[i], however long).
func windowOf(marks []mark, i int) (end, j int) {
	end = max(0, marks[i].start-snippetBefore) + snippetLen
	j = i
	for j < len(marks) && marks[j].end <= end {
		j++
	}
	if j == i { // a mark longer than the window
		return marks[i].end, i + 1
	}
	return end, j
}

// distinctTerms counts the distinct terms of marks.
func distinctTerms(marks []mark) int {
	n := 0
	for k, mk := range marks {
		if !slices.ContainsFunc(marks[:k], func(o mark) bool { return o.term == mk.term }) {
			n++
		}
	}
	return n
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
