package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `vanban index` ingests files and folders, reports a summary, lists what
// it skipped and fails when something was skipped; `vanban search` then
// finds the documents.
func TestIndexAndSearchCommands(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(bad, []byte("\n \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	var out, errw bytes.Buffer
	err := runIndex([]string{"--data", data, "../../corpus", bad}, &out, &errw)
	if err == nil || !strings.Contains(err.Error(), "1 of 6 sources not indexed") {
		t.Errorf("runIndex error %v", err)
	}
	for _, want := range []string{"indexed 5 of 6 documents", "skipped " + bad, "holds 5 documents"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if err := runSearch([]string{"--data", data, "--cites", "kl 43", "--size", "5"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "3 documents match") || !strings.Contains(out.String(), "256-KH/TU") {
		t.Errorf("search --cites kl 43:\n%s", out.String())
	}
	out.Reset()
	if err := runSearch([]string{"--data", data, "ket", "luan", "62"}, &out); err != nil || !strings.Contains(out.String(), "«62-KL/TW»") {
		t.Errorf("search ket luan 62: %v\n%s", err, out.String())
	}
	if err := runSearch([]string{"--data", data, "--size", "500", "x"}, &out); err == nil {
		t.Error("size 500 accepted")
	}
}
