package extract

import "strings"

// Deadlines also stand in tables: a header row names the columns ("Nội
// dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành") and each
// row gives a task, the body in charge and its time.

// cell is one tab-separated cell of a table row, with its offsets.
type cell struct {
	s          string
	start, end int
}

// isTableRow reports whether a line is a table row: tab-separated cells,
// or a markdown pipe row ("| 1 | Ban hành đề cương | Tháng 6/2024 |").
func isTableRow(s string) bool {
	if isPipeRow(s) {
		return true
	}
	i := strings.IndexByte(s, '\t')
	return i >= 0 && !tabbedListItem(s, i)
}

// tabbedListItem: the only tab of a line (the first at i) follows its list
// marker, as a .docx copy writes a numbered paragraph ("1.\tCông tác
// tuyên truyền …"): a list item, not a table row.
func tabbedListItem(s string, i int) bool {
	typ, _, end := parseMarker(s)
	return typ != mkNone && end > i && !strings.ContainsRune(s[end:], '\t')
}

func isPipeRow(s string) bool {
	return strings.HasPrefix(s, "|") && strings.Count(s, "|") >= 3
}

func cellsOf(l line) []cell {
	var out []cell
	off := l.start
	sep := "\t"
	if isPipeRow(l.s) {
		sep = "|"
	}
	for _, c := range strings.Split(l.s, sep) {
		t := strings.TrimSpace(c)
		lead := strings.Index(c, t)
		if t != "" {
			out = append(out, cell{s: t, start: off + lead, end: off + lead + len(t)})
		} else {
			out = append(out, cell{start: off, end: off})
		}
		off += len(c) + 1
	}
	return out
}

// tableColumns finds the time, body and task columns of a header row.
func tableColumns(cs []cell) (timeCol, bodyCol, taskCol int) {
	timeCol, bodyCol, taskCol = -1, -1, -1
	for i, c := range cs {
		f := foldString(c.s)
		switch {
		case strings.Contains(f, "thoi gian") || strings.Contains(f, "thoi han") || strings.Contains(f, "tien do"):
			timeCol = i
		case strings.Contains(f, "chu tri") || strings.Contains(f, "co quan") || strings.Contains(f, "don vi") || strings.Contains(f, "trach nhiem") || strings.Contains(f, "chu the"):
			if bodyCol < 0 {
				bodyCol = i
			}
		case strings.Contains(f, "noi dung") || strings.Contains(f, "nhiem vu") || strings.Contains(f, "cong viec"):
			taskCol = i
		}
	}
	return
}

// tableDeadlines reads the deadlines of the tables in lines [from, to).
func (c *deadlineCtx) tableDeadlines(ls []line, from, to int) []*Deadline {
	var out []*Deadline
	timeCol, bodyCol, taskCol := -1, -1, -1
	for i := from; i < to; i++ {
		l := ls[i]
		if !isTableRow(l.s) {
			if l.s != "" && !(l.s[0] == '-' && dashOnly(l.s)) { // a rule stays in the table
				timeCol = -1
			}
			continue
		}
		if timeCol < 0 && !containsFold(l.s, "thoi") && !containsFold(l.s, "tien do") {
			continue // no time column above, and this row names none
		}
		cs := cellsOf(l)
		if t, b, k := tableColumns(cs); t >= 0 {
			timeCol, bodyCol, taskCol = t, b, k
			continue
		}
		if timeCol < 0 || timeCol >= len(cs) {
			continue
		}
		if d := c.cellDeadline(cs[timeCol]); d != nil {
			if bodyCol >= 0 && bodyCol < len(cs) {
				d.Responsible = Str(cs[bodyCol].s)
			}
			if taskCol >= 0 && taskCol < len(cs) {
				d.Task = Str(cs[taskCol].s)
			}
			out = append(out, d)
		}
	}
	return out
}

// cellDeadline reads a time cell that is one date phrase.
func (c *deadlineCtx) cellDeadline(x cell) *Deadline {
	if x.s == "" {
		return nil
	}
	ds := findDatesT(c.text, c.toks, x.start, x.end)
	if len(ds) == 0 {
		return nil
	}
	d := ds[len(ds)-1]
	if len(ds) == 2 {
		if r, ok := c.joinRange(ds[0], ds[1]); ok {
			d = r
		}
	}
	d = c.fillYear(d)
	if d.y == 0 || c.past(d, true) {
		return nil
	}
	start := c.phraseStart(d)
	return &Deadline{Text: c.text[start:d.end], Start: d.startISO(), End: d.endISO(), Precision: d.prec, Span: Span{start, d.end}}
}
