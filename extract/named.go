package extract

import (
	"strings"
)

// Some documents are cited by name, without a number: "Nghị quyết Đại
// hội XIII của Đảng", "Nghị quyết Trung ương 7 khóa X", "Đề án “Xây dựng
// hải đội dân quân …”", "Kế hoạch công tác năm 2023". Mentions of one
// name are grouped by a key that ignores the wording that varies ("lần
// thứ", "của Đảng", "Đảng toàn quốc").

// namedStops end a name that has no quotes.
var namedStops = []string{",", ";", ".", "(", ")", ":", "\n", " và ", " về ", " nhiệm kỳ", " đã ", " đề ra", " với ", " theo ", " trong ", " tại ", " để ", " nhằm ", " gắn ", " thì ", " của các", " được "}

// findNamed returns the documents cited by name, in order of first mention.
func findNamed(text string, ts tokens) []*NamedReference {
	return findNamedKinds(text, ts, &kindMatches{})
}

// findNamedKinds is findNamed with the kind names findMentionsKinds read.
func findNamedKinds(text string, ts tokens, kinds *kindMatches) []*NamedReference {
	var out []*NamedReference
	byKey := map[string]*NamedReference{}
	ts.scan(0, len(text), roleKind, func(i int) int {
		if !isUpperRune(firstRune(text[i:])) {
			return i + 1
		}
		k, e := kinds.get(text, i)
		if k == nil || k.law {
			return i + 1
		}
		end, ok := namedEnd(text, e)
		if !ok {
			return i + 1
		}
		name := strings.TrimSpace(text[i:end])
		key := namedKey(name)
		n := byKey[key]
		if n == nil {
			n = &NamedReference{Name: name}
			byKey[key] = n
			out = append(out, n)
		}
		n.Mentions = append(n.Mentions, Mention{Text: name, Span: Span{i, i + len(name)}, Relation: RelCites})
		return end
	})
	return out
}

// namedEnd reads the name after a kind: a quoted title, "Đại hội …",
// "Trung ương N khóa X" or "công tác năm YYYY".
func namedEnd(text string, e int) (int, bool) {
	j := skipSpaces(text, e)
	rest := text[j:]
	switch {
	case strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, "\""):
		q := "”"
		if rest[0] == '"' {
			q = "\""
		}
		k := strings.Index(rest[1:], q)
		if k < 0 || k > 300 || strings.ContainsRune(rest[:k+1], '\n') {
			return 0, false
		}
		return j + 1 + k + len(q), true
	case strings.HasPrefix(rest, "Đại hội") || strings.HasPrefix(rest, "Hội nghị Trung ương") || strings.HasPrefix(rest, "Trung ương"):
		return j + stopAt(rest, 160), true
	}
	if ce, ok := matchFold(text, j, "cong tac nam"); ok {
		if y, ye := readDigits(text, skipSpaces(text, ce)); y > 1900 && ye-skipSpaces(text, ce) == 4 {
			return ye, true
		}
	}
	return 0, false
}

// stopAt returns where a name without quotes ends in s.
func stopAt(s string, limit int) int {
	end := min(len(s), limit)
	for _, st := range namedStops {
		if i := strings.Index(s[:end], st); i >= 0 && i < end {
			end = i
		}
	}
	for end > 0 && !utfStart(s, end) {
		end--
	}
	end = nameWords(s, end)
	return len(strings.TrimRight(s[:end], " "))
}

// nameLower are the lower-case words a congress or plenum name contains.
var nameLower = map[string]bool{"lần": true, "thứ": true, "của": true, "bộ": true, "tỉnh": true, "huyện": true,
	"xã": true, "thành": true, "phố": true, "toàn": true, "quốc": true, "khóa": true, "khoá": true, "đại": true,
	"biểu": true, "cấp": true, "trung": true, "ương": true, "hội": true, "nghị": true, "quận": true, "phường": true, "lần thứ": true}

// nameWords cuts a name at its first lower-case word that is not part of
// such names ("Nghị quyết Đại hội XIII của Đảng đáp ứng …").
func nameWords(s string, end int) int {
	for i := 0; i < end; {
		j := i
		for j < end && s[j] != ' ' {
			j++
		}
		w := s[i:j]
		if w != "" && isLowerRune(firstRune(w)) && !nameLower[w] && !isRoman(w) {
			return i
		}
		i = j + 1
	}
	return end
}

func utfStart(s string, i int) bool { return i >= len(s) || s[i] < 0x80 || s[i] >= 0xC0 }

// namedKey groups the ways one name is written.
func namedKey(name string) string {
	f := " " + cueText(name) + " "
	for _, drop := range []string{" lan thu ", " cua dang ", " dang toan quoc ", " toan quoc "} {
		f = strings.ReplaceAll(f, drop, " ")
	}
	return joinFields(f)
}
