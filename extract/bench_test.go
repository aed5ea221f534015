package extract

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtract extracts every corpus document; MB/s is over the raw
// input bytes.
func BenchmarkExtract(b *testing.B) {
	docs, total := corpusBytes(b)
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

func corpusBytes(b *testing.B) ([][]byte, int) {
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
	return docs, total
}

// BenchmarkNormalize measures the normalisation pass alone.
func BenchmarkNormalize(b *testing.B) {
	docs, total := corpusBytes(b)
	b.SetBytes(int64(total))
	for b.Loop() {
		for _, raw := range docs {
			Normalize(raw)
		}
	}
}

// BenchmarkParse measures extraction from already normalised text.
func BenchmarkParse(b *testing.B) {
	docs, total := corpusBytes(b)
	var texts []string
	for _, raw := range docs {
		t, _ := Normalize(raw)
		texts = append(texts, t)
	}
	b.SetBytes(int64(total))
	for b.Loop() {
		for _, t := range texts {
			Parse(t)
		}
	}
}

// BenchmarkAdversarial extracts inputs that once made extraction
// quadratic: one 220 KB line of citations, and 200 KB of junk.
func BenchmarkAdversarial(b *testing.B) {
	line := bytes.Repeat([]byte("Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban "), 4000)
	r := rand.New(rand.NewSource(1))
	junk := make([]byte, 200000)
	alphabet := []byte("aàá ếệ.,;:\n\t0123456789/-()NQKLTWUBND")
	for i := range junk {
		junk[i] = alphabet[r.Intn(len(alphabet))]
	}
	for name, in := range map[string][]byte{"one-line": line, "junk": junk} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				Extract(in)
			}
		})
	}
}
