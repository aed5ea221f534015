package index

import (
	"slices"
	"strings"

	"vanban/extract"
)

// textScanner folds the tokens of a text as the folded analyzer does
// (same tokenizer, same folding, empty terms dropped) without building a
// token stream, into buffers reused from one text to the next. Checking
// phrases and marking matches on a stored text costs one pass and no
// allocation per token.
type textScanner struct {
	buf    []byte
	ends   []int // end of each folded term in buf
	starts []int // start of each token in the text
	tends  []int // end of each token in the text
}

// scan calls fn after each token, until fn returns false.
func (sc *textScanner) scan(text []byte, fn func() bool) {
	sc.buf, sc.ends, sc.starts, sc.tends = sc.buf[:0], sc.ends[:0], sc.starts[:0], sc.tends[:0]
	for i := 0; i < len(text); {
		r, n := decodeRune(text, i)
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		end, term, _ := scanToken(text, i)
		i = end
		prev := sc.prevEnd()
		if plain(term) {
			sc.buf = append(sc.buf, term...)
		} else {
			sc.buf = extract.AppendFold(sc.buf, term)
		}
		if len(sc.buf) == prev {
			continue // folded to nothing: dropped
		}
		sc.ends, sc.starts, sc.tends = append(sc.ends, len(sc.buf)), append(sc.starts, start), append(sc.tends, end)
		if !fn() {
			return
		}
	}
}

func (sc *textScanner) prevEnd() int {
	if len(sc.ends) == 0 {
		return 0
	}
	return sc.ends[len(sc.ends)-1]
}

// term returns the j-th folded term.
func (sc *textScanner) term(j int) []byte {
	start := 0
	if j > 0 {
		start = sc.ends[j-1]
	}
	return sc.buf[start:sc.ends[j]]
}

// endsWith reports whether the last terms are p.
func (sc *textScanner) endsWith(p []string) bool {
	n := len(sc.ends)
	if n < len(p) {
		return false
	}
	for k, w := range p {
		if string(sc.term(n-len(p)+k)) != w {
			return false
		}
	}
	return true
}

// hasPhrases reports whether text has every phrase of m.
func (sc *textScanner) hasPhrases(m *matcher, text []byte) bool {
	found := make([]bool, len(m.phrases))
	left := len(m.phrases)
	sc.scan(text, func() bool {
		for k, p := range m.phrases {
			if !found[k] && sc.endsWith(p) {
				found[k] = true
				left--
			}
		}
		return left > 0
	})
	return left == 0
}

// marks returns the matches of m's terms and phrases in text, by start.
func (sc *textScanner) marks(m *matcher, text []byte) []mark {
	var out []mark
	sc.scan(text, func() bool {
		n := len(sc.ends)
		if t := sc.term(n - 1); m.terms[string(t)] || len(m.numbers) > 0 && m.symbolMatch(t) {
			out = append(out, mark{sc.starts[n-1], sc.tends[n-1], string(t)})
		}
		for _, p := range m.phrases {
			if sc.endsWith(p) {
				out = append(out, mark{sc.starts[n-len(p)], sc.tends[n-1], strings.Join(p, " ")})
			}
		}
		return true
	})
	slices.SortStableFunc(out, func(a, b mark) int { return a.start - b.start })
	return out
}

// phrasesIn reports whether every phrase of m has a mark starting in the
// allowed segments (all of the text when nil).
func (m *matcher) phrasesIn(marks []mark, allowed []segment) bool {
	for _, p := range m.phrases {
		want := strings.Join(p, " ")
		if !slices.ContainsFunc(marks, func(mk mark) bool {
			return mk.term == want && (allowed == nil || inSegments(allowed, mk.start))
		}) {
			return false
		}
	}
	return true
}
