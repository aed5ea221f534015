package extract

import "strings"

// A document may take a bare kind as its alias: "Luật Thực hiện dân chủ ở
// cơ sở (sau đây gọi tắt là Luật)". Each later "Luật" that stands alone —
// written with its capital, not followed by a name, a number, "số" or
// "này" — then names that document, and so does the alias itself.

// bindBareAliases adds those mentions to the groups of the documents that
// declare a bare alias of their own kind.
func bindBareAliases(text string, ms []*mention) {
	for _, m := range ms {
		if m.short || m.ref == nil {
			continue
		}
		from, to := bareAlias(text, m)
		if from < 0 {
			continue
		}
		g := m.ref
		g.add(&mention{kind: g.kind, start: from, end: to, tailEnd: to, rel: RelCites, alias: true})
		for _, at := range bareUses(text, to, text[from:to]) {
			g.add(&mention{kind: g.kind, start: at, end: at + to - from, tailEnd: at + to - from, rel: RelCites})
		}
	}
}

// bareAlias returns the span of a bare kind declared as the alias of m in
// a parenthesis right after it (and its date and issuer), or -1.
func bareAlias(text string, m *mention) (int, int) {
	p := skipSpaces(text, max(m.end, m.tailEnd))
	if p >= len(text) || text[p] != '(' {
		return -1, -1
	}
	p++
	c := strings.IndexByte(text[p:min(len(text), p+60)], ')')
	if c < 0 {
		return -1, -1
	}
	inner := text[p : p+c]
	i := strings.Index(inner, " là ")
	if i < 0 {
		return -1, -1
	}
	cue := " " + foldString(inner[:i])
	if !strings.HasSuffix(cue, " goi tat") && !strings.HasSuffix(cue, " goi") && !strings.HasSuffix(cue, " viet tat") {
		return -1, -1
	}
	x := strings.TrimSpace(inner[i+len(" là "):])
	if k := kindByName(x); k != m.kind || !isUpperRune(firstRune(x)) {
		return -1, -1 // "… Quy chế … kèm theo Quyết định số … (gọi tắt là Quy chế)" names the Quy chế
	}
	from := p + i + len(" là ") + strings.Index(inner[i+len(" là "):], x)
	return from, from + len(x)
}

// bareUses returns where x stands alone in text after from.
func bareUses(text string, from int, x string) []int {
	var out []int
	for i := from; ; {
		k := strings.Index(text[i:], x)
		if k < 0 {
			return out
		}
		at := i + k
		i = at + len(x)
		if !atWordStart(text, at) || !atWordEnd(text, i) {
			continue
		}
		j := skipSpaces(text, i)
		if j < len(text) && (isUpperRune(firstRune(text[j:])) || isDigit(text[j])) || hasWordAt(text, j, bareStops) {
			continue // "Luật Đất đai", "Luật 2013", "Luật số 62/2020/QH14", "Luật này"
		}
		out = append(out, at)
	}
}

// bareStops after a bare kind make it another document or this one.
var bareStops = []string{"này", "số", "sửa đổi"}
