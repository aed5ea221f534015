package extract

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func addCorpusSeeds(f *testing.F) {
	files, _ := filepath.Glob("../corpus/*.txt")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// a few short fragments per document: long seeds stall Go's fuzzer
		for _, at := range []int{0, len(b) / 3, 2 * len(b) / 3} {
			f.Add(b[at:min(len(b), at+320)])
		}
	}
	f.Add([]byte("KẾ HOẠCH\nSố: 1961/QĐUBND\n\nI. MỤC ĐÍCH\n- trước ngày 30/6/2023\n"))
	f.Add([]byte("\xff\xfe\x00bad"))
}

// FuzzExtract: the parser never panics and keeps its contracts.
func FuzzExtract(f *testing.F) {
	addCorpusSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) > 32<<10 {
			t.Skip("large inputs are covered by BenchmarkAdversarial; keep the fuzzer fast")
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			Extract(raw)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Extract does not finish on %d bytes: %q", len(raw), raw)
		}
		checkInvariants(t, raw)
	})
}

// FuzzLexDate: the date recogniser never panics and returns spans in
// bounds.
func FuzzLexDate(f *testing.F) {
	for _, s := range []string{"ngày 02 tháng 6 năm 2023", "03/6/2013", "quý III-2021", "tháng 9 - 10/2023", "đầu tháng 11/2014", "6 tháng đầu năm 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range findDates(s, 0, len(s)) {
			if d.start < 0 || d.end > len(s) || d.start > d.end {
				t.Fatalf("bad span %d..%d", d.start, d.end)
			}
			_ = d.startISO()
			_ = d.endISO()
		}
	})
}

// FuzzParseMarker: the line classifier never panics and its offsets stay
// inside the line.
func FuzzParseMarker(f *testing.F) {
	for _, s := range []string{"I. MỤC ĐÍCH", "1.1. Việc", "(1) Thanh tra", "a) Sở", "- Ban", "Phần thứ nhất", "Chương II", "Điều 3.", "A- ĐÁNH GIÁ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, l string) {
		_, _, end := parseMarker(l)
		if end < 0 || end > len(l) {
			t.Fatalf("end %d outside %q", end, l)
		}
	})
}

// FuzzLexSymbol: the symbol recogniser never panics and stays in bounds.
func FuzzLexSymbol(f *testing.F) {
	for _, s := range []string{"25-NQ/TW", "58KH/TU", "13 -CTr/TU", "15/2020/NĐ-CP", "1961/QĐUBND", "30c/NQ-CP", "100 - KL/TW"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			if m, ok := lexSymbol(s, i); ok && (m.end > len(s) || m.end < i) {
				t.Fatalf("bad end %d", m.end)
			}
		}
		for _, m := range findMentions(s) {
			if m.start < 0 || m.tailEnd > len(s) || m.end > m.tailEnd {
				t.Fatalf("bad mention span %d..%d..%d", m.start, m.end, m.tailEnd)
			}
		}
	})
}
