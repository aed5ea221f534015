package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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

// scan calls fn after each token, until fn returns false. With a first
// set, a token whose first letter folds to a byte not in it is not folded:
// its term is skippedTerm, which matches nothing.
func (sc *textScanner) scan(text []byte, first *[256]bool, fn func() bool) {
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
		if f := foldFirst(r); first != nil && f != 0 && !first[f] {
			sc.buf = append(sc.buf, skippedTerm)
		} else if plain(term) {
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

// skippedTerm is the term of a token scan did not fold.
const skippedTerm = 0

// foldTable maps the runes of Latin letters below foldTableSize to the
// first byte of their folded form (0 for other runes).
var foldTable = func() []byte {
	t := make([]byte, foldTableSize)
	for r := rune(0); r < foldTableSize; r++ {
		if !unicode.IsLetter(r) {
			continue
		}
		if f := extract.AppendFold(nil, utf8.AppendRune(nil, r)); len(f) > 0 && 'a' <= f[0] && f[0] <= 'z' {
			t[r] = f[0]
		}
	}
	return t
}()

const foldTableSize = 0x1F00

// foldFirst returns the first byte of the folded form of a token starting
// with r, or 0 when unknown (r is not a Latin letter).
func foldFirst(r rune) byte {
	if r < foldTableSize {
		return foldTable[r]
	}
	return 0
}

// firstSet returns the set of first bytes of m's folded words, computed
// once (tokens starting with a digit, such as symbols, are always folded).
func (m *matcher) firstSet() *[256]bool {
	m.firstOnce.Do(func() {
		var set [256]bool
		for w := range m.terms {
			set[w[0]] = true
		}
		for _, p := range m.phrases {
			for _, w := range p {
				set[w[0]] = true
			}
		}
		m.first = &set
	})
	return m.first
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
	sc.scan(text, m.firstSet(), func() bool {
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
	return sc.marksUntil(m, text, nil)
}

// snippetMarks returns the marks snippetsOf needs to pick the windows of
// text (in the allowed segments unless nil): the scan stops once
// maxSnippets windows holding every term of m are complete, since no
// later window can rank above them (pickWindows).
func (sc *textScanner) snippetMarks(m *matcher, text []byte, allowed []segment) []mark {
	full := m.distinct()
	return sc.marksUntil(m, text, func(marks []mark, from int) bool {
		return fullWindows(marks, allowed, full, from) >= maxSnippets
	})
}

// snippetCheckEvery is how far, in bytes, the scan of snippetMarks goes between
// two checks of its windows.
const snippetCheckEvery = 512

// marksUntil returns the marks of m in text, by start. When done is not
// nil, it is called every snippetCheckEvery bytes with the marks so far (sorted)
// and the start of the earliest mark still to come; the scan stops when
// it returns true.
func (sc *textScanner) marksUntil(m *matcher, text []byte, done func([]mark, int) bool) []mark {
	var out []mark
	next := snippetCheckEvery
	sc.scan(text, m.firstSet(), func() bool {
		n := len(sc.ends)
		if t := sc.term(n - 1); len(t) != 1 || t[0] != skippedTerm {
			out = sc.appendMarks(out, m, t)
		}
		if done == nil || sc.tends[n-1] < next {
			return true
		}
		next = sc.tends[n-1] + snippetCheckEvery
		sortMarks(out)
		// A later mark is a term after this token, or a phrase ending after
		// it and so starting at the earliest longest-1 tokens back.
		from := sc.tends[n-1]
		if l := m.longest(); l > 1 {
			from = sc.starts[max(0, n-l+1)]
		}
		return !done(out, from)
	})
	sortMarks(out)
	return out
}

// appendMarks appends the marks ending at the last token, whose term is t.
func (sc *textScanner) appendMarks(out []mark, m *matcher, t []byte) []mark {
	n := len(sc.ends)
	if m.terms[string(t)] {
		out = append(out, mark{sc.starts[n-1], sc.tends[n-1], m.markTerm(string(t))})
	} else if key := m.symbolKey(t); key != "" {
		out = append(out, mark{sc.starts[n-1], sc.tends[n-1], numberMark + key})
	}
	for _, p := range m.phrases {
		if sc.endsWith(p) {
			out = append(out, mark{sc.starts[n-len(p)], sc.tends[n-1], strings.Join(p, " ")})
		}
	}
	return out
}

// sortMarks sorts marks by start, keeping the order of equal starts.
func sortMarks(marks []mark) {
	slices.SortStableFunc(marks, func(a, b mark) int { return a.start - b.start })
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

// numberMark prefixes the term of a mark of a symbol matched by its code
// and number ("#kl 62"): all written forms of it count as one term.
const numberMark = "#"

// markTerm is the term of a mark of a word: a number word with a
// code-number key counts as its symbols do (numberMark+key).
func (m *matcher) markTerm(word string) string {
	if k := m.numberOf[word]; k != "" {
		return numberMark + k
	}
	return word
}

// distinct is the number of distinct terms the marks of m can have: a
// window with that many is full.
func (m *matcher) distinct() int {
	seen := map[string]bool{}
	for w := range m.terms {
		seen[m.markTerm(w)] = true
	}
	for k := range m.numbers {
		seen[numberMark+k] = true
	}
	for _, p := range m.phrases {
		seen[strings.Join(p, " ")] = true
	}
	return len(seen)
}

// longest is the number of words of the longest phrase of m (1 without
// phrases).
func (m *matcher) longest() int {
	l := 1
	for _, p := range m.phrases {
		l = max(l, len(p))
	}
	return l
}

// fullWindows counts the windows of pickWindows that hold full distinct
// terms and end before from, among the marks in allowed (all when nil).
func fullWindows(marks []mark, allowed []segment, full, from int) int {
	if allowed != nil {
		marks = slices.DeleteFunc(slices.Clone(marks), func(mk mark) bool { return !inSegments(allowed, mk.start) })
	}
	count := 0
	for i := 0; i < len(marks); {
		end, j := windowOf(marks, i)
		if end > from {
			break
		}
		if distinctTerms(marks[i:j]) >= full {
			count++
		}
		i = j
	}
	return count
}
