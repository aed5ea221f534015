package extract

import "strings"

// A letter's tasks are asked of its addressee: "Bộ GDĐT đề nghị các Sở
// GDĐT thực hiện một số nội dung sau:" or "Kính gửi: Ủy ban nhân dân các
// tỉnh". A deadline whose clause, item and heading name no body falls to
// that addressee.

// addressee returns the body the document asks to act: named by "đề
// nghị" or "yêu cầu" in the sentence that introduces the first item of
// the body (ending with ":"), else by a one-line "Kính gửi: X" before it.
// It returns "" when there is neither, or several addressees are listed.
func (p *parser) addressee() string {
	if p.lay.body >= len(p.ls) {
		return ""
	}
	first := p.firstItem()
	if first >= len(p.ls) {
		return p.kinhGui(first)
	}
	if first == p.lay.body {
		return ""
	}
	k := first - 1
	for k > p.lay.body && strings.TrimSpace(p.ls[k].s) == "" {
		k--
	}
	if intro := strings.TrimSpace(p.ls[k].s); strings.HasSuffix(intro, ":") {
		if r := requested(intro[lastSentence(intro):]); r != "" {
			return r
		}
	}
	return p.kinhGui(first)
}

// firstItem returns the index of the first line of the body that opens a
// list item or section (len(p.ls) when none does).
func (p *parser) firstItem() int {
	for i := p.lay.body; i < len(p.ls) && i < p.lay.bodyEnd; i++ {
		if markerEnd(strings.TrimSpace(p.ls[i].s)) > 0 {
			return i
		}
	}
	return len(p.ls)
}

// lastSentence returns the start of the last sentence of a line.
func lastSentence(l string) int {
	i := strings.LastIndex(strings.TrimRight(l, ".:; "), ". ")
	return i + 1
}

// requested finds the body after "đề nghị" or "yêu cầu" in s.
func requested(s string) string {
	for _, w := range []string{"đề nghị", "Đề nghị", "yêu cầu", "Yêu cầu"} {
		if i := strings.Index(s, w); i >= 0 && atWordStart(s, i) {
			if r := bodyName(strings.TrimLeft(s[i+len(w):], " ")); r != "" {
				return r
			}
		}
	}
	return ""
}

// kinhGui reads "Kính gửi: X" on one line before line end, when X is one
// body (no list of addressees below it).
func (p *parser) kinhGui(end int) string {
	for i := 0; i < end && i < len(p.ls); i++ {
		l := strings.TrimSpace(p.ls[i].s)
		rest, ok := strings.CutPrefix(l, "Kính gửi")
		if !ok {
			continue
		}
		rest = strings.TrimSpace(strings.TrimLeft(rest, " :"))
		if rest == "" || strings.ContainsAny(rest, ";") {
			return "" // addressees listed below, or several
		}
		name := cleanOrg(rest)
		if !namesBody(name) {
			return ""
		}
		return name
	}
	return ""
}
