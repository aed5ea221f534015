package extract

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// Sections are read from numbered lines. Nesting follows first use, as
// markdown lists do: the first marker type seen ("I.", or "1." in a
// document that starts there) is the top level, a new type nests below
// the current one, and a type seen before closes everything under it.
// Bullets ("-", "+") are list items, not sections; table rows never
// open sections.

// parseSections builds the section tree of lines [from, to).
func parseSections(text string, ls []line, from, to int) []*Section {
	ls = stripATX(ls, from, to)
	var roots []*Section
	var stack []int     // marker types, outermost first
	var open []*Section // open section at each level
	end := lineEndOffset(ls, to, text)
	for i := from; i < to; i++ {
		l := ls[i].s
		typ, label, after := parseMarker(l)
		if typ == mkNone || strings.ContainsRune(l, '\t') {
			continue
		}
		if typ == mkDash || typ == mkPlus {
			// a bullet is a leaf item of the innermost numbered section
			if len(open) > 0 && strings.TrimSpace(l[after:]) != "" {
				p := open[len(open)-1]
				t := headingClause(strings.TrimSpace(l[after:]))
				p.Children = append(p.Children, &Section{Number: label, Heading: label + " " + t, Title: t,
					Kind: SectionOther, Span: Span{ls[i].start, trimEnd(text, ls[i].end)}, Children: []*Section{}})
			}
			continue
		}
		if typ == mkLetter && !isUpperLine(l[after:]) && len(stack) == 0 {
			continue // "A. " opening a sentence is rare; letter parts are upper case
		}
		level := indexOf(stack, typ)
		if level < 0 {
			stack = append(stack, typ)
			level = len(stack) - 1
		} else {
			stack = stack[:level+1]
		}
		heading, title, last := readHeading(ls, i, to, after, typ)
		s := &Section{Number: label, Heading: heading, Title: title, Kind: sectionKind(title),
			Span: Span{ls[i].start, end}, Children: []*Section{}}
		for k := level; k < len(open); k++ {
			open[k].Span[1] = trimEnd(text, ls[i].start)
		}
		open = open[:min(level, len(open))]
		if level == 0 || len(open) == 0 {
			roots = append(roots, s)
		} else {
			p := open[len(open)-1]
			p.Children = append(p.Children, s)
		}
		for len(open) < level {
			open = append(open, s) // a level skipped: keep depth consistent
		}
		open = append(open, s)
		i = last
	}
	return roots
}

func indexOf(xs []int, x int) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func lineEndOffset(ls []line, to int, text string) int {
	if to <= 0 {
		return 0
	}
	return trimEnd(text, ls[to-1].end)
}

// trimEnd moves an end offset back over trailing newlines.
func trimEnd(text string, e int) int {
	for e > 0 && (text[e-1] == '\n' || text[e-1] == ' ') {
		e--
	}
	return e
}

// stripATX returns ls with the markdown heading prefixes ("## I. MỤC
// ĐÍCH") of lines [from, to) removed, so the heading's own marker is
// read; ls itself is copied first and left as it is.
func stripATX(ls []line, from, to int) []line {
	var out []line
	for i := from; i < to; i++ {
		l := ls[i].s
		n := 0
		for n < len(l) && n < 6 && l[n] == '#' {
			n++
		}
		if n == 0 || n >= len(l) || l[n] != ' ' {
			continue
		}
		if out == nil {
			out = append([]line(nil), ls...)
		}
		k := n + 1
		out[i] = line{s: l[k:], start: ls[i].start + k, end: ls[i].end}
	}
	if out == nil {
		return ls
	}
	return out
}

// readHeading reads the heading of a section opening at line i: the whole
// line when it is a heading, else the words before the first ":" or
// sentence end. An upper-case heading continues on upper-case lines; a
// "Phần thứ nhất" label takes its title from the next line.
func readHeading(ls []line, i, to, after, typ int) (heading, title string, last int) {
	l := ls[i].s
	last = i
	title = strings.TrimSpace(l[after:])
	heading = l
	if title == "" && (typ == mkPart || typ == mkChapter || typ == mkRoman || typ == mkLetter) {
		j := i + 1
		for j < to && ls[j].s == "" {
			j++
		}
		if j < to && markerEnd(ls[j].s) == 0 && isUpperLine(ls[j].s) {
			title = ls[j].s
			last = j
		}
	}
	if isUpperLine(title) {
		for j := last + 1; j < to && ls[j].s != "" && isUpperLine(ls[j].s) && markerEnd(ls[j].s) == 0 && !isAttachmentHeading(ls, j) && utf8.RuneCountInString(ls[j].s) < 120; j++ {
			title += " " + ls[j].s
			last = j
		}
		if last > i {
			heading = strings.TrimSpace(strings.TrimSpace(l[:after]) + " " + title)
		}
		return heading, title, last
	}
	if typ == mkArticle && isSentence(title) {
		return strings.TrimRight(strings.TrimSpace(l[:after]), ".:"), "", last
	}
	if t := headingClause(title); t != title {
		title = t
		heading = strings.TrimSpace(l[:after]) + " " + t
	}
	return heading, title, last
}

// headingClause cuts a numbered paragraph down to its heading: the text
// before the first ":" or ". ", or its first 12 words.
func headingClause(s string) string {
	cut := len(s)
	if i := strings.IndexByte(s, ':'); i >= 0 {
		cut = i
	}
	if i := strings.Index(s, ". "); i >= 0 && i < cut {
		cut = i
	}
	t := strings.TrimSpace(strings.TrimRight(s[:cut], "."))
	if e := nthWordEnd(t, 20); e < len(t) {
		t = t[:e] + " …"
	}
	return t
}

// isSentence: the text after an article's number is a provision, not a
// title ("Điều 1. Ban hành kèm theo Quyết định này …").
func isSentence(s string) bool {
	return countFields(s) > 20 || strings.HasSuffix(strings.TrimSpace(s), ".") || strings.Contains(s, ":")
}

// nthWordEnd returns the offset after the n-th space-separated word of s
// (len(s) when s has fewer words).
func nthWordEnd(s string, n int) int {
	words, i := 0, 0
	// eight offsets at a time while the n-th word end is not among them:
	// a word ends where a byte that is no space comes before a space
	for ; i+9 <= len(s); i += 8 {
		ends := ^spaces(load64(s, i)) & spaces(load64(s, i+1))
		c := bits.OnesCount64(ends)
		if words+c >= n {
			break // it is: find it byte by byte
		}
		words += c
	}
	for ; i < len(s); i++ {
		if s[i] != ' ' && (i+1 == len(s) || s[i+1] == ' ') {
			words++
			if words == n {
				return i + 1
			}
		}
	}
	return len(s)
}

// load64 reads s[i:i+8] as a little-endian word (the compiler makes it
// one load).
func load64(s string, i int) uint64 {
	w := s[i : i+8]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// spaces returns the high bit of each byte of v that is a space, exactly
// (the carry-free zero-byte test).
func spaces(v uint64) uint64 {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	x := v ^ lo*' '
	return ^((x&^hi + lo*0x7F) | x) & hi
}

// sectionKind classifies a section by its title.
func sectionKind(title string) string {
	var buf [160]byte
	f := string(appendFold(buf[:0], title, len(buf)-4)) // folded once
	starts := func(p string) bool { return strings.HasPrefix(f, p) }
	has := func(p string) bool { return strings.Contains(f, p) }
	switch {
	case has("muc dich"):
		return SectionPurpose
	case has("to chuc thuc hien") || starts("trach nhiem") || has("phan cong thuc hien"):
		return SectionOrganization
	case starts("thoi gian") || starts("tien do") || has("lo trinh"):
		return SectionTimeline
	case starts("hinh thuc") || starts("phuong thuc"):
		return SectionForm
	case starts("kien nghi") || starts("de xuat") || has("kien nghi") && has("de xuat"):
		return SectionRecommendation
	case has("noi dung") || starts("nhiem vu") || has("giai phap"):
		return SectionContent
	}
	return SectionOther
}

// sectionAt returns the number path of the innermost-top-level section
// containing offset pos ("III"), or "".
func sectionAt(secs []*Section, pos int) *Section {
	for _, s := range secs {
		if pos >= s.Span[0] && pos < s.Span[1] {
			return s
		}
	}
	return nil
}
