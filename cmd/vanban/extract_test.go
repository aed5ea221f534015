package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"vanban/convert"
	"vanban/extract"
)

// summary is what must survive a change of file format or encoding.
func summary(d *extract.Document) string {
	var refs, dls, secs []string
	for _, r := range d.References {
		refs = append(refs, r.ID)
	}
	for _, x := range d.Deadlines {
		dls = append(dls, x.Start+".."+x.End)
	}
	for _, s := range d.Sections {
		secs = append(secs, s.Heading)
	}
	slices.Sort(refs)
	slices.Sort(dls)
	return fmt.Sprintf("%s|%s|%s\nrefs %v\ndeadlines %v\nsections %v", d.Kind, d.Symbol, d.Date, refs, dls, secs)
}

// TestConvertedExtraction: every corpus document converted to another
// encoding or format (testdata/convert: UTF-16, Windows-1258, TCVN3, VNI,
// legacy-font Unicode, .docx, .html, .pdf through pdftotext) gives the same
// header, references, deadlines and sections as the UTF-8 original.
func TestConvertedExtraction(t *testing.T) {
	originals, _ := filepath.Glob("../../corpus/*.txt")
	if len(originals) == 0 {
		t.Fatal("no corpus")
	}
	checked := 0
	for _, orig := range originals {
		stem := strings.TrimSuffix(filepath.Base(orig), ".txt")
		raw, err := os.ReadFile(orig)
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := extractFile(raw, orig, "")
		if err != nil {
			t.Fatal(err)
		}
		fixtures, _ := filepath.Glob("../../testdata/convert/" + stem + ".*")
		for _, f := range fixtures {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got, _, err := extractFile(b, f, "")
			if err != nil {
				if strings.HasSuffix(f, ".pdf") && errors.Is(err, convert.ErrNoPdftotext) {
					t.Skipf("%s: %v (install poppler-utils)", filepath.Base(f), err)
				}
				t.Errorf("%s: %v", filepath.Base(f), err)
				continue
			}
			checked++
			g, w := summary(got), summary(want)
			if g == w {
				continue
			}
			t.Errorf("%s:\n got %s\nwant %s", filepath.Base(f), g, w)
		}
	}
	if checked < 50 {
		t.Errorf("only %d converted fixtures checked", checked)
	}
}
