package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtract extracts every corpus document; MB/s is over the raw
// input bytes.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob("../corpus/*.txt")
	var docs [][]byte
	total := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, raw)
		total += len(raw)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range docs {
			if _, _, err := Extract(raw); err != nil {
				b.Fatal(err)
			}
		}
	}
}
