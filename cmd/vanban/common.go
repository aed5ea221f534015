package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"vanban/extract"
	"vanban/index"
)

var errIndexInUse = errors.New("the index is in use by another vanban process (a running `vanban serve`?): stop it, or query it over HTTP")

// indexDir is where the index of a data directory lives.
func indexDir(data string) string { return filepath.Join(data, "index") }

// openIndex opens (or creates) the index of a data directory.
func openIndex(data string) (*index.Index, error) {
	dir := indexDir(data)
	if err := checkNotLocked(dir); err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	if err := os.MkdirAll(data, 0o755); err != nil {
		return nil, err
	}
	idx, err := index.Open(dir)
	if errors.Is(err, index.ErrSchema) {
		return nil, fmt.Errorf("%s: %w (remove the folder and index again; `vanban serve` re-indexes the corpus into an empty index)", dir, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	return idx, nil
}

// readDocument reads a file's bytes as `vanban extract` does: converted
// from its format and encoding (docx, pdf, html, legacy encodings), then
// extracted.
func readDocument(raw []byte, name string) (*extract.Document, string, error) {
	return extractFile(raw, name, "")
}

// stderrIsTerminal tells whether progress bars may be drawn.
func stderrIsTerminal() bool { return term.IsTerminal(int(os.Stderr.Fd())) }

// progress returns a progress callback drawing a bar on stderr when it is
// a terminal, and a function that finishes the bar; nil callback otherwise.
func progress(total int, what string) (func(int), func()) {
	if !stderrIsTerminal() || total == 0 {
		return nil, func() {}
	}
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(os.Stderr),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	return func(n int) { bar.Add(n) }, func() { bar.Finish() }
}
