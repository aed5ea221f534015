package extract

import (
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// A date phrase is a deadline when the words before it set a time limit
// ("trước ngày", "chậm nhất", "hoàn thành trong", "Thời gian hoàn thành:",
// "vào", "trong"), or when it opens a clause that assigns work ("Năm 2021,
// hoàn thành…"). It is not when it dates a cited document, names a period
// ("giai đoạn 2021-2025", "nhiệm kỳ", "Số liệu tính từ…"), sits in a
// table row, or lies before the document's own date.

// deadlineCues end the words before a deadline (folded, punctuation and
// extra spaces removed).
var deadlineCues = []string{
	"truoc ngay", "truoc", "cham nhat la ngay", "cham nhat ngay", "cham nhat la",
	"cham nhat vao ngay", "cham nhat vao", "cham nhat", "han chot", "han cuoi",
	"xong truoc", "khong qua ngay", "khong qua", "hoan thanh trong",
	"hoan thanh vao", "hoan thanh truoc", "hoan thanh", "vao ngay", "vao",
	"trong", "trong ngay", "du kien tu", "du kien", "du kien vao", "bat dau tu",
	"tu", "thuc hien trong", "to chuc trong", "thuc hien nam", "thuc hien",
	"ket thuc truoc", "ket thuc vao", "ket thuc", "dung han",
}

// periodWords before a date make it a period name, not a deadline.
// An event's own time ("Festival … (diễn ra từ ngày 02/6 đến ngày
// 04/6/2023)", "Hội nghị (họp từ ngày 09 đến ngày 14/10)") is no deadline.
// A tax or report period ("kỳ tính thuế tháng 3, 4, 5, 6/2020", "kết quả
// tháng 4/2020") names the months the data cover.
var periodWords = []string{"giai doan", "nhiem ky", "nk", "khoa", "tinh tu", "so lieu", "tu nam", "den nam", "dinh huong", "tam nhin", "nien khoa", "nam hoc", "ke hoach cong tac", "chuong trinh cong tac",
	"dien ra", "dien ra tu", "dien ra trong", "dien ra vao", "hop tu",
	"ky tinh thue", "ky thue", "ky ke khai", "ky bao cao", "ket qua"}

type deadlineCtx struct {
	recurrent []*RelativeDeadline // dates that come back every year
	text      string
	toks      tokens
	docDate   string
	docYear   int
	skip      []Span // cited-document tails and the header: not deadlines
	regions   []Span // where deadlines are read
	tableLine func(pos int) bool
}

// findDeadlines returns the deadlines and relative deadlines of the text.
func findDeadlines(c *deadlineCtx) ([]*Deadline, []*RelativeDeadline) {
	var out []*Deadline
	var rel []*RelativeDeadline
	for _, r := range c.regions {
		ds := findDatesT(c.text, c.toks, r[0], r[1])
		for k := 0; k < len(ds); k++ {
			d := ds[k]
			if c.skipped(d.start) || c.tableLine(d.start) {
				continue
			}
			if k+1 < len(ds) {
				if rg, ok := c.joinRange(d, ds[k+1]); ok {
					d = rg
					k++
				}
			}
			if dl := c.deadline(d); dl != nil {
				out = append(out, dl)
			}
		}
		rel = append(rel, findRelative(c.text, c.toks, r[0], r[1])...)
	}
	rel = append(rel, c.recurrent...)
	sort.Slice(rel, func(i, j int) bool { return rel[i].Span[0] < rel[j].Span[0] })
	return out, rel
}

func (c *deadlineCtx) skipped(pos int) bool {
	// c.skip is sorted by start and its spans do not nest deeply: look at
	// the spans that start at or before pos.
	k := sort.Search(len(c.skip), func(i int) bool { return c.skip[i][0] > pos })
	for i := k - 1; i >= 0 && i >= k-4; i-- {
		if pos >= c.skip[i][0] && pos < c.skip[i][1] {
			return true
		}
	}
	return false
}

// joinRange joins "từ ngày 1/7 đến ngày 15/7/2024", "từ tháng 6/2013
// đến tháng 6/2023" and periods that follow on ("trong quý III/2023 và
// quý IV/2023") into one range.
func (c *deadlineCtx) joinRange(a, b dateExpr) (dateExpr, bool) {
	if b.start-a.end > 24 {
		return a, false
	}
	mid := foldString(c.text[a.end:b.start])
	mid = strings.TrimSpace(strings.Trim(mid, " ,"))
	if mid != "den" && mid != "-" && mid != "toi" && mid != "den het" && mid != "va" {
		return a, false
	}
	if b.y != 0 && a.y == 0 {
		a.y = b.y
		if a.m > b.m {
			a.y--
		}
	}
	if mid == "va" && (a.y == 0 || a.prec != b.prec || a.prec == PrecDay || shiftDays(a.withYear(a.y).endISO(), 1) != b.startISO()) {
		return a, false // "tháng 10/2023 và tháng 11/2023" follow on; "tháng 3 và tháng 9" do not
	}
	r := a
	r.end, r.y2, r.m2, r.d2 = b.end, b.y2, b.m2, b.d2
	if b.y2 == 0 {
		r.y2 = 0
	}
	r.prec = PrecRange
	return r, true
}

// deadline decides whether date phrase d is a deadline and builds it.
func (c *deadlineCtx) deadline(d dateExpr) *Deadline {
	clause := c.clauseBefore(d.start)
	before := lastBytes(clause, 160)
	f := dropClockTime(cueText(dropParens(before)))
	if endsWithAny(f, periodWords) || forecast(clause) || strings.HasSuffix(f, " trong") && donePassive(f) {
		return nil
	}
	if d.y == 0 && (recurring(cueText(clause)) || c.recurringAfter(d)) {
		start := c.phraseStart(d)
		c.recurrent = append(c.recurrent, &RelativeDeadline{Text: c.text[start:d.end], Span: Span{start, d.end}})
		return nil
	}
	cued := endsWithAny(f, deadlineCues) && cueFits(f, d) || c.timeLabel(before) || atMeeting(f)
	if !cued && !(c.opensClause(f, d) && (c.docDate == "" || d.endISO() > c.docDate)) {
		return nil
	}
	if d.prec == PrecDay && !d.hasNgay && d.y == 0 && !strings.HasSuffix(f, "truoc") {
		return nil
	}
	if strings.HasSuffix(f, "den") || strings.HasSuffix(f, "thuc hien") && d.prec != PrecYear {
		return nil
	}
	d = c.fillYear(d)
	if d.prec == PrecMonth && d.m2 == d.m && d.y2 == d.y && d.y != 0 && strings.HasSuffix(f, "truoc") {
		d = dayBeforeMonth(d) // "trước tháng 02/2020": by 31 January
	}
	if d.y == 0 || c.past(d, endsWithAny(f, strongCues) && !strings.Contains(f, "da hoan thanh")) {
		return nil
	}
	start := c.phraseStart(d)
	return &Deadline{Text: c.text[start:d.end], Start: d.startISO(), End: d.endISO(), Precision: d.prec, Span: Span{start, d.end}}
}

// lastBytes keeps about the last n bytes of s, cut on a rune boundary.
func lastBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// shiftDays moves an ISO date by n days.
func shiftDays(iso string, n int) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// dropParens removes closed parenthesised asides from s.
func dropParens(s string) string {
	if !strings.Contains(s, ")") {
		return s
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '(':
			depth++
		case s[i] == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteByte(s[i])
		}
	}
	if depth > 0 { // an open parenthesis: keep the text as it is
		return s
	}
	return b.String()
}

// recurring: "Hằng năm, chậm nhất ngày 15 tháng 12" names a date that
// comes back every year, not one deadline.
func recurring(f string) bool {
	for _, w := range []string{"hang nam", "hang quy", "hang thang", "dinh ky", "moi nam", "hang tuan"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// strongCues set a time limit even when it lies a little before the
// document's own date (a plan issued late still lists its early tasks).
var strongCues = []string{"truoc ngay", "truoc", "cham nhat la ngay", "cham nhat ngay", "cham nhat la",
	"cham nhat vao ngay", "cham nhat vao", "cham nhat", "han chot", "han cuoi", "xong truoc",
	"khong qua ngay", "khong qua", "hoan thanh trong", "hoan thanh vao", "hoan thanh truoc", "hoan thanh"}

// past reports whether d lies before the document's date: a narrated
// event or a statistics period, not a deadline. Strong cues get a year.
func (c *deadlineCtx) past(d dateExpr, strong bool) bool {
	if c.docDate == "" {
		return false
	}
	if d.prec == PrecRange && d.startISO() < shiftDays(c.docDate, -60) {
		return true // a period that began well before: statistics, not a task
	}
	limit := c.docDate
	if strong && len(limit) == 10 {
		limit = itoa(atoi(limit[:4])-1) + limit[4:]
	}
	return d.endISO() < limit
}

// cueFits rules out cues too loose for the date's precision: a bare
// "trong"/"từ"/"vào" needs more than a bare day-less year-less date.
func cueFits(f string, d dateExpr) bool {
	if strings.HasSuffix(f, "tu") && !strings.HasSuffix(f, "du kien tu") && !strings.HasSuffix(f, "bat dau tu") {
		return d.prec == PrecRange
	}
	if strings.HasSuffix(f, "thuc hien") {
		return d.prec == PrecYear && !endsWithAny(strings.TrimSuffix(f, " thuc hien"), []string{"ke hoach", "ket qua", "chuong trinh", "nhiem vu", "tinh hinh", "viec", "bao cao", "qua trinh"})
	}
	return true
}

// phraseStart extends a deadline back over its cue word ("trước ngày
// 01/6/2018", "vào tháng 6/2018", "chậm nhất ngày …").
func (c *deadlineCtx) phraseStart(d dateExpr) int {
	var starts [3]int // the starts of the three words before the date
	for k, i := 0, d.start; k < len(starts); k++ {
		if i >= 0 {
			i = wordBefore(c.text, i)
		}
		starts[k] = i
	}
	for _, cue := range []string{"truoc", "cham nhat la", "cham nhat", "vao", "trong", "tu", "den", "tai hoi nghi"} {
		i := starts[strings.Count(cue, " ")]
		if i < 0 {
			continue
		}
		if e, ok := matchFold(c.text, i, cue); ok && skipSpaces(c.text, e) == d.start {
			return i
		}
	}
	if i := starts[0]; i >= 0 && d.start-i < 24 { // glued "trướcngày 30/6"
		if endsGlued(cueText(c.text[i:d.start]), "truoc ngay") {
			return i
		}
	}
	return d.start
}

// wordBefore returns the start of the word before offset i (over spaces),
// or -1.
func wordBefore(s string, i int) int {
	i = skipBack(s, i)
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !isWordChar(r) {
			break
		}
		j -= n
	}
	if j == i {
		return -1
	}
	return j
}

// clauseBefore returns the text from the clause start to pos.
func (c *deadlineCtx) clauseBefore(pos int) string {
	i := pos
	for i > 0 && pos-i < 300 {
		ch := c.text[i-1]
		if ch == '\n' || ch == ';' || (ch == '.' && i < len(c.text) && c.text[i] == ' ') {
			break
		}
		i--
	}
	return c.text[i:pos]
}

// cueText folds the words before a date and drops punctuation.
func cueText(s string) string {
	var buf [256]byte // the words before a date fit: only the string escapes
	b := buf[:0]
	if len(s) > len(buf) {
		b = make([]byte, 0, len(s))
	}
	space := false
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		switch c := s[i]; { // decodeVi, inline
		case c < 0x80:
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		case c == 0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, n = 0x1000|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		default:
			r, n = decodeVi(s, i)
		}
		i += n
		var code byte
		if r < foldLimit {
			code = cueBytes[r]
		} else {
			code = cueCode(r)
		}
		switch code {
		case cueSkip: // a combining mark
		case cueSpace:
			space = true
		default:
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			if code == cueWide {
				b = utf8.AppendRune(b, foldRune(r))
			} else {
				b = append(b, code)
			}
			space = false
		}
	}
	return string(b)
}

// cueEndsWith reports whether cueText(s) ends with the ASCII word w (no
// spaces), reading s from the end without folding it: the last letters
// cueText writes are the codes of the last runes it keeps, with no
// punctuation or space between them.
func cueEndsWith(s, w string) bool {
	trailing := true // still in the punctuation and spaces after the last word
	for k := len(w) - 1; k >= 0 && len(s) > 0; {
		r, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
		switch code := cueCodeOf(r); {
		case code == cueSkip, code == cueSpace && trailing:
		case code != w[k]:
			return false
		default:
			trailing = false
			k--
			if k < 0 {
				return true
			}
		}
	}
	return false
}

// cueCodeOf is what cueText does with r (cueBytes, or cueCode past it).
func cueCodeOf(r rune) byte {
	if uint32(r) < foldLimit {
		return cueBytes[r]
	}
	return cueCode(r)
}

// What cueText does with a rune, in cueBytes: keep its fold when that
// is an ASCII letter, digit or '/' (the byte itself), or one of these.
const (
	cueSkip  byte = 0 // a combining mark
	cueSpace byte = 1 // punctuation or a space: words part
	cueWide  byte = 2 // keep its fold, which is not ASCII
)

var cueBytes = func() (t [foldLimit]byte) {
	for r := rune(0); r < foldLimit; r++ {
		t[r] = cueCode(r)
	}
	return
}()

// cueCode is what cueBytes says of r, for any rune.
func cueCode(r rune) byte {
	switch f := foldRune(r); {
	case f == 0:
		return cueSkip
	case !cueKeeps(f):
		return cueSpace
	case f < 0x80:
		return byte(f)
	}
	return cueWide
}

// cueKeeps reports whether cueText keeps the folded rune f.
func cueKeeps(f rune) bool {
	return f < 0x80 && (isASCIIAlnum(byte(f)) || f == '/') || f >= 0x80 && (isLetterRune(f) || isDigitRune(f))
}

func endsWithAny(f string, cues []string) bool {
	for _, c := range cues {
		if f != "" && c != "" && c[len(c)-1] != ' ' && c[len(c)-1] != f[len(f)-1] {
			continue // both tests below compare the last letters first
		}
		if endsWithWords(f, c) {
			return true
		}
		// words glued by a PDF copy: "trướcngày"
		if strings.IndexByte(c, ' ') > 0 && endsGlued(f, c) {
			return true
		}
	}
	return false
}

// endsWithWords: f is c or ends with " "+c.
func endsWithWords(f, c string) bool {
	return strings.HasSuffix(f, c) && (len(f) == len(c) || f[len(f)-len(c)-1] == ' ')
}

// endsGlued: f ends with the words of c written without spaces.
func endsGlued(f, c string) bool {
	i, j := len(f), len(c)
	for j > 0 {
		if c[j-1] == ' ' {
			j--
			continue
		}
		if i == 0 || f[i-1] != c[j-1] {
			return false
		}
		i--
		j--
	}
	return i == 0 || f[i-1] == ' '
}

// timeLabel: the clause is a time label "Thời gian hoàn thành:",
// "Thời gian dự kiến từ", "Thời hạn:" that the date follows closely.
func (c *deadlineCtx) timeLabel(before string) bool {
	t := strings.TrimSpace(before)
	ft := foldString(t)
	for _, p := range []string{"thoi gian", "thoi han", "tien do"} {
		if i := strings.Index(ft, p); i >= 0 && len(ft)-i < 60 {
			rest := cueText(cutFoldPrefix(t, i))
			return !strings.Contains(rest, "so lieu") && !endsWithAny(rest, periodWords)
		}
	}
	return false
}

// dropClockTime removes a time of day before a date: "trước 17 giờ 00
// ngày 11/9/2021", "trước 16h30 ngày …".
func dropClockTime(f string) string {
	if !strings.HasSuffix(f, "gio") && !strings.ContainsAny(f[max(0, len(f)-8):], "0123456789") {
		return f
	}
	ws := strings.Fields(f)
	n := len(ws)
	switch {
	case n >= 3 && ws[n-2] == "gio" && isNumber(ws[n-1]) && isNumber(ws[n-3]):
		n -= 3
	case n >= 2 && ws[n-1] == "gio" && isNumber(ws[n-2]):
		n -= 2
	case n >= 1 && clockWord(ws[n-1]):
		n--
	default:
		return f
	}
	return strings.Join(ws[:n], " ")
}

func isNumber(w string) bool { return w != "" && atoi(w) >= 0 && isDigit(w[0]) && len(w) <= 2 }

// clockWord: "17h", "16h30".
func clockWord(w string) bool {
	i := strings.IndexByte(w, 'h')
	return i > 0 && i <= 2 && isNumber(w[:i]) && (i == len(w)-1 || isNumber(w[i+1:]))
}

// donePassive: "các khoản đã được bố trí một lần trong" — what was done
// in a period is reported, not asked: "đã được" at most five words before
// the final "trong".
func donePassive(f string) bool {
	f = f[max(0, len(f)-64):] // five words and "trong" fit
	i := strings.Index(f, "da duoc ")
	return i >= 0 && (i == 0 || f[i-1] == ' ') && strings.Count(f[i+len("da duoc "):], " ") <= 5
}

// dayBeforeMonth turns month d into the last day before it: "trước tháng
// 02/2020" is by 31/01/2020.
func dayBeforeMonth(d dateExpr) dateExpr {
	last := time.Date(d.y, time.Month(d.m), 0, 0, 0, 0, 0, time.UTC)
	d.y, d.m, d.d = last.Year(), int(last.Month()), last.Day()
	d.y2, d.m2, d.d2 = d.y, d.m, d.d
	d.prec = PrecDay
	return d
}

// recurringAfter: "trước ngày 20/5 hằng năm" comes back every year; a
// recurring task in the next clause ("trước ngày 05/02; định kỳ hằng
// quý …") does not make this date recur.
func (c *deadlineCtx) recurringAfter(d dateExpr) bool {
	rest := c.text[d.end:min(len(c.text), d.end+40)]
	if i := strings.IndexAny(rest, "\n;"); i >= 0 {
		rest = rest[:i] // the next line's or clause's "Hằng năm, …", "định kỳ hằng quý …" is another task
	}
	return recurring(cueText(rest))
}

// opensClause: "Năm 2021, hoàn thành…", "đầu năm 2022 tổ chức…" — a
// date that opens its clause and is followed by a comma or an action.
func (c *deadlineCtx) opensClause(f string, d dateExpr) bool {
	if f != "" && f != "dong thoi" && f != "sau do" {
		return false
	}
	if d.prec == PrecDay && !d.hasNgay {
		return false
	}
	rest := c.text[d.end:]
	j := skipSpaces(rest, 0)
	comma := j < len(rest) && rest[j] == ','
	if comma {
		j = skipSpaces(rest, j+1)
	}
	if j >= len(rest) || rest[j] == '\n' {
		return false
	}
	r := firstRune(rest[j:])
	if !(isLowerRune(r) || comma && isUpperRune(r)) {
		return false
	}
	if _, ok := matchFold(rest, j, "phan dau"); ok {
		return false // "Năm 2005, phấn đấu …" sets a target, not a task
	}
	// "Năm 2022, toàn tỉnh đã ghi nhận …", "Năm 2010, toàn tỉnh xảy ra 142
	// vụ …" tell what happened, they set no task
	ce := clauseEnd(c.text, d.end)
	cl := c.text[d.end:ce]
	return !strings.Contains(cl, " đã ") && !strings.Contains(cl, "ghi nhận") && !strings.Contains(cl, " xảy ra ")
}

// atMeeting reports whether the words before a date end with "tại hội
// nghị" and at most two words naming it ("thường kỳ"): "trình Ban Chấp
// hành Đảng bộ tỉnh tại hội nghị quý 2/2018" is due then. A council's
// session ("tại kỳ họp thường lệ cuối năm 2024") is another body's
// event, not a time limit.
func atMeeting(f string) bool {
	i := strings.LastIndex(f, "tai ")
	if i < 0 || i > 0 && f[i-1] != ' ' {
		return false
	}
	rest := f[i+len("tai "):]
	e, ok := matchFold(rest, 0, "hoi nghi")
	return ok && (e == len(rest) || rest[e] == ' ') && strings.Count(rest[e:], " ") <= 2
}

// forecast reports whether a clause reports a forecast ("Theo dự báo,
// mùa mưa bão kéo dài từ tháng 6 đến tháng 11"): its dates are expected
// events, not time limits.
func forecast(clause string) bool {
	return containsFold(clause, "theo du bao")
}

// fillYear gives a year-less date the year of the document (or of the
// next year when that would put it before the document).
func (c *deadlineCtx) fillYear(d dateExpr) dateExpr {
	if d.y != 0 {
		return d
	}
	y := c.docYear
	if y == 0 {
		return d
	}
	d = d.withYear(y)
	if c.docDate != "" && d.endISO() < c.docDate {
		d.y, d.y2 = y+1, y+1
		d.d2 = min(d.d2, lastDay(d.y2, d.m2))
	}
	return d
}

// relativeCues open a relative time limit ("trước 10 ngày").
var relativeCues = []string{"truoc", "sau", "trong vong", "trong thoi han", "cham nhat", "cham nhat la", "khong qua", "cham nhat sau"}

var relativeWords = map[string]bool{"truoc": true, "sau": true, "trong": true, "cham": true, "khong": true}

// findRelative finds relative time limits: a cue, a count and a unit.
func findRelative(text string, ts tokens, from, to int) []*RelativeDeadline {
	var out []*RelativeDeadline
	ts.scan(from, to, roleRelative, func(i int) int {
		e, k := matchAny(text, i, relativeCues)
		if k < 0 {
			return i + 1
		}
		j := skipSpaces(text, e)
		_, ne := readDigits(text, j)
		if ne == j || ne-j > 3 {
			return i + 1
		}
		u := skipSpaces(text, ne)
		ue, uk := matchAny(text, u, []string{"ngay lam viec", "ngay", "tuan", "thang"})
		if uk < 0 || ue > to {
			return i + 1
		}
		out = append(out, &RelativeDeadline{Text: text[i:ue], Span: Span{i, ue}})
		return ue
	})
	return out
}
