package api

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// deadlinesICS writes an RFC 5545 calendar: one all-day VEVENT per
// deadline from its start to its end (DTEND is exclusive: the day after
// the end), lines ended by CRLF and folded at 75 octets. UIDs are stable
// across exports (document id, deadline span, dates). Deadlines whose
// dates cannot be read are left out.
func deadlinesICS(dls []Deadline, now time.Time) []byte {
	var b bytes.Buffer
	w := icsWriter{&b}
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//vanban//deadlines//VI")
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	w.line("X-WR-CALNAME:" + icsText("Thời hạn — vanban"))
	stamp := now.UTC().Format("20060102T150405Z")
	for _, d := range dls {
		start, err1 := time.Parse(time.DateOnly, d.Start)
		end, err2 := time.Parse(time.DateOnly, d.End)
		if err1 != nil {
			continue
		}
		if err2 != nil || end.Before(start) {
			end = start
		}
		w.line("BEGIN:VEVENT")
		w.line(fmt.Sprintf("UID:%s-%d-%d-%s-%s@vanban", d.DocID, d.Span[0], d.Span[1], start.Format("20060102"), end.Format("20060102")))
		w.line("DTSTAMP:" + stamp)
		w.line("DTSTART;VALUE=DATE:" + start.Format("20060102"))
		w.line("DTEND;VALUE=DATE:" + end.AddDate(0, 0, 1).Format("20060102"))
		w.line("SUMMARY:" + icsText(summary(d)))
		w.line("DESCRIPTION:" + icsText(description(d)))
		w.line("TRANSP:TRANSPARENT")
		w.line("END:VEVENT")
	}
	w.line("END:VCALENDAR")
	return b.Bytes()
}

func summary(d Deadline) string {
	what := d.Task
	if what == "" {
		what = d.Text
	}
	if d.Symbol != "" {
		what = d.Symbol + ": " + what
	}
	return truncate(what, 200)
}

func description(d Deadline) string {
	var parts []string
	add := func(label, v string) {
		if v != "" {
			parts = append(parts, label+": "+v)
		}
	}
	add("Thời hạn", d.Text)
	add("Chịu trách nhiệm", d.Responsible)
	add("Nhiệm vụ", d.Task)
	add("Văn bản", strings.TrimSpace(d.Symbol+" "+d.Issuer))
	add("Trích yếu", d.Title)
	add("Mục", d.Section)
	add("Mã văn bản", d.DocID)
	return strings.Join(parts, "\n")
}

// truncate cuts s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:runeStart(s, n)] + "…"
}

// icsText escapes a TEXT value (RFC 5545 3.3.11); control characters
// other than tab, which TEXT cannot hold, are dropped.
func icsText(s string) string {
	s = icsEscaper.Replace(s)
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

var icsEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

type icsWriter struct{ b *bytes.Buffer }

// line writes one content line folded at 75 octets (RFC 5545 3.1):
// continuation lines start with a space; UTF-8 sequences are not split.
func (w icsWriter) line(s string) {
	const max = 75
	limit := max
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.b.WriteString(s[:cut])
		w.b.WriteString("\r\n ")
		s = s[cut:]
		limit = max - 1 // the leading space counts
	}
	w.b.WriteString(s)
	w.b.WriteString("\r\n")
}
