package extract

import "strings"

// Pandoc writes a table as plain text with its columns laid out in spaces
// under a rule of dashes, one run per column ("---------- -------- ------").
// A cell too long for its column wraps onto the next lines, under its
// column; in a multiline table (a full rule above the header) the rows are
// parted by blank lines. pandocTables rewrites each such table as one
// tab-separated line per row, the wrapped lines joined cell by cell, so
// that it reads like any tabbed table. Lines with a tab are left alone:
// what was rewritten once is not rewritten again.

func pandocTables(s string) string {
	ls := strings.Split(s, "\n")
	out := make([]string, 0, len(ls))
	for i := 0; i < len(ls); i++ {
		cols := columnRule(ls[i])
		h := headerStart(out)
		if cols == nil || h == len(out) {
			out = append(out, ls[i])
			continue
		}
		head, ok := joinCells(out[h:], cols)
		if !ok || nonEmpty(head) < 2 {
			out = append(out, ls[i])
			continue
		}
		multiline := h > 0 && dashOnly(out[h-1])
		out = append(out[:h], strings.Join(head, "\t"), strings.TrimSpace(ls[i]))
		var end int
		out, end = pandocRows(out, ls, i+1, cols, multiline)
		i = end - 1
	}
	return strings.Join(out, "\n")
}

// headerStart: the header is the last lines of out (at most three) after
// a blank line or a rule.
func headerStart(out []string) int {
	h := len(out)
	for h > 0 && len(out)-h < 3 && strings.TrimSpace(out[h-1]) != "" && !dashOnly(out[h-1]) {
		h--
	}
	return h
}

// pandocRows appends the rows that start at ls[j] and returns the index
// of the first line after the table.
func pandocRows(out, ls []string, j int, cols []int, multiline bool) ([]string, int) {
	var row []string
	for ; j < len(ls); j++ {
		t := strings.TrimSpace(ls[j])
		cells, ok := splitCells(ls[j], cols)
		if t == "" || dashOnly(t) || !ok || row == nil || !multiline && cells[0] != "" {
			out = appendRow(out, row)
			row = nil
		}
		switch {
		case t == "" && multiline:
			out = append(out, t)
		case t == "" || !ok:
			return out, j
		case dashOnly(t):
			return append(out, t), j + 1 // the closing rule
		case row == nil:
			row = cells
		default:
			addCells(row, cells)
		}
	}
	return appendRow(out, row), j
}

func appendRow(out, row []string) []string {
	if row == nil {
		return out
	}
	return append(out, strings.Join(row, "\t"))
}

// columnRule returns where each run of dashes starts in a rule of at
// least two runs ("  ------ ---- -----"), or nil.
func columnRule(l string) []int {
	var cols []int
	for i := 0; i < len(l); {
		switch {
		case l[i] == ' ':
			i++
		case l[i] == '-':
			j := i
			for j < len(l) && l[j] == '-' {
				j++
			}
			if j-i < 2 {
				return nil
			}
			cols = append(cols, i)
			i = j
		default:
			return nil
		}
	}
	if len(cols) < 2 {
		return nil
	}
	return cols
}

// dashOnly: a rule of dashes, with or without column gaps.
func dashOnly(l string) bool {
	t := strings.TrimSpace(l)
	if len(t) < 3 || t[0] != '-' {
		return false
	}
	for i := 1; i < len(t); i++ {
		if t[i] != '-' && t[i] != ' ' {
			return false
		}
	}
	return true
}

// splitCells cuts a line at the columns (counted in characters). It fails
// on a tab, on text left of the first column and on a word across a
// column's start: such a line is no row of the table.
func splitCells(l string, cols []int) ([]string, bool) {
	if strings.IndexByte(l, '\t') >= 0 {
		return nil, false
	}
	rs := []rune(l)
	if strings.TrimSpace(string(rs[:min(cols[0], len(rs))])) != "" {
		return nil, false
	}
	cells := make([]string, len(cols))
	for k, from := range cols {
		to := len(rs)
		if k+1 < len(cols) {
			to = min(cols[k+1], len(rs))
		}
		if from >= len(rs) {
			break
		}
		if from > 0 && rs[from-1] != ' ' && rs[from] != ' ' {
			return nil, false
		}
		cells[k] = strings.Join(strings.Fields(string(rs[from:to])), " ")
	}
	return cells, true
}

// joinCells reads lines that together make one row.
func joinCells(ls []string, cols []int) ([]string, bool) {
	var row []string
	for _, l := range ls {
		cells, ok := splitCells(l, cols)
		if !ok {
			return nil, false
		}
		if row == nil {
			row = cells
		} else {
			addCells(row, cells)
		}
	}
	return row, true
}

func addCells(row, cells []string) {
	for k, c := range cells {
		switch {
		case c == "":
		case row[k] == "":
			row[k] = c
		default:
			row[k] += " " + c
		}
	}
}

func nonEmpty(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n
}
