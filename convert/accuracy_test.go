package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// legacyWritable reports whether every character of s exists in the
// legacy encodings (Vietnamese letters, Windows-1252).
func legacyWritable(s string) bool {
	for _, r := range norm.NFC.String(s) {
		if r < 0x100 || isCP1252High(r) || vnLookup(r).base != 0 {
			continue
		}
		return false
	}
	return true
}

// TestDetectorAccuracyWide re-encodes the extractor's UTF-8 test
// documents (not the fixtures' corpus) in every legacy encoding and
// checks the detector on whole documents (must be 100%) and on single
// lines of 40 characters or more (reported, floor 97%).
func TestDetectorAccuracyWide(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*.txt")
	if len(files) == 0 {
		t.Skip("no extractor test documents")
	}
	variants := []string{"windows-1258", "tcvn3", "vni", "tcvn3-font", "vni-font", "utf-8"}
	var docOK, docN, lineOK, lineN int
	misses := map[string]int{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		if !legacyWritable(text) {
			continue
		}
		var lines []string
		for _, l := range strings.Split(text, "\n") {
			if l = strings.TrimSpace(l); len([]rune(l)) >= 40 && strings.IndexFunc(l, func(r rune) bool { return r > 0x7F && unicode.IsLetter(r) }) >= 0 {
				lines = append(lines, l)
			}
		}
		for _, v := range textVariants {
			if !contains(variants, v.name) {
				continue
			}
			docN++
			res, _ := Convert(v.enc(t, text), "", "")
			if res.Encoding == v.name {
				docOK++
			} else {
				t.Errorf("%s as %s: detected %s", filepath.Base(f), v.name, res.Encoding)
			}
			for _, l := range lines {
				lineN++
				res, _ := Convert(v.enc(t, l), "", "")
				if res.Encoding == v.name {
					lineOK++
				} else {
					misses[v.name+"→"+res.Encoding]++
				}
			}
		}
	}
	t.Logf("whole documents: %d/%d detected right", docOK, docN)
	if lineN > 0 {
		acc := float64(lineOK) / float64(lineN)
		t.Logf("single lines: %d/%d = %.2f%% detected right; misses %v", lineOK, lineN, 100*acc, misses)
		if acc < 0.97 {
			t.Errorf("line accuracy %.2f%% below 97%%", 100*acc)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
