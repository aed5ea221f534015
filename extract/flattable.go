package extract

import "strings"

// A .docx table copied as plain text can lose its layout and put every
// cell on its own line: "STT" / "Nội dung công việc" / "Đơn vị chủ trì" /
// "Thời gian hoàn thành", then "1" / "Tổ chức hội nghị" / "Sở Tư pháp" /
// "Quý II/2024", "2" / …. flatTables puts each such row back on one line,
// its cells parted by tabs, so that it reads like any tabbed table. The
// table is recognised by its header: a row-number cell ("STT", "TT", "Số
// TT"), then short column names, one of them a time column, then the row
// "1"; each row must open with the next number and have one line per
// column. Where that stops holding, the lines are left as they are.

// flatTables rewrites the one-cell-per-line tables of lines.
func flatTables(lines []string) []string {
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if len(l) > 9 || len(l) < 2 || l[0] != 'S' && l[0] != 'T' && l[0] != 's' {
			continue // the cheap test: "STT", "TT", "Số TT"
		}
		if !rowNumberHeader(l) {
			continue
		}
		n := flatHeader(lines, i)
		if n == 0 {
			continue
		}
		lines = flatRows(lines, i, n)
	}
	return lines
}

func rowNumberHeader(l string) bool {
	switch foldString(l) {
	case "stt", "tt", "so tt":
		return true
	}
	return false
}

// flatHeader returns the number of columns of the header that starts at
// lines[i], or 0 when the lines there are no such header.
func flatHeader(lines []string, i int) int {
	timeCol := false
	for k := i + 1; k < len(lines) && k <= i+8; k++ {
		l := lines[k]
		if l == "1" || l == "1." {
			if timeCol && k-i >= 3 {
				return k - i
			}
			return 0
		}
		if l == "" || len(l) > 60 || strings.ContainsAny(l, "0123456789\t:;") {
			return 0
		}
		t, _, _ := tableColumns([]cell{{s: l}})
		timeCol = timeCol || t == 0
	}
	return 0
}

// flatRows joins the header at lines[i] and the rows below it, n lines
// each; it returns the new lines.
func flatRows(lines []string, i, n int) []string {
	out := append(lines[:i:i], strings.Join(lines[i:i+n], "\t"))
	k := i + n
	for num := 1; flatRow(lines, k, n, num); num++ {
		out = append(out, strings.Join(lines[k:k+n], "\t"))
		k += n
	}
	return append(out, lines[k:]...)
}

// flatRow: the n lines at lines[k] open with row number num, none is
// blank, and the next line opens the next row, is blank, is a heading or
// there is none.
func flatRow(lines []string, k, n, num int) bool {
	if k+n > len(lines) || strings.TrimSuffix(lines[k], ".") != itoa(num) {
		return false
	}
	next := itoa(num + 1)
	for _, c := range lines[k+1 : k+n] {
		if c == "" || c == next {
			return false
		}
	}
	if k+n == len(lines) {
		return true
	}
	after := lines[k+n]
	typ, _, _ := parseMarker(after)
	return after == "" || strings.TrimSuffix(after, ".") == next || typ != mkNone
}
