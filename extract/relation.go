package extract

import "strings"

// How a document relates to one it cites is read from the words before
// each mention, within its sentence: "Căn cứ" (basis), "Thực hiện"
// (implements), "sơ kết/tổng kết N năm thực hiện" (reviews), "tiếp tục
// thực hiện" (continues), "thay thế" (replaces), "sửa đổi, bổ sung"
// (amends), "ban hành kèm theo" (attached_to). A mention listed after
// another ("A và B", "A; B") shares its relation; a mention inside the
// subject of another ("A về việc thực hiện B") only cites.

type trigger struct {
	pat   string
	rel   string
	reach int // how far (bytes) before the mention the trigger may stand
}

var triggers = []trigger{
	{"can cu", RelBasis, 120},
	{"thay the", RelReplaces, 80},
	{"bai bo", RelReplaces, 80},
	{"sua doi", RelAmends, 80},
	{"kem theo", RelAttachedTo, 60},
	{"so ket", RelReviews, 70},
	{"tong ket", RelReviews, 70},
	{"danh gia ket qua thuc hien", RelReviews, 40},
	{"tiep tuc", RelContinues, 60},
	{"thuc hien", RelImplements, 60},
	{"trien khai", RelImplements, 60},
	{"cu the hoa", RelImplements, 40},
}

// triggerWords are the first words of the triggers.
var triggerWords = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range triggers {
		w, _, _ := strings.Cut(t.pat, " ")
		m[w] = true
	}
	return m
}()

// computeRelations sets the relation of every mention.
func computeRelations(text string, ts tokens, ms []*mention) {
	var prev *mention
	for _, m := range ms {
		if prev != nil && !sameSentence(text, prev.tailEnd, m.start) {
			prev = nil
		}
		from := sentenceStart(text, m.start)
		if prev != nil {
			from = prev.tailEnd
		}
		if from > m.start {
			from = m.start
		}
		m.rel = relationFor(text, ts, from, m.start, prev)
		prev = m
	}
}

// relationFor decides the relation of a mention from the gap before it
// (back to the previous mention of the sentence, or its start).
func relationFor(text string, ts tokens, from, to int, prev *mention) string {
	gap := text[from:to]
	seg := gap
	listed := false
	if i := strings.LastIndexByte(gap, ';'); i >= 0 {
		seg = gap[i+1:]
		from += i + 1
		listed = true
	}
	rel, at := lastTrigger(text, ts, from, to)
	at -= from
	if prev == nil {
		if rel == "" {
			return RelCites
		}
		return rel
	}
	if rel != "" {
		if !listed && inSubject(seg[:at]) {
			return RelCites // inside the subject of the previous mention
		}
		return rel
	}
	if isCoordination(seg) && !closesParen(seg) {
		return prev.rel
	}
	return RelCites
}

// lastTrigger finds the trigger that governs the end of gap. Reviews and
// continues win over a nearer "thực hiện" that they govern.
func lastTrigger(text string, ts tokens, from, to int) (string, int) {
	best, bestAt := "", -1
	var review, cont = -1, -1
	gap := text[:to]
	ts.scan(from, to, roleTrigger, func(i int) int {
		for _, t := range triggers {
			e, ok := matchFold(gap, i, t.pat)
			if !ok || len(gap)-e > t.reach {
				continue
			}
			switch t.rel {
			case RelReviews:
				review = i
			case RelContinues:
				cont = i
			}
			if i > bestAt {
				best, bestAt = t.rel, i
			}
			break
		}
		return i + 1
	})
	if review >= 0 && !hasClauseBreak(gap[review:]) {
		return RelReviews, review
	}
	if cont >= 0 && !hasClauseBreak(gap[cont:]) {
		return RelContinues, cont
	}
	return best, bestAt
}

func hasClauseBreak(s string) bool {
	return strings.ContainsAny(s, ";:")
}

// inSubject reports whether text after a mention enters its subject
// ("… về việc …") and has not left it by a new conjunct (" và ").
func inSubject(s string) bool {
	last := -1
	for i := 0; i < len(s); i++ {
		if atWordStart(s, i) {
			if _, ok := matchFold(s, i, "ve"); ok {
				last = i
			}
		}
	}
	return last >= 0 && !strings.Contains(s[last:], " và ")
}

// closesParen: the gap leaves a parenthesis the previous mention was in.
func closesParen(s string) bool {
	return strings.Count(s, ")") > strings.Count(s, "(")
}

// containsWord reports whether the folded word w occurs in s.
func containsWord(s, w string) bool {
	for i := 0; i < len(s); i++ {
		if atWordStart(s, i) {
			if _, ok := matchFold(s, i, w); ok {
				return true
			}
		}
	}
	return false
}

// isCoordination reports whether a gap only joins two list items:
// punctuation, "và", "và các", "hoặc", "cùng".
func isCoordination(s string) bool {
	f := strings.TrimSpace(strings.Trim(foldString(s), " ,;)(“”\""))
	switch f {
	case "", "va", "va cac", "hoac", "cung", "va cua", ",", "cung voi":
		return true
	}
	return false
}

// sameSentence reports whether nothing between a and b ends a sentence.
func sameSentence(text string, a, b int) bool {
	if a > b {
		return true
	}
	seg := text[a:b]
	if strings.IndexByte(seg, '\n') >= 0 {
		return false
	}
	return !hasSentenceEnd(seg)
}

func hasSentenceEnd(seg string) bool {
	for i := 0; i+1 < len(seg); i++ {
		if (seg[i] == '.' || seg[i] == '!' || seg[i] == '?') && seg[i+1] == ' ' {
			return true
		}
	}
	return false
}

// sentenceStart returns where the sentence containing pos starts.
func sentenceStart(text string, pos int) int {
	for i := pos - 1; i >= 0; i-- {
		c := text[i]
		if c == '\n' {
			return i + 1
		}
		if (c == '.' || c == '!' || c == '?') && i+1 < len(text) && text[i+1] == ' ' && i+1 < pos {
			return i + 2
		}
	}
	return 0
}
