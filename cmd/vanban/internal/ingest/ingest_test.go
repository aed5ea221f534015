package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"vanban/extract"
	"vanban/index"
)

// Files walks folders for documents, skipping hidden entries and other
// files; Run indexes the good ones and lists the others with the reason.
func TestFilesAndRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plan := "KẾ HOẠCH\nsơ kết Kết luận số 62-KL/TW của Bộ Chính trị, đợt "
	write("a.txt", plan+"một\n")
	write("sub/b.md", plan+"hai\n")
	write("sub/c.TXT", plan+"ba\n")
	write("binary.txt", "\x00\x01\x02")
	write("notes.json", "{}")
	write(".hidden/d.txt", plan+"bốn\n")
	write(".e.txt", plan+"năm\n")
	srcs, err := Files([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range srcs {
		names = append(names, filepath.Base(s.Name))
	}
	if want := []string{"a.txt", "binary.txt", "b.md", "c.TXT"}; !slices.Equal(names, want) {
		t.Errorf("Files = %v, want %v", names, want)
	}
	idx, err := index.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	ticks := 0
	st, err := Run(context.Background(), idx, srcs, Options{BatchSize: 2, Progress: func(n int) { ticks += n }})
	if err != nil {
		t.Fatal(err)
	}
	if st.Indexed != 3 || len(st.Failed) != 1 || !errors.Is(st.Failed[0].Err, extract.ErrBinary) || ticks != 4 {
		t.Errorf("stats %+v, %d ticks", st, ticks)
	}
	if n, _ := idx.Count(); n != 3 {
		t.Errorf("index holds %d documents", n)
	}
	if _, err := Files([]string{filepath.Join(dir, "missing")}); err == nil {
		t.Error("a missing path is not an error")
	}
}

// A cancelled run stops and says so.
func TestRunCancelled(t *testing.T) {
	idx, err := index.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	srcs := []Source{Bytes("x", []byte("KẾ HOẠCH\nabc\n"))}
	if _, err := Run(ctx, idx, srcs, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Run on a cancelled context: %v", err)
	}
}
