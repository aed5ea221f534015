package extract

import (
	"strings"
)

// header is what the top of a document says about itself.
type header struct {
	kind, symbol, issuer, place, date, title string
	titleSpan                                Span
	body                                     int // index of the first body line
	dateFrom                                 string
}

// mottos are lines of the national or party motto, never the issuer.
var mottos = []string{"cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "doc lap tu do hanh phuc", "dang cong san viet nam"}

// bodyOpeners start the first paragraph after the title.
var bodyOpeners = []string{"thuc hien", "can cu", "de ", "nham ", "tren co so", "trien khai", "qua ", "theo ", "xet ", "sau khi", "ngay ", "trong ", "nam ", "tiep tuc", "tu ngay", "ban thuong vu", "ban chap hanh", "uy ban nhan dan", "chu tich", "quyet dinh:", "ban hanh", "huong dan", "kinh gui", "hien nay", "thoi gian qua", "vua qua"}

// headerCells splits the first lines into cells: a two-column header
// copied as text puts the issuer and the motto, or the number and the
// place-date, on one line separated by tabs.
func headerCells(ls []line, upto int) []line {
	var out []line
	for _, l := range ls[:upto] {
		if strings.HasPrefix(l.s, "|") {
			out = append(out, pipeCells(l)...)
			continue
		}
		if !strings.ContainsRune(l.s, '\t') {
			out = append(out, l)
			continue
		}
		off := l.start
		for _, c := range strings.Split(l.s, "\t") {
			if t := strings.TrimSpace(c); t != "" {
				out = append(out, line{s: t, start: off, end: off + len(c)})
			}
			off += len(c) + 1
		}
	}
	return out
}

// pipeCells splits a markdown table row of a header ("| Số: 87/KH-LĐLĐ |
// Long An, ngày 05 tháng 6 năm 2024 |") into its cells, and a cell into
// its "<br>" lines; a separator row ("|---|---|") gives none.
func pipeCells(l line) []line {
	var out []line
	off := l.start
	for _, c := range strings.Split(l.s, "|") {
		o := off
		for _, part := range strings.Split(c, "<br>") {
			if t := strings.TrimSpace(part); t != "" && strings.Trim(t, "-: ") != "" {
				out = append(out, line{s: t, start: o, end: o + len(part)})
			}
			o += len(part) + len("<br>")
		}
		off += len(c) + 1
	}
	return out
}

// headerEnd is the index of the first line that cannot be header: a
// numbered section or a long paragraph after the kind line.
func headerEnd(ls []line, body int) int {
	end := min(len(ls), max(body+2, 20))
	for i := body; i < end; i++ {
		if markerEnd(ls[i].s) > 0 && !strings.HasPrefix(ls[i].s, "-") || len(ls[i].s) > 300 {
			return i
		}
	}
	return end
}

// parseHeader reads the header lines of a document.
func parseHeader(text string, ls []line) header {
	var h header
	limit := min(len(ls), 40)
	ls = stripATX(ls, 0, limit) // "# KẾ HOẠCH"
	k := -1
	for i := 0; i < limit; i++ {
		if _, lab, _ := parseMarker(ls[i].s); lab != "" && !strings.HasPrefix(ls[i].s, "-") && i > 0 {
			break
		}
		if kindLineEnd(ls[i].s) > 0 {
			k = i
			break
		}
	}
	if k >= 0 {
		l := ls[k].s
		e := kindLineEnd(l)
		h.kind = canonicalKind(l, e)
		h.readTitle(text, ls, k, e)
	} else if w := webTitleLine(ls); w >= 0 {
		h.readWebTitle(ls[w])
		h.body = w + 1
	}
	end := headerEnd(ls, h.body)
	cells := headerCells(ls, end)
	h.readNumberAndDate(text, cells, len(cells))
	if h.date == "" { // a tab inside the place-date line: "ngày 02\ttháng 6"
		for _, l := range ls[:end] {
			if p, d, ok := placeDate(strings.ReplaceAll(l.s, "\t", " ")); ok && strings.ContainsRune(l.s, '\t') {
				h.place, h.date = p, d
				break
			}
		}
	}
	if h.issuer == "" && k > 0 {
		h.issuer = issuerFromLines(headerCells(ls, k))
	}
	if h.kind == "" && h.symbol != "" {
		h.kind = kindOfSymbol(h.symbol)
		h.readVv(text, cells)
	}
	if h.issuer == "" && h.kind != "" && k < 0 {
		h.issuer = issuerFromLines(cells[:min(len(cells), 4)])
	}
	return h
}

func webTitleLine(ls []line) int {
	for i := 0; i < len(ls) && i < 4; i++ {
		if isWebTitle(ls[i].s) {
			return i
		}
	}
	return -1
}

// readTitle reads the trích yếu after the kind line k.
func (h *header) readTitle(text string, ls []line, k, e int) {
	h.body = k + 1
	rest := strings.TrimSpace(strings.TrimLeft(ls[k].s[e:], " :."))
	if _, ok := matchFold(rest, 0, "cua"); ok {
		rest = "" // "QUYẾT ĐỊNH CỦA BỘ TRƯỞNG …": the issuer, not the title
	}
	if rest != "" && !startsWithSo(rest) {
		off := ls[k].start + strings.Index(ls[k].s, rest)
		h.title, h.titleSpan = rest, Span{off, off + len(rest)}
		return
	}
	i := k + 1
	for i < len(ls) && (ls[i].s == "" || isNumberLine(ls[i].s) || isPlaceDateLine(ls[i].s)) {
		i++
	}
	if i >= len(ls) || isSeparator(ls[i].s) || !titleLike(ls[i].s) || markerEnd(ls[i].s) > 0 {
		return
	}
	j := i + 1
	caps := isUpperLine(ls[i].s)
	for j < len(ls) && ls[j].s != "" && !isSeparator(ls[j].s) && !isBodyOpener(ls[j].s) && markerEnd(ls[j].s) == 0 &&
		isUpperLine(ls[j].s) == caps && !isSignerTitle(ls[j].s) {
		j++
	}
	h.titleSpan = Span{ls[i].start, ls[j-1].end}
	h.title = joinFields(text[ls[i].start:ls[j-1].end])
	h.body = j
}

func isSeparator(l string) bool {
	l = strings.TrimSpace(l)
	if l == "" {
		return false
	}
	for _, r := range l {
		if isLetterRune(r) || isDigitRune(r) {
			return false
		}
	}
	return true
}

// titleLike: the line after the kind line is its trích yếu unless it
// reads as the opening paragraph ("Căn cứ …;", "… như sau:") .
func titleLike(l string) bool {
	if strings.HasSuffix(l, ":") || len(l) > 600 || isUpperLine(l) && isSignerTitle(l) {
		return false
	}
	_, k := matchAny(l, 0, []string{"can cu", "kinh gui", "xet de nghi", "theo de nghi"})
	return k < 0
}

func isBodyOpener(l string) bool {
	_, k := matchAny(l, 0, bodyOpeners)
	return k >= 0 && !isUpperLine(l)
}

func isNumberLine(l string) bool {
	e, ok := matchFold(l, 0, "so")
	if !ok {
		return false
	}
	j := skipSpaces(l, e)
	if j < len(l) && (l[j] == ':' || l[j] == '.') {
		j = skipSpaces(l, j+1)
	}
	return j < len(l) && isDigit(l[j])
}

func isPlaceDateLine(l string) bool {
	_, _, ok := placeDate(l)
	return ok
}

// placeDate reads "Hải Phòng, ngày 02 tháng 6 năm 2023".
func placeDate(l string) (string, string, bool) {
	for i := 0; i < len(l); i++ {
		if l[i] != 'n' && l[i] != 'N' || !atWordStart(l, i) { // the byte first: it rules out most offsets
			continue
		}
		d, ok := lexDate(l, i)
		if !ok || d.prec != PrecDay || !d.hasNgay || d.y == 0 {
			continue
		}
		before := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(l[:i]), ","))
		if i > 0 && !strings.HasSuffix(strings.TrimSpace(l[:i]), ",") && before != "" {
			continue
		}
		if isNumberLine(before) {
			before = afterNumber(before)
		}
		if !plausiblePlace(before) {
			continue
		}
		return cleanPlace(before), d.startISO(), true
	}
	return "", "", false
}

// afterNumber drops the "Số: 112/KH-HPN" cell that a two-column copy
// without its tab glued before the place: the words up to the last one
// holding a digit or a slash (s is a number line).
func afterNumber(s string) string {
	ws := strings.Fields(s)
	for k := len(ws) - 1; k >= 0; k-- {
		if strings.ContainsAny(ws[k], "0123456789/") {
			return strings.Join(ws[k+1:], " ")
		}
	}
	return s
}

// plausiblePlace: the text before ", ngày" of a place-date line is a
// place name (possibly glued after the motto), not a sentence.
func plausiblePlace(s string) bool {
	if strings.ContainsAny(s, "0123456789/") {
		return false
	}
	c := cleanPlace(s)
	return countFields(s) <= 14 && (c == "" || isUpperRune(firstRune(c)))
}

// cleanPlace keeps the place name at the end of the text before ", ngày":
// the motto or issuer glued before it by a two-column copy is dropped.
func cleanPlace(s string) string {
	f := foldString(s)
	for _, m := range []string{"hanh phuc", "viet nam"} {
		if i := strings.LastIndex(f, m); i >= 0 {
			s = cutFoldPrefix(s, i+len(m))
			f = foldString(s)
		}
	}
	ws := strings.Fields(strings.Trim(s, " -*"))
	if len(ws) > 5 {
		ws = ws[len(ws)-5:]
	}
	return strings.Join(ws, " ")
}

// cutFoldPrefix drops the part of s whose fold is n bytes long.
func cutFoldPrefix(s string, n int) string {
	acc := 0
	for i, r := range s {
		if acc >= n {
			return s[i:]
		}
		if f := foldRune(r); f != 0 {
			acc += len(string(f))
		}
	}
	return ""
}

// kindOfSymbol infers a document's kind from its own symbol when no kind
// line names it: the type code ("KH" → Kế hoạch); a symbol without one
// ("2613/BGDĐT-GDTrH", "45-CV/TU") is a Công văn.
func kindOfSymbol(sym string) string {
	code := strings.ToUpper(symbolCode(sym))
	for _, k := range kinds {
		if k.law {
			continue
		}
		for _, c := range k.codes {
			if c != "" && c == code {
				return k.name
			}
		}
	}
	return "Công văn"
}

// readVv reads the subject line of a Công văn: "V/v triển khai …".
func (h *header) readVv(text string, cells []line) {
	for _, c := range cells {
		e, ok := matchFold(c.s, 0, "v/v")
		if !ok {
			e, ok = matchFold(c.s, 0, "ve viec")
		}
		if ok && h.title == "" {
			rest := strings.TrimSpace(strings.TrimLeft(c.s[e:], " :."))
			off := c.start + len(c.s) - len(rest)
			h.title, h.titleSpan = rest, Span{off, off + len(rest)}
			if h.body < 1 {
				h.body = 1
			}
		}
	}
}

// readWebTitle reads "Kế hoạch số 82-KH/BDVTW ngày 18/5/2023 của Ban
// Dân vận Trung ương về …".
func (h *header) readWebTitle(l line) {
	k, e := matchKind(l.s, 0)
	sm, _ := lexSymbolAfterKind(l.s, e)
	m := &mention{kind: k, start: 0, end: sm.end, sym: sm}
	readTail(l.s, m)
	h.kind, h.symbol = k.name, sm.symbol
	if m.hasDate {
		h.date = m.date.startISO()
	}
	h.issuer = m.issuer
	rest := l.s[m.tailEnd:]
	if j, ok := matchFold(rest, skipSpaces(rest, 0), "ve"); ok {
		j = skipSpaces(rest, j)
		rest = rest[j:]
	}
	rest = strings.TrimSpace(rest)
	off := l.start + len(l.s) - len(rest)
	h.title, h.titleSpan = rest, Span{off, off + len(rest)}
}

// readNumberAndDate finds "Số: 256-KH/TU" and the place-date line in the
// first lines.
func (h *header) readNumberAndDate(text string, ls []line, upto int) {
	for i := 0; i < upto; i++ {
		l := ls[i].s
		if h.symbol == "" {
			if sym := numberIn(l); sym != "" {
				h.symbol = sym
			}
		}
		if h.date == "" {
			if p, d, ok := placeDate(l); ok {
				h.place, h.date = p, d
			} else if i+1 < upto && ls[i+1].s != "" {
				if p, d, ok := placeDate(l + " " + ls[i+1].s); ok && strings.HasSuffix(strings.TrimSpace(l), ",") || ok && !strings.Contains(foldString(l), "ngay") {
					h.place, h.date = p, d
				}
			}
		}
	}
}

// numberIn finds "Số: SYMBOL" (or "Số SYMBOL") in a header line.
func numberIn(l string) string {
	for i := 0; i < len(l); i++ {
		if l[i] != 'S' || !atWordStart(l, i) {
			continue
		}
		e, ok := matchFold(l, i, "so")
		if !ok {
			continue
		}
		j := skipSpaces(l, e)
		if j < len(l) && (l[j] == ':' || l[j] == '.') {
			j = skipSpaces(l, j+1)
		}
		if sm, ok := lexSymbol(l, j); ok && sm.symbol != "" {
			return sm.symbol
		}
	}
	return ""
}

// issuerContinuations open a line that continues the issuer above it: a
// place ("TỈNH BÌNH DƯƠNG") or the rest of a long name ("VÀ XÃ HỘI").
var issuerContinuations = []string{"tinh ", "thanh pho ", "huyen ", "quan ", "thi xa ", "xa ", "phuong ", "thi tran ", "va "}

// issuerFromLines picks the issuing body from the upper-case lines above
// the kind line: the lowest body, with place lines joined to it.
func issuerFromLines(ls []line) string {
	var orgs []string
	for _, l := range ls {
		s := stripMottos(l.s)
		if s == "" || !isUpperLine(s) || isNumberLine(s) || isPlaceDateLine(s) || isSeparator(s) {
			continue
		}
		if i := strings.Index(foldString(s), " so "); i > 0 && isNumberLine(cutFoldPrefix(s, i+1)) {
			s = strings.TrimSpace(s[:len(s)-len(cutFoldPrefix(s, i+1))])
		}
		if _, k := matchAny(s, 0, issuerContinuations); k >= 0 && len(orgs) > 0 {
			orgs[len(orgs)-1] += " " + s
			continue
		}
		orgs = append(orgs, s)
	}
	if len(orgs) == 0 {
		return ""
	}
	return normalizeIssuer(orgs[len(orgs)-1])
}

// stripMottos removes motto phrases glued into a header line.
func stripMottos(s string) string {
	f := foldString(s)
	for _, m := range mottos {
		if i := strings.Index(f, m); i >= 0 {
			pre := strings.TrimSpace(s[:len(s)-len(cutFoldPrefix(s, i))])
			post := strings.TrimSpace(cutFoldPrefix(s, i+len(m)))
			s = strings.TrimSpace(pre + " " + post)
			f = foldString(s)
		}
	}
	return strings.Trim(s, " *-")
}

// ownFromAttachment finds the document's own number in an attachment
// line: "(ban hành kèm theo Kế hoạch số 58KH/TU, ngày 17/4/2018 của Ban
// Thường vụ Tỉnh ủy)". kind, when known, must match.
func ownFromAttachment(text string, ms []*mention, kind string) *mention {
	for _, m := range ms {
		if m.short || m.sym.symbol == "" || kind != "" && m.kind.name != kind {
			continue
		}
		from := max(0, m.start-40)
		if containsFold(text[from:m.start], "kem theo") {
			return m
		}
	}
	for _, m := range ms { // a news lead: "Ngày D, X ban hành Kế hoạch số …"
		if m.lead && (kind == "" || m.kind.name == kind) && m.start < 2000 {
			return m
		}
	}
	return nil
}

// issuedWith finds the line an attached text opens with, naming the
// document of another kind it was issued with: "(Ban hành kèm theo
// Quyết định số 2180/QĐ-UBND ngày 14 tháng 9 năm 2016 của …)".
func issuedWith(text string, ms []*mention, limit int) *mention {
	for _, m := range ms {
		if m.start > limit {
			break
		}
		if !m.short && m.hasDate && attachmentLine(text, max(0, m.start-len("kèm theo ")-1)) &&
			containsFold(text[max(0, m.start-30):m.start], "kem theo") {
			return m
		}
	}
	return nil
}
