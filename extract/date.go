package extract

// A date phrase is read by a hand-written recogniser in the style of
// text/template's lexer: dateLexer holds the input and a position, and
// each form is a small function that either consumes its words or leaves
// the position where it was. Forms: "03/6/2013", "03-6-2013",
// "ngày 02 tháng 6 năm 2023", "ngày 20/9" (year-less), "tháng 6/2018",
// "tháng 9 - 10/2023", "quý III-2021", "quý 2/2018", "năm 2025",
// "đầu/giữa/cuối tháng 11/2014", "đầu/cuối năm 2022",
// "6 tháng đầu/cuối năm 2024".

// dateExpr is one recognised date phrase. Year 0 means the year was not
// written and is inferred later.
type dateExpr struct {
	start, end int
	prec       string
	y, m, d    int // first day (m, d may be 0 for coarser precisions)
	y2, m2, d2 int // last day
	hasNgay    bool
}

type dateLexer struct {
	s   string
	pos int
}

func (l *dateLexer) word(pat string) bool {
	if !mayMatch(l.s, l.pos, pat) {
		return false
	}
	if e, ok := matchFold(l.s, l.pos, pat); ok {
		l.pos = e
		return true
	}
	return false
}

func (l *dateLexer) spaces() {
	l.pos = skipSpaces(l.s, l.pos)
}

// num reads 1–4 digits.
func (l *dateLexer) num() (int, int, bool) {
	n, e := readDigits(l.s, l.pos)
	if e == l.pos || e-l.pos > 4 {
		return 0, 0, false
	}
	w := e - l.pos
	l.pos = e
	return n, w, true
}

// sep reads a date separator: "/", "-", "–" or "." (with optional spaces
// around "-").
func (l *dateLexer) sep(dot bool) bool {
	p := l.pos
	l.spaces()
	s := l.s
	switch {
	case l.pos < len(s) && (s[l.pos] == '/' || s[l.pos] == '-' || dot && s[l.pos] == '.'):
		l.pos++
	case l.pos+3 <= len(s) && s[l.pos:l.pos+3] == "–":
		l.pos += 3
	default:
		l.pos = p
		return false
	}
	l.spaces()
	return true
}

// lexDate recognises a date phrase starting at s[i].
func lexDate(s string, i int) (dateExpr, bool) {
	if !atWordStart(s, i) {
		return dateExpr{}, false
	}
	l := dateLexer{s: s, pos: i}
	forms := 5
	if i < len(s) && isDigit(s[i]) {
		forms = 2 // the month, quarter and year forms open with a word
	}
	for k := 0; k < forms; k++ {
		l.pos = i
		var d dateExpr
		var ok bool
		switch k { // direct calls keep the lexer on the stack
		case 0:
			d, ok = lexDayForm(&l)
		case 1:
			d, ok = lexPartForm(&l)
		case 2:
			d, ok = lexMonthForm(&l)
		case 3:
			d, ok = lexQuarterForm(&l)
		default:
			d, ok = lexYearForm(&l)
		}
		if ok {
			d.start = i
			d.end = l.pos
			if d.valid() {
				return d, true
			}
		}
	}
	return dateExpr{}, false
}

// lexDayForm: ["ngày"] D/M[/Y] or "ngày D tháng M năm Y".
func lexDayForm(l *dateLexer) (dateExpr, bool) {
	hasNgay := l.word("ngay")
	l.spaces()
	d, _, ok := l.num()
	if !ok || d < 1 || d > 31 {
		return dateExpr{}, false
	}
	if hasNgay {
		if e, ok := l.dayRange(d); ok {
			return e, true
		}
	}
	p := l.pos
	l.spaces()
	if !hasNgay && l.word("thang") {
		if e, ok := lexMonthYear(l, d); ok {
			return e, true
		}
		l.pos = p
		l.spaces()
	}
	if hasNgay && l.word("thang") {
		l.spaces()
		m, _, ok := l.num()
		if !ok {
			return dateExpr{}, false
		}
		y := 0
		q := l.pos
		l.spaces()
		if l.word("nam") {
			l.spaces()
			if y, _, ok = l.num(); !ok {
				return dateExpr{}, false
			}
		} else if l.sep(false) {
			if y, _, ok = l.num(); !ok {
				l.pos = q
				y = 0
			}
		} else {
			l.pos = q
		}
		return dayExpr(y, m, d, hasNgay), true
	}
	l.pos = p
	if !l.sep(true) {
		return dateExpr{}, false
	}
	m, _, ok := l.num()
	if !ok || m < 1 || m > 12 {
		return dateExpr{}, false
	}
	q := l.pos
	if l.sep(true) {
		if y, w, ok := l.num(); ok && (w == 4 || w == 2) {
			if w == 2 {
				y += 2000
			}
			return dayExpr(y, m, d, hasNgay), atWordEnd(l.s, l.pos)
		}
	}
	l.pos = q
	if !atWordEnd(l.s, l.pos) || l.pos < len(l.s) && l.s[l.pos] == '/' {
		return dateExpr{}, false
	}
	return dayExpr(0, m, d, hasNgay), true
}

// lexMonthYear reads " M năm YYYY" after "D tháng" written without
// "ngày" ("xong trước 15 tháng 5 năm 2005"): only the full form, so that
// durations ("trong 3 tháng") and periods ("6 tháng đầu năm") stay apart.
func lexMonthYear(l *dateLexer, d int) (dateExpr, bool) {
	l.spaces()
	m, _, ok := l.num()
	if !ok || m < 1 || m > 12 {
		return dateExpr{}, false
	}
	l.spaces()
	if !l.word("nam") {
		return dateExpr{}, false
	}
	l.spaces()
	y, w, ok := l.num()
	if !ok || w != 4 || !atWordEnd(l.s, l.pos) {
		return dateExpr{}, false
	}
	return dayExpr(y, m, d, false), true
}

func dayExpr(y, m, d int, ngay bool) dateExpr {
	return dateExpr{prec: PrecDay, y: y, m: m, d: d, y2: y, m2: m, d2: d, hasNgay: ngay}
}

// lexPartForm: "đầu/giữa/cuối tháng M/Y", "đầu/giữa/cuối năm Y",
// "6 tháng đầu/cuối năm Y".
func lexPartForm(l *dateLexer) (dateExpr, bool) {
	if n, _, ok := l.num(); ok && (n == 6 || n == 3 || n == 9) {
		l.spaces()
		if l.word("thang") {
			l.spaces()
			first := l.word("dau")
			if first || l.word("cuoi") {
				l.spaces()
				if l.word("nam") {
					l.spaces()
					if y, w, ok := l.num(); ok && w == 4 {
						if first {
							return dateExpr{prec: PrecPartOfYear, y: y, m: 1, d: 1, y2: y, m2: n, d2: lastDay(y, n)}, true
						}
						return dateExpr{prec: PrecPartOfYear, y: y, m: 13 - n, d: 1, y2: y, m2: 12, d2: 31}, true
					}
				}
			}
		}
		return dateExpr{}, false
	}
	part := 0
	switch {
	case l.word("dau"):
		part = 1
	case l.word("giua"):
		part = 2
	case l.word("cuoi"):
		part = 3
	default:
		return dateExpr{}, false
	}
	l.spaces()
	if l.word("nam") {
		l.spaces()
		y, w, ok := l.num()
		if !ok || w != 4 {
			return dateExpr{}, false
		}
		m1 := [4]int{0, 1, 4, 10}[part]
		return dateExpr{prec: PrecPartOfYear, y: y, m: m1, d: 1, y2: y, m2: m1 + 2, d2: lastDay(y, m1+2)}, true
	}
	d, ok := lexMonthForm(l)
	if !ok || d.prec != PrecMonth {
		return dateExpr{}, false
	}
	d.prec = PrecPartOfMonth
	d.d, d.d2 = [4]int{0, 1, 11, 21}[part], [4]int{0, 10, 20, 0}[part]
	if part == 3 {
		d.d2 = lastDay(d.y, d.m)
	}
	return d, true
}

// lexMonthForm: "tháng M/Y", "tháng M năm Y", "tháng M1 - M2/Y",
// "tháng M" (year-less).
func lexMonthForm(l *dateLexer) (dateExpr, bool) {
	if !l.word("thang") {
		return dateExpr{}, false
	}
	l.spaces()
	m, _, ok := l.num()
	if !ok || m < 1 || m > 12 {
		return dateExpr{}, false
	}
	m2 := m
	p := l.pos
	if l.sep(false) || l.word(" va ") || l.word(" den ") {
		l.spaces()
		l.word("thang ")
		if n, _, ok := l.num(); ok && n > m && n <= 12 && (l.pos >= len(l.s) || l.s[l.pos] == '/' || l.s[l.pos] == ' ' || l.s[l.pos] == '-') {
			m2 = n
		} else {
			l.pos = p
		}
	}
	if m2 == m {
		m2 = l.monthList(m)
	}
	y, ok := l.year()
	if !ok {
		return dateExpr{prec: PrecMonth, m: m, d: 1, m2: m2}, true
	}
	prec := PrecMonth
	if m2 != m {
		prec = PrecRange
	}
	return dateExpr{prec: prec, y: y, m: m, d: 1, y2: y, m2: m2, d2: lastDay(y, m2)}, true
}

// monthList reads ", M2, M3/Y" after month m: a list of following
// months written with one year ("tháng 3, 4, 5, 6/2020") covers them
// all. It returns the last month, or m (the position kept) when no such
// list ends in a year.
func (l *dateLexer) monthList(m int) int {
	p, last := l.pos, m
	for l.listSep("thang ") {
		n, _, ok := l.num()
		if !ok || n != last+1 {
			break
		}
		last = n
		if q := l.pos; l.pos < len(l.s) && l.s[l.pos] == '/' {
			if _, ok := l.year(); ok {
				l.pos = q
				return last
			}
		}
	}
	l.pos = p
	return m
}

// listSep reads the separator of a list of dates: ", " or " và ", with
// the unit word (folded "thang ", "quy ") repeated after it or not.
func (l *dateLexer) listSep(unit string) bool {
	switch {
	case l.pos+2 < len(l.s) && l.s[l.pos] == ',' && l.s[l.pos+1] == ' ':
		l.pos += 2
	case l.pos+1 < len(l.s) && l.s[l.pos] == ' ' && l.word(" va "):
	default:
		return false
	}
	if unit != "" {
		_ = l.word(unit)
	}
	return true
}

// dayRange reads "-D2/M[/Y]", ", D2/M/Y" or " và D2/M/Y" after the day d
// of "ngày": "ngày 15-16/9/2023", "ngày 15 và 16/9/2023" cover both days.
func (l *dateLexer) dayRange(d int) (dateExpr, bool) {
	p := l.pos
	if p >= len(l.s) || l.s[p] == '/' || l.s[p] == '.' {
		return dateExpr{}, false // "ngày 15/9": the usual case, told at once
	}
	if !l.listSep("") && !l.sep(false) {
		return dateExpr{}, false
	}
	d2, _, ok := l.num()
	if !ok || d2 <= d || d2 > 31 || !l.sep(false) {
		l.pos = p
		return dateExpr{}, false
	}
	m, _, ok := l.num()
	if !ok || m < 1 || m > 12 {
		l.pos = p
		return dateExpr{}, false
	}
	y, _ := l.year()
	return dateExpr{prec: PrecRange, y: y, m: m, d: d, y2: y, m2: m, d2: d2, hasNgay: true}, true
}

// year reads "/Y", "-Y" or " năm Y"; the position is kept on failure.
func (l *dateLexer) year() (int, bool) {
	p := l.pos
	if l.sep(false) {
		if y, w, ok := l.num(); ok && w == 4 {
			return y, true
		}
	}
	l.pos = p
	l.spaces()
	if l.word("nam") {
		l.spaces()
		if y, w, ok := l.num(); ok && w == 4 {
			return y, true
		}
	}
	l.pos = p
	return 0, false
}

// lexQuarterForm: "quý III-2021", "quý II/2023", "quý 2/2018", "quý I năm 2022",
// and a range "quý II - III/2024".
func lexQuarterForm(l *dateLexer) (dateExpr, bool) {
	if !l.word("quy") && !l.word("qui") { // "quí", the old spelling
		return dateExpr{}, false
	}
	l.spaces()
	q := l.quarter()
	if q == 0 {
		return dateExpr{}, false
	}
	q2 := q
	if p := l.pos; l.sep(false) {
		_ = l.word("quy ") || l.word("qui ")
		// a later quarter not followed by a digit: "III-2021" is the year
		if n := l.quarter(); n > q && l.pos < len(l.s) && !isDigit(l.s[l.pos]) {
			q2 = n
		} else {
			l.pos = p
		}
	}
	for p := l.pos; q2 < 4 && l.listSep("quy "); p = l.pos { // "quý III, IV/2023", "quý III và quý IV/2023"
		if n := l.quarter(); n != q2+1 {
			l.pos = p
			break
		}
		q2++
	}
	y, ok := l.year()
	if !ok {
		return dateExpr{}, false
	}
	m1, m2 := 3*q-2, 3*q2
	prec := PrecQuarter
	if q2 != q {
		prec = PrecRange
	}
	return dateExpr{prec: prec, y: y, m: m1, d: 1, y2: y, m2: m2, d2: lastDay(y, m2)}, true
}

// quarter reads a quarter's number, Roman or Arabic, or gives 0.
func (l *dateLexer) quarter() int {
	for _, r := range []struct {
		pat string
		q   int
	}{{"iv", 4}, {"iii", 3}, {"ii", 2}, {"i", 1}, {"4", 4}, {"3", 3}, {"2", 2}, {"1", 1}} {
		if l.word(r.pat) {
			return r.q
		}
	}
	return 0
}

// lexYearForm: "năm 2025".
func lexYearForm(l *dateLexer) (dateExpr, bool) {
	if !l.word("nam") {
		return dateExpr{}, false
	}
	l.spaces()
	y, w, ok := l.num()
	if !ok || w != 4 || !atWordEnd(l.s, l.pos) {
		return dateExpr{}, false
	}
	return dateExpr{prec: PrecYear, y: y, m: 1, d: 1, y2: y, m2: 12, d2: 31}, true
}

func (d dateExpr) valid() bool {
	if d.y != 0 && (d.y < 1945 || d.y > 2100) {
		return false
	}
	if d.m < 1 || d.m > 12 || d.d < 1 {
		return false
	}
	if d.y != 0 && d.d > lastDay(d.y, d.m) {
		return false
	}
	return d.d <= 31
}

// withYear fills a missing year.
func (d dateExpr) withYear(y int) dateExpr {
	if d.y == 0 {
		d.y = y
	}
	if d.y2 == 0 {
		d.y2 = d.y
	}
	if d.d2 == 0 {
		d.d2 = lastDay(d.y2, d.m2)
	}
	return d
}

func lastDay(y, m int) int {
	if m < 1 || m > 12 {
		return 31
	}
	if y == 0 {
		y = 2000
	}
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) { // the leap years of time.Date
		return 29
	}
	return int(monthDays[m-1]) // time.Date(y, m+1, 0, …).Day(), without its arithmetic
}

var monthDays = [12]uint8{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func isoDate(y, m, d int) string {
	if y == 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99 {
		return ""
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

// startISO and endISO format the first and last day.
func (d dateExpr) startISO() string { return isoDate(d.y, d.m, d.d) }
func (d dateExpr) endISO() string   { return isoDate(d.y2, d.m2, d.d2) }

// dateWords open a date phrase that does not start with a digit.
var dateWords = map[string]bool{"ngay": true, "thang": true, "nam": true, "quy": true, "qui": true, "dau": true, "giua": true, "cuoi": true}

// findDates returns every date phrase in s[from:to], left to right.
func findDates(s string, from, to int) []dateExpr {
	return findDatesT(s, tokenize(s), from, to)
}

var (
	keyDau, keyGiua, keyCuoi = keyOf("dau"), keyOf("giua"), keyOf("cuoi")
	keyThang, keyNam         = keyOf("thang"), keyOf("nam")
	keyQuy, keyQui           = keyOf("quy"), keyOf("qui")
	keyI, keyII              = keyOf("i"), keyOf("ii")
	keyIII, keyIV            = keyOf("iii"), keyOf("iv")
)

// datePlausible: a date word is followed by a number ("năm 2025"), or a
// part word by "tháng"/"năm" ("đầu tháng 11").
func datePlausible(ts tokens, k int) bool {
	t := ts[k]
	if t.role()&roleDigit != 0 || t.key() == 0 {
		return true
	}
	n := ts.next(k)
	switch t.key() {
	case keyDau, keyGiua, keyCuoi:
		return n.key() == keyThang || n.key() == keyNam
	case keyQuy, keyQui: // "quý III-2021"
		return n.role()&roleDigit != 0 || n.key() == keyI || n.key() == keyII || n.key() == keyIII || n.key() == keyIV
	}
	return n.role()&roleDigit != 0
}

func findDatesT(s string, ts tokens, from, to int) []dateExpr {
	var out []dateExpr
	ts.scanIdx(from, to, roleDate|roleDigit, func(k int) int {
		i := int(ts[k].start)
		if !datePlausible(ts, k) {
			return i + 1
		}
		if d, ok := lexDate(s[:to], i); ok {
			out = append(out, d)
			return d.end
		}
		return i + 1
	})
	return out
}
