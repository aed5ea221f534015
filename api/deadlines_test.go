package api

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

const window = "/api/v1/deadlines?from=2014&to=2024"

// The CSV has a header and one row per deadline of the JSON, in order.
func TestDeadlinesCSV(t *testing.T) {
	f := corpusFixture(t)
	js := decode[DeadlinesResponse](t, f.get(t, window, 200))
	rec := f.get(t, window+"&format=csv", 200)
	if ct := rec.Header().Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	body := rec.Body.String()
	if !strings.HasSuffix(body, "\r\n") {
		t.Error("CSV lines do not end with CRLF")
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], csvHeader) {
		t.Errorf("header %v", rows[0])
	}
	if len(rows)-1 != js.Total || js.Total == 0 {
		t.Fatalf("%d rows, %d deadlines", len(rows)-1, js.Total)
	}
	for i, d := range js.Deadlines {
		r := rows[i+1]
		if r[0] != d.Start || r[1] != d.End || r[3] != d.Text || r[4] != d.Responsible || r[5] != d.Task || r[7] != d.DocID {
			t.Errorf("row %d %v differs from %+v", i, r, d)
		}
	}
}

// The ICS is valid RFC 5545: CRLF, lines folded at 75 octets on UTF-8
// boundaries, one all-day VEVENT per deadline with UID, DTSTAMP and an
// exclusive DTEND.
func TestDeadlinesICS(t *testing.T) {
	f := corpusFixture(t)
	js := decode[DeadlinesResponse](t, f.get(t, window, 200))
	rec := f.get(t, window+"&format=ics", 200)
	if ct := rec.Header().Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	events := parseICS(t, rec.Body.Bytes())
	if len(events) != js.Total || js.Total == 0 {
		t.Fatalf("%d events, %d deadlines", len(events), js.Total)
	}
	uids := map[string]bool{}
	for i, ev := range events {
		d := js.Deadlines[i]
		if uids[ev["UID"]] || ev["UID"] == "" {
			t.Errorf("UID %q missing or repeated", ev["UID"])
		}
		uids[ev["UID"]] = true
		if _, err := time.Parse("20060102T150405Z", ev["DTSTAMP"]); err != nil {
			t.Errorf("DTSTAMP %q", ev["DTSTAMP"])
		}
		start, _ := time.Parse(time.DateOnly, d.Start)
		end, _ := time.Parse(time.DateOnly, d.End)
		if ev["DTSTART;VALUE=DATE"] != start.Format("20060102") || ev["DTEND;VALUE=DATE"] != end.AddDate(0, 0, 1).Format("20060102") {
			t.Errorf("event %d: %s..%s for %s..%s", i, ev["DTSTART;VALUE=DATE"], ev["DTEND;VALUE=DATE"], d.Start, d.End)
		}
		if !strings.Contains(ev["DESCRIPTION"], icsText(d.Text)) || ev["SUMMARY"] == "" {
			t.Errorf("event %d lacks the deadline text", i)
		}
	}
	again := parseICS(t, f.get(t, window+"&format=ics", 200).Body.Bytes())
	if again[0]["UID"] != events[0]["UID"] {
		t.Error("UIDs change between exports")
	}
}

// parseICS checks the physical form and returns the unfolded properties
// of each VEVENT (name with parameters → value).
func parseICS(t *testing.T, b []byte) []map[string]string {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Fatal("does not end with CRLF")
	}
	phys := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	var lines []string
	for i, l := range phys {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF", i)
		}
		if len(l) > 75 {
			t.Fatalf("line %d has %d octets", i, len(l))
		}
		if !utf8.ValidString(l) {
			t.Fatalf("line %d splits a UTF-8 sequence", i)
		}
		if strings.HasPrefix(l, " ") {
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" || !slices.Contains(lines, "VERSION:2.0") ||
		!slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "PRODID:") }) {
		t.Fatalf("calendar envelope: %v", lines[:min(len(lines), 6)])
	}
	var events []map[string]string
	var cur map[string]string
	for _, l := range lines {
		switch {
		case l == "BEGIN:VEVENT":
			cur = map[string]string{}
		case l == "END:VEVENT":
			events = append(events, cur)
			cur = nil
		case cur != nil:
			name, value, ok := strings.Cut(l, ":")
			if !ok {
				t.Fatalf("property without value: %q", l)
			}
			cur[name] = value
		}
	}
	return events
}

// Folding never splits a rune and keeps every line within 75 octets.
func TestICSFolding(t *testing.T) {
	for n := range 200 {
		s := "DESCRIPTION:" + strings.Repeat("ệ", n) + strings.Repeat("a", n%7)
		var b bytes.Buffer
		icsWriter{&b}.line(s)
		var unfolded strings.Builder
		for i, l := range strings.Split(strings.TrimSuffix(b.String(), "\r\n"), "\r\n") {
			if len(l) > 75 || !utf8.ValidString(l) {
				t.Fatalf("n=%d line %d: %d octets, valid %v", n, i, len(l), utf8.ValidString(l))
			}
			if i > 0 {
				l = strings.TrimPrefix(l, " ")
			}
			unfolded.WriteString(l)
		}
		if unfolded.String() != s {
			t.Fatalf("n=%d: unfolding does not give the line back", n)
		}
	}
	if got := icsText("a,b;c\\d\ne\x01"); got != `a\,b\;c\\d\ne` {
		t.Errorf("icsText = %q", got)
	}
}

// A deadline whose start cannot be read is left out of the calendar; an
// end before the start is a one-day event.
func TestICSOddDates(t *testing.T) {
	ics := string(deadlinesICS([]Deadline{{Start: "2023"}, {Start: "2023-05-02", End: "2023-05-01", DocID: "x"}}, time.Unix(0, 0)))
	if strings.Count(ics, "BEGIN:VEVENT") != 1 || !strings.Contains(ics, "DTEND;VALUE=DATE:20230503") {
		t.Errorf("odd dates:\n%s", ics)
	}
	if !strings.Contains(ics, fmt.Sprintf("DTSTAMP:%s", "19700101T000000Z")) {
		t.Error("DTSTAMP not from the clock")
	}
}
